import { readdirSync } from 'node:fs';
import { uploadDir } from 'src/common/uploads/accepts-uploads';
import { anonymousForm, postStreamedMultipart, StreamedPostResult } from 'test/support/multipart-stream';
import { startTestApp, TestApp } from 'test/support/test-app';

const MB = 1024 * 1024;
/** 95 MB in five files of 19 MB: each under the largest per-file limit anywhere (20 MB). */
const HUGE = { bytes: 19 * MB, count: 5 };

/**
 * Large anonymous multipart posts were once read into memory on every route, before CSRF and
 * authentication (four 95 MB posts to /lacak grew the process by about 460 MB). Each must now be
 * refused before its body is read, with the connection closed and memory flat.
 */
describe('abuse: oversized anonymous multipart bodies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
  });

  afterAll(async () => {
    await t.close();
  });

  function gc(): void {
    (globalThis as { gc?: () => void }).gc?.();
  }

  /** Sends four posts at once and checks each answer, the bytes read and the memory they cost. */
  async function fourAtOnce(send: () => Promise<StreamedPostResult>, expectAnswer: (r: StreamedPostResult) => void): Promise<void> {
    gc();
    const before = process.memoryUsage().rss;
    // The peak, not the end: buffers of a request are freed soon after it.
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const results = await Promise.all([send(), send(), send(), send()]).finally(() => clearInterval(sampler));
    const grown = Math.max(peak, process.memoryUsage().rss) - before;
    for (const r of results) {
      expectAnswer(r);
      // Answered while the client was still sending: the server did not wait for (or read) the body.
      expect(r.bytesSentAtAnswer).toBeLessThan(r.totalBytes / 2);
      expect(r.headers.connection).toBe('close');
    }
    expect(grown).toBeLessThan(60 * MB);
    expect(readdirSync(uploadDir(t.config))).toEqual([]);
  }

  it('should refuse 95 MB posts to /lacak without a CSRF token with 403, unread', async () => {
    await fourAtOnce(
      () => postStreamedMultipart(`${t.url}/lacak`, { fields: { nomor: 'x', kode: 'y' }, file: { field: 'berkas', name: 'besar.pdf', ...HUGE } }),
      (r) => expect(r.status).toBe(403),
    );
  });

  it('should refuse 95 MB posts to /lacak with a valid CSRF token with 415, unread', async () => {
    const form = await anonymousForm(t.url, '/lacak');
    await fourAtOnce(
      () =>
        postStreamedMultipart(`${t.url}/lacak?_csrf=${encodeURIComponent(form.csrf)}`, {
          headers: { Cookie: form.cookie },
          file: { field: 'berkas', name: 'besar.pdf', ...HUGE },
        }),
      (r) => {
        expect(r.status).toBe(415);
        expect(r.body).toContain('tidak menerima unggahan berkas');
      },
    );
  });

  it('should refuse 95 MB posts to the officer handover without a session or token, unread', async () => {
    const form = await anonymousForm(t.url, '/lacak');
    const id = '00000000-0000-4000-8000-000000000000';
    await fourAtOnce(
      () =>
        postStreamedMultipart(`${t.url}/petugas/permohonan/${id}/serah?_csrf=${encodeURIComponent(form.csrf)}`, {
          headers: { Cookie: form.cookie },
          file: { field: 'files', name: 'besar.pdf', ...HUGE },
        }),
      (r) => {
        expect(r.status).toBe(303);
        expect(r.headers.location).toMatch(/^\/masuk/);
      },
    );
    await fourAtOnce(
      () => postStreamedMultipart(`${t.url}/api/v1/requests/${id}/documents`, { file: { field: 'files', name: 'besar.pdf', ...HUGE } }),
      (r) => expect(r.status).toBe(401),
    );
  });

  it('should refuse 95 MB posts to the citizen form with 413 naming the limit, unread', async () => {
    const form = await anonymousForm(t.url, '/lacak');
    await fourAtOnce(
      () =>
        postStreamedMultipart(`${t.url}/permohonan?_csrf=${encodeURIComponent(form.csrf)}`, {
          headers: { Cookie: form.cookie },
          file: { field: 'identityDocument', name: 'ktp.pdf', ...HUGE },
        }),
      (r) => {
        expect(r.status).toBe(413);
        expect(r.body).toContain('Dokumen identitas paling besar 2 MB.');
      },
    );
  });
});
