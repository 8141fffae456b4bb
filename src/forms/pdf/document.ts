// One PDF of evaluation sheets, written sheet by sheet: each sheet starts on a new page, has a
// bookmark (the person), and shares with every other sheet of its shape the pages' fixed
// content; only the person's own lines (and the marks of the result) are a stream of their own.
// The fonts are the act's (PT Serif subsets with ToUnicode, src/render/pdf/fonts.ts), embedded
// once at the end, when every glyph the sheets drew is known. A fillable sheet carries an
// AcroForm: its fields use the whole regular face, since an evaluator may type any letter.
import type { PDFDocument } from 'pdf-lib';
import type { Lang } from '../../model/source.js';
import { PAGE } from '../../render/house-style.js';
import { DocFont, type FaceName, program } from '../../render/pdf/fonts.js';
import { Canvas } from '../../render/pdf/canvas.js';
import { hyphenatorFor } from '../../render/pdf/hyphenate.js';
import { pdfLib } from '../../render/pdf/pdf-lib.js';
import { optionRanges, type SheetTree } from '../sheets.js';
import { ByteSink } from '../sink.js';
import { averageScript, DATE_KEYSTROKE, FLAGS, jsAction, keystrokeScript, type ScoreRule, validateScript, widget } from './fields.js';
import { type Box, SheetLayout, type Template } from './layout.js';
import { PdfWriter, literal, ref, textString } from './objects.js';

const FACES: FaceName[] = ['regular', 'bold', 'italic', 'boldItalic'];
const LANGUAGE_TAG: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ' };
/** The name of the fields' font in the form's resources. */
const FIELD_FONT = 'PTSerif';

export interface PdfOptions {
  lang: Lang;
  /** The document's title (metadata). */
  title: string;
  /** The grade wordings, in the act's order (the options of the result print them so). */
  grades: string[];
  /** Form fields for the scores, comments and date. */
  fillable?: { rule: ScoreRule; alert: string };
}

export interface PdfSheet {
  layout: SheetLayout;
  /** The text of each value variable, by the variable's index. */
  values: string[];
  /** The grade to mark among the options (its index among the act's grades). */
  grade?: number;
  /** The bookmark's title; none for a sheet printed alone. */
  bookmark?: string;
}

interface TemplateWidget {
  page: number;
  parts: [string, string, string];
  calculated?: boolean;
}

/** A growable list of object numbers (pages, fields): four bytes each. */
class Numbers {
  private a = new Uint32Array(1024);
  length = 0;
  push(n: number): void {
    if (this.length === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = n;
  }
  /** "n 0 R" for each, written in pieces (a hundred thousand references make a long string). */
  *refs(): Generator<string> {
    for (let i = 0; i < this.length; i += 4096) {
      yield Array.from(this.a.subarray(i, Math.min(this.length, i + 4096)), (n) => ref(n)).join(' ') + ' ';
    }
  }
}

export class FormsPdf {
  private readonly resources: number;
  private readonly pagesRoot: number;
  private readonly outlineRoot: number;
  private readonly pages = new Numbers();
  private readonly fields = new Numbers();
  private readonly calculated = new Numbers();
  private readonly templateWidgets = new WeakMap<Template, TemplateWidget[]>();
  /** Objects written once and referred to by every sheet: the scripts, the fields' tooltips. */
  private readonly shared = new Map<string, number>();
  private outline: { first?: number; last?: number; count: number; pending?: { n: number; title: string; page: number; prev?: number } } = { count: 0 };
  private sheets = 0;

  private constructor(
    private readonly sink: ByteSink,
    private readonly writer: PdfWriter,
    private readonly fontsDoc: PDFDocument,
    private readonly fonts: Record<FaceName, DocFont>,
    /** The whole regular face, for what evaluators type into the fields. */
    private readonly fieldFont: DocFont | undefined,
    private readonly opts: PdfOptions,
  ) {
    this.resources = writer.alloc();
    this.pagesRoot = writer.alloc();
    this.outlineRoot = writer.alloc();
    const faces = FACES.map((f) => `/${f} ${ref(fonts[f].reference().objectNumber)}`).join(' ');
    writer.object(this.resources, `<< /Font << ${faces} >> /ProcSet [/PDF /Text] >>`);
  }

  static async open(path: string, opts: PdfOptions): Promise<FormsPdf> {
    // pdf-lib only builds the font objects; their numbers are taken first, ours follow.
    const fontsDoc = await pdfLib.PDFDocument.create({ updateMetadata: false });
    const fonts = Object.fromEntries(FACES.map((f) => [f, new DocFont(program(f), fontsDoc)])) as Record<FaceName, DocFont>;
    for (const f of FACES) fonts[f].reference();
    let fieldFont: DocFont | undefined;
    if (opts.fillable) {
      fieldFont = new DocFont(program('regular'), fontsDoc);
      fieldFont.reference();
      fieldFont.encode(String.fromCodePoint(...program('regular').file.cmap.keys()));
    }
    const sink = await ByteSink.open(path);
    return new FormsPdf(sink, new PdfWriter(sink, fontsDoc.context.largestObjectNumber + 1), fontsDoc, fonts, fieldFont, opts);
  }

  /** The layout of a sheet, measured once; its pages' fixed content goes to this file. */
  layout(tree: SheetTree): SheetLayout {
    const emit = (content: string) => {
      const n = this.writer.alloc();
      this.writer.stream(n, content);
      return n;
    };
    const grades = tree.options === undefined ? [] : optionRanges(tree.options, this.opts.grades);
    return new SheetLayout(tree, this.opts.lang, this.fonts, hyphenatorFor(this.opts.lang), emit, grades);
  }

  get pageCount(): number {
    return this.pages.length;
  }

  add(s: PdfSheet): void {
    const { layout, values } = s;
    const lines = layout.lines(values);
    const t = layout.template(values, lines);
    const w = this.writer;
    this.sheets++;

    // This person's lines, and the strokes that mark the result, on a canvas of their own whose
    // "pages" are the places between the template's chunks: a page's k-th place holds the lines
    // that read after its k-th chunk; one more place per page holds the strokes.
    const own = new Canvas(undefined, this.fonts);
    const first: number[] = [];
    for (const p of t.pages) {
      first.push(own.pageCount);
      for (let k = 0; k < p.chunks.length; k++) own.newPage();
    }
    for (const slot of t.slots) {
      own.select(first[slot.page] + slot.cut);
      own.text(slot.face, slot.size, slot.x, slot.baseline, lines[slot.variable][slot.line].words);
    }
    for (const m of s.grade === undefined ? [] : (t.marks[s.grade] ?? [])) {
      own.select(first[m.page] + t.pages[m.page].chunks.length - 1);
      own.line(m.x1, m.y, m.x2, m.y);
    }
    const pageNumbers = t.pages.map(() => w.alloc());
    const annots: number[][] = t.pages.map(() => []);
    if (this.opts.fillable) this.addFields(layout, t, pageNumbers, annots);

    t.pages.forEach((page, i) => {
      const contents: number[] = [];
      page.chunks.forEach((chunk, k) => {
        if (chunk !== undefined) contents.push(chunk);
        const content = own.content(first[i] + k);
        if (content) {
          const n = w.alloc();
          w.stream(n, content);
          contents.push(n);
        }
      });
      const annotations = annots[i].length ? ` /Annots [${annots[i].map(ref).join(' ')}]` : '';
      w.object(pageNumbers[i], `<< /Type /Page /Parent ${ref(this.pagesRoot)} /MediaBox [0 0 ${PAGE.width.toFixed(2)} ${PAGE.height.toFixed(2)}] /Resources ${ref(this.resources)} /Contents [${contents.map(ref).join(' ')}]${annotations} >>`);
      this.pages.push(pageNumbers[i]);
    });
    if (s.bookmark !== undefined) this.bookmark(s.bookmark, pageNumbers[0]);
  }

  /** Outline items are written one behind: an item names the next, which is known only when it comes. */
  private bookmark(title: string, page: number): void {
    const o = this.outline;
    const n = this.writer.alloc();
    if (o.pending) this.writeItem(o.pending, n);
    o.pending = { n, title, page, ...(o.last !== undefined ? { prev: o.last } : {}) };
    o.first ??= n;
    o.last = n;
    o.count++;
  }

  private writeItem(item: { n: number; title: string; page: number; prev?: number }, next?: number): void {
    const links = `${item.prev !== undefined ? ` /Prev ${ref(item.prev)}` : ''}${next !== undefined ? ` /Next ${ref(next)}` : ''}`;
    this.writer.object(item.n, `<< /Title ${textString(item.title)} /Parent ${ref(this.outlineRoot)}${links} /Dest [${ref(item.page)} /XYZ 0 ${PAGE.height.toFixed(2)} null] >>`);
  }

  private once(key: string, body: () => string): number {
    let n = this.shared.get(key);
    if (n === undefined) {
      n = this.writer.alloc();
      this.writer.object(n, body());
      this.shared.set(key, n);
    }
    return n;
  }

  private action(key: string, script: () => string): number {
    return this.once(`action:${key}`, () => jsAction(script()));
  }

  /** The widgets of a template: built once, each sheet's filled in with its pages and its parent field. */
  private widgets(layout: SheetLayout, t: Template): TemplateWidget[] {
    let list = this.templateWidgets.get(t);
    if (list) return list;
    const { rule, alert } = this.opts.fillable!;
    const rect = (b: Box): [number, number, number, number] => [b.x1 + 1, PAGE.height - b.bottom + 1, b.x2 - 1, PAGE.height - b.top - 1];
    const scores = layout.variables.filter((v) => v.name.startsWith('score:')).length;
    list = [];
    for (const [v, box] of t.fields) {
      const variable = layout.variables[v];
      const [kind, row] = variable.name.split(':');
      const tip = variable.tip;
      const common = { rect: rect(box), font: FIELD_FONT, ...(tip ? { tip: this.once(`tip:${tip}`, () => textString(tip)) } : {}) };
      if (kind === 'score') {
        const k = this.action('keystroke', () => keystrokeScript(rule));
        const check = this.action('validate', () => validateScript(rule, alert));
        list.push({ page: box.page, parts: widget({ ...common, name: `score${row}`, size: 12, maxLen: 4, actions: `<< /K ${ref(k)} /V ${ref(check)} >>` }) });
      } else if (kind === 'comment') {
        list.push({ page: box.page, parts: widget({ ...common, name: `comment${row}`, size: 10, flags: FLAGS.multiline }) });
      } else if (kind === 'average') {
        const calc = this.action(`average:${scores}`, () => averageScript(scores, rule));
        list.push({ page: box.page, parts: widget({ ...common, name: 'average', size: 12, flags: FLAGS.readOnly, actions: `<< /C ${ref(calc)} >>` }), calculated: true });
      }
    }
    if (t.date) {
      const k = this.action('date', () => DATE_KEYSTROKE);
      list.push({ page: t.date.page, parts: widget({ rect: rect(t.date), font: FIELD_FONT, name: 'date', size: 12, maxLen: 10, actions: `<< /K ${ref(k)} >>` }) });
    }
    this.templateWidgets.set(t, list);
    return list;
  }

  /** A sheet's fields: a parent field named after the sheet, its widgets on their pages. */
  private addFields(layout: SheetLayout, t: Template, pages: number[], annots: number[][]): void {
    const w = this.writer;
    const parent = w.alloc();
    const kids: number[] = [];
    const parentRef = ref(parent);
    for (const { page, parts, calculated } of this.widgets(layout, t)) {
      const n = w.alloc();
      w.object(n, parts[0] + ref(pages[page]) + parts[1] + parentRef + parts[2]);
      kids.push(n);
      annots[page].push(n);
      if (calculated) this.calculated.push(n);
    }
    w.object(parent, `<< /T ${literal(`s${this.sheets}`)} /Kids [${kids.map(ref).join(' ')}] >>`);
    this.fields.push(parent);
  }

  flushIfFull(): Promise<void> {
    return this.writer.flushIfFull();
  }

  /** The fonts, the page tree, the outline, the form, the catalogue; then the file is put in place. */
  async close(): Promise<void> {
    const w = this.writer;
    const o = this.outline;
    if (o.pending) this.writeItem(o.pending);
    if (o.count) w.object(this.outlineRoot, `<< /Type /Outlines /First ${ref(o.first!)} /Last ${ref(o.last!)} /Count ${o.count} >>`);

    // The font objects, under numbers after ours.
    const ctx = this.fontsDoc.context;
    const own = new Set([...FACES.map((f) => this.fonts[f].reference().objectNumber), ...(this.fieldFont ? [this.fieldFont.reference().objectNumber] : [])]);
    ctx.largestObjectNumber = w.next - 1;
    const firstFontObject = w.next;
    for (const f of FACES) this.fonts[f].embed();
    this.fieldFont?.embed();
    for (const [r, obj] of ctx.enumerateIndirectObjects()) {
      if (own.has(r.objectNumber) || r.objectNumber >= firstFontObject) w.copy(r.objectNumber, obj);
    }
    w.next = ctx.largestObjectNumber + 1;

    w.object(this.pagesRoot, `<< /Type /Pages /Count ${this.pages.length} /Kids [${[...this.pages.refs()].join('')}] >>`);
    let acroForm = '';
    if (this.opts.fillable) {
      const form = w.alloc();
      const co = this.calculated.length ? ` /CO [${[...this.calculated.refs()].join('')}]` : '';
      w.object(form, `<< /Fields [${[...this.fields.refs()].join('')}] /NeedAppearances true /DR << /Font << /${FIELD_FONT} ${ref(this.fieldFont!.reference().objectNumber)} >> >> /DA ${literal(`/${FIELD_FONT} 12 Tf 0 g`)}${co} >>`);
      acroForm = ` /AcroForm ${ref(form)}`;
    }
    const info = w.alloc();
    w.object(info, `<< /Title ${textString(this.opts.title)} /Creator (metodika) /Producer (metodika) >>`);
    const catalog = w.alloc();
    const outline = o.count ? ` /Outlines ${ref(this.outlineRoot)} /PageMode /UseOutlines` : '';
    w.object(catalog, `<< /Type /Catalog /Pages ${ref(this.pagesRoot)} /Lang ${literal(LANGUAGE_TAG[this.opts.lang])}${outline}${acroForm} /ViewerPreferences << /DisplayDocTitle true >> >>`);
    w.finish(catalog, info);
    await this.sink.commit();
  }

  abort(): void {
    this.sink.abort();
  }
}
