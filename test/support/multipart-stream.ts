import { request as httpRequest } from 'node:http';

export interface StreamedPostResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes written when the answer arrived (or when the connection closed). */
  bytesSentAtAnswer: number;
  totalBytes: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x41);

/** `count` files (default 1) of `bytes` bytes each in one field. */
export interface StreamedFile {
  field: string;
  name: string;
  bytes: number;
  count?: number;
}

/** One multipart body, produced chunk by chunk (never held whole). */
function* multipartBody(boundary: string, fields: Record<string, string>, file: StreamedFile): Generator<Buffer> {
  for (const [name, value] of Object.entries(fields)) {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  }
  for (let i = 0; i < (file.count ?? 1); i++) {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    let left = file.bytes - 9;
    while (left > 0) {
      const n = Math.min(left, CHUNK.length);
      yield n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n);
      left -= n;
    }
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

function bodyLength(boundary: string, fields: Record<string, string>, file: StreamedFile): number {
  let n = 0;
  for (const part of multipartBody(boundary, fields, { ...file, bytes: 9 })) n += part.length;
  return n + (file.bytes - 9) * (file.count ?? 1);
}

/**
 * Posts a large multipart body streamed from a generator, with Content-Length, and stops sending
 * as soon as the server answers; resolves with the answer and how much had been sent by then.
 */
export function postStreamedMultipart(
  url: string,
  options: { fields?: Record<string, string>; file: StreamedFile; headers?: Record<string, string> },
): Promise<StreamedPostResult> {
  const boundary = `----kip${Math.random().toString(16).slice(2)}`;
  const fields = options.fields ?? {};
  const totalBytes = bodyLength(boundary, fields, options.file);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentAtAnswer = -1;
    let stopped = false;
    let wake: (() => void) | null = null;
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(totalBytes) },
    });
    const stop = () => {
      stopped = true;
      wake?.();
    };
    req.on('response', (res) => {
      sentAtAnswer = sent;
      stop();
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      const finish = () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), bytesSentAtAnswer: sentAtAnswer, totalBytes });
      };
      res.on('end', finish);
      res.on('error', finish);
      res.on('aborted', finish);
    });
    req.on('error', (e) => {
      stop();
      // The server closing while the body is still being written is expected once it has answered.
      if (sentAtAnswer < 0) reject(e);
    });
    req.on('drain', () => wake?.());
    void (async () => {
      for (const chunk of multipartBody(boundary, fields, options.file)) {
        if (stopped) return;
        sent += chunk.length;
        if (!req.write(chunk)) await new Promise<void>((r) => (wake = r));
        wake = null;
      }
      if (!stopped) req.end();
    })();
  });
}

/** The cookies and CSRF token a browser holds after opening `path` (for posts made with plain http). */
export async function anonymousForm(baseUrl: string, path: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}${path}`);
  const html = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no CSRF token on ${path}`);
  return { cookie, csrf: m[1] };
}
