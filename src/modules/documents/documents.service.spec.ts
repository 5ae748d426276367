import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LetterData, ReceiptData } from './document-data';
import { DocumentsService } from './documents.service';

const ROOT = resolve(__dirname, '../../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/documents');
const NAME = 'Dyah Ayu Pitaloka Ñoño Şahin';
const XSS = '<script>alert(1)</script>';
const NIK = '3578016512900003';

interface ParsedPdf {
  text: string;
  total: number;
  info: { Title?: string; Author?: string; Subject?: string };
}

/**
 * pdf-parse 2 sets up pdf.js's worker with a dynamic import(), which Jest's module runtime
 * cannot run on Node 20, so the PDF is read back by a plain Node process.
 */
const PARSE_SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const { text, total } = await parser.getText();
  const { info } = await parser.getInfo();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text, total, info }));
});`;

function parsePdf(pdf: Buffer): Promise<ParsedPdf> {
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ['-e', PARSE_SCRIPT], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, stdout) =>
      error ? fail(error) : done(JSON.parse(stdout) as ParsedPdf),
    );
    child.stdin?.end(pdf);
  });
}

/** Keeps the rendered file for a person to look at (test-artifacts/ is git-ignored). */
async function keep(name: string, pdf: Buffer): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, name), pdf);
}

function buildReceipt(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    registrationNumber: '3578-U-2025-00012',
    bodyName: 'Pemerintah Kota Surabaya',
    unitName: 'PPID Utama Kota Surabaya',
    receivedAtText: 'Kamis, 27 Maret 2025 pukul 10.00 WIB',
    effectiveReceiptDateText: 'Kamis, 27 Maret 2025',
    dueDateText: 'Selasa, 22 April 2025 pukul 23.59 WIB',
    dueProvisional: false,
    dueExplanation:
      'Diterima Kamis, 27 Maret 2025 pada jam layanan sehingga menjadi hari ke-0; 10 hari kerja dihitung sesudahnya ' +
      'tanpa Sabtu, Minggu, cuti bersama 28 Maret dan 2–7 April, Idul Fitri 31 Maret–1 April, dan Wafat Yesus Kristus 18 April.',
    channelLabel: 'Daring (online)',
    requesterName: NAME,
    requesterTypeLabel: 'Perorangan',
    information:
      'Salinan dokumen pelaksanaan anggaran (DPA) Dinas Pekerjaan Umum Bina Marga dan Pematusan tahun 2024, ' +
      `termasuk daftar paket pekerjaan saluran di Kecamatan Rungkut. ${XSS}`,
    purpose: 'Penelitian skripsi tentang pengelolaan drainase perkotaan.',
    obtainMethodLabel: 'Mendapatkan salinan (softcopy)',
    copyDeliveryLabel: 'E-mail',
    trackingCode: 'K7QF-9XM2-PL4D',
    trackingUrl: 'http://localhost:3000/lacak?nomor=3578-U-2025-00012',
    issuedAtText: 'Kamis, 27 Maret 2025 pukul 10.01 WIB',
    ...overrides,
  };
}

/** A record as the requests module holds it: personal data beside what the receipt needs. */
function buildStoredRequest(): ReceiptData {
  const stored = { ...buildReceipt(), nik: NIK, address: 'Jl. Rungkut Asri Tengah 12, Surabaya', phone: '081234567890' };
  return stored;
}

function longInformation(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, index) =>
      `${index + 1}. Rekapitulasi realisasi belanja modal jalan, jembatan dan saluran per kecamatan tahun 2020–2024, ` +
      'lengkap dengan nomor kontrak, nama penyedia, nilai kontrak, nilai addendum, tanggal serah terima pekerjaan, ' +
      'dan laporan hasil pemeriksaan inspektorat atas paket-paket tersebut.',
  ).join('\n');
}

function buildLetter(overrides: Partial<LetterData> = {}): LetterData {
  return {
    bodyName: 'Pemerintah Kota Surabaya',
    unitName: 'PPID Utama Kota Surabaya',
    kopLines: ['Jalan Jimerto Nomor 25–27, Surabaya 60272 · Telepon (031) 5312144 · ppid@surabaya.go.id'],
    number: '000.9/1234/436.7.5/2025',
    subject: 'Pemberitahuan Tertulis atas Permohonan Informasi Publik Nomor 3578-U-2025-00012',
    attachments: '1 (satu) berkas',
    place: 'Surabaya',
    dateText: '9 April 2025',
    recipient: { name: `Sdr. ${NAME}`, lines: ['di', 'Surabaya'] },
    sections: [
      {
        kind: 'paragraph',
        text:
          'Menindaklanjuti permohonan informasi publik Saudara yang kami terima pada tanggal 27 Maret 2025, ' +
          'dengan ini kami sampaikan pemberitahuan tertulis sebagaimana dimaksud Pasal 22 ayat (7) ' +
          'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik sebagai berikut:',
      },
      {
        kind: 'fields',
        rows: [
          { label: 'Nomor pendaftaran', value: '3578-U-2025-00012' },
          { label: 'Informasi yang diminta', value: `Salinan DPA Dinas PU Bina Marga dan Pematusan tahun 2024 ${XSS}` },
          { label: 'Penguasaan informasi', value: 'Informasi berada di bawah penguasaan kami.' },
          { label: 'Keputusan', value: 'Permohonan diterima seluruhnya.' },
        ],
      },
      { kind: 'heading', text: 'Materi informasi yang diberikan' },
      { kind: 'list', items: ['Salinan DPA tahun anggaran 2024 (softcopy, PDF).', 'Daftar paket pekerjaan saluran.'] },
    ],
    signer: { role: 'Pejabat Pengelola Informasi dan Dokumentasi Kota Surabaya', name: 'Drs. Bambang Sutejo, M.Si.', nip: '19700412 199503 1 002' },
    footerNote: 'Surat ini dibuat secara elektronik melalui Portal KIP.',
    ...overrides,
  };
}

function buildLongLetter(): LetterData {
  const base = buildLetter();
  const filler = Array.from({ length: 14 }, (_, index) => ({
    kind: 'paragraph' as const,
    text:
      `Paragraf ${index + 1}. Informasi yang dimohonkan disampaikan dalam bentuk salinan elektronik. Bagian dokumen ` +
      'yang memuat data pribadi pihak ketiga dihitamkan sesuai Pasal 17 huruf h, dengan alasan bahwa pengungkapannya ' +
      'dapat mengungkap rahasia pribadi, sedangkan bagian lainnya dapat diakses oleh publik tanpa pengecualian.',
  }));
  return {
    ...base,
    sections: [
      ...base.sections,
      ...filler,
      { kind: 'fields', rows: [{ label: 'Biaya', value: 'Rp0 (tanpa biaya)' }, { label: 'Cara pembayaran', value: '-' }] },
      { kind: 'list', items: Array.from({ length: 8 }, (_, index) => `Lampiran dokumen nomor ${index + 1} tahun 2024.`) },
    ],
  };
}

describe('DocumentsService', () => {
  const service = new DocumentsService();

  describe('renderReceipt', () => {
    it('should print the registration number, due date and tracking code when a request is received', async () => {
      const pdf = await service.renderReceipt(buildReceipt());
      await keep('receipt.pdf', pdf);

      const { text, total } = await parsePdf(pdf);

      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(total).toBe(1);
      expect(text).toContain('3578-U-2025-00012');
      expect(text).toContain('Selasa, 22 April 2025 pukul 23.59 WIB');
      expect(text).toContain('K7QF-9XM2-PL4D');
      expect(text).toContain('http://localhost:3000/lacak?nomor=3578-U-2025-00012');
      expect(text).not.toContain('sementara');
      expect(text).not.toContain('Halaman');
    });

    it('should render the requester name exactly when it has letters outside ASCII', async () => {
      const { text } = await parsePdf(await service.renderReceipt(buildReceipt()));

      expect(text).toContain(NAME);
    });

    it('should show markup as literal text when the request contains a script tag', async () => {
      const { text } = await parsePdf(await service.renderReceipt(buildReceipt()));

      expect(text).toContain(XSS);
    });

    it('should leave out NIK, address and phone when the record passed in carries them', async () => {
      const { text } = await parsePdf(await service.renderReceipt(buildStoredRequest()));

      expect(text).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
      expect(text).not.toContain('Rungkut Asri');
      expect(text).not.toContain('081234567890');
    });

    it('should mark the due date as provisional when the holiday list is not yet decreed', async () => {
      const { text } = await parsePdf(await service.renderReceipt(buildReceipt({ dueProvisional: true })));

      expect(text).toContain('(sementara: daftar libur tahun itu belum ditetapkan)');
    });

    it('should continue on a new page and number the pages when the requested information is long', async () => {
      const pdf = await service.renderReceipt(buildReceipt({ information: `${longInformation(20)}\n${XSS}` }));
      await keep('receipt-long.pdf', pdf);

      const { text, total } = await parsePdf(pdf);

      expect(total).toBeGreaterThan(1);
      expect(text).toContain(`Halaman 2 dari ${total}`);
      expect(text).toContain('20. Rekapitulasi realisasi');
      expect(text).toContain(XSS);
      expect(text).toContain('K7QF-9XM2-PL4D');
    });

    it('should set title, author and subject when a receipt is rendered', async () => {
      const { info } = await parsePdf(await service.renderReceipt(buildReceipt()));

      expect(info.Title).toBe('Tanda Bukti Penerimaan Permohonan Informasi Publik 3578-U-2025-00012');
      expect(info.Author).toBe('Pemerintah Kota Surabaya');
      expect(info.Subject).toContain('3578-U-2025-00012');
    });

    it('should produce the same text when the same receipt is rendered twice', async () => {
      const first = await parsePdf(await service.renderReceipt(buildReceipt()));
      const second = await parsePdf(await service.renderReceipt(buildReceipt()));

      expect(second.text).toBe(first.text);
    });
  });

  describe('renderLetter', () => {
    it('should print the letter number, subject, recipient and signer when a letter is rendered', async () => {
      const pdf = await service.renderLetter(buildLetter());
      await keep('letter.pdf', pdf);

      const { text, total, info } = await parsePdf(pdf);

      expect(total).toBe(1);
      expect(text).toContain('Nomor');
      expect(text).toContain('000.9/1234/436.7.5/2025');
      expect(text).toContain('Perihal');
      expect(text).toContain('Surabaya, 9 April 2025');
      expect(text).toContain('Kepada Yth.');
      expect(text).toContain(`Sdr. ${NAME}`);
      expect(text).toContain('Drs. Bambang Sutejo, M.Si.');
      expect(text).toContain('NIP. 19700412 199503 1 002');
      expect(text).toContain(XSS);
      expect(text).not.toContain('Halaman');
      expect(info.Author).toBe('Pemerintah Kota Surabaya');
    });

    it('should number every page when the letter runs over several pages', async () => {
      const pdf = await service.renderLetter(buildLongLetter());
      await keep('letter-long.pdf', pdf);

      const { text, total } = await parsePdf(pdf);

      expect(total).toBeGreaterThan(1);
      expect(text).toContain(`Halaman 1 dari ${total}`);
      expect(text).toContain('Halaman 2 dari');
      expect(text).toContain(`Halaman ${total} dari ${total}`);
      expect(text).toContain('Drs. Bambang Sutejo, M.Si.');
    });

    it('should leave out the salutation and closing when they are given empty', async () => {
      const { text } = await parsePdf(await service.renderLetter(buildLetter({ salutation: '', closing: '' })));

      expect(text).not.toContain('Dengan hormat');
      expect(text).not.toContain('Demikian kami sampaikan');
      expect(text).toContain('Drs. Bambang Sutejo, M.Si.');
    });
  });
});
