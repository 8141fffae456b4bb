// Where a word may be broken at the end of a line. Russian: Liang's patterns from the `hyphen`
// package (the TeX ruhyph patterns). Kazakh: none. No Kazakh patterns exist on npm, and the
// Russian ones break Kazakh words wrongly, so Kazakh lines break between words only.
import ru from 'hyphen/ru/index.js';
import type { Lang } from '../../model/source.js';

/** Offsets inside the word where a hyphen may be put, ascending. */
export type Hyphenator = (word: string) => number[];

const SOFT = '\u00ad';
/** At least two letters stay on the line and two go to the next, as Russian typesetting asks. */
const MIN_LEFT = 2;
const MIN_RIGHT = 2;

function russian(): Hyphenator {
  const cache = new Map<string, number[]>();
  return (word) => {
    let points = cache.get(word);
    if (points) return points;
    points = [];
    // Numbers, words with a hyphen of their own and abbreviations in capitals are never broken:
    // a break after a real hyphen would be taken for a soft one by text extraction.
    if (!/\d|-/.test(word) && /\p{Ll}/u.test(word)) {
      const marked = ru.hyphenateSync(word, { hyphenChar: SOFT, minWordLength: 5 });
      let at = 0;
      for (const ch of marked) {
        if (ch === SOFT) points.push(at);
        else at += ch.length;
      }
      const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
      points = points.filter((p) => letters(word.slice(0, p)) >= MIN_LEFT && letters(word.slice(p)) >= MIN_RIGHT);
    }
    cache.set(word, points);
    return points;
  };
}

const hyphenators: Partial<Record<Lang, Hyphenator>> = {};

export function hyphenatorFor(lang: Lang): Hyphenator | undefined {
  if (lang !== 'ru') return undefined;
  return (hyphenators.ru ??= russian());
}
