import { BodySummary } from './bodies.service';

/** What views/home/index.hbs shows: the province's body, then the kabupaten and kota, by name. */
export interface HomePageView {
  title: string;
  provinceName: string | undefined;
  count: number;
  search: string;
  /** How many bodies the search found; null without a search. */
  found: number | null;
  province: BodySummary | undefined;
  kabupaten: BodySummary[];
  kota: BodySummary[];
}

/** What views/bodies/show.hbs shows. */
export interface BodyPageView {
  title: string;
  body: BodySummary;
}

export function presentHomePage(all: BodySummary[], found: BodySummary[] | null, search: string): HomePageView {
  const bodies = found ?? all;
  return {
    title: 'Layanan Permohonan Informasi Publik',
    provinceName: all.find((b) => b.kind === 'provinsi')?.regionName,
    count: all.length,
    search,
    found: found && found.length,
    province: bodies.find((b) => b.kind === 'provinsi'),
    kabupaten: bodies.filter((b) => b.kind === 'kabupaten'),
    kota: bodies.filter((b) => b.kind === 'kota'),
  };
}

export function presentBodyPage(body: BodySummary): BodyPageView {
  return { title: body.name, body };
}
