// Calendar dates as integer day numbers (days since 1970-01-01, UTC). No Date objects, no time
// zones: a date is a civil date, and arithmetic on it is integer arithmetic.

export type DayNumber = number;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civil(dn: DayNumber): Civil {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * Parses `YYYY-MM-DD` (ISO) or `DD.MM.YYYY` (the form used in Kazakhstan's documents).
 * Returns undefined for anything else, including impossible dates such as 2025-02-30.
 */
export function parseDate(text: string): DayNumber | undefined {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = ISO.exec(s);
  if (match) {
    y = +match[1];
    m = +match[2];
    d = +match[3];
  } else if ((match = DOTTED.exec(s))) {
    d = +match[1];
    m = +match[2];
    y = +match[3];
  } else return undefined;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900 || y > 2200) return undefined;
  return dayNumber(y, m, d);
}

export function formatDate(dn: DayNumber): string {
  const c = civil(dn);
  return `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. 1970-01-01 was a Thursday. */
export function weekday(dn: DayNumber): number {
  return ((((dn + 3) % 7) + 7) % 7) + 1;
}

export const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function isWeekend(dn: DayNumber): boolean {
  return weekday(dn) >= 6;
}

/**
 * Adds calendar months the way the Civil Code counts a term in months: the same day number in
 * the target month, or the month's last day when the target month has no such day
 * (31 Jan + 1 month = 28/29 Feb).
 */
export function addMonths(dn: DayNumber, months: number): DayNumber {
  const c = civil(dn);
  const total = c.year * 12 + (c.month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayNumber(y, m, Math.min(c.day, daysInMonth(y, m)));
}

// ---- periods ----

export interface Period {
  /** As written: `2025-Q1` or `2025`. */
  id: string;
  kind: 'quarter' | 'year';
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  start: DayNumber;
  end: DayNumber; // inclusive
}

const QUARTER = /^(\d{4})-?Q([1-4])$/i;
const YEAR = /^(\d{4})$/;
// The wording of the sheets themselves ("III квартал 2025 года", "2025 жылғы III тоқсан") and of
// HR exports ("3 квартал 2025 г.", "3-й квартал 2025", "3 кв. 2025", "2025 ж. 3-тоқсан"). Roman numerals are
// typed with a Latin I or, on a Kazakh keyboard, a Cyrillic І.
const NUMERAL = '([IІ]V|[IІ]{1,3}|[1-4])';
const QUARTER_RU = new RegExp(`^${NUMERAL}(?:-?(?:й|ый|ой|ий))?\\s+(?:квартала?|кв\\.?)\\s*(\\d{4})(?:\\s*(?:года|год|г\\.?))?$`, 'iu');
const QUARTER_KK = new RegExp(`^(\\d{4})\\s*(?:жылғы|жылдың|ж\\.)\\s*${NUMERAL}(?:-?(?:інші|ыншы|ші|шы))?(?:\\s+|-)тоқсан(?:ы)?$`, 'iu');
const YEAR_WORDS = /^(\d{4})\s*(?:года|год|г\.?|жыл|ж\.?)$/iu;

/** 1-4 from "1".."4" or a Roman numeral I..IV. */
function quarterNumber(numeral: string): 1 | 2 | 3 | 4 {
  const n = numeral.toUpperCase().replace(/І/g, 'I');
  return (/^\d$/.test(n) ? +n : n === 'IV' ? 4 : n.length) as 1 | 2 | 3 | 4;
}

function quarter(year: number, q: 1 | 2 | 3 | 4): Period {
  const start = dayNumber(year, (q - 1) * 3 + 1, 1);
  const endMonth = q * 3;
  const end = dayNumber(year, endMonth, daysInMonth(year, endMonth));
  return { id: `${year}-Q${q}`, kind: 'quarter', year, quarter: q, start, end };
}

const wholeYear = (year: number): Period => ({ id: String(year), kind: 'year', year, start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31) });

/**
 * Parses `2025-Q1` (also `2025Q1`, `2025-q1`) or `2025`, and the same in words: "I квартал 2025
 * года", "2025 жылғы I тоқсан", "2025 год", "2025 жыл" (see QUARTER_RU, QUARTER_KK).
 */
export function parsePeriod(text: string): Period | undefined {
  const s = text.trim();
  let m = QUARTER.exec(s);
  if (m) return quarter(+m[1], +m[2] as 1 | 2 | 3 | 4);
  m = YEAR.exec(s);
  if (m) return wholeYear(+m[1]);
  const words = s.replace(/\s+/g, ' ');
  if ((m = QUARTER_RU.exec(words))) return quarter(+m[2], quarterNumber(m[1]));
  if ((m = QUARTER_KK.exec(words))) return quarter(+m[1], quarterNumber(m[2]));
  if ((m = YEAR_WORDS.exec(words))) return wholeYear(+m[1]);
  return undefined;
}
