// A paragraph set into lines at a given width, and the drawing of one of its lines: the first
// line indented, justified lines stretched at their spaces (never the paragraph's last line),
// centred lines centred, a form's blank ruled under its text.
import type { Para } from '../blocks.js';
import { LEADING } from '../house-style.js';
import type { Canvas } from './canvas.js';
import { faceFor, type FaceName, program } from './fonts.js';
import type { Hyphenator } from './hyphenate.js';
import { breakLines, type Line } from './linebreak.js';

export interface SetPara {
  para: Para;
  face: FaceName;
  lines: Line[];
  lineHeight: number;
  /** The width the lines were set to (the first line's is less its indent). */
  width: number;
}

/**
 * When a word that does not fit is hyphenated: in justified text when the line is less than
 * 96 % full (its spaces would stretch by half or more); in ragged table cells when it is less
 * than three-quarters full; in centred lines (headings, the stamp, set as the acts set them)
 * only a word wider than the line.
 */
const FILL: Record<Para['align'], number> = { justify: 0.96, left: 0.75, center: 0 };

/** Where the baseline sits below the top of its line: room for the accents of Ә, Й above it. */
const BASELINE = LEADING - 0.25;

export function setPara(para: Para, width: number, hyphenate?: Hyphenator): SetPara {
  const face = faceFor(para.bold, para.italic);
  const font = program(face);
  const measure = { width: (s: string) => font.width(s, para.size) };
  const hyphenation = hyphenate && { hyphenate, below: FILL[para.align] };
  const lines = breakLines(para.text, { first: width - para.firstLine, rest: width }, measure, hyphenation);
  // A blank still takes a line: the line to write on.
  if (!lines.length && para.ruled) lines.push({ words: [], width: 0, hyphenated: false });
  return { para, face, lines, lineHeight: para.size * LEADING, width };
}

export function drawLine(canvas: Canvas, set: SetPara, index: number, left: number, top: number): void {
  const { para, lines, width } = set;
  const line = lines[index];
  const indent = index === 0 ? para.firstLine : 0;
  const available = width - indent;
  let x = left + indent;
  let gap = 0;
  if (para.align === 'center') x += Math.max(0, (available - line.width) / 2);
  else if (para.align === 'justify' && index < lines.length - 1 && line.words.length > 1) {
    gap = Math.max(0, (available - line.width) / (line.words.length - 1));
  }
  const baseline = top + para.size * BASELINE;
  if (line.words.length) canvas.text(set.face, para.size, x, baseline, line.words, gap);
  if (para.ruled) canvas.line(left, baseline + para.size * 0.2, left + width, baseline + para.size * 0.2);
}
