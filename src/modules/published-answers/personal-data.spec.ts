import fc from 'fast-check';
import { PersonalFields, REDACTED, redactPersonalData } from './personal-data';
import { leaks, personalFieldsArbitrary, textWithPersonalData } from './personal-fields.arbitrary';

const dyah: PersonalFields = {
  name: 'Dyah Ayu Pitaloka',
  individual: true,
  nik: '3578015503900001',
  registrationNo: null,
  email: 'dyah.ayu@contoh.id',
  phone: '081234567890',
  address: 'Jl. Pemuda No. 17, Surabaya',
};

describe('redactPersonalData', () => {
  it('should clear each field as typed, in other case, spaced, dashed or with +62', () => {
    const cases: [string, string][] = [
      ['Saya Dyah Ayu Pitaloka meminta APBD 2025.', `Saya ${REDACTED} meminta APBD 2025.`],
      ['Saya DYAH AYU  PITALOKA meminta', `Saya ${REDACTED} meminta`],
      ['dari Pitaloka, warga', `dari ${REDACTED}, warga`],
      ['NIK 35.78.01.5503900001', `NIK ${REDACTED}`],
      ['hubungi 0812-3456-7890 atau +62 812 3456 7890', `hubungi ${REDACTED} atau ${REDACTED}`],
      ['kirim ke dyah.ayu@contoh.id saja', `kirim ke ${REDACTED} saja`],
      ['alamat Jl. Pemuda No. 17 dekat balai kota', `alamat ${REDACTED} dekat balai kota`],
      ['surel lain orang@lain.id juga', `surel lain ${REDACTED} juga`],
    ];
    for (const [text, expected] of cases) expect(redactPersonalData(text, dyah)).toBe(expected);
  });

  it('should keep public words and figures: the city, amounts, years, and an organisation name\'s common words', () => {
    const text = 'Realisasi belanja Kota Surabaya 2025 sebesar Rp 1.500.000.000 dan hibah lingkungan hidup.';
    expect(redactPersonalData(text, dyah)).toBe(text);
    const yayasan: PersonalFields = { ...dyah, name: 'Yayasan Lingkungan Hidup Lestari', individual: false, nik: null, registrationNo: 'AHU-0012345.AH.01.04' };
    expect(redactPersonalData('Yayasan Lingkungan Hidup Lestari meminta kajian lingkungan hidup (AHU-0012345.AH.01.04).', yayasan)).toBe(
      `${REDACTED} meminta kajian lingkungan hidup (${REDACTED}).`,
    );
  });

  it('should leave none of the requester\'s fields in any text they type, whatever the fields', () => {
    fc.assert(
      fc.property(
        personalFieldsArbitrary.chain((f) => fc.tuple(fc.constant(f), textWithPersonalData(f))),
        ([f, text]) => {
          expect(leaks(redactPersonalData(text, f), f)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
