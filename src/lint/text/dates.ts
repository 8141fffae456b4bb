// Dates as the acts print them: ru "27 марта 2018 года", kk "2018 жылғы 27 наурыздағы" (or
// "30 қаңтарынан": any case of the month), numeric "28.07.2025".
import type { Lang } from '../../model/source.js';
import { words } from '../../resolve/templates.js';

export interface PrintedDate {
  /** ISO "2018-03-27", or "--03-27" when the year is not printed. */
  iso: string;
  phrase: string;
  index: number;
  end: number;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** Month stems: ru genitive as printed; kk the locative of words.yaml without its ending. */
function monthStems(lang: Lang): string[] {
  const months = words(lang).months;
  return lang === 'ru' ? months : months.map((m) => m.replace(/(?:да|де|та|те)(?:ғы|гі)$/u, ''));
}

export function datesIn(text: string, lang: Lang): PrintedDate[] {
  const stems = monthStems(lang);
  const alt = stems.join('|');
  const re = lang === 'ru'
    ? new RegExp(`(?<!\\d)"?(\\d{1,2})"?\\s+(${alt})(?:\\s+(\\d{4})\\s+года)?`, 'gu')
    : new RegExp(`(?:(\\d{4})\\s+жылғы\\s+)?(?<!\\d)(\\d{1,2})\\s+(${alt})\\p{L}*`, 'gu');
  const out: PrintedDate[] = [];
  for (const m of text.matchAll(re)) {
    const [day, month, year] = lang === 'ru' ? [m[1], m[2], m[3]] : [m[2], m[3], m[1]];
    const mm = pad(stems.indexOf(month) + 1);
    out.push({ iso: `${year ?? '-'}-${mm}-${pad(day)}`, phrase: m[0], index: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/(?<!\d)(\d{2})\.(\d{2})\.(\d{4})(?!\d)/g)) {
    out.push({ iso: `${m[3]}-${m[2]}-${m[1]}`, phrase: m[0], index: m.index!, end: m.index! + m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}
