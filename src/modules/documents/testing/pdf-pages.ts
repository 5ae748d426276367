import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The text of each page of several PDFs, read back with pdf-parse in one plain Node process
 * (inside Jest on Node 20 its worker set-up needs a dynamic import() the module runtime lacks).
 */
export function pdfPages(pdfs: Buffer[]): Promise<string[][]> {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const out = [];
      for (const b64 of JSON.parse(Buffer.concat(chunks).toString())) {
        const parser = new PDFParse({ data: Buffer.from(b64, 'base64') });
        const { pages } = await parser.getText();
        await parser.destroy();
        out.push(pages.map((p) => p.text));
      }
      process.stdout.write(JSON.stringify(out));
    });`;
  return new Promise((done, fail) => {
    const child = execFile(process.execPath, ['-e', script], { cwd: ROOT, maxBuffer: 1 << 26 }, (error, stdout) =>
      error ? fail(error) : done(JSON.parse(stdout) as string[][]),
    );
    child.stdin?.end(JSON.stringify(pdfs.map((p) => p.toString('base64'))));
  });
}

/** Whitespace folded, so text that pdf-parse broke over lines can be searched as one string. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Keeps a rendered file for a person to look at (test-artifacts/ is git-ignored). */
export async function keepPdf(name: string, pdf: Buffer): Promise<void> {
  const dir = join(ROOT, 'test-artifacts/documents');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), pdf);
}
