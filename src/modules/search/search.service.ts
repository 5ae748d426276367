import { Injectable } from '@nestjs/common';
import { AppConfig } from 'src/config/app-config';
import { normalizeRegionCode } from 'src/modules/bodies';
import { SearchCategory } from './search-categories';
import { hasWords, suggestionQuery } from './search-terms';
import { CatalogueBody, SearchHit, SearchRepository } from './search.repository';

export interface SearchFilter {
  q?: string;
  bodyCode?: string;
  category?: SearchCategory;
  year?: number;
}

/** How many items the API answers unless asked for fewer or more (at most 100). */
export const DEFAULT_SEARCH_LIMIT = 50;

/** How many suggestions the request form shows. */
export const SUGGESTION_LIMIT = 5;

/**
 * One public search across the province (issue 12, point 5): DIP items and published answers, by
 * words in Indonesian word forms, body, category and year; and the request form's suggestions.
 * Everything it finds is public already; it needs no actor.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly config: AppConfig,
  ) {}

  /** A search of only signs (no letter or digit) looks for no words, like an empty one. */
  search(filter: SearchFilter, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
    return this.repo.search({
      text: hasWords(filter.q) ? filter.q : undefined,
      mode: 'search',
      bodyCode: filter.bodyCode === undefined ? undefined : (normalizeRegionCode(filter.bodyCode) ?? filter.bodyCode),
      category: filter.category,
      year: filter.year,
      timeZone: this.config.provinceTimeZone,
      limit,
    });
  }

  /** Up to five items of the body that can be read at once, matching what the citizen is typing. */
  async suggestions(text: string, bodyCode: string | undefined): Promise<SearchHit[]> {
    const query = suggestionQuery(text);
    if (query === null) return [];
    return this.repo.search({
      text: query,
      mode: 'suggest',
      bodyCode: bodyCode === undefined ? undefined : (normalizeRegionCode(bodyCode) ?? bodyCode),
      availableOnly: true,
      timeZone: this.config.provinceTimeZone,
      limit: SUGGESTION_LIMIT,
    });
  }

  catalogueBodies(): Promise<CatalogueBody[]> {
    return this.repo.catalogueBodies();
  }

  latestAnswerPublishedAt(): Promise<Date | null> {
    return this.repo.latestAnswerPublishedAt();
  }

  provinceBody(code: string): Promise<{ code: string; name: string; email: string | null } | null> {
    return this.repo.provinceBody(code);
  }
}
