import fc from 'fast-check';
import { parseRequestSubmission } from './request-submission';

const valid = {
  unitId: 7,
  requester: {
    type: 'individual',
    name: '  Dyah   Ayu Pitaloka ',
    nik: '3578 0155 0390 0001',
    address: 'Jl. Darmo 10, Surabaya',
    phone: '0812-3456-7890',
    email: 'Dyah@Contoh.ID',
    occupation: 'Wiraswasta',
  },
  information: 'Dokumen anggaran pendapatan dan belanja 2025',
  purpose: 'Penelitian skripsi',
  obtainMethod: 'copy_soft',
  copyDelivery: 'email',
};

describe('parseRequestSubmission (CreateRequestDto)', () => {
  it('should clean a valid submission: spaces, separators, lower-case e-mail', () => {
    const r = parseRequestSubmission(valid);
    expect(r.errors).toBeNull();
    expect(r.submission?.requester).toMatchObject({ name: 'Dyah Ayu Pitaloka', nik: '3578015503900001', phone: '081234567890', email: 'dyah@contoh.id', registrationNo: null });
  });

  it('should accept the flat values a form posts (unit id as text)', () => {
    expect(parseRequestSubmission({ ...valid, unitId: '7' }).submission?.unitId).toBe(7);
  });

  it('should say "wajib diisi" for each empty required field, by its API path', () => {
    const r = parseRequestSubmission({ unitId: 7, requester: { type: 'individual' } });
    expect(r.errors).toMatchObject({
      'requester.name': 'Nama wajib diisi.',
      'requester.nik': 'NIK wajib diisi.',
      'requester.address': 'Alamat wajib diisi.',
      'requester.phone': 'Nomor telepon wajib diisi.',
      'requester.email': 'Alamat e-mail wajib diisi.',
      'requester.occupation': 'Pekerjaan wajib diisi.',
      information: 'Rincian informasi yang dibutuhkan wajib diisi.',
      purpose: 'Tujuan penggunaan informasi wajib diisi.',
      obtainMethod: 'Cara memperoleh informasi wajib dipilih.',
    });
  });

  it('should name each requester field when the requester is missing or not an object', () => {
    expect(Object.keys(parseRequestSubmission({ ...valid, requester: undefined }).errors ?? {})).toContain('requester.name');
    expect(Object.keys(parseRequestSubmission({ ...valid, requester: 'x' }).errors ?? {})).toContain('requester.type');
  });

  it.each([
    ['1234', 'NIK harus terdiri atas 16 angka.'],
    ['9978015503900001', 'Dua angka pertama NIK bukan kode provinsi yang berlaku.'],
    ['3578013203900001', 'Angka tanggal lahir pada NIK (digit ke-7 sampai ke-12) tidak valid.'],
  ])('should say what is wrong with the NIK %s', (nik, message) => {
    expect(parseRequestSubmission({ ...valid, requester: { ...valid.requester, nik } }).errors).toEqual({ 'requester.nik': message });
  });

  it('should ask a legal entity for its registration number instead of a NIK, and ignore a NIK it gives', () => {
    const org = { ...valid.requester, type: 'organization', nik: 'bukan nik' };
    expect(parseRequestSubmission({ ...valid, requester: org }).errors).toEqual({ 'requester.registrationNo': 'Nomor pengesahan badan hukum wajib diisi.' });
    const ok = parseRequestSubmission({ ...valid, requester: { ...org, registrationNo: 'AHU-0012345' } });
    expect(ok.submission?.requester).toMatchObject({ nik: null, registrationNo: 'AHU-0012345' });
  });

  it('should require the copy delivery only for copies', () => {
    expect(parseRequestSubmission({ ...valid, copyDelivery: '' }).errors).toEqual({ copyDelivery: 'Cara mendapatkan salinan informasi wajib dipilih.' });
    expect(parseRequestSubmission({ ...valid, obtainMethod: 'view', copyDelivery: '' }).errors).toBeNull();
    expect(parseRequestSubmission({ ...valid, obtainMethod: 'view', copyDelivery: 'drone' }).errors).toEqual({ copyDelivery: 'Pilih cara mendapatkan salinan informasi.' });
  });

  it('should let an officer record a request without an e-mail, and still check one that is given', () => {
    const noEmail = { ...valid, requester: { ...valid.requester, email: '' } };
    expect(parseRequestSubmission(noEmail).errors).toEqual({ 'requester.email': 'Alamat e-mail wajib diisi.' });
    expect(parseRequestSubmission(noEmail, { emailOptional: true }).submission?.requester.email).toBe('');
    expect(parseRequestSubmission({ ...valid, requester: { ...valid.requester, email: 'x@' } }, { emailOptional: true }).errors).toHaveProperty(['requester.email']);
  });

  it('should answer every malformed input with a message per field and never throw', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string()), fc.object());
    const field = fc.constantFrom('unitId', 'information', 'purpose', 'obtainMethod', 'copyDelivery', 'requester');
    const requesterField = fc.constantFrom('type', 'name', 'nik', 'registrationNo', 'address', 'phone', 'email', 'occupation');
    fc.assert(
      fc.property(fc.array(fc.tuple(field, anyValue)), fc.array(fc.tuple(requesterField, anyValue)), fc.anything(), (top, inner, whole) => {
        const input = { ...valid, requester: { ...valid.requester, ...Object.fromEntries(inner) }, ...Object.fromEntries(top) };
        for (const candidate of [input, whole]) {
          const r = parseRequestSubmission(candidate);
          if (r.errors) {
            expect(Object.keys(r.errors).length).toBeGreaterThan(0);
            for (const message of Object.values(r.errors)) expect(message).toMatch(/^[A-Z].+\.$/);
          } else {
            expect(typeof r.submission.requester.name).toBe('string');
            expect(Number.isInteger(r.submission.unitId)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
