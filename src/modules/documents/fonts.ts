import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

let cached: FontFiles | undefined;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: a Unicode TrueType font, so every name a
 * citizen can type renders (the built-in Helvetica has no 'Ş'). Read once per process.
 */
export function loadFonts(): FontFiles {
  if (!cached) {
    const ttfDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: readFileSync(join(ttfDir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(ttfDir, 'DejaVuSans-Bold.ttf')),
    };
  }
  return cached;
}
