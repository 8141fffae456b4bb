// Puts the set blocks on pages. The rules: a page break before each appendix (and before the
// stamp that follows a decision); a heading, stamp or label stays with what follows it; a
// paragraph leaves no single line alone at the foot or the head of a page, nor a broken word at
// its foot; a table keeps its header with its first row and repeats it on each page it runs
// onto; a row moves whole to the next page when it fits on one, and is split only when it is
// taller than a page.
import type { Block } from '../blocks.js';
import { CELL_PADDING, CONTENT_WIDTH, MARGIN } from '../house-style.js';
import type { Canvas } from './canvas.js';
import type { Hyphenator } from './hyphenate.js';
import { drawLine, type SetPara, setPara } from './paragraph.js';
import { drawRow, rowHeight, type SetTable, setTable } from './table.js';

export type SetBlock = { kind: 'para'; set: SetPara } | { kind: 'table'; set: SetTable };

const EPSILON = 0.01;
/** Lines of a paragraph that must stay together at a page break (widows and orphans). */
const MIN_LINES = 2;

export function typeset(blocks: Block[], hyphenate?: Hyphenator): SetBlock[] {
  return blocks.map((b) =>
    b.kind === 'para'
      ? { kind: 'para', set: setPara(b, CONTENT_WIDTH - b.indent, hyphenate) }
      : { kind: 'table', set: setTable(b, MARGIN.left, CONTENT_WIDTH, hyphenate) },
  );
}

const blockOf = (b: SetBlock) => (b.kind === 'para' ? b.set.para : b.set.table);

function height(b: SetBlock): number {
  if (b.kind === 'para') return b.set.lines.length * b.set.lineHeight + b.set.para.spaceAfter;
  return b.set.rows.reduce((h, r) => h + rowHeight(r), 0) + b.set.table.spaceAfter;
}

/** What must follow a kept block onto its page: two lines, or a table's header and first row. */
function lead(b: SetBlock): number {
  if (b.kind === 'para') return Math.min(MIN_LINES, b.set.lines.length) * b.set.lineHeight;
  return b.set.rows.slice(0, 2).reduce((h, r) => h + rowHeight(r), 0);
}

/** The height a chain of blocks kept with the next needs on one page, from block `i`. */
function keptHeight(blocks: SetBlock[], i: number): number {
  let h = 0;
  let j = i;
  for (; j < blocks.length && blockOf(blocks[j]).keepWithNext; j++) {
    if (j > i && blockOf(blocks[j]).pageBreakBefore) return h;
    h += (j > i ? blockOf(blocks[j]).spaceBefore : 0) + height(blocks[j]);
  }
  if (j > i && j < blocks.length && !blockOf(blocks[j]).pageBreakBefore) h += blockOf(blocks[j]).spaceBefore + lead(blocks[j]);
  return h;
}

function placePara(canvas: Canvas, set: SetPara): void {
  const { lines, lineHeight } = set;
  const left = MARGIN.left + set.para.indent;
  let i = 0;
  while (i < lines.length) {
    const fit = Math.floor((canvas.remaining() + EPSILON) / lineHeight);
    const rest = lines.length - i;
    let take = fit >= rest ? rest : Math.min(fit, rest - MIN_LINES);
    // The last line of a page does not end in a broken word: its line goes to the next page.
    while (take < rest && take > 0 && lines[i + take - 1].hyphenated) take--;
    if (take < rest && take < MIN_LINES) take = canvas.atTop ? Math.max(1, fit) : 0;
    for (let k = 0; k < take; k++) {
      drawLine(canvas, set, i + k, left, canvas.y);
      canvas.y += lineHeight;
    }
    i += take;
    if (i < lines.length) canvas.newPage();
  }
}

function placeTable(canvas: Canvas, set: SetTable): void {
  const header = set.rows.filter((r) => r.header);
  const body = set.rows.filter((r) => !r.header);
  const headerHeight = header.reduce((h, r) => h + rowHeight(r), 0);
  const drawHeader = () => header.forEach((r) => drawRow(canvas, set, r, []));
  if (!canvas.atTop && headerHeight + (body[0] ? rowHeight(body[0]) : 0) > canvas.remaining() + EPSILON) canvas.newPage();
  drawHeader();
  let pageStarted = false;
  for (const row of body) {
    let from: number[] = [];
    for (;;) {
      const h = rowHeight(row, from);
      if (h <= canvas.remaining() + EPSILON) {
        drawRow(canvas, set, row, from);
        pageStarted = false;
        break;
      }
      const fresh = from.every((n) => n === 0);
      if (!(fresh && headerHeight + h <= canvas.bodyHeight + EPSILON)) {
        // Taller than a page: fill what is left of this one and continue on the next (at least
        // a line on a page that holds only the header, so the row always moves on).
        const lines = Math.floor((canvas.remaining() - 2 * CELL_PADDING.y + EPSILON) / row.lineHeight);
        if (lines >= MIN_LINES || pageStarted) from = drawRow(canvas, set, row, from, Math.max(1, lines));
      }
      canvas.newPage();
      drawHeader();
      pageStarted = true;
    }
  }
}

export function paginate(canvas: Canvas, blocks: SetBlock[]): void {
  canvas.newPage();
  blocks.forEach((b, i) => {
    const block = blockOf(b);
    if (block.pageBreakBefore && !canvas.atTop) canvas.newPage();
    if (!canvas.atTop) {
      const kept = block.keepWithNext ? keptHeight(blocks, i) : 0;
      if (kept > canvas.remaining() - block.spaceBefore + EPSILON && kept <= canvas.bodyHeight) canvas.newPage();
      else canvas.y += block.spaceBefore;
    }
    if (b.kind === 'para') placePara(canvas, b.set);
    else placeTable(canvas, b.set);
    canvas.y += block.spaceAfter;
  });
}
