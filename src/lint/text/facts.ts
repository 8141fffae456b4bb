// What two versions of one text must share: the references, the dates, the other numbers it
// prints, and how many list items ("- ...") it has.
import type { Lang } from '../../model/source.js';
import { datesIn } from './dates.js';
import { numbersIn } from './numbers.js';
import { findRefs } from './refs.js';

export interface Fact {
  /** What is compared: "point 5", "2025-01-30", "3,99". */
  key: string;
  /** As printed. */
  phrase: string;
}

export interface Facts {
  refs: Fact[];
  dates: Fact[];
  numbers: Fact[];
  items: number;
}

export function factsOf(text: string, lang: Lang): Facts {
  const refs = findRefs(text, lang);
  const dates = datesIn(text, lang);
  // The numbers inside references and dates are compared as references and dates.
  let rest = text;
  for (const s of [...refs, ...dates].sort((a, b) => b.index - a.index)) rest = rest.slice(0, s.index) + ' '.repeat(s.end - s.index) + rest.slice(s.end);
  // An item starts a line with "-", or follows a ";" on the line ("климата;- умение ...").
  const items = text.split('\n').flatMap((l) => l.split(/;\s*(?=-)/)).filter((l) => /^\s*-/.test(l)).length;
  return {
    refs: refs.map((r) => ({ key: `${r.kind} ${r.point ? `${r.point}.` : ''}${r.number}`, phrase: r.phrase })),
    dates: dates.map((d) => ({ key: d.iso, phrase: d.phrase })),
    numbers: numbersIn(rest).map((n) => ({ key: n, phrase: n })),
    items,
  };
}
