// Kazakhstan working days, kept as data (calendar/kz-YYYY.yaml, one file a year).
//
// A day is a working day unless it is a Saturday or Sunday, a public holiday on a weekday, a day
// off produced by the weekend-move rule (a holiday on a weekend moves to the next working day),
// a religious day off on a weekday (never moved), or a transferred day off; a weekend day made a
// working day by a transfer is a working day. Five-day week only.

import { type DayNumber, civil, formatDate, parseDate, weekday, WEEKDAY_NAMES } from './date.js';

export interface HolidayEntry {
  date: string;
  name: string;
  source: string;
  note?: string;
  status?: 'disputed';
}
export interface TransferEntry {
  off: string;
  working: string;
  act: string;
  source: string;
  note?: string;
}
export interface MovedEntry {
  date: string;
  from: string;
  source: string;
  note?: string;
  status?: 'disputed';
}
/** One calendar file (`calendar/kz-YYYY.yaml`). */
export interface YearData {
  year: number;
  week: 'five-day';
  rules?: Array<{ rule: string; text?: string; source?: string }>;
  holidays: HolidayEntry[];
  religious: HolidayEntry[];
  transfers: TransferEntry[];
  /** The days off the weekend-move rule produces, as published; checked against the rule. */
  moved?: MovedEntry[];
}

export type DayKind =
  | 'working'
  | 'weekend'
  | 'holiday'
  | 'moved-holiday'
  | 'religious'
  | 'transfer-off'
  | 'transfer-working';

export interface DayInfo {
  date: string;
  weekday: string;
  working: boolean;
  kind: DayKind;
  /** What makes it so, e.g. "Nauryz (22 Mar, a Saturday)". */
  why?: string;
  source?: string;
  disputed?: boolean;
}

/** A date outside the years the calendar covers. */
export class CalendarRangeError extends Error {
  constructor(
    readonly year: number,
    readonly covered: number[],
  ) {
    super(
      `year ${year} is not covered by the working-day calendar (covered: ${describeYears(covered)}); add calendar/kz-${year}.yaml`,
    );
  }
}

/** The calendar data contradict themselves (e.g. `moved` does not match the weekend-move rule). */
export class CalendarDataError extends Error {}

function describeYears(ys: number[]): string {
  if (ys.length === 0) return 'none';
  const s = [...ys].sort((a, b) => a - b);
  const contiguous = s.every((y, i) => i === 0 || y === s[i - 1] + 1);
  return contiguous && s.length > 1 ? `${s[0]}–${s[s.length - 1]}` : s.join(', ');
}

interface YearTable {
  start: DayNumber;
  kinds: Uint8Array; // index = dn - start
  info: Map<DayNumber, { why: string; source: string; disputed?: boolean }>;
}

const KIND_CODES: DayKind[] = ['working', 'weekend', 'holiday', 'moved-holiday', 'religious', 'transfer-off', 'transfer-working'];
const K = {
  working: 0,
  weekend: 1,
  holiday: 2,
  moved: 3,
  religious: 4,
  transferOff: 5,
  transferWorking: 6,
} as const;

function must(text: unknown, what: string, year: number): DayNumber {
  if (typeof text !== 'string') throw new CalendarDataError(`kz-${year}: ${what}: expected a date string, got ${JSON.stringify(text)}`);
  const dn = parseDate(text);
  if (dn === undefined) throw new CalendarDataError(`kz-${year}: ${what}: "${text}" is not a date`);
  if (civil(dn).year !== year) throw new CalendarDataError(`kz-${year}: ${what}: ${text} is outside ${year}`);
  return dn;
}

function buildYear(d: YearData): YearTable {
  const year = d.year;
  if (!Number.isInteger(year)) throw new CalendarDataError(`calendar file: "year" must be an integer`);
  if (d.week !== 'five-day') throw new CalendarDataError(`kz-${year}: only the five-day week is supported`);
  for (const [name, list] of [['holidays', d.holidays], ['religious', d.religious], ['transfers', d.transfers]] as const) {
    if (!Array.isArray(list)) throw new CalendarDataError(`kz-${year}: "${name}" must be a list`);
  }
  const start = parseDate(`${year}-01-01`)!;
  const end = parseDate(`${year}-12-31`)!;
  const kinds = new Uint8Array(end - start + 1);
  const info = new Map<DayNumber, { why: string; source: string; disputed?: boolean }>();
  for (let dn = start; dn <= end; dn++) kinds[dn - start] = weekday(dn) >= 6 ? K.weekend : K.working;
  const dayName = (dn: DayNumber) => `${formatDate(dn)}, a ${WEEKDAY_NAMES[weekday(dn)]}`;

  for (const h of d.holidays) {
    if (!h.source) throw new CalendarDataError(`kz-${year}: holiday ${h.date} has no source`);
    const dn = must(h.date, `holiday "${h.name}"`, year);
    if (kinds[dn - start] === K.working) {
      kinds[dn - start] = K.holiday;
      info.set(dn, { why: `${h.name}`, source: h.source, disputed: h.status === 'disputed' });
    }
  }
  for (const r of d.religious) {
    if (!r.source) throw new CalendarDataError(`kz-${year}: religious day ${r.date} has no source`);
    const dn = must(r.date, `religious day "${r.name}"`, year);
    // Off only on a weekday; never moved.
    if (kinds[dn - start] === K.working) {
      kinds[dn - start] = K.religious;
      info.set(dn, { why: `${r.name} (religious day off, not moved when on a weekend)`, source: r.source });
    }
  }
  for (const t of d.transfers) {
    if (!t.source || !t.act) throw new CalendarDataError(`kz-${year}: transfer ${t.off} needs "act" and "source"`);
    const off = must(t.off, 'transfer "off"', year);
    const working = must(t.working, 'transfer "working"', year);
    if (weekday(working) < 6) throw new CalendarDataError(`kz-${year}: transfer makes ${t.working} a working day, but it is not a weekend day`);
    kinds[off - start] = K.transferOff;
    info.set(off, { why: `day off transferred from ${dayName(working)} (${t.act})`, source: t.source });
    kinds[working - start] = K.transferWorking;
    info.set(working, { why: `working day: its day off was transferred to ${formatDate(off)} (${t.act})`, source: t.source });
  }
  // Weekend-move rule, in date order, cascading over holidays and already-moved days.
  const derived: Array<{ date: DayNumber; from: DayNumber }> = [];
  const holidays = d.holidays.map((h) => ({ h, dn: parseDate(h.date)! })).sort((a, b) => a.dn - b.dn);
  for (const { h, dn } of holidays) {
    if (weekday(dn) < 6) continue;
    let target = dn + 1;
    while (target <= end && kinds[target - start] !== K.working) target++;
    if (target > end) throw new CalendarDataError(`kz-${year}: holiday ${h.date} on a weekend moves into the next year; not supported`);
    kinds[target - start] = K.moved;
    info.set(target, {
      why: `${h.name} moved from ${dayName(dn)} (Law "On holidays" art. 5)`,
      source: h.source,
      disputed: h.status === 'disputed',
    });
    derived.push({ date: target, from: dn });
  }
  // The published moves must be exactly what the rule gives.
  if (d.moved) {
    const published = d.moved.map((m) => `${formatDate(must(m.date, 'moved day', year))}<-${formatDate(must(m.from, 'moved "from"', year))}`).sort();
    const computed = derived.map((m) => `${formatDate(m.date)}<-${formatDate(m.from)}`).sort();
    if (published.join() !== computed.join()) {
      throw new CalendarDataError(
        `kz-${year}: the published moved days (${published.join(', ')}) differ from the weekend-move rule (${computed.join(', ')})`,
      );
    }
    for (const m of d.moved) {
      const dn = parseDate(m.date)!;
      const cur = info.get(dn)!;
      info.set(dn, { ...cur, source: m.source, disputed: cur.disputed || m.status === 'disputed' });
    }
  }
  return { start, kinds, info };
}

export class Calendar {
  private readonly years = new Map<number, YearTable>();
  readonly sources: Map<number, YearData>;

  constructor(data: YearData[]) {
    this.sources = new Map();
    for (const d of data) {
      if (this.years.has(d.year)) throw new CalendarDataError(`calendar: year ${d.year} given twice`);
      this.years.set(d.year, buildYear(d));
      this.sources.set(d.year, d);
    }
  }

  /** The years covered, ascending. */
  get coverage(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  private table(dn: DayNumber): YearTable {
    const y = civil(dn).year;
    const t = this.years.get(y);
    if (!t) throw new CalendarRangeError(y, this.coverage);
    return t;
  }

  private kind(dn: DayNumber): number {
    const t = this.table(dn);
    return t.kinds[dn - t.start];
  }

  isWorkingDay(dn: DayNumber): boolean {
    const k = this.kind(dn);
    return k === K.working || k === K.transferWorking;
  }

  describe(dn: DayNumber): DayInfo {
    const t = this.table(dn);
    const k = t.kinds[dn - t.start];
    const extra = t.info.get(dn);
    return {
      date: formatDate(dn),
      weekday: WEEKDAY_NAMES[weekday(dn)],
      working: k === K.working || k === K.transferWorking,
      kind: KIND_CODES[k],
      ...(extra ? { why: extra.why, source: extra.source } : {}),
      ...(extra?.disputed ? { disputed: true } : {}),
    };
  }

  /** Working days in [from, to], both inclusive (0 when to < from). */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    let n = 0;
    for (let dn = from; dn <= to; dn++) if (this.isWorkingDay(dn)) n++;
    return n;
  }

  /**
   * The n-th working day after `event`, counting from the day after it ("within N working days
   * of" an event). n >= 1.
   */
  addWorkingDays(event: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a positive integer, got ${n}`);
    let dn = event;
    let left = n;
    while (left > 0) {
      dn++;
      if (this.isWorkingDay(dn)) left--;
    }
    return dn;
  }

  nextWorkingDay(dn: DayNumber): DayNumber {
    while (!this.isWorkingDay(dn)) dn++;
    return dn;
  }

  previousWorkingDay(dn: DayNumber): DayNumber {
    while (!this.isWorkingDay(dn)) dn--;
    return dn;
  }

  /** Days off in [from, to] whose status is disputed (see calendar/kz-2026.yaml, 31 Aug). */
  disputedBetween(from: DayNumber, to: DayNumber): DayInfo[] {
    const out: DayInfo[] = [];
    for (let dn = from; dn <= to; dn++) {
      const t = this.years.get(civil(dn).year);
      if (!t) continue;
      const i = t.info.get(dn);
      if (i?.disputed) out.push(this.describe(dn));
    }
    return out;
  }
}
