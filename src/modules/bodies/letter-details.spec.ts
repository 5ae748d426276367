import { letterDetailsOf } from './letter-details';

const BODY = {
  name: 'Pemerintah Kota Surabaya',
  atasanName: null,
  atasanPosition: null,
  atasanAddress: null,
  address: 'Jalan Jimerto Nomor 25–27, Surabaya 60272',
  phone: '(031) 5312144',
  email: 'ppid@surabaya.example.org',
  website: 'https://ppid.surabaya.example.org',
  serviceHours: { mon: { opens: '08:00', closes: '15:00' }, tue: { opens: '08:00', closes: '15:00' }, fri: { opens: '08:00', closes: '11:00' } },
};
const NO_UNIT = { address: null, phone: null, email: null, signerName: null, signerPosition: null, signerNip: null };

describe('letterDetailsOf', () => {
  it("should print the body's address, telephone, e-mail and website when the unit overrides nothing", () => {
    expect(letterDetailsOf({ ...NO_UNIT, body: BODY })).toEqual({
      kopLines: [BODY.address, 'Telepon (031) 5312144 · E-mail ppid@surabaya.example.org', 'Laman ppid.surabaya.example.org'],
      serviceHoursText: 'Senin–Selasa 08.00–15.00; Jumat 08.00–11.00',
      signer: null,
      objectionOffice: { name: 'atasan PPID Pemerintah Kota Surabaya', address: BODY.address },
    });
  });

  it("should use the unit's own address, telephone and e-mail where set, and its signer", () => {
    const unit = { ...NO_UNIT, phone: '(031) 5320000', email: 'dinkes@surabaya.example.org', signerName: 'dr. Nanik', signerPosition: 'Kepala Dinas Kesehatan', signerNip: '197501012000032001' };
    const details = letterDetailsOf({ ...unit, body: BODY });
    expect(details.kopLines).toEqual([BODY.address, 'Telepon (031) 5320000 · E-mail dinkes@surabaya.example.org', 'Laman ppid.surabaya.example.org']);
    expect(details.signer).toEqual({ name: 'dr. Nanik', position: 'Kepala Dinas Kesehatan', nip: '197501012000032001' });
  });

  it('should leave out what nobody has set, and the website line part when there is none', () => {
    const bare = { name: 'Pemerintah Kota Batu', atasanName: null, atasanPosition: null, atasanAddress: null, address: null, phone: null, email: null, website: null, serviceHours: null };
    expect(letterDetailsOf({ ...NO_UNIT, body: bare })).toEqual({
      kopLines: [],
      serviceHoursText: null,
      signer: null,
      objectionOffice: { name: 'atasan PPID Pemerintah Kota Batu', address: null },
    });
    expect(letterDetailsOf({ ...NO_UNIT, email: 'unit@surabaya.example.org', body: bare }).kopLines).toEqual(['E-mail unit@surabaya.example.org']);
  });

  it("should name the body's atasan PPID with position and their own address for objections when an admin set them", () => {
    const body = { ...BODY, atasanName: 'Drs. Ikhsan, M.Si.', atasanPosition: 'Sekretaris Daerah Kota Surabaya', atasanAddress: 'Jalan Taman Surya Nomor 1, Surabaya 60272' };
    expect(letterDetailsOf({ ...NO_UNIT, body }).objectionOffice).toEqual({
      name: 'Drs. Ikhsan, M.Si., Sekretaris Daerah Kota Surabaya',
      address: 'Jalan Taman Surya Nomor 1, Surabaya 60272',
    });
  });
});
