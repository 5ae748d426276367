import fc from 'fast-check';
import type { PersonalFields } from './personal-data';

const SYLLABLES = ['ka', 'ri', 'mu', 'to', 'we', 'sa', 'ni', 'yo', 'du', 'pe', 'la', 'go', 'hi', 'zu', 'qe', 'xa'];
/** A made-up name word, 'Karimuto': long enough not to be an everyday Indonesian word. */
const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 3, maxLength: 5 }).map((s) => s.join('')).map((w) => w[0].toUpperCase() + w.slice(1));
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A requester's personal fields as the intake takes them (an individual, or an organisation with its registration number). */
export const personalFieldsArbitrary: fc.Arbitrary<PersonalFields> = fc.record({
  first: word,
  last: word,
  individual: fc.boolean(),
  // A NIK the intake accepts: a district and kecamatan of the province, a birth date (women's day + 40), a number.
  nik: fc
    .record({ area: fc.constant('357801'), day: fc.integer({ min: 1, max: 28 }), woman: fc.boolean(), month: fc.integer({ min: 1, max: 12 }), year: fc.integer({ min: 50, max: 99 }), seq: fc.integer({ min: 1, max: 9999 }) })
    .map((n) => `${n.area}${String(n.day + (n.woman ? 40 : 0)).padStart(2, '0')}${String(n.month).padStart(2, '0')}${String(n.year).padStart(2, '0')}${String(n.seq).padStart(4, '0')}`),
  registrationNo: fc.tuple(word, digits(6)).map(([w, d]) => `AHU-${d}.${w.toUpperCase()}`),
  emailUser: fc.tuple(word, digits(3)).map(([w, d]) => `${w.toLowerCase()}${d}`),
  phone: fc.tuple(fc.constantFrom('0812', '0857', '0821'), digits(8)).map(([a, b]) => a + b),
  street: word,
  number: fc.integer({ min: 1, max: 250 }),
}).map((r) => ({
  name: r.individual ? `${r.first} ${r.last}` : `Yayasan ${r.first} ${r.last}`,
  individual: r.individual,
  nik: r.individual ? r.nik : null,
  registrationNo: r.individual ? null : r.registrationNo,
  email: `${r.emailUser}@contoh.id`,
  phone: r.phone,
  address: `Jl. ${r.street} No. ${r.number}, Surabaya`,
}));

/** How a requester might type a field inside their own text: as given, in other letter case, spaced or dashed. */
export function typedVariants(f: PersonalFields): fc.Arbitrary<string> {
  const options: string[] = [f.name, f.name.toUpperCase(), f.name.toLowerCase(), f.email ?? '', f.phone ?? '', f.address ?? ''];
  if (f.phone) options.push(f.phone.replace(/(\d{4})(\d{4})(\d+)/, '$1-$2-$3'), `+62 ${f.phone.slice(1)}`);
  if (f.nik) options.push(f.nik, f.nik.replace(/(\d{2})(\d{2})(\d{2})(\d+)/, '$1.$2.$3.$4'));
  if (f.registrationNo) options.push(f.registrationNo);
  return fc.constantFrom(...options.filter((o) => o !== ''));
}

/** What a requester asks, with some of their own fields typed into it. */
export function textWithPersonalData(f: PersonalFields): fc.Arbitrary<string> {
  const filler = fc.constantFrom(
    'Mohon salinan dokumen anggaran pendapatan dan belanja daerah tahun 2025.',
    'Saya meminta data realisasi belanja modal Dinas Pekerjaan Umum.',
    'daftar penerima hibah tahun 2024 beserta nilai hibahnya',
    'Rp 1.500.000.000 untuk pembangunan jalan',
    'dengan hormat,',
  );
  return fc.array(fc.oneof(filler, typedVariants(f)), { minLength: 2, maxLength: 8 }).map((parts) => parts.join(' '));
}

/** Does `text` hold any of the fields, whatever the letter case or spacing? */
export function leaks(text: string, f: PersonalFields): string[] {
  const flat = (s: string): string => s.replace(/\s+/g, ' ').toLowerCase();
  const haystack = flat(text);
  const digitsOnly = text.replace(/\D/g, '');
  const found = [f.name, f.nik, f.registrationNo, f.email, f.phone, f.address].filter((v): v is string => !!v && haystack.includes(flat(v)));
  for (const v of [f.nik, f.phone]) if (v && digitsOnly.includes(v)) found.push(v);
  return found;
}
