import { EXEMPTION_GROUNDS } from 'src/modules/requests';
import { SEARCH_CATEGORIES, SEARCH_CATEGORY_LABELS, SearchCategory } from './search-categories';
import { SearchFilter } from './search.service';
import { SearchHit } from './search.repository';

/** The plain region code in addresses: '35.78' → '3578'. */
function plainCode(code: string): string {
  return code.replace(/\./g, '');
}

/** A hit's public page: a DIP item's under its body's list, a published answer's on /jawaban. */
export function hitPath(hit: Pick<SearchHit, 'source' | 'bodyCode' | 'id'>): string {
  return hit.source === 'dip' ? `/dip/${plainCode(hit.bodyCode)}/${hit.id}` : `/jawaban/${hit.id}`;
}

/** A dikecualikan item is shown with its ground only (Pasal 17), never its summary. */
export function exemptionSummary(hit: Pick<SearchHit, 'exemptionGround' | 'exemptionLaw'>): string {
  const g = hit.exemptionGround ?? '';
  const label = Object.hasOwn(EXEMPTION_GROUNDS, g) ? EXEMPTION_GROUNDS[g as keyof typeof EXEMPTION_GROUNDS] : g;
  return `Dikecualikan berdasarkan Pasal 17 huruf ${g} UU 14/2008 (${label}${hit.exemptionLaw ? `: ${hit.exemptionLaw}` : ''}).`;
}

function summaryOf(hit: SearchHit): string {
  return hit.category === 'dikecualikan' ? exemptionSummary(hit) : (hit.summary ?? '');
}

export interface SearchApiItem {
  id: number;
  bodyCode: string;
  category: SearchCategory;
  title: string;
  summary: string;
  url: string;
}

/** GET /api/v1/dip: exactly the public interface's fields. */
export function presentApiItem(hit: SearchHit, appUrl: string): SearchApiItem {
  return { id: hit.id, bodyCode: hit.bodyCode, category: hit.category, title: hit.title, summary: summaryOf(hit), url: `${appUrl}${hitPath(hit)}` };
}

/** A summary cut at a word for a list, at most `max` characters. */
export function excerpt(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface SearchResultView {
  title: string;
  href: string;
  categoryLabel: string;
  exempt: boolean;
  bodyName: string;
  year: number | null;
  summary: string;
}

export function presentResult(hit: SearchHit): SearchResultView {
  return {
    title: hit.title,
    href: hitPath(hit),
    categoryLabel: SEARCH_CATEGORY_LABELS[hit.category],
    exempt: hit.category === 'dikecualikan',
    bodyName: hit.bodyName,
    year: hit.year,
    summary: excerpt(summaryOf(hit)),
  };
}

export interface SearchPageView {
  title: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  errorList: { href: string; message: string }[];
  bodies: { value: string; label: string; selected: boolean }[];
  categories: { value: string; label: string; selected: boolean }[];
  searched: boolean;
  results: SearchResultView[];
  count: number;
  limit: number;
  apiHref: string;
}

/** The /cari page: the filters as submitted (kept on errors), and the results when there are some. */
export function searchPageView(
  bodies: { code: string; name: string }[],
  params: Record<string, string | undefined>,
  filter: SearchFilter | null,
  hits: SearchHit[],
  errors: Record<string, string>,
  limit: number,
): SearchPageView {
  const values = { q: params.q ?? '', badan: params.badan ?? '', kategori: params.kategori ?? '', tahun: params.tahun ?? '' };
  const wanted = filter?.bodyCode ? filter.bodyCode.replace(/^(\d{2})(\d{2})$/, '$1.$2') : values.badan;
  const api = new URLSearchParams();
  if (filter?.q) api.set('q', filter.q);
  if (filter?.bodyCode) api.set('body', wanted);
  if (filter?.category) api.set('category', filter.category);
  if (filter?.year) api.set('year', String(filter.year));
  const searched = filter !== null && (filter.q !== undefined || filter.bodyCode !== undefined || filter.category !== undefined || filter.year !== undefined);
  return {
    title: values.q ? `Cari informasi publik: ${values.q}` : 'Cari informasi publik',
    values,
    errors,
    errorList: Object.entries(errors).map(([field, message]) => ({ href: `#f-${field}`, message })),
    bodies: bodies.map((b) => ({ value: b.code, label: b.name, selected: b.code === wanted })),
    categories: SEARCH_CATEGORIES.map((c) => ({ value: c, label: SEARCH_CATEGORY_LABELS[c], selected: c === values.kategori })),
    searched,
    results: hits.map(presentResult),
    count: hits.length,
    limit,
    apiHref: `/api/v1/dip${api.size ? `?${api.toString()}` : ''}`,
  };
}

export interface SuggestionView {
  title: string;
  url: string;
  category: string;
  body: string;
}

/** The request form's suggestions, as its script reads them. */
export function presentSuggestion(hit: SearchHit): SuggestionView {
  return { title: hit.title, url: hitPath(hit), category: SEARCH_CATEGORY_LABELS[hit.category], body: hit.bodyName };
}
