// How much of a published act's text a build reproduces: the share of the seed's words that the
// built text contains in the same order (a word-level longest common subsequence), after
// undoing the PDF artefacts of the seed.
import { diffArrays } from 'diff';

export interface Token {
  word: string;
  line: number;
  /** The word ends its line with a hyphen ("по-" / "ощряемых"): it may be half of a broken word. */
  broken?: boolean;
}

/** Runs of three or more single letters ("п а р а м е т р у") are one word spaced out by justification. */
function joinSpacedLetters(line: string): string {
  return line.replace(/(?<![\p{L}\p{N}])\p{L}(?: +\p{L}(?![\p{L}\p{N}])){2,}/gu, (m) => m.replace(/ +/g, ''));
}

/** Words of a text with their line numbers: letters and digits, a decimal comma kept inside a number. */
export function tokenize(text: string, { pdf = false } = {}): Token[] {
  const out: Token[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = pdf ? joinSpacedLetters(raw) : raw;
    for (const m of line.matchAll(/[\p{L}\p{N}]+(?:,\d+)?/gu)) out.push({ word: m[0], line: i + 1 });
    if (pdf && /\p{L}-\s*$/u.test(line) && out.length) out[out.length - 1].broken = true;
  });
  return out;
}

export interface Span {
  /** Seed line of the span's first word. */
  line: number;
  words: string[];
}

export interface Fidelity {
  seedWords: number;
  builtWords: number;
  matched: number;
  /** matched / seedWords */
  recall: number;
  /** Seed words the build does not reproduce, in order, as spans. */
  unmatched: Span[];
  /** Built words absent from the seed, as spans (the line is the built text's). */
  extra: Span[];
}

/**
 * Justified PDF text also splits a word around a single letter ("нег і зделген", "в зысканий"),
 * and breaks words with a hyphen at a line end ("по-" / "ощряемых"). Adjacent seed fragments are
 * joined when the joined form is a word of the build and at least one fragment is not: the repair
 * needs evidence that the word exists, and leaves real words (and real hyphenated words) alone.
 */
export function rejoinFragments(tokens: Token[], vocabulary: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = false;
    for (const n of [3, 2]) {
      const parts = tokens.slice(i, i + n);
      const split = parts.some((t) => t.word.length === 1) || (n === 2 && parts[0].broken);
      if (parts.length < n || !split) continue;
      const word = parts.map((t) => t.word).join('');
      if (vocabulary.has(word) && parts.some((t) => !vocabulary.has(t.word))) {
        out.push({ word, line: parts[0].line });
        i += n - 1;
        joined = true;
        break;
      }
    }
    if (!joined) out.push(tokens[i]);
  }
  return out;
}

export function measureFidelity(seed: string, built: string): Fidelity {
  const b = tokenize(built);
  const a = rejoinFragments(tokenize(seed, { pdf: true }), new Set(b.map((t) => t.word)));
  const changes = diffArrays(a.map((t) => t.word), b.map((t) => t.word));
  let ia = 0;
  let ib = 0;
  let matched = 0;
  const unmatched: Span[] = [];
  const extra: Span[] = [];
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) {
      extra.push({ line: b[ib]?.line ?? 0, words: c.value });
      ib += n;
    } else if (c.removed) {
      unmatched.push({ line: a[ia]?.line ?? 0, words: c.value });
      ia += n;
    } else {
      matched += n;
      ia += n;
      ib += n;
    }
  }
  return { seedWords: a.length, builtWords: b.length, matched, recall: a.length ? matched / a.length : 1, unmatched, extra };
}

export function formatFidelity(name: string, f: Fidelity, maxSpans = 40): string {
  const lines = [`${name}: ${(f.recall * 100).toFixed(2)} % of ${f.seedWords} seed words reproduced in order (${f.seedWords - f.matched} unmatched, ${f.builtWords - f.matched} extra words in the build)`];
  for (const s of f.unmatched.slice(0, maxSpans)) lines.push(`  seed line ${s.line}: ${s.words.join(' ')}`);
  if (f.unmatched.length > maxSpans) lines.push(`  ... ${f.unmatched.length - maxSpans} more spans`);
  return lines.join('\n');
}
