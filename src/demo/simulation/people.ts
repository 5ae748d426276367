import { Random, WeightedTable } from './random';
import {
  ACADEMIC_TITLES,
  EMAIL_DOMAINS,
  FEMALE_FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  GROUP_PATTERNS,
  MALE_FAMILY_NAMES,
  MALE_GIVEN_NAMES,
  Occupation,
  OCCUPATIONS,
  ORGANIZATION_PATTERNS,
  PHONE_PREFIXES,
  STREETS,
} from './vocabulary';
import type { RequestSubmission, RequesterType } from 'src/modules/requests';

/** A kecamatan with its villages, for addresses and NIKs. */
export interface District {
  /** The first six digits of a NIK issued there, e.g. 357801. */
  nikPrefix: string;
  name: string;
  /** 'Kota Surabaya'. */
  regency: string;
  /** 'Kelurahan Karang Pilang', 'Desa Sumberejo'. */
  villages: readonly string[];
}

/** A demo requester: what a real submission carries, plus where the person lives and why they ask. */
export type Requester = RequestSubmission['requester'] & {
  purposes: readonly string[];
  village: string;
  district: string;
};

const OCCUPATION_TABLE = new WeightedTable<Occupation>(OCCUPATIONS);
const TYPE_TABLE = new WeightedTable<RequesterType>([
  ['individual', 78],
  ['organization', 14],
  ['group', 8],
]);

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** 'Lembaga Bantuan Hukum Surabaya' → 'lbh' (the place left out). */
function initials(name: string, place: string): string {
  return name
    .replace(place, '')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .map((w) => w[0].toLowerCase())
    .join('');
}

/** 'Siti Rahmawati' or 'Bambang Hartono, S.H.'; female names are marked for the NIK. */
export function personName(random: Random, withTitle = false): { name: string; female: boolean } {
  const female = random.chance(0.48);
  const given = random.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
  const family = random.pick(female ? FEMALE_FAMILY_NAMES : MALE_FAMILY_NAMES);
  const middle = random.chance(0.2) ? ` ${random.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)}` : '';
  const base = random.chance(0.12) ? given : `${given}${middle} ${family}`;
  const title = withTitle ? random.pick(ACADEMIC_TITLES) : '';
  return { name: title ? `${base}, ${title}` : base, female };
}

/** A NIK that passes the portal's check: region, kecamatan, birth date (day + 40 for women), serial. */
function nikFor(random: Random, district: District, female: boolean): string {
  const day = random.int(1, 28) + (female ? 40 : 0);
  const month = random.int(1, 12);
  const year = random.int(1955, 2005) % 100;
  const serial = random.int(1, 999);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${district.nikPrefix}${two(day)}${two(month)}${two(year)}${String(serial).padStart(4, '0')}`;
}

function phone(random: Random): string {
  return `${random.pick(PHONE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(random.chance(0.5) ? 8 : 7, '0').slice(0, 8)}`;
}

function address(random: Random, district: District, village: string): string {
  const rt = String(random.int(1, 12)).padStart(2, '0');
  const rw = String(random.int(1, 8)).padStart(2, '0');
  return `${random.pick(STREETS)} No. ${random.int(1, 180)}, RT ${rt}/RW ${rw}, ${village}, Kecamatan ${district.name}, ${district.regency}`;
}

/** One requester living in one of the districts; organisations and groups are named after the place. */
export function drawRequester(random: Random, districts: readonly District[], place: string): Requester {
  const district = random.pick(districts);
  const village = district.villages.length > 0 ? random.pick(district.villages) : `Kelurahan ${district.name}`;
  const type = TYPE_TABLE.draw(random);
  const person = personName(random);
  const nik = nikFor(random, district, person.female);
  const personalEmail = `${slug(person.name)}${random.chance(0.5) ? random.int(1, 99) : ''}@${random.pick(EMAIL_DOMAINS)}`;
  if (type === 'organization') {
    const pattern = random.pick(ORGANIZATION_PATTERNS);
    const name = pattern.name(place);
    return {
      type,
      name,
      nik: null,
      registrationNo: `AHU-${String(random.int(1, 9_999_999)).padStart(7, '0')}.AH.01.${random.chance(0.5) ? '04' : '07'}.Tahun ${random.int(2008, 2024)}`,
      address: address(random, district, village),
      phone: phone(random),
      email: `${initials(name, place)}.${slug(place)}@example.org`,
      occupation: pattern.occupation,
      purposes: [pattern.purpose],
      village,
      district: district.name,
    };
  }
  if (type === 'group') {
    const pattern = random.pick(GROUP_PATTERNS);
    return {
      type,
      name: pattern.name(village),
      nik,
      registrationNo: null,
      address: address(random, district, village),
      phone: phone(random),
      email: personalEmail,
      occupation: pattern.occupation,
      purposes: [pattern.purpose],
      village,
      district: district.name,
    };
  }
  const occupation = OCCUPATION_TABLE.draw(random);
  return {
    type,
    name: person.name,
    nik,
    registrationNo: null,
    address: address(random, district, village),
    phone: phone(random),
    email: personalEmail,
    occupation: occupation.name,
    purposes: occupation.purposes,
    village,
    district: district.name,
  };
}
