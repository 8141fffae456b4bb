// The input as lines, each knowing its number in the file and how it is laid out: indentation, a
// table-cell marker of the reference bank's web page (a line holding one tab), or cells joined
// with " | " (a table copied from that page).

export interface Line {
  /** 1-based number in the input. */
  no: number;
  /** The wording: no-break spaces made spaces, tabs and trailing spaces removed. */
  text: string;
  /** Leading spaces before the wording (a new paragraph is indented in the PDF text). */
  indent: number;
  /** A line holding only a tab: the web page's table puts one before each cell. */
  cell: boolean;
  /** The line began with a tab before its wording (a block set apart on the web page). */
  tabbed: boolean;
  /** Cells of a table row joined with "|" (a table copied from the web page). */
  pipe?: string[];
}

const SPACES = /[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g;
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

export function toLines(text: string): Line[] {
  return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n').map((raw, i) => lineOf(raw, i + 1));
}

function lineOf(raw: string, no: number): Line {
  const cleaned = raw.replace(INVISIBLE, '').replace(SPACES, ' ');
  if (/\t\|(\t|$)/.test(cleaned)) {
    const cells = cleaned.split(/\t?\|\t?/).map((c) => c.replace(/\s+/g, ' ').trim());
    return { no, text: cells.filter(Boolean).join(' '), indent: 0, cell: false, tabbed: false, pipe: cells };
  }
  const cell = raw === '\t';
  const tabbed = /^ *\t/.test(cleaned);
  const body = cleaned.replace(/\t/g, ' ').replace(/\s+$/, '');
  const indent = /^ */.exec(body)![0].length;
  return { no, text: body.trim(), indent: tabbed ? 0 : indent, cell, tabbed };
}

export const isBlank = (l: Line) => !l.cell && !l.text && !(l.pipe && l.pipe.some(Boolean));
