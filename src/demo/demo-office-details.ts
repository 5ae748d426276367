import { BodiesAdminRepository, type BodyDetails, type UnitDetails } from 'src/modules/bodies';
import type { SqlRunner } from './demo.repository';
import { BodyRef, placeName } from './simulation/world';

/** Signers of demo letters: invented names with the titles such officials usually carry. */
const SIGNERS = [
  'Drs. Bambang Sutejo, M.Si.',
  'Dr. Sri Rahayu Ningsih, S.Sos., M.AP.',
  'Ir. Agus Purnomo, M.T.',
  'Hj. Siti Aminah, S.H., M.H.',
  'Eko Prasetyo, S.Kom., M.M.',
  'Dra. Endang Kusumawati, M.Pd.',
  'dr. Nanik Sukristina, M.Kes.',
  'Moch. Arif Hidayat, S.STP., M.Si.',
  'Yuni Astuti, S.E., M.Ak.',
  'Teguh Santoso, S.IP., M.Si.',
];

/** A small stable hash, so a body or unit gets the same invented details on every load. */
function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** An invented NIP of the right shape: birth date, appointment month at 25–30, sex, serial. */
export function demoNip(key: string): string {
  const h = hash(key);
  const year = 1966 + (h % 20);
  const month = 1 + ((h >>> 5) % 12);
  const day = 1 + ((h >>> 9) % 28);
  const appointed = year + 25 + ((h >>> 14) % 6);
  const appointedMonth = 1 + ((h >>> 17) % 12);
  const sex = 1 + ((h >>> 21) % 2);
  const serial = 1 + ((h >>> 23) % 9);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}${two(month)}${two(day)}${appointed}${two(appointedMonth)}${sex}${String(serial).padStart(3, '0')}`;
}

/** Office details of a demo body: an invented address, telephone and hours; e-mail and website at example.org. */
export function demoBodyDetails(body: Pick<BodyRef, 'regionCode' | 'regionName' | 'kind' | 'opensAt' | 'closesAt'>): BodyDetails {
  const h = hash(body.regionCode);
  const place = placeName(body);
  const host = `${slug(body.kind === 'provinsi' ? `provinsi ${body.regionName}` : body.regionName)}.example.org`;
  const day = { opens: body.opensAt, closes: body.closesAt };
  return {
    address: `Jalan Pahlawan Nomor ${1 + (h % 120)}, ${place} ${60000 + (h % 9000)}`,
    phone: `(0${31 + (h % 9)}) ${5550000 + (h % 9999)}`,
    email: `ppid@${host}`,
    website: `https://ppid.${host}`,
    serviceHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null },
    // The atasan PPID of a regional government is usually its Sekretaris Daerah (RULES.md).
    atasanName: SIGNERS[hash(`atasan:${body.regionCode}`) % SIGNERS.length],
    atasanPosition: `Sekretaris Daerah ${body.kind === 'provinsi' ? `Provinsi ${body.regionName}` : body.regionName}`,
    atasanAddress: null,
  };
}

/** The signer of a demo unit; PPID Pelaksana keep the body's address and telephone. */
export function demoUnitDetails(unit: { id: number; name: string; level: 'utama' | 'pelaksana' }, body: Pick<BodyRef, 'regionName' | 'kind'>): UnitDetails {
  const office = unit.name.replace(/^PPID (Utama|Pelaksana)\s+/, '');
  const position =
    unit.level === 'utama'
      ? `Kepala Dinas Komunikasi dan Informatika selaku PPID Utama ${body.kind === 'provinsi' ? `Provinsi ${body.regionName}` : body.regionName}`
      : `Sekretaris ${office} selaku PPID Pelaksana`;
  return {
    address: null,
    phone: null,
    email: null,
    signerName: SIGNERS[hash(`${unit.id}:${unit.name}`) % SIGNERS.length],
    signerPosition: position,
    signerNip: demoNip(`${unit.id}:${unit.name}`),
  };
}

/**
 * Fills the letter details of the demo bodies and their units where an admin has not set them,
 * through the bodies module's repository like the admin pages.
 */
export async function fillDemoOfficeDetails(
  m: SqlRunner,
  repo: BodiesAdminRepository,
  bodies: readonly BodyRef[],
  units: readonly { id: number; bodyId: number; name: string }[],
): Promise<void> {
  for (const body of bodies) {
    const current = await repo.findBodyDetails(body.id, m);
    if (current && current.address === null) await repo.updateBodyDetails(m, body.id, demoBodyDetails(body));
  }
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const all = [...bodies.map((b) => ({ id: b.utama.id, bodyId: b.id, name: b.utama.name, level: 'utama' as const })), ...units.map((u) => ({ ...u, level: 'pelaksana' as const }))];
  for (const unit of all) {
    const body = byId.get(unit.bodyId);
    const current = await repo.findUnitDetails(unit.id, m);
    if (body && current && current.signerName === null) await repo.updateUnitDetails(m, unit.id, { ...demoUnitDetails(unit, body), email: current.email });
  }
}
