// Marking the result: the grade's wording underlined inside the line of options, as a paper form
// is marked ("нужное подчеркнуть"). The options are set and drawn like any paragraph; this finds
// where the chosen words landed on their lines (justified lines stretch their spaces, a word may
// be broken at a line end) and gives the strokes to draw under them.
import type { FaceName } from '../../render/pdf/fonts.js';
import { program } from '../../render/pdf/fonts.js';

/** A line of a paragraph as it was drawn. */
export interface DrawnLine {
  page: number;
  x: number;
  baseline: number;
  /** The extra space after each space of a justified line. */
  gap: number;
  words: string[];
  /** The line ends inside a word (its last word ends with the hyphen that broke it). */
  hyphenated: boolean;
  face: FaceName;
  size: number;
}

export interface Stroke {
  page: number;
  x1: number;
  x2: number;
  y: number;
}

/** Below the baseline, clear of the descenders' ends but close enough to read as an underline. */
const DEPTH = 0.14;

/** The strokes under the characters [start, end) of `text`, drawn as `lines`. */
export function underline(lines: DrawnLine[], text: string, [start, end]: [number, number]): Stroke[] {
  const tokens = [...text.matchAll(/[^ \t\r\n]+/g)].map((m) => m.index);
  const strokes: Stroke[] = [];
  let t = 0;
  let offset = 0;
  for (const line of lines) {
    const font = program(line.face);
    const width = (s: string) => font.width(s, line.size);
    const space = width(' ');
    let x = line.x;
    let stroke: Stroke | undefined;
    line.words.forEach((word, k) => {
      const broken = line.hyphenated && k === line.words.length - 1;
      const shown = broken ? word.length - 1 : word.length;
      const from = (tokens[t] ?? text.length) + offset;
      const a = Math.max(start, from) - from;
      const b = Math.min(end, from + shown) - from;
      if (a < b) {
        const x1 = x + width(word.slice(0, a));
        const x2 = x + width(word.slice(0, b));
        if (stroke) stroke.x2 = x2;
        else stroke = { page: line.page, x1, x2, y: line.baseline + line.size * DEPTH };
      }
      if (broken) offset += shown;
      else {
        t++;
        offset = 0;
      }
      x += width(word) + space + line.gap;
    });
    if (stroke) strokes.push(stroke);
  }
  return strokes;
}
