// Tables of the reference bank's web page, as they come out of a copy: either a cell a run of
// lines, each cell announced by a line holding one tab (a row ends with a blank line after its
// last cell), or a row a line with its cells joined by "|".
import { isBlank, type Line } from './lines.js';
import type { Repairer } from './repair.js';

export interface Cell {
  /** The cell's paragraphs (a cell may hold several). */
  paragraphs: string[];
  from: number;
}

export interface Row {
  cells: Cell[];
  from: number;
  to: number;
}

export interface TabTable {
  rows: Row[];
  /** Index of the first line after the table. */
  end: number;
}

/**
 * Reads a table of tab-announced cells starting at lines[start] (a cell marker). The table runs
 * while lines are markers, blank, or unindented wording; it ends at an indented line (the page's
 * paragraphs are indented) or a line set apart with a tab.
 */
export function readTabTable(lines: readonly Line[], start: number, repair: Repairer): TabTable {
  const rows: Row[] = [];
  let cells: Array<{ lines: Line[]; marker: Line }> = [];
  let i = start;
  const endRow = () => {
    if (!cells.length) return;
    rows.push({
      cells: cells.map((c) => ({ paragraphs: cellParagraphs(c.lines, repair), from: c.marker.no })),
      from: cells[0].marker.no,
      to: (cells[cells.length - 1].lines.at(-1) ?? cells[cells.length - 1].marker).no,
    });
    cells = [];
  };
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.cell) {
      // A non-empty last cell followed by a blank line, or an empty one by two, ended its row.
      const last = cells[cells.length - 1];
      if (last && rowEnded(last.lines)) endRow();
      cells.push({ lines: [], marker: l });
      continue;
    }
    if (!isBlank(l) && (l.indent >= 2 || l.tabbed || l.pipe)) break;
    if (!cells.length) break;
    cells[cells.length - 1].lines.push(l);
  }
  endRow();
  return { rows, end: i };
}

function rowEnded(content: readonly Line[]): boolean {
  const blanks = content.filter(isBlank).length;
  if (blanks === content.length) return blanks >= 2;
  return isBlank(content[content.length - 1]);
}

/** A cell's paragraphs: its lines, blank lines separating paragraphs. */
function cellParagraphs(content: readonly Line[], repair: Repairer): string[] {
  const out: string[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length) out.push(repair.join(run));
    run = [];
  };
  for (const l of content) {
    if (isBlank(l)) flush();
    else run.push(l);
  }
  flush();
  return out;
}

/** A row of cells joined with "|" that is a table row (three cells or more). */
export const isPipeRow = (l: Line): boolean => !!l.pipe && l.pipe.length >= 3;

/** Consecutive "|" rows from lines[start]. */
export function readPipeTable(lines: readonly Line[], start: number, repair: Repairer): TabTable {
  const rows: Row[] = [];
  let i = start;
  for (; i < lines.length && isPipeRow(lines[i]); i++) {
    const l = lines[i];
    rows.push({ cells: l.pipe!.map((c) => ({ paragraphs: c ? [repair.words(repair.putBack(c, l.no), l.no)] : [], from: l.no })), from: l.no, to: l.no });
  }
  return { rows, end: i };
}
