/** The search module's public surface: the app imports only from here. */
export { SEARCH_CATEGORIES, SEARCH_CATEGORY_LABELS } from './search-categories';
export type { SearchCategory } from './search-categories';
export { SearchModule } from './search.module';
export { SearchService } from './search.service';
