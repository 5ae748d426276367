import { letterDetailsOf } from 'src/modules/bodies';
import { DocumentsService, flat, keepPdf, pdfPages } from 'src/modules/documents';
import { ReceiptView } from 'src/modules/requests/receipt.presenter';
import { extensionLetter, LetterContext, noticeLetter } from './letters';
import { blankNotice } from './notice-input';

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
  trackingUrl: 'http://localhost:3000/lacak?nomor=3578-U-2025-00012',
};

const BODY = {
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
    const pdf = await documents.renderLetter(noticeLetter(context(unit), { ...blankNotice('granted'), material: 'Tabel cakupan imunisasi (PDF).' }));
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
});
