// Lines into paragraphs. The reference bank's web page gives a paragraph a line, set apart by a
// blank line; its PDF wraps a paragraph over several lines, indents the first, and breaks pages
// (three blank lines) anywhere, even inside a word's sentence. A line starts a paragraph when it is
// indented, follows a blank line and is not the rest of an unfinished sentence, or begins a
// numbered point after a finished one; otherwise it continues the paragraph before it.
import type { Context } from './context.js';
import { isBlank, type Line } from './lines.js';
import type { Repairer } from './repair.js';

export interface Para {
  text: string;
  /** First and last input line. */
  from: number;
  to: number;
  /** Indentation of the first line. */
  indent: number;
  lines: Line[];
}

/** A point "5.", a sub-point "5)", a heading or a caption: these begin a paragraph of their own. */
export const STRUCTURAL = /^(?:"?\d+(?:\.\d+)*\.\s+\S|\d+\)\s+\S|Глава\s+\d+|\d+-тарау|Приложение\s+\d+|Параграф\s+\d|Сноска\.|Ескерту\.|Утвержден[аоы]?(?:\s|$))/;
/** Lines that open a paragraph wherever they stand: a footnote, a chapter heading. */
const ALWAYS = /^(?:(?:Сноска|Ескерту)\.\s|Глава\s+\d+\.\s|\d+-тарау\.?\s)/;
/** A line that is only a person's name (the signatory's). */
const NAME_LINE = /^(?:\p{Lu}\.\s?){1,2}\s?\p{Lu}\p{Ll}+$/u;
const FINISHED = /[.;:!?]["»)]?$|^[^\p{Ll}]*$/u;

export function buildParagraphs(lines: readonly Line[], repair: Repairer): Para[] {
  const out: Para[] = [];
  let current: Line[] = [];
  let gap = 0;
  const flush = () => {
    if (!current.length) return;
    out.push({ text: repair.join(current), from: current[0].no, to: current[current.length - 1].no, indent: current[0].indent, lines: current });
    current = [];
  };
  for (const l of lines) {
    if (isBlank(l) || l.cell) {
      gap++;
      continue;
    }
    const prev = current[current.length - 1];
    if (prev && startsParagraph(prev, l, gap, current)) flush();
    current.push(l);
    gap = 0;
  }
  flush();
  return out;
}

function startsParagraph(prev: Line, l: Line, gap: number, current: readonly Line[]): boolean {
  if (l.tabbed || l.pipe || prev.pipe || NAME_LINE.test(prev.text) || ALWAYS.test(l.text)) return true;
  const finished = FINISHED.test(prev.text);
  const headingBefore = /^(Глава\s+\d+|\d+-тарау)/.test(current[0].text);
  if (STRUCTURAL.test(l.text) && (finished || headingBefore || l.indent >= 2 || gap > 0)) return true;
  if (gap === 0) return l.indent >= 2;
  // After a page break the rest of an unfinished sentence continues; after a blank line too,
  // unless the line before ends an item of a list (a comma).
  const rest = !finished && /^[\p{Ll}(),;:–-]/u.test(l.text) && l.indent < 2;
  return !(rest && (gap >= 3 || !/,$/.test(prev.text)));
}

export interface Block {
  lines: Line[];
  /** Blank lines before it (three or more: a page break of the PDF). */
  gap: number;
}

/** Runs of non-blank lines: the cells of a table the PDF flattened a cell a block. */
export function blocks(lines: readonly Line[]): Block[] {
  const out: Block[] = [];
  let gap = 0;
  for (const l of lines) {
    if (isBlank(l)) {
      gap++;
      continue;
    }
    const last = out[out.length - 1];
    if (last && gap === 0) last.lines.push(l);
    else out.push({ lines: [l], gap });
    gap = 0;
  }
  return out;
}

const UNDERSCORES = /^_{3,}$/;

/**
 * A form's lines (blanks, notes, the result line, signatures), which the PDF runs together with no
 * indentation: a part begins at an indented line, a known label, a line of underscores or the line
 * after one, a caption in brackets, or a capital after a finished sentence.
 */
export function formParagraphs(ls: readonly Line[], ctx: Context): Para[] {
  const starts = (l: Line, prev: Line | undefined, gap: number) => {
    if (!prev) return true;
    const t = l.text;
    if (l.indent >= 2 || l.cell || l.tabbed) return true;
    if (ctx.vocab.resultLabel.test(t) || ctx.vocab.signature.test(t) || ctx.vocab.signatureDate.test(t) || /^\*/.test(t)) return true;
    if (UNDERSCORES.test(t) || UNDERSCORES.test(prev.text)) return true;
    const finished = /[.:;)]$|_$/.test(prev.text);
    // A caption in brackets opens its own line, unless the line before left a bracket open.
    if (/^\(/.test(t)) return (prev.text.match(/\(/g) ?? []).length <= (prev.text.match(/\)/g) ?? []).length;
    if (gap > 0) return !/^\p{Ll}/u.test(t);
    return finished && /^\p{Lu}/u.test(t) && !/^\S+:$/.test(prev.text);
  };
  const out: Line[][] = [];
  let gap = 0;
  let prev: Line | undefined;
  for (const l of ls) {
    if (isBlank(l) || l.cell) {
      gap++;
      continue;
    }
    if (starts(l, prev, gap)) out.push([l]);
    else out[out.length - 1].push(l);
    prev = l;
    gap = 0;
  }
  return out.map((g) => ({ text: ctx.repair.join(g), from: g[0].no, to: g[g.length - 1].no, indent: g[0].indent, lines: g }));
}
