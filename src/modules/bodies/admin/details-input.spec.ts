import { checkBodyDetails, checkUnitDetails } from './details-input';

const BODY = {
  address: 'Jalan Jimerto Nomor 25–27,   Surabaya 60272',
  phone: '(031) 5312144',
  email: 'PPID@surabaya.go.id',
  website: 'ppid.surabaya.go.id',
  hours_mon: '08.00–15.00',
  hours_fri: '08:00-11:00',
  hours_sat: 'tutup',
};

describe('checkBodyDetails', () => {
  it('should accept a complete form and normalise what it stores', () => {
    const checked = checkBodyDetails(BODY);
    expect(checked).toEqual({
      ok: true,
      value: {
        address: 'Jalan Jimerto Nomor 25–27, Surabaya 60272',
        phone: '(031) 5312144',
        email: 'ppid@surabaya.go.id',
        website: 'https://ppid.surabaya.go.id',
        serviceHours: {
          mon: { opens: '08:00', closes: '15:00' },
          tue: null,
          wed: null,
          thu: null,
          fri: { opens: '08:00', closes: '11:00' },
          sat: null,
          sun: null,
        },
        atasanName: null,
        atasanPosition: null,
        atasanAddress: null,
      },
    });
  });

  it("should keep the atasan PPID's name, position and objection address, folded, when given", () => {
    const checked = checkBodyDetails({ ...BODY, atasanName: ' Drs. Ikhsan,  M.Si. ', atasanPosition: 'Sekretaris Daerah Kota Surabaya', atasanAddress: 'Jalan Taman Surya 1,\n Surabaya' });
    expect(checked.ok && checked.value).toMatchObject({ atasanName: 'Drs. Ikhsan, M.Si.', atasanPosition: 'Sekretaris Daerah Kota Surabaya', atasanAddress: 'Jalan Taman Surya 1, Surabaya' });
  });

  it('should name every empty required field with "wajib diisi"', () => {
    const checked = checkBodyDetails({ address: '  ', phone: '', email: '' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        address: 'Alamat kantor wajib diisi.',
        phone: 'Nomor telepon wajib diisi.',
        email: 'E-mail wajib diisi.',
        hours_mon: 'Jam layanan wajib diisi paling sedikit untuk satu hari.',
      },
    });
  });

  it('should refuse a bad phone, e-mail, website and time range beside their fields', () => {
    const checked = checkBodyDetails({ ...BODY, phone: 'telepon saja', email: 'ppid@', website: 'javascript:alert(1)', hours_tue: '15.00–08.00' });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors).sort()).toEqual(['email', 'hours_tue', 'phone', 'website']);
  });
});

describe('checkUnitDetails', () => {
  const UNIT = { signerName: 'Drs. Bambang Sutejo, M.Si.', signerPosition: 'Kepala Dinas Komunikasi dan Informatika', signerNip: '19700412 199503 1 002' };

  it('should store empty overrides as null and the NIP without spaces', () => {
    expect(checkUnitDetails(UNIT)).toEqual({
      ok: true,
      value: { address: null, phone: null, email: null, signerName: UNIT.signerName, signerPosition: UNIT.signerPosition, signerNip: '197004121995031002' },
    });
  });

  it('should require the signer and validate the NIP', () => {
    expect(checkUnitDetails({ signerNip: '12345' })).toEqual({
      ok: false,
      errors: {
        signerName: 'Nama penanda tangan wajib diisi.',
        signerPosition: 'Jabatan penanda tangan wajib diisi.',
        signerNip: 'NIP terdiri atas 18 angka (sekarang 5).',
      },
    });
    expect(checkUnitDetails({ ...UNIT, signerNip: '' })).toMatchObject({ ok: false, errors: { signerNip: 'NIP penanda tangan wajib diisi.' } });
  });
});
