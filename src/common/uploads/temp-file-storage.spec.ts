import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepStaleUploads } from './temp-file-storage';

describe('sweepStaleUploads', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kip-uploads-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('should remove uploads older than an hour and keep those of requests still running', async () => {
    const now = Date.now();
    writeFileSync(join(dir, 'old.upload'), 'x');
    writeFileSync(join(dir, 'running.upload'), 'y');
    const twoHoursAgo = new Date(now - 2 * 60 * 60 * 1000);
    utimesSync(join(dir, 'old.upload'), twoHoursAgo, twoHoursAgo);
    await sweepStaleUploads(dir, now);
    expect(readdirSync(dir)).toEqual(['running.upload']);
  });

  it('should do nothing when the folder does not exist', async () => {
    await expect(sweepStaleUploads(join(dir, 'missing'))).resolves.toBeUndefined();
  });
});
