// The act as a Word document (docx): the same blocks as the PDF, in Times New Roman (what the
// acts are set in and what users' machines have). Point numbers are text, never Word's
// automatic numbering, so a number cannot drift from the published one. Form tables repeat
// their header row on each page; the footer numbers the pages with Word's own fields.
import type { Lang } from '../model/source.js';
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table as DocxTable,
  TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import type { ActRoot } from '../model/tree.js';
import { type Block, departures, layoutAct, type Para, type Style, type StyleName, STYLES, type Table, usedStyles } from './blocks.js';
import { footerParts } from './footer.js';
import { CELL_PADDING, CONTENT_WIDTH, FONT_FAMILY, FOOTER_BASELINE, MARGIN, PAGE, SIZE } from './house-style.js';

/** Points to twentieths of a point (twips), the unit of Word's layout. */
const twip = (pt: number) => Math.round(pt * 20);
/** Font sizes are in half-points. */
const halfPoints = (pt: number) => Math.round(pt * 2);

const ALIGN = { justify: AlignmentType.JUSTIFIED, left: AlignmentType.LEFT, center: AlignmentType.CENTER } as const;
/** A half-point black line: a table's borders, and (1 pt below the text) a blank's line to write on. */
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const RULE = { ...LINE, space: 1 } as const;

const styleId = (name: StyleName) => name.replace(/ /g, '');

/** Word's paragraph properties for the settings given (all of a style, or a paragraph's departures from it). */
function paragraphProperties(s: Partial<Style>) {
  return {
    ...(s.align !== undefined ? { alignment: ALIGN[s.align] } : {}),
    ...(s.indent !== undefined || s.firstLine !== undefined ? { indent: { left: twip(s.indent ?? 0), firstLine: twip(s.firstLine ?? 0) } } : {}),
    ...(s.spaceBefore !== undefined || s.spaceAfter !== undefined ? { spacing: { before: twip(s.spaceBefore ?? 0), after: twip(s.spaceAfter ?? 0) } } : {}),
    ...(s.keepWithNext ? { keepNext: true, keepLines: true } : {}),
    ...(s.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(s.ruled ? { border: { bottom: RULE } } : {}),
    ...(s.outline ? { outlineLevel: s.outline - 1 } : {}),
  };
}

function runProperties(s: Partial<Style>) {
  return {
    ...(s.bold !== undefined ? { bold: s.bold } : {}),
    ...(s.italic !== undefined ? { italics: s.italic } : {}),
    ...(s.size !== undefined ? { size: halfPoints(s.size) } : {}),
  };
}

function paragraph(p: Para): Paragraph {
  const own = departures(p);
  return new Paragraph({
    style: styleId(p.style),
    ...paragraphProperties(own),
    children: p.text ? [new TextRun({ text: p.text, ...runProperties(own) })] : [],
  });
}

function table(t: Table): DocxTable {
  const widths = t.widths.map((f) => twip(f * CONTENT_WIDTH));
  return new DocxTable({
    width: { size: twip(CONTENT_WIDTH), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: twip(CELL_PADDING.y), bottom: twip(CELL_PADDING.y), left: twip(CELL_PADDING.x), right: twip(CELL_PADDING.x) },
    borders: Object.fromEntries(['top', 'bottom', 'left', 'right', 'insideHorizontal', 'insideVertical'].map((k) => [k, LINE])),
    rows: t.rows.map((row) => new TableRow({
      ...(row.header ? { tableHeader: true } : {}),
      // A row moves whole to the next page, as in the PDF: a parameter is read with its guidance.
      cantSplit: true,
      children: row.cells.map((paras, i) => new TableCell({
        width: { size: widths[i], type: WidthType.DXA },
        // Word wants a paragraph in every cell, even an empty one (the score to fill in).
        children: paras.length ? paras.map(paragraph) : [new Paragraph({})],
      })),
    })),
  });
}

/** A table has no spacing of its own in Word: the paragraphs around it carry it. */
function withTableSpacing(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    if (b.kind !== 'para') return b;
    const prev = blocks[i - 1];
    const next = blocks[i + 1];
    return {
      ...b,
      spaceBefore: prev?.kind === 'table' && !b.pageBreakBefore ? Math.max(b.spaceBefore, prev.spaceAfter) : b.spaceBefore,
      spaceAfter: next?.kind === 'table' ? Math.max(b.spaceAfter, next.spaceBefore) : b.spaceAfter,
    };
  });
}

/** The house page: A4 with the act's margins (shared with the comparative table). */
export const HOUSE_PAGE = {
  size: { width: twip(PAGE.width), height: twip(PAGE.height) },
  margin: {
    top: twip(MARGIN.top), bottom: twip(MARGIN.bottom), left: twip(MARGIN.left), right: twip(MARGIN.right),
    footer: twip(FOOTER_BASELINE), header: twip(FOOTER_BASELINE),
  },
};

/** The house footer: "Страница N из M" / "N-бет, барлығы M бет" as Word fields. */
export function houseFooter(lang: Lang): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({
        size: halfPoints(SIZE.footer),
        children: footerParts(lang).map((p) => ('text' in p ? p.text : p.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES)),
      })],
    })],
  });
}

export async function renderDocx(root: ActRoot): Promise<Uint8Array> {
  const layout = layoutAct(root);
  const footer = houseFooter(layout.lang);
  const doc = new Document({
    title: layout.title,
    ...(layout.subject ? { subject: layout.subject } : {}),
    creator: 'metodika',
    lastModifiedBy: 'metodika',
    // Word has Russian hyphenation; it has none for Kazakh, and neither has the PDF.
    hyphenation: { autoHyphenation: layout.lang === 'ru', doNotHyphenateCaps: true },
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY.docx, size: halfPoints(SIZE.body), language: { value: layout.languageTag } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
      paragraphStyles: usedStyles(layout).map((name) => ({
        id: styleId(name), name, basedOn: 'Normal', quickFormat: true,
        run: runProperties(STYLES[name]), paragraph: paragraphProperties(STYLES[name]),
      })),
    },
    sections: [{
      properties: {
        page: HOUSE_PAGE,
      },
      footers: { default: footer },
      children: withTableSpacing(layout.blocks).map((b) => (b.kind === 'para' ? paragraph(b) : table(b))),
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
