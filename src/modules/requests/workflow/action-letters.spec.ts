import { letterDetailsOf } from 'src/modules/bodies';
import { DocumentsService, flat, pdfPages } from 'src/modules/documents';
import { ReceiptView } from 'src/modules/requests/receipt.presenter';
import { correctionLetter, transferLetter } from './action-letters';
import { LetterContext } from './letters';

const RECEIPT = {
  registrationNumber: '3578-U-2026-00012',
  bodyName: 'Pemerintah Kota Surabaya',
  unitName: 'PPID Utama Kota Surabaya',
  receivedAtText: 'Kamis, 19 November 2026 pukul 10.00 WIB',
  requesterName: 'Dyah Ayu Pitaloka',
  information: 'Data cakupan imunisasi dasar per kecamatan tahun 2024.',
} as ReceiptView;

const UNIT = { address: null, phone: null, email: null, signerName: null, signerPosition: null, signerNip: null, body: { name: 'Pemerintah Kota Surabaya', address: null, phone: null, email: null, website: null, serviceHours: null, atasanName: null, atasanPosition: null, atasanAddress: null } };

function context(number: string): LetterContext {
  return { receipt: RECEIPT, regionName: 'Kota Surabaya', number, date: '2026-11-25', officerName: 'Sri Wahyuni', ...letterDetailsOf(UNIT) };
}

async function textOf(pdf: Buffer): Promise<string> {
  const [pages] = await pdfPages([pdf]);
  return flat(pages.join('\n'));
}

describe('letters of the later actions', () => {
  const documents = new DocumentsService();

  it('should name the corrected letter by number and date and say what is corrected in a ralat', async () => {
    const pdf = await documents.renderLetter(
      correctionLetter(
        context('007/PPID-U/3578/2026'),
        { number: '005/PPID-U/3578/2026', dateText: '20 November 2026', title: 'Surat pemberitahuan tertulis' },
        { original: 'Biaya Rp 50.000', corrected: 'Tanpa biaya' },
      ),
    );
    const text = await textOf(pdf);
    expect(text).toContain('Ralat atas surat nomor 005/PPID-U/3578/2026 tanggal 20 November 2026');
    expect(text).toContain('007/PPID-U/3578/2026');
    expect(text).toContain('Biaya Rp 50.000');
    expect(text).toContain('Tanpa biaya');
    expect(text).toContain('3578-U-2026-00012');
  });

  it('should tell the requester which body holds the information and the new registration number', async () => {
    const pdf = await documents.renderLetter(
      transferLetter(
        context('008/PPID-U/3578/2026'),
        {
          bodyName: 'Pemerintah Kabupaten Malang',
          unitName: 'PPID Utama Kabupaten Malang',
          registrationNumber: '3507-U-2026-00003',
          dueDateText: 'Rabu, 9 Desember 2026 pukul 23.59 WIB',
          trackingUrl: 'http://localhost:3000/lacak?nomor=3507-U-2026-00003',
        },
        'Data imunisasi dikelola Dinas Kesehatan Kabupaten Malang.',
      ),
    );
    const text = await textOf(pdf);
    expect(text).toContain('Penerusan Permohonan');
    expect(text).toContain('Pemerintah Kabupaten Malang');
    expect(text).toContain('3507-U-2026-00003');
    expect(text).toContain('Pasal 22 ayat (7) huruf a dan b');
    expect(text).toContain('Data imunisasi dikelola Dinas Kesehatan Kabupaten Malang.');
  });
});
