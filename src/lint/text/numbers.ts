// Numbers and ranges as the acts print them: decimal comma ("3,99"), ru "от 3 до 3,99",
// kk "3-тен 3,99", the asterisk of a footnote ("от 0* до 5", "0*-ден").
import type { Lang } from '../../model/source.js';

const NUM = '(\\d+(?:[.,]\\d+)?)';

/** "3,99" -> 3.99 */
export const toNumber = (s: string) => Number(s.replace(',', '.'));

/** Every number printed in a text, as printed ("3,99", "5"). */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => m[0].replace('.', ','));
}

export interface PrintedRange {
  min: number;
  max: number;
  phrase: string;
  index: number;
}

const RANGE: Record<Lang, RegExp> = {
  ru: new RegExp(`(?<!\\p{L})от\\s+${NUM}\\*?\\s+до\\s+${NUM}`, 'gu'),
  kk: new RegExp(`${NUM}\\*?-[дтн][ае]н\\*?\\s+${NUM}`, 'gu'),
};

/** The ranges "from a to b" a text states, in order. */
export function rangesIn(text: string, lang: Lang): PrintedRange[] {
  return [...text.matchAll(RANGE[lang])].map((m) => ({ min: toNumber(m[1]), max: toNumber(m[2]), phrase: m[0], index: m.index! }));
}

/** A number as the act prints it: 2.99 -> "2,99". */
export const printed = (n: number) => String(n).replace('.', ',');
