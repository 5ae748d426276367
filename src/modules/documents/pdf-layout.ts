/**
 * The page furniture every portal document shares: A4 with 2.5 cm margins, DejaVu Sans, the
 * letterhead (kop surat), label : value tables, numbered lists, the signature block and
 * 'Halaman x dari y'. The only file that touches pdfkit; templates describe content through it.
 *
 * pdfkit draws strings as glyphs and interprets no markup, so text typed by citizens is
 * shown exactly as typed.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FieldRow, LetterSigner } from './document-data';
import { loadFonts } from './fonts';

const POINTS_PER_CM = 72 / 2.54;
const MARGIN = 2.5 * POINTS_PER_CM;
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#444444';
/** Room left between the role line and the name for the signature and stamp. */
const SIGNATURE_SPACE = 58;
/** A table value taller than this many lines is set full width under its label instead. */
const LONG_VALUE_LINES = 8;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  /** Printed beside the page number on documents of several pages, e.g. the letter's number. */
  reference: string;
}

export interface Letterhead {
  bodyName: string;
  unitName: string;
  lines?: string[];
}

export interface TableRow extends FieldRow {
  strong?: boolean;
  link?: string;
  /** A remark under the value, in regular muted type. */
  note?: string;
}

/** A horizontal band of the page. */
export interface Region {
  x: number;
  width: number;
}

export interface TableOptions {
  labelWidth: number;
  /** Drawn between label and value; '' for none (numbered lists). */
  separator?: string;
}

interface Columns {
  region: Region;
  separator: string;
  labelWidth: number;
  valueX: number;
  valueWidth: number;
}

export interface TextStyle {
  bold?: boolean;
  size?: number;
  muted?: boolean;
}

/** Page set-up other than the letters' A4 portrait with 2.5 cm margins (registers: landscape, narrow margins). */
export interface PageOptions {
  landscape?: boolean;
  marginCm?: number;
}

/** A column of a grid: its heading and its share of the width. */
export interface GridColumn {
  header: string;
  width: number;
}

const GRID_PADDING = 2;
const GRID_HEADER_FILL = '#e8e8e8';

export class PdfLayout {
  private readonly doc: PDFKit.PDFDocument;
  private readonly rendered: Promise<Buffer>;

  /** @param baseSize body text size in points */
  constructor(
    private readonly meta: DocumentMeta,
    private readonly baseSize: number,
    page: PageOptions = {},
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: page.landscape ? 'landscape' : 'portrait',
      margin: page.marginCm === undefined ? MARGIN : page.marginCm * POINTS_PER_CM,
      bufferPages: true,
      lang: 'id-ID',
      displayTitle: true,
      info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Creator: 'Portal KIP' },
    });
    this.rendered = collect(this.doc);
    const fonts = loadFonts();
    // A parsed fontkit font, which pdfkit takes as it takes bytes (its typings know only bytes and paths).
    this.doc.registerFont(REGULAR, fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont(BOLD, fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.lineGap(1.5);
    this.style({});
  }

  get fullWidth(): Region {
    const { margins, width } = this.doc.page;
    return { x: margins.left, width: width - margins.left - margins.right };
  }

  /** Kop surat: body name large and bold, unit name, optional address lines, a double rule. */
  letterhead(kop: Letterhead): void {
    const { x, width } = this.fullWidth;
    this.doc.y = this.doc.page.margins.top;
    this.style({ bold: true, size: this.baseSize + 5 });
    this.doc.text(clean(kop.bodyName).toUpperCase(), x, this.doc.y, { width, align: 'center' });
    this.style({ bold: true, size: this.baseSize + 2 });
    this.doc.text(clean(kop.unitName).toUpperCase(), x, this.doc.y, { width, align: 'center' });
    this.style({ size: this.baseSize - 1.5 });
    for (const line of kop.lines ?? []) {
      this.doc.text(clean(line), x, this.doc.y, { width, align: 'center' });
    }
    const ruleY = this.doc.y + 4;
    this.rule(ruleY, 2);
    this.rule(ruleY + 3.5, 0.6);
    this.doc.y = ruleY + 3.5 + this.lineHeight();
    this.style({});
  }

  /** A centred line such as the document's title. */
  centered(text: string, style: TextStyle = {}): void {
    const { x, width } = this.fullWidth;
    this.style(style);
    this.doc.text(clean(text), x, this.doc.y, { width, align: 'center' });
    this.style({});
  }

  /** A line flush right, e.g. 'Surabaya, 27 Maret 2025'. */
  flushRight(text: string): void {
    const { x, width } = this.fullWidth;
    this.style({});
    this.doc.text(clean(text), x, this.doc.y, { width, align: 'right' });
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const { x, width } = this.fullWidth;
    this.style(style);
    this.keepTogether(this.lineHeight() * 2);
    this.doc.text(clean(text), x, this.doc.y, { width, align: 'justify' });
    this.doc.y += this.lineHeight() * 0.5;
    this.style({});
  }

  /** A bold line kept on the same page as at least two lines of what follows it. */
  heading(text: string): void {
    const { x, width } = this.fullWidth;
    this.doc.y += this.lineHeight() * 0.4;
    this.style({ bold: true });
    this.keepTogether(this.doc.heightOfString(clean(text), { width }) + this.lineHeight() * 2);
    this.doc.text(clean(text), x, this.doc.y, { width });
    this.doc.y += this.lineHeight() * 0.25;
    this.style({});
  }

  /** Plain lines flush left, e.g. the recipient block. */
  lines(lines: string[], style: TextStyle = {}): void {
    const { x, width } = this.fullWidth;
    this.style(style);
    for (const line of lines) {
      this.doc.text(clean(line), x, this.doc.y, { width });
    }
    this.style({});
  }

  /** A two-column 'label : value' table; long values wrap and may continue on the next page. */
  table(rows: TableRow[], options: TableOptions): void {
    for (const row of rows) {
      this.tableRow(row, options);
    }
    this.doc.y += this.lineHeight() * 0.3;
  }

  numberedList(items: string[]): void {
    this.style({});
    const labelWidth = this.doc.widthOfString(`${items.length}.`) + 8;
    const rows = items.map((item, index) => ({ label: `${index + 1}.`, value: item }));
    this.table(rows, { labelWidth, separator: '' });
  }

  /**
   * The closing paragraph, then role, room to sign, name underlined and NIP on the right half.
   * Paragraph and signature are measured together and start a new page together when they do not
   * fit, so the signature never stands alone at the top of a page.
   */
  signOff(closing: string, signer: LetterSigner): void {
    const full = this.fullWidth;
    const block = { width: full.width * 0.5, align: 'center' as const };
    const blockX = full.x + full.width * 0.5;
    this.style({});
    const closingHeight = closing ? this.doc.heightOfString(clean(closing), { width: full.width, align: 'justify' }) + this.lineHeight() * 0.5 : 0;
    const roleHeight = this.doc.heightOfString(clean(signer.role), block);
    const nipHeight = signer.nip ? this.doc.heightOfString(`NIP. ${clean(signer.nip)}`, block) : 0;
    this.style({ bold: true });
    const nameHeight = this.doc.heightOfString(clean(signer.name), block);
    this.style({});
    this.keepTogether(closingHeight + this.lineHeight() * 0.5 + roleHeight + SIGNATURE_SPACE + nameHeight + nipHeight);
    if (closing) this.paragraph(closing);
    this.doc.y += this.lineHeight() * 0.5;
    this.doc.text(clean(signer.role), blockX, this.doc.y, block);
    this.doc.y += SIGNATURE_SPACE;
    this.style({ bold: true });
    this.doc.text(clean(signer.name), blockX, this.doc.y, { ...block, underline: true });
    this.style({});
    if (signer.nip) {
      this.doc.text(`NIP. ${clean(signer.nip)}`, blockX, this.doc.y, block);
    }
  }

  /** Small print under a thin rule, kept in one piece. */
  note(text: string): void {
    const { x, width } = this.fullWidth;
    this.style({ size: this.baseSize - 2, muted: true });
    this.keepTogether(this.doc.heightOfString(clean(text), { width }) + this.lineHeight() * 2);
    this.doc.y += this.lineHeight();
    this.rule(this.doc.y, 0.4, MUTED_COLOR);
    this.doc.y += 4;
    this.doc.text(clean(text), x, this.doc.y, { width });
    this.style({});
  }

  /**
   * A ruled table across the page: cells wrap within their column, a row never splits across
   * pages, and the heading row is repeated at the top of every page the table continues on.
   */
  grid(columns: GridColumn[], rows: string[][], size: number, caption?: string): void {
    const { x, width } = this.fullWidth;
    const widths = this.gridWidths(columns);
    const measure = (cells: string[], bold: boolean): number => this.gridRowHeight(cells, widths, bold, size);
    const draw = (cells: string[], height: number, bold: boolean): void => {
      const top = this.doc.y;
      let left = x;
      if (bold) this.doc.save().rect(x, top, width, height).fill(GRID_HEADER_FILL).restore();
      this.style({ bold, size });
      cells.forEach((text, i) => {
        this.doc.save().lineWidth(0.4).strokeColor(MUTED_COLOR).rect(left, top, widths[i], height).stroke().restore();
        this.doc.text(clean(text), left + GRID_PADDING, top + GRID_PADDING, { width: widths[i] - 2 * GRID_PADDING });
        left += widths[i];
      });
      this.doc.y = top + height;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = measure(headers, true);
    // The caption, the headings and the first rows start on the same page.
    const opening = rows.slice(0, 3).reduce((sum, row) => sum + measure(row, false), headerHeight);
    const captionHeight = this.gridCaptionHeight(caption);
    this.keepTogether(captionHeight + opening);
    if (caption) {
      this.style({ bold: true });
      this.doc.y += this.lineHeight() * 0.4;
      this.doc.text(clean(caption), x, this.doc.y, { width });
      this.doc.y += this.lineHeight() * 0.25;
    }
    draw(headers, headerHeight, true);
    for (const row of rows) {
      const height = measure(row, false);
      if (this.doc.y + height > this.doc.page.maxY()) {
        this.doc.addPage();
        draw(headers, headerHeight, true);
      }
      draw(row, height, false);
    }
    this.style({});
    this.doc.y += this.lineHeight() * 0.5;
  }

  /**
   * The height grid() takes for these rows on one page: caption, headings, rows and the space
   * after; with `eachRow`, the rows' own heights are also handed back in order.
   */
  gridHeight(columns: GridColumn[], rows: string[][], size: number, caption?: string, eachRow?: number[]): number {
    const widths = this.gridWidths(columns);
    let height = this.gridCaptionHeight(caption) + this.gridRowHeight(columns.map((c) => c.header), widths, true, size);
    for (const row of rows) {
      const h = this.gridRowHeight(row, widths, false, size);
      eachRow?.push(h);
      height += h;
    }
    this.style({});
    return height + this.lineHeight() * 0.5;
  }

  private gridWidths(columns: GridColumn[]): number[] {
    const { width } = this.fullWidth;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    return columns.map((c) => (c.width / total) * width);
  }

  private gridRowHeight(cells: string[], widths: number[], bold: boolean, size: number): number {
    this.style({ bold, size });
    return Math.max(...cells.map((t, i) => this.doc.heightOfString(clean(t), { width: widths[i] - 2 * GRID_PADDING }))) + 2 * GRID_PADDING;
  }

  private gridCaptionHeight(caption: string | undefined): number {
    this.style({ bold: true });
    const height = caption ? this.doc.heightOfString(clean(caption), { width: this.fullWidth.width }) + this.lineHeight() * 0.65 : 0;
    this.style({});
    return height;
  }

  /** Starts the next part of a document on a page of its own (no blank page when this one is still empty). */
  startPage(): void {
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.addPage();
    this.doc.y = this.doc.page.margins.top;
  }

  /** Starts a new page unless a block of this height still fits on this one. */
  needs(height: number): void {
    this.keepTogether(height);
  }

  /** The height of text set across the page in a style, in points. */
  textHeight(text: string, style: TextStyle = {}): number {
    this.style(style);
    const height = this.doc.heightOfString(clean(text), { width: this.fullWidth.width });
    this.style({});
    return height;
  }

  /** The height svg() gives a drawing of this natural size. */
  svgHeight(naturalWidth: number, naturalHeight: number, maxHeight = Infinity): number {
    return naturalHeight * Math.min(1, this.fullWidth.width / naturalWidth, maxHeight / naturalHeight);
  }

  /** Room left on this page above the bottom margin, in points. */
  get spaceLeft(): number {
    return this.doc.page.maxY() - this.doc.y;
  }

  /** Text in a ruled box across the page, e.g. a statement the reader must not miss. */
  framed(text: string, style: TextStyle = {}): void {
    const { x, width } = this.fullWidth;
    const pad = 6;
    this.style(style);
    const height = this.doc.heightOfString(clean(text), { width: width - 2 * pad }) + 2 * pad;
    this.keepTogether(height);
    const top = this.doc.y;
    this.doc.save().lineWidth(0.8).strokeColor(MUTED_COLOR).rect(x, top, width, height).stroke().restore();
    this.style(style);
    this.doc.text(clean(text), x + pad, top + pad, { width: width - 2 * pad });
    this.doc.y = top + height + this.lineHeight() * 0.5;
    this.style({});
  }

  /** An SVG drawing (a chart) across the page at its own aspect ratio, on a new page if it does not fit. */
  svg(svg: string, naturalWidth: number, naturalHeight: number, maxHeight = Infinity): void {
    const { x, width } = this.fullWidth;
    const scale = Math.min(1, width / naturalWidth, maxHeight / naturalHeight);
    const height = naturalHeight * scale;
    this.keepTogether(height);
    const top = this.doc.y;
    SVGtoPDF(this.doc, svg, x, top, {
      width: naturalWidth * scale,
      height,
      assumePt: true,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : REGULAR),
    });
    this.doc.x = x;
    this.doc.y = top + height + this.lineHeight() * 0.5;
    this.style({});
  }

  space(lines: number): void {
    this.doc.y += this.lineHeight() * lines;
  }

  /** Numbers the pages when there is more than one, then returns the finished file. */
  async finish(): Promise<Buffer> {
    this.numberPages();
    this.doc.end();
    return this.rendered;
  }

  private tableRow(row: TableRow, options: TableOptions): void {
    const columns = this.columns(options);
    const value = clean(row.value).trim() || '-';
    this.style({ bold: row.strong });
    const valueHeight = this.doc.heightOfString(value, { width: columns.valueWidth });
    if (valueHeight > this.lineHeight() * LONG_VALUE_LINES) {
      this.longRow(row, value, columns);
    } else {
      this.shortRow(row, value, columns, valueHeight);
    }
    this.style({});
  }

  private columns(options: TableOptions): Columns {
    const region = this.fullWidth;
    const separator = options.separator ?? ':';
    this.style({});
    const separatorWidth = separator ? this.doc.widthOfString(`${separator} `) : 0;
    const valueX = region.x + options.labelWidth + separatorWidth;
    return { region, separator, labelWidth: options.labelWidth, valueX, valueWidth: region.x + region.width - valueX };
  }

  /** Label, separator and value side by side; the row moves to the next page whole. */
  private shortRow(row: TableRow, value: string, columns: Columns, valueHeight: number): void {
    this.style({});
    const label = clean(row.label);
    const labelHeight = this.doc.heightOfString(label, { width: columns.labelWidth - 4 });
    const noteHeight = row.note ? this.doc.heightOfString(clean(row.note), { width: columns.valueWidth }) : 0;
    this.keepTogether(Math.max(labelHeight, valueHeight + noteHeight));
    const top = this.drawLabel(label, columns);
    const labelBottom = this.doc.y;
    this.style({ bold: row.strong });
    this.doc.text(value, columns.valueX, top, { width: columns.valueWidth, link: row.link });
    if (row.note) {
      this.style({ muted: true });
      this.doc.text(clean(row.note), columns.valueX, this.doc.y, { width: columns.valueWidth });
    }
    this.doc.y = Math.max(labelBottom, this.doc.y) + 2;
  }

  /** A value too long for the value column: set under its label across the table, flowing on. */
  private longRow(row: TableRow, value: string, columns: Columns): void {
    this.style({});
    this.keepTogether(this.lineHeight() * 4);
    this.drawLabel(clean(row.label), columns);
    const indent = this.lineHeight();
    this.style({ bold: row.strong });
    this.doc.text(value, columns.region.x + indent, this.doc.y + 2, {
      width: columns.region.width - indent,
      link: row.link,
    });
    if (row.note) {
      this.style({ muted: true });
      this.doc.text(clean(row.note), columns.region.x + indent, this.doc.y, { width: columns.region.width - indent });
    }
    this.doc.y += 2;
  }

  /** Draws the label and its separator at the current line; returns that line's top. */
  private drawLabel(label: string, columns: Columns): number {
    const top = this.doc.y;
    this.style({});
    this.doc.text(label, columns.region.x, top, { width: columns.labelWidth - 4 });
    const bottom = this.doc.y;
    if (columns.separator) {
      this.doc.text(columns.separator, columns.region.x + columns.labelWidth, top, { lineBreak: false });
    }
    this.doc.y = bottom;
    return top;
  }

  /**
   * Starts a new page when a block of this height would not fit in what is left of this one.
   * A block taller than a whole page starts here if a few lines still fit, then flows on.
   */
  private keepTogether(height: number): void {
    const { page } = this.doc;
    const bottom = page.maxY();
    const usable = bottom - page.margins.top;
    const needed = height <= usable ? height : this.lineHeight() * 3;
    if (this.doc.y + needed > bottom && this.doc.y > page.margins.top) {
      this.doc.addPage();
    }
  }

  private numberPages(): void {
    const { start, count } = this.doc.bufferedPageRange();
    if (count < 2) return;
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      this.pageFooter(`Halaman ${index - start + 1} dari ${count}`);
    }
  }

  /** Writes into the bottom margin, which pdfkit would otherwise answer with a new page. */
  private pageFooter(pageText: string): void {
    const { page } = this.doc;
    const bottomMargin = page.margins.bottom;
    page.margins.bottom = 0;
    const { x, width } = this.fullWidth;
    const y = page.height - bottomMargin + 24;
    this.style({ size: this.baseSize - 2, muted: true });
    const pageTextWidth = this.doc.widthOfString(pageText);
    const referenceBox = { width: width - pageTextWidth - 24, height: this.lineHeight(), ellipsis: true };
    this.doc.text(clean(this.meta.reference), x, y, referenceBox);
    this.doc.text(pageText, x + width - pageTextWidth, y, { lineBreak: false });
    page.margins.bottom = bottomMargin;
  }

  private rule(y: number, thickness: number, color = TEXT_COLOR): void {
    const { x, width } = this.fullWidth;
    this.doc.save().lineWidth(thickness).strokeColor(color).moveTo(x, y).lineTo(x + width, y).stroke().restore();
  }

  private style(style: TextStyle): void {
    this.doc
      .font(style.bold ? BOLD : REGULAR)
      .fontSize(style.size ?? this.baseSize)
      .fillColor(style.muted ? MUTED_COLOR : TEXT_COLOR);
  }

  private lineHeight(): number {
    return this.doc.currentLineHeight(true);
  }
}

/** Same line breaks everywhere; no carriage returns or other control characters in the PDF. */
function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[^\P{Cc}\n]/gu, '');
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
