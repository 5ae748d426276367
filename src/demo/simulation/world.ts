import { apportion, Archetype, BodyProfile, drawProfiles } from './profiles';
import { personName } from './people';
import { deriveSeed, Random } from './random';
import { COMMON_PELAKSANA, OTHER_PELAKSANA, PELAKSANA_AGENCIES, PelaksanaKind } from './topics';

/** A badan publik as the database holds it, with its PPID Utama. */
export interface BodyRef {
  id: number;
  /** '35.78'. */
  regionCode: string;
  /** 'Kota Surabaya', or 'Jawa Timur' for the province. */
  regionName: string;
  kind: 'provinsi' | 'kabupaten' | 'kota';
  utama: { id: number; code: string; name: string };
  timeZone: string;
  opensAt: string;
  closesAt: string;
}

export interface PlannedUnit {
  kind: PelaksanaKind;
  code: string;
  name: string;
  /** Officer names that appear on its events (the first one gets the demo account, if any). */
  staff: string[];
}

/** What the demo creates for a body, before anything is written. */
export interface BodyPlan {
  body: BodyRef;
  profile: BodyProfile;
  requests: number;
  pelaksana: PlannedUnit[];
  utamaStaff: string[];
  supervisorName: string;
  /** Its PPID Pelaksana get demo officer accounts too. */
  showcase: boolean;
}

/** 'Kota Surabaya' → 'Kota Surabaya'; the province → 'Provinsi Jawa Timur'. */
export function regionTitle(body: Pick<BodyRef, 'kind' | 'regionName'>): string {
  return body.kind === 'provinsi' ? `Provinsi ${body.regionName}` : body.regionName;
}

/** 'Kota Surabaya' → 'Surabaya', 'Kabupaten Malang' → 'Malang'. */
export function placeName(body: Pick<BodyRef, 'kind' | 'regionName'>): string {
  return body.regionName.replace(/^(Kota|Kabupaten)\s+/, '');
}

const PELAKSANA_ORDER: readonly PelaksanaKind[] = [...COMMON_PELAKSANA, ...OTHER_PELAKSANA];

function staffNames(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => personName(random, true).name);
}

/** 2–4 PPID Pelaksana per body, mostly among Pendidikan, Kesehatan, Bappeda and PU. */
function planPelaksana(seed: number, body: BodyRef): PlannedUnit[] {
  const random = new Random(deriveSeed(seed, 'units', body.regionCode));
  const count = random.int(2, 4);
  const fromCommon = Math.min(count, random.int(2, 4));
  const kinds = [...random.shuffle(COMMON_PELAKSANA).slice(0, fromCommon), ...random.shuffle(OTHER_PELAKSANA).slice(0, count - fromCommon)];
  kinds.sort((a, b) => PELAKSANA_ORDER.indexOf(a) - PELAKSANA_ORDER.indexOf(b));
  const region = regionTitle(body);
  return kinds.map((kind) => ({
    kind,
    code: kind,
    name: `PPID Pelaksana ${PELAKSANA_AGENCIES[kind]} ${region}`,
    staff: staffNames(random, random.int(1, 2)),
  }));
}

/**
 * The whole demo world from a seed: profiles, volumes (exactly `totalRequests` in all), units and
 * officer names per body; two kab/kota, one well run and one not, are the showcase bodies.
 */
export function planWorld(seed: number, bodies: readonly BodyRef[], totalRequests: number): BodyPlan[] {
  const ordered = [...bodies].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  const profiles = drawProfiles(seed, ordered.map((b) => ({ key: b.regionCode, kind: b.kind })));
  const volumes = apportion(totalRequests, profiles.map((p) => p.volumeWeight));
  // Showcase: the busiest well-run kab/kota and the busiest badly-run one, for contrast.
  const busiest = (archetypes: readonly Archetype[]): string | undefined =>
    ordered
      .map((b, i) => ({ code: b.regionCode, kind: b.kind, weight: profiles[i].volumeWeight, archetype: profiles[i].archetype }))
      .filter((b) => b.kind !== 'provinsi' && archetypes.includes(b.archetype))
      .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))[0]?.code;
  const showcase = new Set(
    [busiest(['exemplary', 'compliant']), busiest(['slow', 'refusing', 'unresponsive'])].filter((c): c is string => c !== undefined),
  );
  return ordered.map((body, i) => {
    const random = new Random(deriveSeed(seed, 'staff', body.regionCode));
    return {
      body,
      profile: profiles[i],
      requests: volumes[i],
      pelaksana: planPelaksana(seed, body),
      utamaStaff: staffNames(random, 2),
      supervisorName: personName(random, true).name,
      showcase: showcase.has(body.regionCode),
    };
  });
}
