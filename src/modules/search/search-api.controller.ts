import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from 'src/config/app-config';
import { SearchApiQuery } from './dto/search-params';
import { presentApiItem, SearchApiItem } from './search.presenter';
import { DEFAULT_SEARCH_LIMIT, SearchService } from './search.service';

/** GET /api/v1/dip: the public search as JSON (a body's whole list stays at /api/v1/dip/<code>). */
@ApiTags('dip')
@Controller('api/v1/dip')
export class SearchApiController {
  constructor(
    private readonly search: SearchService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'One public search across the province: DIP items and published answers (category "jawaban"), by words (Indonesian word forms), body, category and year; best match first. Public, no personal data; a dikecualikan item gives its Pasal 17 ground as summary.',
  })
  @ApiOkResponse({ description: '{ items: [{ id, bodyCode, category, title, summary, url }] }' })
  @ApiResponse({ status: 400, description: '`errors` per parameter, in Indonesian' })
  async list(@Query() q: SearchApiQuery): Promise<{ items: SearchApiItem[] }> {
    const hits = await this.search.search({ q: q.q, bodyCode: q.body, category: q.category, year: q.year }, q.limit ?? DEFAULT_SEARCH_LIMIT);
    return { items: hits.map((h) => presentApiItem(h, this.config.appUrl)) };
  }
}
