import { Module } from '@nestjs/common';
import { BodiesModule } from 'src/modules/bodies';
import { SearchApiController } from './search-api.controller';
import { SearchPagesController } from './search-pages.controller';
import { SearchRepository } from './search.repository';
import { SearchService } from './search.service';

/**
 * One public search across the province (issue 12, points 5 and 8): /cari, GET /api/v1/dip, the
 * request form's suggestions (/cari/saran) and the open-data catalogue (/data.json). Reads the
 * DIP's and, once merged, the published answers' tables; writes nothing.
 */
@Module({
  imports: [BodiesModule],
  controllers: [SearchApiController, SearchPagesController],
  providers: [SearchRepository, SearchService],
  exports: [SearchService],
})
export class SearchModule {}
