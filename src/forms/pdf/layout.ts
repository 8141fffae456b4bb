// One sheet's layout, measured once and stamped for every person. The sheet is laid out by the
// act's own renderer (blocks, line breaking, pagination, footers); what differs between persons
// is only the text of a few variables (the header blanks, the scores). Their lines are set per
// person, and the pages are laid out again only when those lines change the sheet's shape (a
// name that takes two lines instead of one): a template per shape holds the pages' fixed
// content, written to the file once, and the places where each variable's lines go.
import type { Lang } from '../../model/source.js';
import { type Block, layoutAct, type Para } from '../../render/blocks.js';
import { footerTemplate, footerText } from '../../render/footer.js';
import { CELL_PADDING } from '../../render/house-style.js';
import { Canvas } from '../../render/pdf/canvas.js';
import { paginate, type SetBlock, typeset } from '../../render/pdf/flow.js';
import { type DocFont, type FaceName, program } from '../../render/pdf/fonts.js';
import { checkGlyphs } from '../../render/pdf/glyphs.js';
import type { Hyphenator } from '../../render/pdf/hyphenate.js';
import { drawFooters } from '../../render/pdf/index.js';
import type { Line } from '../../render/pdf/linebreak.js';
import { type SetPara, setPara } from '../../render/pdf/paragraph.js';
import { rowHeight } from '../../render/pdf/table.js';
import type { SheetTree, Variable } from '../sheets.js';
import { type DrawnLine, type Stroke, underline } from './marks.js';

/** Where a variable's paragraph sits among the blocks: a paragraph of its own, or a table cell. */
type Place = { block: number } | { block: number; row: number; col: number };

/** A rectangle on a page, from the top of the page (as the layout measures). */
export interface Box {
  page: number;
  x1: number;
  top: number;
  x2: number;
  bottom: number;
}

export interface Slot {
  variable: number;
  line: number;
  page: number;
  /** Where on its page the line goes in reading order: before the page's `cut`-th fixed chunk boundary. */
  cut: number;
  x: number;
  baseline: number;
  face: FaceName;
  size: number;
}

/**
 * A page's fixed content in chunks, cut where a person's lines go, so that the page reads (and
 * extracts, and a screen reader speaks it) in order: chunk 0, the lines of cut 0, chunk 1, ...
 * A chunk is a stream object, or undefined when the cut leaves nothing between two places.
 */
export interface TemplatePage {
  chunks: Array<number | undefined>;
}

export interface Template {
  pages: TemplatePage[];
  slots: Slot[];
  /** The places of the form fields, by variable. */
  fields: Map<number, Box>;
  /** Where the evaluator writes the date: after the signature's "Дата". */
  date?: Box;
  /** The strokes that mark each grade among the options, by the grade's index. */
  marks: Stroke[][];
}

/** What the template canvas does with a line it is asked to draw. */
type Watch = { slot: number; line: number } | { field: number; col: { x: number; width: number }; height: number } | { probe: 'options' | 'date'; line: number; hyphenated: boolean };

/**
 * The act's canvas, watching for the lines of the variables: their places are recorded and
 * nothing is drawn (each person's text goes there), and the lines of the options and the date
 * are drawn and recorded (the marks and the date field are placed by them). Lines are known by
 * identity: drawLine hands the canvas the very array of words the line was set with.
 */
class TemplateCanvas extends Canvas {
  readonly slots: Slot[] = [];
  readonly fields = new Map<number, Box>();
  readonly options: DrawnLine[] = [];
  date?: DrawnLine;
  /** The operators drawn on each page so far (text and line draw one each): where a slot cuts. */
  readonly drawn: number[] = [];
  private at = -1;

  constructor(fonts: Record<FaceName, DocFont>, private readonly watch: Map<string[], Watch>) {
    super(undefined, fonts);
  }

  override newPage(): void {
    super.newPage();
    this.at = this.pageCount - 1;
    this.drawn.push(0);
  }

  override select(index: number): void {
    super.select(index);
    this.at = index;
  }

  override line(x1: number, y1: number, x2: number, y2: number): void {
    super.line(x1, y1, x2, y2);
    this.drawn[this.at]++;
  }

  override text(face: FaceName, size: number, x: number, baseline: number, words: string[], gap = 0): void {
    const w = this.watch.get(words);
    const page = this.at;
    if (w && 'slot' in w) {
      this.slots.push({ variable: w.slot, line: w.line, page, cut: this.drawn[page], x, baseline, face, size });
      return;
    }
    if (w && 'field' in w) {
      // Drawn inside a table row: the canvas is still at the row's top.
      this.fields.set(w.field, { page, x1: w.col.x, top: this.y, x2: w.col.x + w.col.width, bottom: this.y + w.height });
      return;
    }
    if (w && 'probe' in w) {
      const drawn = { page, x, baseline, gap, words, hyphenated: w.hyphenated, face, size };
      if (w.probe === 'options') this.options.push(drawn);
      else this.date = drawn;
    }
    super.text(face, size, x, baseline, words, gap);
    this.drawn[page]++;
  }
}

const isToken = (text: string) => text.length === 1 && text.charCodeAt(0) >= 0xe000 && text.charCodeAt(0) < 0xe100;

/** The room a date field takes after the word "Дата": enough for "31.12.2025" in 12 pt. */
const DATE_FIELD_WIDTH = 110;

export class SheetLayout {
  readonly variables: Variable[];
  private readonly blocks: Block[];
  private readonly places: Place[] = [];
  private readonly paras: Para[] = [];
  /** The width each variable's paragraph is set to (its column's, or the text's). */
  private readonly widths: number[] = [];
  private readonly templates = new Map<string, Template>();
  private optionsBlock?: number;
  private dateBlock?: number;

  /**
   * @param emit writes a page's fixed content to the file, once per template, returning its object
   * @param grades the grade wordings in the order of the act's grades (the options print them so)
   */
  constructor(
    private readonly sheet: SheetTree,
    readonly lang: Lang,
    private readonly fonts: Record<FaceName, DocFont>,
    private readonly hyphenate: Hyphenator | undefined,
    private readonly emit: (content: string) => number,
    private readonly grades: Array<[number, number] | undefined>,
  ) {
    this.variables = sheet.variables;
    const layout = layoutAct(sheet.root);
    this.blocks = layout.blocks;
    // Every character the act's text draws, and every digit a page number may print, has a glyph;
    // the variables' texts are checked person by person (checkValue).
    const withoutTokens = (cell: Para[]) => cell.filter((p) => !isToken(p.text));
    const fixed = layout.blocks.flatMap((b): Block[] =>
      b.kind === 'para' ? (isToken(b.text) ? [] : [b]) : [{ ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map(withoutTokens) })) }],
    );
    checkGlyphs({ ...layout, blocks: fixed }, [{ text: footerText(lang, 1234567890, 1234567890), source: { file: footerTemplate(lang), line: 1, column: 1 } }]);

    this.blocks.forEach((b, block) => {
      if (b.kind === 'para') {
        if (isToken(b.text)) this.note(b, { block });
        else if (sheet.options !== undefined && b.text === sheet.options) this.optionsBlock = block;
        else if (sheet.date !== undefined && b.text === sheet.date && b.style === 'Act Signature') this.dateBlock = block;
        return;
      }
      b.rows.forEach((r, row) => r.cells.forEach((cell, col) => cell.forEach((p) => isToken(p.text) && this.note(p, { block, row, col }))));
    });
    const sets = typeset(this.blocks, hyphenate);
    this.paras.forEach((_, v) => {
      this.widths[v] = this.setOf(sets, this.places[v])!.width;
    });
  }

  private note(p: Para, place: Place): void {
    const v = p.text.charCodeAt(0) - 0xe000;
    this.paras[v] = p;
    this.places[v] = place;
  }

  private setOf(sets: SetBlock[], place: Place): SetPara | undefined {
    const b = sets[place.block];
    if (b.kind === 'para') return b.set;
    if (!('row' in place)) return undefined;
    return b.set.rows[place.row].cells[place.col][0]?.set;
  }

  /** A character of a value the font lacks (the value would print with a hole), as a message. */
  checkValue(v: number, text: string): string | undefined {
    const p = this.paras[v];
    const face = program(p.bold ? 'bold' : 'regular');
    for (const ch of text) {
      if (ch !== ' ' && !face.has(ch)) {
        return `the PDF font has no glyph for "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
      }
    }
    return undefined;
  }

  /** Each value variable's lines for this person (nothing for a field). */
  lines(values: string[]): Line[][] {
    return this.variables.map((variable, v) =>
      variable.kind === 'value' ? setPara({ ...this.paras[v], text: values[v] ?? '' }, this.widths[v], this.hyphenate).lines : [],
    );
  }

  /** The template for this person's lines: the one of their shape, laid out on first use. */
  template(values: string[], lines: Line[][]): Template {
    const key = lines.map((ls) => ls.map((l) => (l.words.length ? (l.hyphenated ? 'h' : 'l') : 'e')).join('')).join('|');
    let t = this.templates.get(key);
    if (!t) {
      t = this.layOut(values);
      this.templates.set(key, t);
    }
    return t;
  }

  private layOut(values: string[]): Template {
    // The blocks with this person's texts in place of the value tokens.
    const own = new Map<Para, Para>();
    this.paras.forEach((p, v) => {
      if (this.variables[v].kind === 'value') own.set(p, { ...p, text: values[v] ?? '' });
    });
    const swap = (p: Para) => own.get(p) ?? p;
    const blocks: Block[] = this.blocks.map((b) =>
      b.kind === 'para' ? swap(b) : { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => c.map(swap)) })) },
    );
    const sets = typeset(blocks, this.hyphenate);

    const watch = new Map<string[], Watch>();
    this.places.forEach((place, v) => {
      const set = this.setOf(sets, place);
      if (!set) return;
      if (this.variables[v].kind === 'value') {
        set.lines.forEach((l, line) => watch.set(l.words, { slot: v, line }));
        return;
      }
      const b = sets[place.block];
      if (b.kind !== 'table' || !('row' in place)) return;
      const row = b.set.rows[place.row];
      // A score field takes a line at the top of its cell; a comment field the whole cell.
      const height = this.variables[v].name.startsWith('comment:') ? rowHeight(row) : row.lineHeight + 2 * CELL_PADDING.y;
      watch.set(set.lines[0].words, { field: v, col: b.set.columns[place.col], height });
    });
    const probe = (block: number | undefined, name: 'options' | 'date') => {
      const b = block === undefined ? undefined : sets[block];
      if (b?.kind === 'para') b.set.lines.forEach((l, line) => watch.set(l.words, { probe: name, line, hyphenated: l.hyphenated }));
    };
    probe(this.optionsBlock, 'options');
    probe(this.dateBlock, 'date');

    const canvas = new TemplateCanvas(this.fonts, watch);
    paginate(canvas, sets);
    drawFooters(canvas, this.lang);
    // Each page's operators (one a line), cut at the places of the slots; a slot's cut becomes
    // the index of the chunk boundary it follows.
    const pages: TemplatePage[] = [];
    for (let i = 0; i < canvas.pageCount; i++) {
      const content = canvas.content(i);
      const ops = content ? content.split('\n') : [];
      const cuts = [...new Set(canvas.slots.filter((sl) => sl.page === i).map((sl) => sl.cut))].sort((a, b) => a - b);
      for (const sl of canvas.slots) if (sl.page === i) sl.cut = cuts.indexOf(sl.cut);
      const bounds = [0, ...cuts, ops.length];
      const chunks = bounds.slice(1).map((end, k) => (end > bounds[k] ? this.emit(ops.slice(bounds[k], end).join('\n')) : undefined));
      pages.push({ chunks });
    }

    let date: Box | undefined;
    if (canvas.date) {
      const d = canvas.date;
      const x1 = d.x + program(d.face).width(d.words.join(' '), d.size) + d.size / 2;
      const top = d.baseline - d.size;
      date = { page: d.page, x1, top, x2: x1 + DATE_FIELD_WIDTH, bottom: d.baseline + d.size * 0.35 };
    }
    const marks = this.grades.map((range) => (range && this.sheet.options !== undefined ? underline(canvas.options, this.sheet.options, range) : []));
    return { pages, slots: canvas.slots, fields: canvas.fields, ...(date ? { date } : {}), marks };
  }
}
