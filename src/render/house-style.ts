// The page of a Kazakhstan act, in points, shared by the DOCX, PDF and HTML renderers so the
// three agree: A4, a wide left margin for filing (the usual 30 mm of the rules of
// documentation), 14 pt body, 12 pt tables and small print, a 1,25 cm first-line indent.
const MM = 72 / 25.4;

export const PAGE = { width: 210 * MM, height: 297 * MM };
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The page number sits in the bottom margin, this far above the paper's edge. */
export const FOOTER_BASELINE = 10 * MM;

export const SIZE = { body: 14, small: 12, table: 12, footer: 11 };
/** Line height as a multiple of the font size: Word's "single" for a 14 pt serif is about this. */
export const LEADING = 1.15;
export const FIRST_LINE_INDENT = 12.5 * MM;
/** The stamp and the appendix caption sit in the right half of the page, as a block. */
export const STAMP_INDENT = CONTENT_WIDTH * 0.52;

/**
 * Parameter | Score | Comment | Guidance: the guidance is the longest text, the score a number;
 * the comment column is as wide as its heading's longest word ("Комментарий", bold) needs.
 */
export const FORM_COLUMNS = [0.25, 0.14, 0.21, 0.4];
export const CELL_PADDING = { x: 4, y: 2 };
export const RULE_WIDTH = 0.5;

export const FONT_FAMILY = { docx: 'Times New Roman', pdf: 'PT Serif' };
