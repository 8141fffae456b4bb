// The comparative table as a Word document: A4 in the house style (Times New Roman, the act's
// margins), the column headings repeated on every page, changed words in bold. Portrait, as the
// PDF (whose canvas has the act's page).
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import type { ActDiff } from '../diff.js';
import { HOUSE_PAGE, houseFooter } from '../../render/docx.js';
import { CELL_PADDING, CONTENT_WIDTH, FONT_FAMILY, SIZE } from '../../render/house-style.js';
import { type Cell, comparativeTable, type TableOptions } from './rows.js';

/** Fractions of the text width: the element's name is short, the two wordings long. */
export const TABLE_COLUMNS = [0.2, 0.3, 0.3, 0.2];

const twip = (pt: number) => Math.round(pt * 20);
const halfPoints = (pt: number) => Math.round(pt * 2);
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 0 } as const;

function paragraphs(cell: Cell, bold = false): Paragraph[] {
  if (!cell.length) return [new Paragraph({})];
  return cell.map((runs) => new Paragraph({
    alignment: AlignmentType.LEFT,
    children: runs.map((r) => new TextRun({ text: r.text, bold: bold || r.bold, size: halfPoints(SIZE.table) })),
  }));
}

export async function renderTableDocx(diff: ActDiff, opts: TableOptions = {}): Promise<Uint8Array> {
  const table = comparativeTable(diff, opts);
  const widths = TABLE_COLUMNS.map((f) => twip(f * CONTENT_WIDTH));
  const margins = { top: twip(CELL_PADDING.y), bottom: twip(CELL_PADDING.y), left: twip(CELL_PADDING.x), right: twip(CELL_PADDING.x) };
  const row = (cells: Cell[], header: boolean) => new TableRow({
    tableHeader: header,
    children: cells.map((c, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, margins, children: paragraphs(c, header) })),
  });
  const heading = (text: string, bold: boolean) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });
  const footer = houseFooter(table.lang);
  const doc = new Document({
    title: table.title,
    subject: table.subject.join(' '),
    creator: 'metodika',
    lastModifiedBy: 'metodika',
    styles: { default: { document: { run: { font: FONT_FAMILY.docx, size: halfPoints(SIZE.body), language: { value: table.languageTag } } } } },
    // As the PDF: Russian cells hyphenated where a narrow column needs it (Word has the patterns;
    // it has none for Kazakh).
    hyphenation: { autoHyphenation: table.lang === 'ru', doNotHyphenateCaps: true },
    sections: [{
      properties: {
        page: HOUSE_PAGE,
      },
      footers: { default: footer },
      children: [
        heading(table.title, true),
        ...table.subject.map((s) => heading(s, false)),
        new Paragraph({}),
        new Table({
          width: { size: twip(CONTENT_WIDTH), type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: Object.fromEntries(['top', 'bottom', 'left', 'right', 'insideHorizontal', 'insideVertical'].map((k) => [k, RULE])),
          rows: [row(table.columns.map((c) => [[{ text: c, bold: true }]]), true), ...table.rows.map((r) => row(r, false))],
        }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
