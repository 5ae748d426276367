import { create, Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface DocumentFonts {
  regular: Font;
  bold: Font;
}

let cached: DocumentFonts | undefined;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: a Unicode TrueType font, so every name a
 * citizen can type renders (the built-in Helvetica has no 'Ş'). Read and parsed once per thread
 * and shared by every document it renders: handed font bytes, pdfkit would parse them again for
 * each document, and glyph outlines, metrics and layouts that fontkit caches on the parsed font
 * would be rebuilt each time (a receipt took about four times as long). Each document still
 * embeds its own subset of the glyphs it uses.
 */
export function loadFonts(): DocumentFonts {
  if (!cached) {
    const ttfDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: create(readFileSync(join(ttfDir, 'DejaVuSans.ttf'))),
      bold: create(readFileSync(join(ttfDir, 'DejaVuSans-Bold.ttf'))),
    };
  }
  return cached;
}
