import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ValidationFailed } from 'src/common/errors/domain-error';
import { parseDto } from 'src/common/forms/validate-dto';
import { AppConfig } from 'src/config/app-config';
import { BodiesService } from 'src/modules/bodies';
import { buildCatalogue, PodCatalogue, addressOf } from './catalogue';
import { SearchPageQuery, SuggestionQuery } from './dto/search-params';
import { presentSuggestion, searchPageView, SuggestionView } from './search.presenter';
import { DEFAULT_SEARCH_LIMIT, SearchFilter, SearchService } from './search.service';

type Params = Record<string, string | undefined>;

/** The public search page, the request form's suggestions, and the open-data catalogue. */
@ApiExcludeController()
@Controller()
export class SearchPagesController {
  constructor(
    private readonly search: SearchService,
    private readonly bodies: BodiesService,
    private readonly config: AppConfig,
  ) {}

  @Get('cari')
  async page(@Query() params: Params, @Res() res: Response): Promise<void> {
    const bodies = await this.bodies.listBodies();
    try {
      const q = parseDto(SearchPageQuery, params);
      const filter: SearchFilter = { q: q.q, bodyCode: q.badan, category: q.kategori, year: q.tahun };
      const searched = Object.values(filter).some((v) => v !== undefined);
      const hits = searched ? await this.search.search(filter) : [];
      res.render('search/index', searchPageView(bodies, params, filter, hits, {}, DEFAULT_SEARCH_LIMIT));
    } catch (e) {
      if (!(e instanceof ValidationFailed)) throw e;
      res.status(400).render('search/index', searchPageView(bodies, params, null, [], e.errors ?? {}, DEFAULT_SEARCH_LIMIT));
    }
  }

  /** What the request form shows while the citizen types (its script's only source). */
  @Get('cari/saran')
  @Header('Cache-Control', 'no-store')
  async suggestions(@Query() params: Params): Promise<{ items: SuggestionView[] }> {
    const q = parseDto(SuggestionQuery, params);
    const hits = await this.search.suggestions(q.teks ?? '', q.badan);
    return { items: hits.map(presentSuggestion) };
  }

  /** The catalogue open-data portals harvest (Project Open Data v1.1). */
  @Get('data.json')
  async catalogue(): Promise<PodCatalogue> {
    const [bodies, province, answersModified] = await Promise.all([
      this.search.catalogueBodies(),
      this.search.provinceBody(this.config.provinceCode),
      this.search.latestAnswerPublishedAt(),
    ]);
    return buildCatalogue({
      appUrl: this.config.appUrl,
      province: province ?? { code: this.config.provinceCode, name: `Provinsi ${this.config.provinceCode}`, email: null },
      bodies,
      fallbackEmail: addressOf(this.config.mailFrom),
      answersModified,
    });
  }
}
