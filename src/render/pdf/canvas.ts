// The pages of the PDF and the two things drawn on them: lines of text and ruled lines.
// Coordinates are measured from the top of the page, as the layout thinks; PDF's origin is at
// the bottom. Each page's content stream is written here as text and compressed with Node's
// zlib: pdf-lib's operator objects and its JavaScript deflate took most of the render time.
// Text goes out as one TJ per line, the extra space of a justified line as offsets after each
// space, the glyphs already encoded by the font. A canvas without a document only records the
// pages' content, naming each face by its name (/regular, /bold, ...): `metodika forms` writes
// its own PDF objects, one sheet after another, and takes the content from `content()`.
import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { MARGIN, PAGE, RULE_WIDTH } from '../house-style.js';
import type { DocFont, FaceName } from './fonts.js';

/** A number as content streams write it: at most two decimals, no trailing zeros. */
const num = (n: number) => String(Math.round(n * 100) / 100);

interface Page {
  page?: PDFPage;
  ops: string[];
  /** The name the page's resources give each face it uses. */
  fonts: Map<FaceName, string>;
}

export class Canvas {
  private readonly all: Page[] = [];
  private current?: Page;
  /** The top of the space left on the current page. */
  y = MARGIN.top;

  constructor(private readonly doc: PDFDocument | undefined, readonly fonts: Record<FaceName, DocFont>) {}

  get pageCount(): number {
    return this.all.length;
  }

  newPage(): void {
    this.current = { page: this.doc?.addPage([PAGE.width, PAGE.height]), ops: [], fonts: new Map() };
    this.all.push(this.current);
    this.y = MARGIN.top;
  }

  /** Goes back to a page already laid out (to draw its footer). */
  select(index: number): void {
    this.current = this.all[index];
  }

  get bottom(): number {
    return PAGE.height - MARGIN.bottom;
  }

  get bodyHeight(): number {
    return this.bottom - MARGIN.top;
  }

  remaining(): number {
    return this.bottom - this.y;
  }

  /** True when nothing has been set on the current page yet. */
  get atTop(): boolean {
    return this.y <= MARGIN.top;
  }

  private page(): Page {
    if (!this.current) this.newPage();
    return this.current!;
  }

  private fontName(p: Page, face: FaceName): string {
    let name = p.fonts.get(face);
    if (!name) {
      name = p.page ? this.fonts[face].resourceName(p.page).toString() : `/${face}`;
      p.fonts.set(face, name);
    }
    return name;
  }

  /** Draws words at a baseline; `gap` is the extra space after each space, in points. */
  text(face: FaceName, size: number, x: number, baseline: number, words: string[], gap = 0): void {
    const p = this.page();
    const font = this.fonts[face];
    const shown = gap > 0.001
      ? words.map((w, i) => (i < words.length - 1 ? `<${font.encode(w + ' ')}> ${num(-(gap * 1000) / size)}` : `<${font.encode(w)}>`)).join(' ')
      : `<${font.encode(words.join(' '))}>`;
    p.ops.push(`BT ${this.fontName(p, face)} ${num(size)} Tf 1 0 0 1 ${num(x)} ${num(PAGE.height - baseline)} Tm [${shown}] TJ ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.page().ops.push(`${num(RULE_WIDTH)} w ${num(x1)} ${num(PAGE.height - y1)} m ${num(x2)} ${num(PAGE.height - y2)} l S`);
  }

  /** A page's content stream, uncompressed. */
  content(index: number): string {
    return this.all[index].ops.join('\n');
  }

  /** Writes each page's content stream; call once, after the last page is drawn. */
  finish(): void {
    if (!this.doc) throw new Error('a canvas without a document has no pages to finish');
    const ctx = this.doc.context;
    for (const p of this.all) {
      const stream = ctx.stream(deflateSync(Buffer.from(p.ops.join('\n'), 'latin1')), { Filter: 'FlateDecode' });
      p.page!.node.addContentStream(ctx.register(stream));
    }
  }
}
