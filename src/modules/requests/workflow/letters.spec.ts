import { letterDetailsOf } from 'src/modules/bodies';
import { DocumentsService, flat, keepPdf, pdfPages } from 'src/modules/documents';
import { ReceiptView } from 'src/modules/requests/receipt.presenter';
import { extensionLetter, LetterContext, noticeLetter, refusalLetter } from './letters';
import { blankNotice, NoticeInput } from './notice-input';
import { OBJECTION_GROUND_TEXTS } from './objection-rights';

const RECEIPT: ReceiptView = {
  registrationNumber: '3578-U-2025-00012',
  bodyName: 'Pemerintah Kota Surabaya',
  unitName: 'PPID Pelaksana Dinas Kesehatan',
  receivedAt: '2025-03-27T03:00:00.000Z',
  receivedAtText: 'Kamis, 27 Maret 2025 pukul 10.00 WIB',
  effectiveReceiptDate: '2025-03-27',
  effectiveReceiptDateText: 'Kamis, 27 Maret 2025',
  dueDate: '2025-04-22',
  dueDateText: 'Selasa, 22 April 2025 pukul 23.59 WIB',
  dueProvisional: false,
  dueExplanation: '',
  channelLabel: 'Daring (online)',
  requesterName: 'Dyah Ayu Pitaloka',
  requesterTypeLabel: 'Perorangan',
  information: 'Data cakupan imunisasi dasar per kecamatan tahun 2024.',
  purpose: 'Penelitian.',
  obtainMethodLabel: 'Mendapatkan salinan (softcopy)',
  copyDeliveryLabel: 'E-mail',
  status: 'received',
  statusLabel: 'Diterima',
  publicationConsentLabel: 'Tidak: jawaban tidak dipublikasikan',
  trackingUrl: 'http://localhost:3000/lacak?nomor=3578-U-2025-00012',
};

const BODY = {
  name: 'Pemerintah Kota Surabaya',
  atasanName: null as string | null,
  atasanPosition: null as string | null,
  atasanAddress: null as string | null,
  address: 'Jalan Jimerto Nomor 25–27, Surabaya 60272',
  phone: '(031) 5312144',
  email: 'ppid@surabaya.example.org',
  website: 'https://ppid.surabaya.example.org',
  serviceHours: {
    mon: { opens: '08:00', closes: '15:00' },
    tue: { opens: '08:00', closes: '15:00' },
    wed: { opens: '08:00', closes: '15:00' },
    thu: { opens: '08:00', closes: '15:00' },
    fri: { opens: '08:00', closes: '11:00' },
    sat: null,
    sun: null,
  },
};

function context(unit: Parameters<typeof letterDetailsOf>[0]): LetterContext {
  return { receipt: RECEIPT, regionName: 'Kota Surabaya', number: '001/PPID-DINKES/3578/2025', date: '2025-04-09', officerName: 'Sri Wahyuni', ...letterDetailsOf(unit) };
}

describe('letters on a request', () => {
  const documents = new DocumentsService();

  it("should print the office's address, telephone, e-mail, website and hours, and the unit's signer with NIP", async () => {
    const unit = {
      address: null,
      phone: '(031) 5320000',
      email: null,
      signerName: 'dr. Nanik Sukristina, M.Kes.',
      signerPosition: 'Kepala Dinas Kesehatan selaku PPID Pelaksana',
      signerNip: '197501012000032001',
      body: BODY,
    };
    const pdf = await documents.renderLetter(noticeLetter(context(unit), { ...blankNotice('granted'), material: 'Tabel cakupan imunisasi (PDF).' }, { late: false }));
    await keepPdf('notice-with-details.pdf', pdf);
    const [pages] = await pdfPages([pdf]);
    const text = flat(pages.join('\n'));
    const first = flat(pages[0]);

    expect(first).toContain('Jalan Jimerto Nomor 25–27, Surabaya 60272');
    expect(first).toContain('Telepon (031) 5320000 · E-mail ppid@surabaya.example.org Laman ppid.surabaya.example.org');
    expect(text).not.toContain('5312144');
    expect(text).toContain('Kepala Dinas Kesehatan selaku PPID Pelaksana');
    expect(text).toContain('dr. Nanik Sukristina, M.Kes.');
    expect(text).toContain('NIP. 197501012000032001');
    expect(text).not.toContain('Sri Wahyuni');
    expect(text).toContain('Jam layanan: Senin–Kamis 08.00–15.00; Jumat 08.00–11.00.');
  });

  it('should be signed by the officer for the PPID, without a NIP, while the unit has no signer', async () => {
    const unit = { address: null, phone: null, email: 'dinkes@surabaya.example.org', signerName: null, signerPosition: null, signerNip: null, body: { ...BODY, website: null } };
    const pdf = await documents.renderLetter(extensionLetter(context(unit), { workingDays: 7, reason: 'Dokumen di arsip inaktif.', newDueDateText: 'Kamis, 2 Mei 2025' }));
    const [pages] = await pdfPages([pdf]);
    const text = flat(pages.join('\n'));

    expect(text).toContain('Telepon (031) 5312144 · E-mail dinkes@surabaya.example.org');
    expect(text).not.toContain('Laman');
    expect(text).toContain('Sri Wahyuni');
    expect(text).toContain('Pejabat Pengelola Informasi dan Dokumentasi');
    expect(text).not.toContain('NIP.');
  });

  const NO_UNIT = { address: null, phone: null, email: null, signerName: null, signerPosition: null, signerNip: null };
  const WITHHELD: Pick<NoticeInput, 'exemptionGround' | 'exemptionLaw' | 'consequenceTest'> = {
    exemptionGround: 'h',
    exemptionLaw: null,
    consequenceTest: {
      date: '2025-04-08',
      information: 'Nama dan alamat pasien dalam tabel kasus.',
      consequence: 'Mengungkap riwayat kesehatan pasien.',
      publicInterest: 'Angka per kecamatan tetap diberikan; identitas pasien tidak menambah manfaat bagi publik.',
      participants: ['Kepala Dinas Kesehatan', 'PPID Utama'],
      legalBasis: 'Pasal 17 huruf h angka 2 UU 14/2008',
      exemptionUntil: null,
    },
  };

  async function textOf(letter: ReturnType<typeof noticeLetter>): Promise<string> {
    const [pages] = await pdfPages([await documents.renderLetter(letter)]);
    return flat(pages.join('\n'));
  }

  it.each<[string, string[], (ctx: LetterContext) => ReturnType<typeof noticeLetter>]>([
    ['extension', ['c', 'g'], (ctx) => extensionLetter(ctx, { workingDays: 7, reason: 'Arsip inaktif.', newDueDateText: 'Jumat, 2 Mei 2025' })],
    ['grant with a fee', ['d', 'e', 'f'], (ctx) => noticeLetter(ctx, { ...blankNotice('granted'), material: 'Tabel', fee: 15000, paymentMethod: 'Tunai' }, { late: false })],
    ['partial grant', ['a', 'd', 'e'], (ctx) => noticeLetter(ctx, { ...blankNotice('partially_granted'), material: 'Tabel', redactions: 'Nama pasien', ...WITHHELD }, { late: false })],
    ['not-held notice', ['d', 'e'], (ctx) => noticeLetter(ctx, { ...blankNotice('not_held'), informationHeld: false, holderBody: 'BPS' }, { late: false })],
    ['not-documented notice', ['b', 'e', 'g'], (ctx) => noticeLetter(ctx, { ...blankNotice('not_documented'), informationHeld: false }, { late: true })],
    ['refusal', ['a'], (ctx) => refusalLetter(ctx, { ...blankNotice('refused'), reason: 'Rahasia pribadi.', ...WITHHELD }, { late: false })],
  ])('should state on the %s the objection grounds %j, the 30 working days, the atasan PPID and the tracking page', async (_kind, grounds, build) => {
    const text = await textOf(build(context({ ...NO_UNIT, body: BODY })));
    expect(text).toContain('Hak mengajukan keberatan');
    for (const g of Object.keys(OBJECTION_GROUND_TEXTS) as (keyof typeof OBJECTION_GROUND_TEXTS)[]) {
      const said = text.includes(`Huruf ${g}`);
      expect([g, said]).toEqual([g, grounds.includes(g)]);
      if (said) expect(text).toContain(flat(OBJECTION_GROUND_TEXTS[g]));
    }
    expect(text).toContain('30 (tiga puluh) hari kerja');
    expect(text).toContain('kepada atasan PPID Pemerintah Kota Surabaya, Jalan Jimerto Nomor 25–27, Surabaya 60272.');
    expect(text).toContain('http://localhost:3000/lacak?nomor=3578-U-2025-00012');
  });

  it("should name the body's atasan PPID and their own address when an admin set them", async () => {
    const body = { ...BODY, atasanName: 'Drs. Ikhsan, M.Si.', atasanPosition: 'Sekretaris Daerah Kota Surabaya', atasanAddress: 'Jalan Taman Surya Nomor 1, Surabaya' };
    const pdf = await documents.renderLetter(refusalLetter(context({ ...NO_UNIT, body }), { ...blankNotice('refused'), reason: 'Rahasia pribadi.', ...WITHHELD }, { late: false }));
    await keepPdf('refusal-with-objection.pdf', pdf);
    const [pages] = await pdfPages([pdf]);
    const text = flat(pages.join('\n'));
    expect(text).toContain('kepada Drs. Ikhsan, M.Si., Sekretaris Daerah Kota Surabaya, Jalan Taman Surya Nomor 1, Surabaya.');
  });

  it('should print the whole consequence test on a partial grant, and say "belum didokumentasikan" rather than not held', async () => {
    const partial = await textOf(
      noticeLetter(context({ ...NO_UNIT, body: BODY }), { ...blankNotice('partially_granted'), material: 'Tabel', redactions: 'Nama pasien', ...WITHHELD }, { late: false }),
    );
    for (const expected of ['Pasal 17 huruf h', 'Nama dan alamat pasien dalam tabel kasus.', '8 April 2025', 'Kepala Dinas Kesehatan, PPID Utama', 'Mengungkap riwayat kesehatan pasien.', 'identitas pasien tidak menambah manfaat', 'Pasal 17 huruf h angka 2 UU 14/2008']) {
      expect(partial).toContain(expected);
    }
    const notDocumented = await textOf(noticeLetter(context({ ...NO_UNIT, body: BODY }), { ...blankNotice('not_documented'), informationHeld: false }, { late: false }));
    expect(notDocumented).toContain('Informasi belum didokumentasikan');
    expect(notDocumented).not.toContain('tidak berada di bawah penguasaan');
  });
});
