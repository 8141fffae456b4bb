// A form's table: cells set into lines at their column's width, rows drawn with their borders.
// A row can be drawn in parts (a row taller than what is left of a page): each cell then
// continues from the line where its previous part stopped.
import type { Table } from '../blocks.js';
import { CELL_PADDING } from '../house-style.js';
import type { Canvas } from './canvas.js';
import type { Hyphenator } from './hyphenate.js';
import { drawLine, type SetPara, setPara } from './paragraph.js';

/** One line of a cell: which paragraph, which of its lines. */
interface Slot {
  set: SetPara;
  index: number;
}

export interface SetRow {
  header: boolean;
  /** The lines of each cell, top to bottom. */
  cells: Slot[][];
  lineHeight: number;
}

export interface SetTable {
  table: Table;
  columns: Array<{ x: number; width: number }>;
  rows: SetRow[];
}

export function setTable(table: Table, left: number, width: number, hyphenate?: Hyphenator): SetTable {
  let x = left;
  const columns = table.widths.map((f) => {
    const c = { x, width: f * width };
    x += c.width;
    return c;
  });
  const rows = table.rows.map((row) => {
    let lineHeight = 0;
    const cells = row.cells.map((paras, i) =>
      paras.flatMap((p) => {
        const set = setPara(p, columns[i].width - 2 * CELL_PADDING.x, hyphenate);
        lineHeight = Math.max(lineHeight, set.lineHeight);
        return set.lines.map((_, index) => ({ set, index }));
      }),
    );
    return { header: row.header, cells, lineHeight };
  });
  return { table, columns, rows };
}

/** Height of a row from the given line of each cell to its end. */
export function rowHeight(row: SetRow, from: number[] = []): number {
  const lines = Math.max(1, ...row.cells.map((c, i) => c.length - (from[i] ?? 0)));
  return lines * row.lineHeight + 2 * CELL_PADDING.y;
}

/**
 * Draws the row from line `from[i]` of each cell, at most `maxLines` lines; returns where each
 * cell stopped (equal to its length when the cell is done).
 */
export function drawRow(canvas: Canvas, set: SetTable, row: SetRow, from: number[], maxLines = Infinity): number[] {
  const top = canvas.y;
  const upTo = row.cells.map((c, i) => Math.min(c.length, (from[i] ?? 0) + maxLines));
  row.cells.forEach((slots, i) => {
    const col = set.columns[i];
    for (let k = from[i] ?? 0; k < upTo[i]; k++) {
      const { set: para, index } = slots[k];
      const y = top + CELL_PADDING.y + (k - (from[i] ?? 0)) * row.lineHeight;
      drawLine(canvas, para, index, col.x + CELL_PADDING.x, y);
    }
  });
  const drawn = Math.max(1, ...row.cells.map((_, i) => upTo[i] - (from[i] ?? 0)));
  const bottom = top + drawn * row.lineHeight + 2 * CELL_PADDING.y;
  const left = set.columns[0].x;
  const last = set.columns.at(-1)!;
  canvas.line(left, top, last.x + last.width, top);
  canvas.line(left, bottom, last.x + last.width, bottom);
  for (const c of set.columns) canvas.line(c.x, top, c.x, bottom);
  canvas.line(last.x + last.width, top, last.x + last.width, bottom);
  canvas.y = bottom;
  return upTo;
}
