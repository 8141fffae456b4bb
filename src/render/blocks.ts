// The layout of a published act, decided once for every paged format: the Act tree becomes a
// flat list of blocks (styled paragraphs and form tables) that the DOCX, PDF and HTML renderers
// only translate. Where the act puts a block (the stamp as a right-hand block, each appendix on
// a new page, centred headings, justified points with a first-line indent) is decided here.
import type { Lang } from '../model/source.js';
import type { ActNode, ActRoot, ParagraphRole, TableNode } from '../model/tree.js';
import { FIRST_LINE_INDENT, FORM_COLUMNS, SIZE, STAMP_INDENT } from './house-style.js';
import { isContainer, textOf } from './plain.js';

export type Align = 'justify' | 'left' | 'center';

/** Where a block's wording came from, for diagnostics (a glyph the font lacks). */
export interface Source {
  file: string;
  line: number;
  column: number;
}

/** What every block has: spacing and how it breaks across pages. */
interface Flow {
  spaceBefore: number;
  spaceAfter: number;
  keepWithNext: boolean;
  pageBreakBefore: boolean;
  source: Source;
}

export interface Para extends Flow {
  kind: 'para';
  text: string;
  /** The named setting the paragraph follows (the fields below are its values, overrides included). */
  style: StyleName;
  size: number;
  bold: boolean;
  italic: boolean;
  align: Align;
  /** Left indent of the whole block (the stamp's right-hand block), in points. */
  indent: number;
  firstLine: number;
  /** A line to write on under the text (a form's blank). */
  ruled: boolean;
  /** Outline level of a heading (Word's navigation pane, HTML h1-h3). */
  outline?: 1 | 2 | 3;
}

export interface Row {
  /** The column headings: repeated at the top of each page the table runs onto. */
  header: boolean;
  cells: Para[][];
}

export interface Table extends Flow {
  kind: 'table';
  /** Fractions of the text width. */
  widths: number[];
  rows: Row[];
}

export type Block = Para | Table;

export interface Layout {
  lang: Lang;
  /** The language tag documents declare (BCP 47). */
  languageTag: string;
  /** The document's title: the decision's title, or the methodology's for an act without one. */
  title: string;
  /** The methodology's title when the title is the decision's. */
  subject?: string;
  blocks: Block[];
}

const LANGUAGE_TAG: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ' };

/** A paragraph's setting: everything but its text. */
export type Style = Omit<Para, 'kind' | 'text' | 'source' | 'style'>;

const BODY: Style = {
  size: SIZE.body, bold: false, italic: false, align: 'justify', indent: 0, firstLine: FIRST_LINE_INDENT,
  spaceBefore: 0, spaceAfter: 0, keepWithNext: false, pageBreakBefore: false, ruled: false,
};
const HEADING: Style = { ...BODY, bold: true, align: 'center', firstLine: 0, spaceBefore: 12, spaceAfter: 12, keepWithNext: true };
const STAMP: Style = { ...BODY, align: 'center', firstLine: 0, indent: STAMP_INDENT, keepWithNext: true };
const FLUSH: Style = { ...BODY, align: 'left', firstLine: 0 };
const CELL: Style = { ...FLUSH, size: SIZE.table };

/**
 * The named settings of the act's paragraphs. DOCX makes them Word styles (so a user restyles
 * every point at once) and HTML classes; a paragraph that departs from its style (the page
 * break before an appendix) carries the difference itself.
 */
export const STYLES = {
  'Act Body': BODY,
  'Act Heading 1': { ...HEADING, outline: 1 },
  'Act Heading 2': { ...HEADING, outline: 2 },
  'Act Heading 3': { ...HEADING, outline: 3 },
  'Act Table Title': { ...HEADING, spaceAfter: 0 },
  'Act Publication': { ...BODY, align: 'center', firstLine: 0, spaceAfter: 12 },
  'Act Signatory': { ...FLUSH, bold: true, spaceBefore: 24 },
  'Act Stamp': STAMP,
  'Act Form Label': { ...STAMP, spaceBefore: 6 },
  'Act Footnote': { ...BODY, size: SIZE.small, italic: true, spaceAfter: 6 },
  'Act Blank Label': { ...FLUSH, size: SIZE.small, align: 'center', spaceBefore: 6, keepWithNext: true },
  'Act Blank Line': { ...FLUSH, ruled: true, spaceAfter: 6 },
  'Act Result Label': { ...BODY, spaceBefore: 12, keepWithNext: true },
  'Act Signature': { ...FLUSH, spaceBefore: 6 },
  'Act Table Cell': CELL,
  'Act Table Header': { ...CELL, bold: true, align: 'center' },
  'Act Table Total': { ...CELL, bold: true },
} satisfies Record<string, Style>;

export type StyleName = keyof typeof STYLES;

/** The style of each role of paragraph. */
const ROLE: Record<ParagraphRole, StyleName> = {
  title: 'Act Heading 1',
  publication: 'Act Publication',
  enacts: 'Act Body',
  signatory: 'Act Signatory',
  stamp: 'Act Stamp',
  footnote: 'Act Footnote',
  caption: 'Act Stamp',
  'form-label': 'Act Form Label',
  'blank-label': 'Act Blank Label',
  preamble: 'Act Body',
  note: 'Act Body',
  'result-label': 'Act Result Label',
  'result-options': 'Act Body',
  signature: 'Act Signature',
  body: 'Act Body',
};

const para = (text: string, style: StyleName, source: Source, extra: Partial<Style> = {}): Para =>
  ({ kind: 'para', text, style, source, ...STYLES[style], ...extra });

/** What a paragraph sets differently from its style (indents and spacing go in pairs). */
export function departures(p: Para): Partial<Style> {
  const base: Style = STYLES[p.style];
  const out: Partial<Style> = {};
  for (const key of Object.keys(base) as Array<keyof Style>) if (p[key] !== base[key]) Object.assign(out, { [key]: p[key] });
  if (out.indent !== undefined || out.firstLine !== undefined) Object.assign(out, { indent: p.indent, firstLine: p.firstLine });
  if (out.spaceBefore !== undefined || out.spaceAfter !== undefined) Object.assign(out, { spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter });
  return out;
}

/** Every paragraph of the layout, table cells included, in order. */
export function* paragraphs(layout: Layout): Generator<Para> {
  for (const b of layout.blocks) {
    if (b.kind === 'para') yield b;
    else for (const row of b.rows) for (const cell of row.cells) yield* cell;
  }
}

/** The styles the layout uses, in order of first use. */
export function usedStyles(layout: Layout): StyleName[] {
  const used = new Set<StyleName>();
  for (const p of paragraphs(layout)) used.add(p.style);
  return [...used];
}

function sourceOf(node: ActNode, file: string): Source {
  const start = node.position?.start;
  return { file: node.data?.file ?? file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

/** Column widths of a table of the act's own: by the length of its longest text, none too narrow. */
function columnWidths(node: TableNode): number[] {
  const longest = (node.children[0]?.children ?? []).map((_, i) =>
    Math.max(8, ...node.children.map((r) => Math.max(0, ...(r.children[i]?.children ?? []).map((p) => textOf(p).length)))),
  );
  const weights = longest.map(Math.sqrt);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function tableBlock(node: TableNode, file: string, isForm: boolean): Table {
  file = node.data?.file ?? file;
  const rows: Row[] = node.children.map((row) => {
    const rowFile = row.data?.file ?? file;
    const header = row.role === 'header';
    const style: StyleName = header ? 'Act Table Header' : row.role === 'average' ? 'Act Table Total' : 'Act Table Cell';
    return { header, cells: row.children.map((cell) => cell.children.map((p) => para(textOf(p), style, sourceOf(p, rowFile)))) };
  });
  return {
    kind: 'table', widths: isForm ? FORM_COLUMNS : columnWidths(node), rows,
    spaceBefore: 12, spaceAfter: 12, keepWithNext: false, pageBreakBefore: false, source: sourceOf(node, file),
  };
}

export function layoutAct(root: ActRoot): Layout {
  const blocks: Block[] = [];
  let title: string | undefined;
  let methodologyTitle: string | undefined;
  /** A tree of one evaluation sheet (metodika forms) is titled by the sheet's own title. */
  let formTitle: string | undefined;
  const push = (text: string, style: StyleName, node: ActNode, file: string, extra: Partial<Style> = {}) => {
    blocks.push(para(text, style, sourceOf(node, file), extra));
  };

  const walk = (node: ActNode, file: string, within: ActNode['type']): void => {
    file = node.data?.file ?? file;
    if (node.type === 'appendix') {
      // Each appendix starts on a page of its own under its caption, as in the published act.
      const [caption, ...rest] = node.children;
      if (caption?.type === 'paragraph') push(textOf(caption), ROLE.caption, caption, file, { pageBreakBefore: true });
      for (const c of caption?.type === 'paragraph' ? rest : node.children) walk(c, file, node.type);
      return;
    }
    if (isContainer(node)) {
      for (const c of node.children) walk(c, file, node.type);
      return;
    }
    switch (node.type) {
      case 'heading': {
        const text = textOf(node);
        if (within === 'decision' && node.depth === 1) title ??= text;
        if (within === 'methodology' && node.depth === 1) methodologyTitle ??= text;
        if (within === 'form') formTitle ??= text;
        push(text, `Act Heading ${node.depth}`, node, file, within === 'methodology' ? { spaceBefore: 18 } : {});
        return;
      }
      case 'paragraph': {
        const role = node.role ?? 'body';
        const previous = blocks.at(-1);
        // The stamp of the methodology begins a new page after the enacting decision.
        const breakBefore = role === 'stamp' && within === 'root' && previous !== undefined && !(previous.kind === 'para' && previous.style === 'Act Stamp');
        // A caption anywhere but at the head of an appendix is a table's title.
        const style = role === 'caption' ? 'Act Table Title' : ROLE[role];
        push(textOf(node), style, node, file, breakBefore ? { pageBreakBefore: true } : {});
        return;
      }
      case 'point':
      case 'subpoint': {
        // The number is text, as published: never an automatic list that could renumber.
        const mark = node.type === 'point' ? `${node.number}.` : `${node.number})`;
        const [first, ...rest] = node.children;
        if (first?.type === 'paragraph') push(`${mark} ${textOf(first)}`, ROLE[first.role ?? 'body'], first, file);
        else push(mark, 'Act Body', node, file);
        for (const c of first?.type === 'paragraph' ? rest : node.children) walk(c, file, node.type);
        return;
      }
      case 'blank':
        push(textOf(node), 'Act Blank Label', node, file);
        push(node.value ?? '', 'Act Blank Line', node, file);
        return;
      case 'table':
        blocks.push(tableBlock(node, file, within === 'form'));
        return;
      default:
        push(textOf(node), 'Act Body', node, file);
    }
  };
  walk(root, root.data?.file ?? '', 'root');

  const docTitle = title ?? methodologyTitle ?? formTitle ?? root.id;
  return {
    lang: root.lang, languageTag: LANGUAGE_TAG[root.lang], title: docTitle,
    ...(title && methodologyTitle ? { subject: methodologyTitle } : {}), blocks,
  };
}
