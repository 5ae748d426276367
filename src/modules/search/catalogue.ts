import { CatalogueBody } from './search.repository';

/**
 * The open-data catalogue (issue 12, point 8) in Project Open Data metadata v1.1 ("data.json",
 * DCAT-US): the format CKAN harvests with ckanext-datajson and with ckanext-dcat's DCAT JSON
 * harvester, and that Indonesia's CKAN-based Satu Data portals can take. It is plain JSON with a
 * published JSON Schema, which a harvester validates, rather than DCAT-AP's RDF, which needs an RDF
 * toolchain on both sides. Fields marked "USG" in the schema (bureauCode, programCode) are for US
 * federal agencies and are left out.
 */

export const POD_SCHEMA = 'https://project-open-data.cio.gov/v1.1/schema';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OPENAPI = 'application/vnd.oai.openapi+json';

export interface CatalogueInput {
  appUrl: string;
  /** The province's body: publisher of the province-wide published answers. */
  province: { code: string; name: string; email: string | null };
  bodies: CatalogueBody[];
  /** The address mail goes out from, the contact of a body that gave none. */
  fallbackEmail: string;
  /** When the latest answer was published; null while none is. */
  answersModified: Date | null;
}

interface Distribution {
  '@type': 'dcat:Distribution';
  title: string;
  description: string;
  downloadURL?: string;
  accessURL?: string;
  mediaType?: string;
  format: string;
  describedBy?: string;
  describedByType?: string;
}

export interface PodDataset {
  '@type': 'dcat:Dataset';
  identifier: string;
  title: string;
  description: string;
  keyword: string[];
  modified: string;
  publisher: { '@type': 'org:Organization'; name: string };
  contactPoint: { '@type': 'vcard:Contact'; fn: string; hasEmail: string };
  accessLevel: 'public';
  landingPage: string;
  language: string[];
  spatial: string;
  accrualPeriodicity: string;
  theme: string[];
  distribution: Distribution[];
}

export interface PodCatalogue {
  '@context': string;
  '@id': string;
  '@type': 'dcat:Catalog';
  conformsTo: string;
  describedBy: string;
  dataset: PodDataset[];
}

/** The address in "PPID <noreply@example.org>" or a bare address. */
export function addressOf(mailbox: string): string {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(mailbox);
  return (m ? m[1] : mailbox).trim();
}

function plainCode(code: string): string {
  return code.replace(/\./g, '');
}

const CATEGORY_WORDS: Record<string, string> = {
  berkala: 'informasi berkala',
  serta_merta: 'informasi serta merta',
  setiap_saat: 'informasi tersedia setiap saat',
  dikecualikan: 'informasi yang dikecualikan',
};

function dipDataset(b: CatalogueBody, input: CatalogueInput): PodDataset {
  const { appUrl } = input;
  const page = `${appUrl}/dip/${plainCode(b.code)}`;
  return {
    '@type': 'dcat:Dataset',
    identifier: page,
    title: `Daftar Informasi Publik ${b.name}`,
    description:
      `Daftar Informasi Publik (UU 14/2008 Pasal 9–11 dan 17) ${b.name}: ${b.items} informasi, masing-masing dengan kategori, ringkasan, ` +
      'pejabat/unit penguasa informasi, penanggung jawab, waktu dan tempat pembuatan, bentuk, jangka waktu penyimpanan, serta berkas dan tautannya. ' +
      'Informasi yang dikecualikan hanya dicantumkan judul dan alasan pengecualiannya.',
    keyword: ['daftar informasi publik', 'keterbukaan informasi publik', 'PPID', ...b.categories.map((c) => CATEGORY_WORDS[c] ?? c)],
    modified: new Date(b.lastChange).toISOString(),
    publisher: { '@type': 'org:Organization', name: b.name },
    contactPoint: { '@type': 'vcard:Contact', fn: `PPID ${b.name}`, hasEmail: `mailto:${b.email ?? input.fallbackEmail}` },
    accessLevel: 'public',
    landingPage: page,
    language: ['id'],
    spatial: b.name.replace(/^Pemerintah /, ''),
    accrualPeriodicity: 'irregular',
    theme: ['Keterbukaan informasi publik'],
    distribution: [
      {
        '@type': 'dcat:Distribution',
        title: 'API JSON',
        description: 'Semua informasi aktif dalam daftar, dalam JSON.',
        downloadURL: `${appUrl}/api/v1/dip/${b.code}`,
        mediaType: 'application/json',
        format: 'JSON',
        describedBy: `${appUrl}/api/docs/openapi.json`,
        describedByType: OPENAPI,
      },
      {
        '@type': 'dcat:Distribution',
        title: 'Daftar Informasi Publik (PDF)',
        description: 'Daftar dalam tata letak tabel yang lazim, untuk dicetak.',
        downloadURL: `${page}/daftar.pdf`,
        mediaType: 'application/pdf',
        format: 'PDF',
      },
      {
        '@type': 'dcat:Distribution',
        title: 'Daftar Informasi Publik (XLSX)',
        description: 'Daftar dalam lembar kerja, satu baris per informasi.',
        downloadURL: `${page}/daftar.xlsx`,
        mediaType: XLSX,
        format: 'XLSX',
      },
      {
        '@type': 'dcat:Distribution',
        title: 'Pencarian',
        description: 'Pencarian teks (bentuk kata bahasa Indonesia) atas daftar ini: ?q=kata&body=kode&category=&year=.',
        accessURL: `${appUrl}/api/v1/dip?body=${b.code}`,
        format: 'API',
        describedBy: `${appUrl}/api/docs/openapi.json`,
        describedByType: OPENAPI,
      },
    ],
  };
}

function answersDataset(input: CatalogueInput): PodDataset {
  const { appUrl, province } = input;
  const region = province.name.replace(/^Pemerintah /, '');
  return {
    '@type': 'dcat:Dataset',
    identifier: `${appUrl}/jawaban`,
    title: `Jawaban permohonan informasi publik yang diumumkan — ${region}`,
    description:
      `Jawaban atas permohonan informasi publik kepada badan publik di ${region} yang dikabulkan dan diumumkan dengan persetujuan pemohon: ` +
      'surat jawaban dan dokumennya, tanpa data pribadi.',
    keyword: ['jawaban permohonan informasi', 'keterbukaan informasi publik', 'PPID'],
    // The latest publication; while there is none, the rhythm at which answers can appear (daily).
    modified: input.answersModified ? input.answersModified.toISOString() : 'R/P1D',
    publisher: { '@type': 'org:Organization', name: province.name },
    contactPoint: { '@type': 'vcard:Contact', fn: `PPID ${province.name}`, hasEmail: `mailto:${province.email ?? input.fallbackEmail}` },
    accessLevel: 'public',
    landingPage: `${appUrl}/cari?kategori=jawaban`,
    language: ['id'],
    spatial: region,
    accrualPeriodicity: 'R/P1D',
    theme: ['Keterbukaan informasi publik'],
    distribution: [
      {
        '@type': 'dcat:Distribution',
        title: 'API JSON',
        description: 'Semua jawaban yang diumumkan, dalam JSON.',
        downloadURL: `${appUrl}/api/v1/published-answers`,
        mediaType: 'application/json',
        format: 'JSON',
        describedBy: `${appUrl}/api/docs/openapi.json`,
        describedByType: OPENAPI,
      },
      {
        '@type': 'dcat:Distribution',
        title: 'Pencarian',
        description: 'Pencarian teks atas jawaban yang diumumkan: ?category=jawaban&q=kata&body=kode&year=.',
        accessURL: `${appUrl}/api/v1/dip?category=jawaban`,
        format: 'API',
        describedBy: `${appUrl}/api/docs/openapi.json`,
        describedByType: OPENAPI,
      },
    ],
  };
}

/** The whole catalogue: one DIP dataset per body that has public items, and the province-wide published answers. */
export function buildCatalogue(input: CatalogueInput): PodCatalogue {
  return {
    '@context': `${POD_SCHEMA}/catalog.jsonld`,
    '@id': `${input.appUrl}/data.json`,
    '@type': 'dcat:Catalog',
    conformsTo: POD_SCHEMA,
    describedBy: `${POD_SCHEMA}/catalog.json`,
    dataset: [...input.bodies.map((b) => dipDataset(b, input)), answersDataset(input)],
  };
}
