/** The part of fontkit (no bundled types) the portal uses: parsing a font file once. */
declare module 'fontkit' {
  /** A parsed font. pdfkit 0.20 takes one wherever it takes font bytes (it recognises it by `layout`). */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
