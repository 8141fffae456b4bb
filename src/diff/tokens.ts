// Words, numbers and punctuation of a text, each with the whitespace before it, so a text can be
// compared word by word and rebuilt exactly. Whitespace (line breaks of a PDF included) is never
// a token, so it can never be a change.
import type { Lang } from '../model/source.js';
import { stem } from './stem.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  /** As written. */
  text: string;
  /** The whitespace before it, as written (kept to rebuild the text, never compared). */
  ws: string;
  kind: TokenKind;
  /** What comparison sees: case, typographic variants and look-alike letters folded. */
  key: string;
  /** The word's stem (its key for other kinds): grammatical endings do not hide a term. */
  stem: string;
}

// A number keeps its decimal comma ("3,99") and a suffix joined by a hyphen ("5-ти", "4-тармақта");
// a word keeps inner hyphens and apostrophes ("Е-қызмет", "C-O-1"). The text is scanned by hand:
// the acts are cut into words on every diff, and a Unicode-class regular expression was most of
// the diff's time.
const enum C { Space, Letter, Digit, Other, Unknown }
/** Each character's class, worked out once (the acts use a few hundred characters). */
const BMP = new Uint8Array(0x10000).fill(C.Unknown);
function classOf(cp: number): C {
  const known = cp < 0x10000 ? BMP[cp] : C.Unknown;
  if (known !== C.Unknown) return known;
  const ch = String.fromCodePoint(cp);
  const c = /\s/u.test(ch) ? C.Space : /[\p{L}\p{M}]/u.test(ch) ? C.Letter : /\p{N}/u.test(ch) ? C.Digit : C.Other;
  if (cp < 0x10000) BMP[cp] = c;
  return c;
}
const JOINERS = new Set(['-', '‐', "'", '’']);

// Latin capitals that print like Cyrillic ones: the acts mix them ("C-1" / "С-1", "Mетодике").
const LOOKALIKE: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
};
const DASHES = /[‐‑‒–—―−]/g;
const QUOTES = /[«»„“”‟"]/g;
const APOSTROPHES = /[’‘`]/g;

function foldWord(s: string): string {
  // Fold look-alikes only inside a word that has Cyrillic letters or is a code like "C-1": a
  // whole Latin word ("Republic") stays Latin.
  const folded = /\p{Script=Cyrillic}|^[A-Za-z](?:-[A-Za-z0-9]+)+$/u.test(s) ? s.replace(/[A-Za-z]/g, (c) => LOOKALIKE[c] ?? c) : s;
  return folded.toLowerCase().replace(/ё/g, 'е').replace(DASHES, '-').replace(APOSTROPHES, "'");
}

function keyOf(text: string, kind: TokenKind): string {
  if (kind === 'punct') return text.replace(DASHES, '-').replace(QUOTES, '"').replace(APOSTROPHES, "'");
  return foldWord(text);
}

// The acts repeat a few thousand words over and over: fold and stem each once per language.
const folded = { ru: new Map<string, [string, string]>(), kk: new Map<string, [string, string]>() };

function keyAndStem(t: string, kind: TokenKind, lang: Lang): [string, string] {
  const memo = folded[lang];
  const id = kind === 'word' ? t : `${kind}\u0000${t}`;
  let hit = memo.get(id);
  if (!hit) {
    const key = keyOf(t, kind);
    hit = [key, kind === 'word' ? stem(key, lang) : key];
    memo.set(id, hit);
  }
  return hit;
}

export function tokenize(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  const t = text.includes('\u00ad') ? text.replace(/\u00ad/g, '') : text;
  const n = t.length;
  const at = (i: number) => {
    if (i >= n) return C.Space;
    const u = t.charCodeAt(i);
    // Outside the surrogates a UTF-16 unit is the character itself.
    return u < 0xd800 || u > 0xdfff ? (BMP[u] !== C.Unknown ? BMP[u] : classOf(u)) : classOf(t.codePointAt(i)!);
  };
  const width = (i: number) => (t.charCodeAt(i) >= 0xd800 && t.charCodeAt(i) <= 0xdbff ? 2 : 1);
  /** The end of a run of characters of class `a` (or `b`: a word's letters may include digits, "C-1"). */
  const run = (i: number, a: C, b: C = a) => {
    for (let c = at(i); i < n && (c === a || c === b); c = at(i)) i += width(i);
    return i;
  };
  let i = 0;
  while (i < n) {
    const start = i;
    i = run(i, C.Space);
    if (i >= n) break;
    const ws = t.slice(start, i);
    const from = i;
    let kind: TokenKind;
    const c = at(i);
    if (c === C.Digit) {
      kind = 'number';
      i = run(i, C.Digit);
      while ((t[i] === ',' || t[i] === '.') && at(i + 1) === C.Digit) i = run(i + 1, C.Digit);
      while (t[i] === '-' && at(i + 1) === C.Letter) i = run(i + 1, C.Letter);
    } else if (c === C.Letter) {
      kind = 'word';
      i = run(i, C.Letter, C.Digit);
      while (JOINERS.has(t[i]) && (at(i + 1) === C.Letter || at(i + 1) === C.Digit)) i = run(i + 1, C.Letter, C.Digit);
    } else {
      kind = 'punct';
      i += width(i);
    }
    const word = t.slice(from, i);
    const [key, st] = keyAndStem(word, kind, lang);
    out.push({ text: word, ws, kind, key, stem: st });
  }
  return out;
}

/** The text the tokens were cut from (whitespace as written). */
export function joinTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => t.ws + t.text).join('');
}

/** Tokens as a reader quotes them: the first token without the whitespace before it. */
export function quote(tokens: readonly Token[]): string {
  return joinTokens(tokens).trim().replace(/\s+/g, ' ');
}
