// Breaks a paragraph into lines: greedy first fit over words, Russian hyphenation when a word
// does not fit, and the small rules of Russian and Kazakh typesetting that keep a sign with its
// word ("№ 13", a dash never opens a line, a list's "-" stays with its item).
import type { Hyphenator } from './hyphenate.js';

export interface Measure {
  /** Width of a string in points (cached by the font). */
  width(text: string): number;
}

export interface Line {
  /** The words of the line; the last one ends with "-" when the line is hyphenated. */
  words: string[];
  /** Natural width with one space between words, in points. */
  width: number;
  /** The line ends inside a word. */
  hyphenated: boolean;
}

export interface LineWidths {
  first: number;
  rest: number;
}

export interface Hyphenation {
  hyphenate: Hyphenator;
  /**
   * Break a word that does not fit only while the line is filled less than this share of its
   * width (a fuller line stretches its spaces little enough, or looks even enough, without);
   * 0 breaks only a word wider than the line.
   */
  below: number;
}

const EPSILON = 0.01;
const MAX_HYPHENATED = 2;

/** A sign that belongs to the word after it; and every word ending in a hyphen, so that a
 *  hyphen at the end of a line is always a soft one and text extraction may join the halves. */
const bindsToNext = (w: string) => w === '№' || w.endsWith('-');
/** A dash is never the first thing on a line. */
const bindsToPrevious = (w: string) => /^[–—]/.test(w);

/** Words that must stay on one line, as groups. */
function groups(text: string): string[][] {
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const out: string[][] = [];
  words.forEach((w, i) => {
    const prev = out.at(-1);
    if (prev && (bindsToNext(words[i - 1]) || bindsToPrevious(w))) prev.push(w);
    else out.push([w]);
  });
  return out;
}

export function breakLines(text: string, widths: LineWidths, m: Measure, hyphenation?: Hyphenation): Line[] {
  const space = m.width(' ');
  const groupWidth = (g: string[]) => g.reduce((sum, w) => sum + m.width(w), 0) + space * (g.length - 1);
  const lines: Line[] = [];
  let words: string[] = [];
  let width = 0;
  const lineWidth = () => (lines.length ? widths.rest : widths.first);
  const room = () => lineWidth() - width - (words.length ? space : 0);
  const add = (g: string[], w: number) => {
    width += (words.length ? space : 0) + w;
    words.push(...g);
  };
  const flush = (hyphenated = false) => {
    lines.push({ words, width, hyphenated });
    words = [];
    width = 0;
  };
  /** Two broken lines in a row are the most a reader should meet (the rule of Russian typesetting). */
  const afterHyphens = () => lines.length >= MAX_HYPHENATED && lines.slice(-MAX_HYPHENATED).every((l) => l.hyphenated);
  /** The longest head of `word` that fits in `available` with its hyphen. */
  const head = (word: string, points: number[], available: number): number | undefined => {
    for (let i = points.length - 1; i >= 0; i--) {
      if (m.width(word.slice(0, points[i]) + '-') <= available + EPSILON) return points[i];
    }
    return undefined;
  };

  // Groups still to set, last first, so a remainder can be pushed back.
  const pending = groups(text).reverse();
  while (pending.length) {
    const g = pending.pop()!;
    const w = groupWidth(g);
    if (w <= room() + EPSILON) {
      add(g, w);
      continue;
    }
    if (g.length === 1 && hyphenation && width < hyphenation.below * lineWidth() && !afterHyphens()) {
      const at = head(g[0], hyphenation.hyphenate(g[0]), room());
      if (at !== undefined) {
        const part = g[0].slice(0, at) + '-';
        add([part], m.width(part));
        flush(true);
        pending.push([g[0].slice(at)]);
        continue;
      }
    }
    if (words.length) {
      flush();
      pending.push(g);
      continue;
    }
    // Alone on its line and still too wide.
    if (g.length > 1) {
      for (let i = g.length - 1; i >= 0; i--) pending.push([g[i]]);
      continue;
    }
    // A single word wider than the column (a narrow table cell): cut it where it fits.
    const chars = [...g[0]];
    if (chars.length === 1) {
      add(g, w);
      flush();
      continue;
    }
    const cuts = chars.slice(1).map((_, i) => chars.slice(0, i + 1).join('').length);
    const at = (hyphenation && head(g[0], hyphenation.hyphenate(g[0]), room())) || head(g[0], cuts, room()) || chars[0].length;
    const part = g[0].slice(0, at) + '-';
    add([part], m.width(part));
    flush(true);
    pending.push([g[0].slice(at)]);
  }
  if (words.length) flush();
  return lines;
}
