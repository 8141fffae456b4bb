// The comparative table as PDF, on the PDF renderer's canvas and fonts (PT Serif, subset, text
// extractable): the column headings repeated on each page, a row longer than a page continued
// on the next, changed words in bold. The act's paragraphs have one face each; a table cell here
// mixes faces word by word, so its lines are broken here.
import { footerText } from '../../render/footer.js';
import { CELL_PADDING, CONTENT_WIDTH, FOOTER_BASELINE, LEADING, MARGIN, PAGE, SIZE } from '../../render/house-style.js';
import { Canvas } from '../../render/pdf/canvas.js';
import { DocFont, type FaceName, program } from '../../render/pdf/fonts.js';
import { type Hyphenator, hyphenatorFor } from '../../render/pdf/hyphenate.js';
import { pdfLib } from '../../render/pdf/pdf-lib.js';
import type { ActDiff } from '../diff.js';
import { TABLE_COLUMNS } from './docx.js';
import { type Cell, comparativeTable, type TableOptions } from './rows.js';

const FACES: FaceName[] = ['regular', 'bold', 'italic', 'boldItalic'];
const LINE = SIZE.table * LEADING;
/** The baseline below the top of a line, leaving room above for the accents of Ә and Й. */
const ascent = (size: number) => size * (LEADING - 0.25);

interface Word {
  text: string;
  face: FaceName;
  width: number;
  /** Joined to the word before it without a space (a full stop after a bold word). */
  glued: boolean;
}
/** A line of a cell: words, each drawn in its face, single spaces between. */
type Line = Word[];

const faceOf = (bold: boolean): FaceName => (bold ? 'bold' : 'regular');

/**
 * The head of a word too wide for the `room` left on a line, to end the line with, and the rest:
 * at the last of the language's hyphenation points whose head, with its hyphen, fits.
 */
function hyphenSplit(text: string, face: FaceName, size: number, room: number, hyphenate: Hyphenator | undefined): [string, string] | undefined {
  if (!hyphenate) return undefined;
  const points = hyphenate(text);
  for (let k = points.length - 1; k >= 0; k--) {
    const head = `${text.slice(0, points[k])}-`;
    if (program(face).width(head, size) <= room) return [head, text.slice(points[k])];
  }
  return undefined;
}

/** A word wider than the whole column and with no hyphenation point that fits: cut after a slash or hyphen, or else where it must. */
function hardCut(text: string, face: FaceName, size: number, width: number): [string, string] {
  let n = text.length - 1;
  while (n > 1 && program(face).width(text.slice(0, n), size) > width) n--;
  const soft = Math.max(text.lastIndexOf('/', n - 1), text.lastIndexOf('-', n - 1));
  if (soft > 0) n = soft + 1;
  return [text.slice(0, n), text.slice(n)];
}

/**
 * Greedy line breaking of a cell's runs at a column's width. A word that does not fit the rest of
 * a line is hyphenated there when the language has patterns (Russian), so the narrow columns of
 * the table are not left ragged with half-empty lines.
 */
function setCell(cell: Cell, width: number, hyphenate: Hyphenator | undefined, bold = false, size = SIZE.table): Line[] {
  const space = program('regular').width(' ', size);
  const out: Line[] = [];
  for (const runs of cell) {
    let line: Line = [];
    let used = 0;
    const put = (text: string, face: FaceName, glued: boolean) => {
      const w = program(face).width(text, size);
      used += (line.length && !glued ? space : 0) + w;
      line.push({ text, face, width: w, glued: glued && line.length > 0 });
    };
    const newLine = () => {
      out.push(line);
      line = [];
      used = 0;
    };
    for (const run of runs) {
      const face = faceOf(bold || run.bold);
      run.text.split(/(\s+)/).forEach((piece, k) => {
        if (!piece || /^\s+$/.test(piece)) return;
        // The first piece of a run continues the word before it unless the run starts with a space.
        let glued = k === 0 && line.length > 0;
        let rest = piece;
        while (rest) {
          const room = width - used - (line.length && !glued ? space : 0);
          if (program(face).width(rest, size) <= room) {
            put(rest, face, glued);
            break;
          }
          const split = hyphenSplit(rest, face, size, room, hyphenate);
          if (!split && line.length) {
            // Not breakable here: the word starts the next line.
            newLine();
            glued = false;
            continue;
          }
          const [head, tail] = split ?? hardCut(rest, face, size, width);
          put(head, face, glued);
          if (!tail) break;
          rest = tail;
          newLine();
          glued = false;
        }
      });
    }
    out.push(line);
  }
  return out;
}

function drawLine(canvas: Canvas, line: Line, x: number, top: number, size = SIZE.table): void {
  const space = program('regular').width(' ', size);
  let cursor = x;
  for (const word of line) {
    if (word !== line[0] && !word.glued) cursor += space;
    canvas.text(word.face, size, cursor, top + ascent(size), [word.text]);
    cursor += word.width;
  }
}

const lineWidth = (line: Line, size: number) =>
  line.reduce((w, word, i) => w + word.width + (i && !word.glued ? program('regular').width(' ', size) : 0), 0);

export async function renderTablePdf(diff: ActDiff, opts: TableOptions = {}): Promise<Uint8Array> {
  const table = comparativeTable(diff, opts);
  // The cells are hyphenated; the title and the column headings, as headings, are not.
  const hyphenate = hyphenatorFor(table.lang);
  const doc = await pdfLib.PDFDocument.create({ updateMetadata: false });
  const fonts = Object.fromEntries(FACES.map((f) => [f, new DocFont(program(f), doc)])) as Record<FaceName, DocFont>;
  const canvas = new Canvas(doc, fonts);
  canvas.newPage();

  const centred = (text: string, bold: boolean, size: number) => {
    for (const line of setCell([[{ text, bold }]], CONTENT_WIDTH, undefined, bold, size)) {
      const width = lineWidth(line, size);
      drawLine(canvas, line, MARGIN.left + Math.max(0, (CONTENT_WIDTH - width) / 2), canvas.y, size);
      canvas.y += size * LEADING;
    }
  };
  centred(table.title, true, SIZE.body);
  for (const s of table.subject) centred(s, false, SIZE.small);
  canvas.y += SIZE.body;

  const columns = TABLE_COLUMNS.map((f) => f * CONTENT_WIDTH);
  const xs = columns.map((_, i) => MARGIN.left + columns.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => columns[i] - 2 * CELL_PADDING.x;
  const header = table.columns.map((c, i) => setCell([[{ text: c, bold: true }]], inner(i), undefined, true));
  const rows = table.rows.map((r) => r.map((cell, i) => setCell(cell, inner(i), hyphenate)));

  /** Draws lines [from, from + n) of each cell as one band of a row, with its rules. */
  const band = (cells: Line[][], from: number[], n: number) => {
    const top = canvas.y;
    cells.forEach((lines, i) => lines.slice(from[i], from[i] + n).forEach((line, k) => drawLine(canvas, line, xs[i] + CELL_PADDING.x, top + CELL_PADDING.y + k * LINE)));
    const bottom = top + n * LINE + 2 * CELL_PADDING.y;
    const right = MARGIN.left + CONTENT_WIDTH;
    canvas.line(MARGIN.left, top, right, top);
    canvas.line(MARGIN.left, bottom, right, bottom);
    for (const x of [...xs, right]) canvas.line(x, top, x, bottom);
    canvas.y = bottom;
  };
  const height = (cells: Line[][]) => Math.max(1, ...cells.map((c) => c.length));
  const drawHeader = () => band(header, header.map(() => 0), height(header));
  drawHeader();

  for (const cells of rows) {
    const total = height(cells);
    let done = 0;
    while (done < total) {
      const fits = Math.floor((canvas.remaining() - 2 * CELL_PADDING.y) / LINE);
      // A row starts on a new page rather than leave one or two lines behind, unless it is longer than a page.
      if (fits < Math.min(total - done, 3)) {
        canvas.newPage();
        drawHeader();
        continue;
      }
      const n = Math.min(fits, total - done);
      band(cells, cells.map(() => done), n);
      done += n;
    }
  }

  const regular = program('regular');
  for (let i = 0; i < canvas.pageCount; i++) {
    const text = footerText(table.lang, i + 1, canvas.pageCount);
    canvas.select(i);
    canvas.text('regular', SIZE.footer, MARGIN.left + (CONTENT_WIDTH - regular.width(text, SIZE.footer)) / 2, PAGE.height - FOOTER_BASELINE, text.split(' '));
  }
  canvas.finish();
  for (const f of FACES) fonts[f].embed();
  doc.setTitle(`${table.title}: ${table.subject.join(' ')}`, { showInWindowTitleBar: true });
  doc.setLanguage(table.languageTag);
  doc.setCreator('metodika');
  doc.setProducer('metodika (pdf-lib)');
  return doc.save();
}
