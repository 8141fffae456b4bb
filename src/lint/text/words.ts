// Word-level helpers for comparing wordings across grammatical forms and typography.

/** Latin letters that print like Cyrillic ones, and back: a word must not mix the two scripts. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
};

export const isLatin = (ch: string) => /\p{Script=Latin}/u.test(ch);
export const isCyrillic = (ch: string) => /\p{Script=Cyrillic}/u.test(ch);

/** Words (runs of letters) with their offsets. */
export function wordsOf(text: string): Array<{ word: string; index: number }> {
  return [...text.matchAll(/\p{L}+/gu)].map((m) => ({ word: m[0], index: m.index! }));
}

/** A mostly Cyrillic word with Latin look-alikes spelt in Cyrillic ("Mетодике" -> "Методике"). */
export function toCyrillic(word: string): string {
  return [...word].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
}

/**
 * The stems of a wording: lower case, look-alikes in Cyrillic, each word cut to its first five
 * letters. Russian and Kazakh inflect at the end of the word, so "Методика" / "Методике" and
 * "әдістемесі" / "Әдістемесіне" share a stem; two wordings that name one thing share their stems.
 */
export function stems(text: string): string[] {
  return wordsOf(text).map(({ word }) => toCyrillic(word).toLowerCase().slice(0, 5));
}

/** Whether `needle`'s stems occur in `hay`'s, in order (other words may come between). */
export function containsStems(hay: readonly string[], needle: readonly string[]): boolean {
  let i = 0;
  for (const s of hay) if (i < needle.length && s === needle[i]) i++;
  return i === needle.length;
}

/** The sentence (or clause ended by ";") around offset `at`. */
export function sentenceAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('; ', at)) + 1;
  const ends = ['. ', '; '].map((s) => text.indexOf(s, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length).trim();
}
