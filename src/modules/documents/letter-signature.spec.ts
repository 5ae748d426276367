import { LetterData, LetterSection } from './document-data';
import { DocumentsService } from './documents.service';
import { flat, keepPdf, pdfPages } from './testing/pdf-pages';

const CLOSING = 'Demikian kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.';
const SIGNER = { role: 'Kepala Dinas Komunikasi dan Informatika selaku PPID Utama', name: 'Drs. Bambang Sutejo, M.Si.', nip: '197004121995031002' };
const END_MARK = 'AKHIRBADANSURAT';

function filler(count: number): LetterSection[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: 'paragraph' as const,
    text:
      `Paragraf ${index + 1}. Informasi yang dimohonkan disampaikan dalam bentuk salinan elektronik; bagian yang memuat ` +
      'data pribadi pihak ketiga dihitamkan sesuai Pasal 17 huruf h Undang-Undang Nomor 14 Tahun 2008.',
  }));
}

/** A letter whose last body paragraph has `words` words, so its end moves down the page word by word. */
function letterEndingAt(words: number, closing?: string): LetterData {
  const last = Array.from({ length: words }, (_, i) => (i % 3 === 0 ? 'penyampaian' : i % 3 === 1 ? 'informasi' : 'publik')).join(' ');
  return {
    bodyName: 'Pemerintah Kota Surabaya',
    unitName: 'PPID Utama Kota Surabaya',
    kopLines: ['Jalan Jimerto Nomor 25–27, Surabaya 60272', 'Telepon (031) 5312144 · E-mail ppid@surabaya.example.org'],
    number: '001/PPID-U/3578/2025',
    subject: 'Pemberitahuan Tertulis atas Permohonan Informasi Publik',
    place: 'Surabaya',
    dateText: '9 April 2025',
    recipient: { name: 'Sdr. Dyah Ayu Pitaloka', lines: ['Pemohon Informasi Publik'] },
    sections: [...filler(5), { kind: 'paragraph', text: `Paragraf terakhir ${last} ${END_MARK}.` }],
    closing,
    signer: SIGNER,
  };
}

interface Placement {
  pages: number;
  /** Zero-based page of each part. */
  end: number;
  closing: number;
  role: number;
  name: number;
  nip: number;
}

function placementOf(pages: string[], closing: string): Placement {
  const find = (text: string) => pages.findIndex((p) => flat(p).includes(text));
  return { pages: pages.length, end: find(END_MARK), closing: find(flat(closing)), role: find(SIGNER.role), name: find(SIGNER.name), nip: find(`NIP. ${SIGNER.nip}`) };
}

describe('letter signature block', () => {
  const service = new DocumentsService();
  // Word counts that move the end of the body from mid-page past the bottom of page 1, about a line at a time.
  const sweep = Array.from({ length: 36 }, (_, i) => 4 + i * 11);

  it('should keep the closing paragraph with the signature, moving both to the next page when they do not fit', async () => {
    const pdfs = await Promise.all(sweep.map((words) => service.renderLetter(letterEndingAt(words))));
    const parsed = await pdfPages(pdfs);
    const placements = parsed.map((pages) => placementOf(pages, CLOSING));

    for (const [index, p] of placements.entries()) {
      const context = `letter with ${sweep[index]} words in the last paragraph: ${JSON.stringify(p)}`;
      expect({ context, ok: p.end >= 0 && p.closing >= 0 }).toEqual({ context, ok: true });
      // Closing, position, name and NIP on one page, never before the body's end.
      expect({ context, pages: [p.role, p.name, p.nip] }).toEqual({ context, pages: [p.closing, p.closing, p.closing] });
      expect({ context, afterBody: p.closing >= p.end }).toEqual({ context, afterBody: true });
      if (p.pages > 1) expect(flat(parsed[index][p.pages - 1])).toContain(`Halaman ${p.pages} dari ${p.pages}`);
    }
    // The sweep crosses the page end: one letter keeps everything on page 1, and one ends its body on
    // page 1 while closing and signature start page 2 together.
    expect(placements.some((p) => p.pages === 1)).toBe(true);
    const moved = placements.findIndex((p) => p.end === 0 && p.closing === 1);
    expect(moved).toBeGreaterThanOrEqual(0);
    expect(flat(parsed[moved][1])).toMatch(/^Demikian kami sampaikan/);
    await keepPdf('letter-signature-moved.pdf', pdfs[moved]);
  });

  it('should carry the last body paragraph to the signature page when the letter has no closing', async () => {
    const pdfs = await Promise.all(sweep.map((words) => service.renderLetter(letterEndingAt(words, ''))));
    const parsed = await pdfPages(pdfs);
    const placements = parsed.map((pages) => placementOf(pages, END_MARK));

    for (const [index, p] of placements.entries()) {
      const context = `letter without closing, ${sweep[index]} words: ${JSON.stringify(p)}`;
      expect({ context, pages: [p.end, p.role, p.name, p.nip] }).toEqual({ context, pages: [p.name, p.name, p.name, p.name] });
    }
    expect(placements.some((p) => p.name === 1)).toBe(true);
    expect(parsed.every((pages) => !pages.some((p) => flat(p).includes('Demikian kami sampaikan')))).toBe(true);
  });

  it('should print a long signer position and name whole, with the NIP under the name', async () => {
    const signer = { role: 'Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Jawa Timur selaku Pejabat Pengelola Informasi dan Dokumentasi Utama', name: 'Prof. Dr. Ir. Raden Mas Aryo Wicaksono Hadiningrat, M.Sc., M.Eng.', nip: '196512311990031001' };
    const pdfs = await Promise.all(sweep.slice(0, 24).map((words) => service.renderLetter({ ...letterEndingAt(words), signer })));
    const parsed = await pdfPages(pdfs);
    for (const pages of parsed) {
      const signaturePage = pages.findIndex((p) => flat(p).includes('Hadiningrat, M.Sc., M.Eng.'));
      expect(flat(pages[signaturePage])).toContain('NIP. 196512311990031001');
      expect(flat(pages[signaturePage])).toContain('Demikian kami sampaikan');
      expect(flat(pages[signaturePage])).toContain('selaku Pejabat Pengelola Informasi');
    }
  });
});
