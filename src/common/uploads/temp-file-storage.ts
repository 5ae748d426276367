import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Passes the first `limit` bytes on and only counts the rest. */
class CappedCounter extends Transform {
  size = 0;

  constructor(private readonly limit: number) {
    super();
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const room = this.limit - this.size;
    this.size += chunk.length;
    if (room > 0) this.push(room >= chunk.length ? chunk : chunk.subarray(0, room));
    done();
  }
}

/**
 * Multer storage that streams each file into `dir` (owner-only) and never holds it in memory.
 * A file over `maxFileBytes` is read to its end but only its first bytes are kept, and its
 * size says how large it was: the service then names the limit beside the field, with the
 * rest of the form still parsed.
 */
export class TempFileStorage implements StorageEngine {
  constructor(
    private readonly dir: string,
    private readonly maxFileBytes: number,
  ) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: Error | null, info?: Partial<Express.Multer.File>) => void): void {
    const path = join(this.dir, `${randomBytes(16).toString('hex')}.upload`);
    const counter = new CappedCounter(this.maxFileBytes + 1);
    pipeline(file.stream, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 })).then(
      () => callback(null, { path, size: counter.size }),
      (e: unknown) => {
        void rm(path, { force: true }).finally(() => callback(e instanceof Error ? e : new Error('upload failed')));
      },
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (e: unknown) => callback(e instanceof Error ? e : new Error('could not remove upload')),
    );
  }
}

/** Removes temporary uploads left by a process that stopped mid-request (older than an hour). */
export async function sweepStaleUploads(dir: string, now = Date.now()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > 60 * 60 * 1000) await rm(path, { force: true });
  }
}
