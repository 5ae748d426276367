import fc from 'fast-check';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { ReceiptData } from './document-data';
import { DocumentsService } from './documents.service';
import { PdfRenderFailed, PdfThreads } from './pdf-threads';
import { DocumentJob } from './render-document';
import { flat, pdfPages } from './testing/pdf-pages';
import { waitFor } from 'test/support/wait-for';

const NAME = 'Dyah Ayu Pitaloka Ñoño Şahin';
const FAULTY = join(__dirname, 'testing', 'faulty-pdf-thread.ts');

function receipt(registrationNumber: string): ReceiptData {
  return {
    registrationNumber,
    bodyName: 'Pemerintah Kota Surabaya',
    unitName: 'PPID Utama Kota Surabaya',
    receivedAtText: 'Kamis, 27 Maret 2025 pukul 10.00 WIB',
    effectiveReceiptDateText: 'Kamis, 27 Maret 2025',
    dueDateText: 'Selasa, 22 April 2025 pukul 23.59 WIB',
    dueProvisional: false,
    dueExplanation: 'Hari ke-0 adalah Kamis, 27 Maret 2025; batas waktu adalah akhir hari kerja ke-10 sesudahnya.',
    channelLabel: 'Daring (online)',
    requesterName: NAME,
    requesterTypeLabel: 'Perorangan',
    information: 'Salinan DPA Dinas Pendidikan tahun anggaran 2025.',
    purpose: 'Penelitian',
    obtainMethodLabel: 'Mendapatkan salinan (softcopy)',
    copyDeliveryLabel: 'Surat elektronik',
    trackingCode: 'K7QF-9XM2-PL4D',
    trackingUrl: `http://localhost:3000/lacak?nomor=${registrationNumber}`,
    issuedAtText: 'Kamis, 27 Maret 2025 pukul 10.01 WIB',
  };
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect x="0" y="0" width="120" height="40" fill="#1f4e79"/><text x="4" y="70">Grafik uji</text></svg>';

/** One document of each kind the portal issues, with the text each must show. */
const JOBS: { job: DocumentJob; shows: string[] }[] = [
  { job: { kind: 'receipt', data: receipt('3578-U-2025-00012') }, shows: ['3578-U-2025-00012', 'K7QF-9XM2-PL4D', NAME] },
  {
    job: {
      kind: 'letter',
      data: {
        bodyName: 'Pemerintah Kota Surabaya',
        unitName: 'PPID Utama Kota Surabaya',
        number: '000.9/1234/436.7.5/2025',
        subject: 'Pemberitahuan Tertulis',
        place: 'Surabaya',
        dateText: '9 April 2025',
        recipient: { name: `Sdr. ${NAME}` },
        sections: [{ kind: 'paragraph', text: 'Permohonan Saudara dikabulkan.' }],
        signer: { role: 'Pejabat Pengelola Informasi dan Dokumentasi', name: 'Drs. Bambang Sutejo, M.Si.' },
      },
    },
    shows: ['000.9/1234/436.7.5/2025', 'Drs. Bambang Sutejo, M.Si.'],
  },
  {
    job: {
      kind: 'register',
      data: {
        title: 'Register Permohonan Informasi Publik',
        subtitleLines: ['Pemerintah Kota Surabaya'],
        columns: [{ header: 'Nomor pendaftaran', width: 1 }, { header: 'Informasi yang diminta', width: 3 }],
        rows: [['3578-U-2026-00001', 'Rencana kerja']],
        note: 'Dibuat oleh Portal KIP.',
      },
    },
    shows: ['Register Permohonan Informasi Publik', '3578-U-2026-00001'],
  },
  {
    job: {
      kind: 'report',
      data: {
        bodyName: 'Pemerintah Kota Surabaya',
        unitName: 'PPID Utama Kota Surabaya',
        title: 'LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025',
        subtitleLines: ['Rancangan'],
        sections: [
          { kind: 'heading', text: 'Penolakan' },
          { kind: 'chart', chart: { title: 'Penolakan menurut huruf Pasal 17', categoryTitle: 'Huruf', valueTitle: 'Penolakan', points: [{ category: 'h', value: 2 }] } },
        ],
        reference: 'Laporan 2025',
      },
    },
    shows: ['LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025', 'Penolakan menurut huruf Pasal 17'],
  },
  {
    job: {
      kind: 'scorecard-report',
      data: {
        title: 'Laporan Indeks layanan portal — Tahun 2025',
        authority: 'Pemerintah Provinsi Jawa Timur',
        cover: { title: 'INDEKS LAYANAN PORTAL', subtitle: 'Badan publik se-Jawa Timur', period: 'Tahun 2025', figures: [{ label: 'Permohonan', value: '12' }], lines: ['Dibuat 2 Januari 2026.'], disclaimer: 'Bukan hasil monev Komisi Informasi.' },
        method: [{ kind: 'heading', text: 'Metode' }],
        ranking: [{ kind: 'heading', text: 'Peringkat' }],
        charts: [{ kind: 'heading', text: 'Grafik' }, { kind: 'chart', caption: 'Indeks menurut badan publik', chart: { svg: SVG, width: 200, height: 80 } }],
        bodies: [
          {
            title: '35.78 · Pemerintah Kota Surabaya',
            sections: [{ kind: 'fields', rows: [{ label: 'Peringkat', value: '1 dari 1' }] }],
            units: { columns: [{ header: 'Unit PPID', width: 4 }, { header: 'n', width: 1 }], rows: [['PPID Utama Kota Surabaya', '12']] },
            unitsOverflowNote: '{n} unit PPID lain tidak muat di halaman ini.',
          },
        ],
        footer: 'Indeks layanan portal · Tahun 2025',
      },
    },
    shows: ['PEMERINTAH PROVINSI JAWA TIMUR', 'Indeks menurut badan publik', '35.78 · Pemerintah Kota Surabaya'],
  },
];

/** The file without what differs from one second to the next: its creation date and file id. */
const withoutDates = (pdf: Buffer): string =>
  pdf.toString('latin1').replace(/\(D:\d{14}Z\)/g, '(D:)').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID []');

const exited = (workers: readonly Worker[]): boolean => workers.every((w) => w.threadId === -1);

describe('PDF rendering in worker threads', () => {
  describe('with the portal renderer', () => {
    const threads = new PdfThreads({ threads: 2, timeoutMs: 60_000 });
    const documents = new DocumentsService(threads);

    afterAll(() => threads.close());

    it('should start no thread before the first render', () => {
      expect(threads.threads).toHaveLength(0);
    });

    it('should render every kind of document in a thread, the same as inline', async () => {
      const inThreads = await Promise.all(JOBS.map(({ job }) => threads.render(job)));
      expect(threads.threads.length).toBeGreaterThan(0);
      const inline = await new DocumentsService().renderReceipt(receipt('3578-U-2025-00012'));
      const pages = await pdfPages([...inThreads, inline]);
      JOBS.forEach(({ shows }, i) => {
        expect(inThreads[i].subarray(0, 5).toString()).toBe('%PDF-');
        for (const text of shows) expect(flat(pages[i].join(' '))).toContain(text);
      });
      expect(pages[0]).toEqual(pages[JOBS.length]);
    });

    it('should render through the DocumentsService door as through the threads', async () => {
      const pdf = await documents.renderReceipt(receipt('3578-U-2025-00099'));
      const [pages] = await pdfPages([pdf]);
      expect(flat(pages.join(' '))).toContain('3578-U-2025-00099');
    });

    it('should lose nothing of the data on the way to a thread: any receipt comes out byte for byte as rendered inline', async () => {
      const text = fc.string({ unit: 'grapheme', maxLength: 120 });
      await fc.assert(
        fc.asyncProperty(text, text, fc.option(text, { nil: null }), fc.boolean(), async (requesterName, information, copyDeliveryLabel, dueProvisional) => {
          const data = { ...receipt('3578-U-2025-00077'), requesterName, information, copyDeliveryLabel, dueProvisional };
          const inThread = await documents.renderReceipt(data);
          const inline = await new DocumentsService().renderReceipt(data);
          expect(withoutDates(inThread)).toBe(withoutDates(inline));
        }),
        { numRuns: 15 },
      );
    });

    it('should end every thread when closed and refuse to render after that', async () => {
      const workers = threads.threads;
      expect(workers.length).toBeGreaterThan(0);
      await documents.onApplicationShutdown();
      expect(threads.threads).toHaveLength(0);
      expect(exited(workers)).toBe(true);
      await expect(documents.renderReceipt(receipt('3578-U-2025-00100'))).rejects.toThrow(PdfRenderFailed);
    });
  });

  describe('when a thread fails', () => {
    const threads = new PdfThreads({ threads: 1, timeoutMs: 15_000, handler: FAULTY });

    afterAll(() => threads.close());

    it('should fail the render whose thread crashed, and render the next one in a new thread', async () => {
      await expect(threads.render({ kind: 'receipt', data: receipt('3578-U-2025-00001') })).resolves.toBeInstanceOf(Buffer);
      const [first] = threads.threads;
      const crashed = threads.render({ kind: 'receipt', data: receipt('CRASH') });
      await expect(crashed).rejects.toThrow(PdfRenderFailed);
      await expect(crashed).rejects.toThrow('PDF receipt not rendered: failed in its thread');
      expect(first.threadId).toBe(-1);
      const next = await threads.render({ kind: 'receipt', data: receipt('3578-U-2025-00002') });
      const [pages] = await pdfPages([next]);
      expect(flat(pages.join(' '))).toContain('3578-U-2025-00002');
    });

    it('should stop a render that runs past its time, its thread with it, and render the next one', async () => {
      // Long enough for a thread to start and compile the renderer on a busy machine.
      const quick = new PdfThreads({ threads: 1, timeoutMs: 5_000, handler: FAULTY });
      try {
        await expect(quick.render(JOBS[2].job)).resolves.toBeInstanceOf(Buffer);
        const [first] = quick.threads;
        await expect(quick.render({ kind: 'receipt', data: receipt('HANG') })).rejects.toThrow('still running after 5000 ms');
        // Terminated: its 'exit' follows the failed render by a moment.
        await waitFor(() => first.threadId === -1, 5_000);
        await expect(quick.render(JOBS[1].job)).resolves.toBeInstanceOf(Buffer);
      } finally {
        const workers = quick.threads;
        await quick.close();
        expect(exited(workers)).toBe(true);
      }
    });

    it('should fail only the crashed render while others run in the pool at the same time', async () => {
      const renders = ['3578-U-2025-00003', 'CRASH', '3578-U-2025-00004'].map((n) => threads.render({ kind: 'receipt', data: receipt(n) }).then(
        () => 'ok',
        (e: Error) => e.name,
      ));
      await expect(Promise.all(renders)).resolves.toEqual(['ok', 'PdfRenderFailed', 'ok']);
    });
  });
});
