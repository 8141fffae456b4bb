import { describe, expect, it } from 'vitest';
import {
  Calendar,
  CalendarDataError,
  CalendarRangeError,
  addMonths,
  dayNumber,
  formatDate,
  loadCalendar,
  parseDate,
  parsePeriod,
  readYearFile,
  defaultCalendarDir,
  weekday,
} from '../../src/calendar/index.js';
import { join } from 'node:path';

const cal = loadCalendar();
const d = (s: string) => {
  const dn = parseDate(s);
  if (dn === undefined) throw new Error(s);
  return dn;
};

/** Days off that are not Saturdays/Sundays, and weekend days that are working days. */
function exceptions(year: number): { off: string[]; working: string[] } {
  const off: string[] = [];
  const working: string[] = [];
  for (let dn = d(`${year}-01-01`); dn <= d(`${year}-12-31`); dn++) {
    const wk = weekday(dn) >= 6;
    const w = cal.isWorkingDay(dn);
    if (!wk && !w) off.push(formatDate(dn));
    if (wk && w) working.push(formatDate(dn));
  }
  return { off, working };
}

describe('dates', () => {
  it('round-trips day numbers and weekdays', () => {
    for (let dn = dayNumber(1999, 12, 25); dn < dayNumber(2031, 1, 10); dn++) {
      expect(parseDate(formatDate(dn))).toBe(dn);
    }
    expect(weekday(d('2025-03-08'))).toBe(6); // Saturday
    expect(weekday(d('2026-03-23'))).toBe(1); // Monday
    expect(weekday(d('2024-06-16'))).toBe(7); // Sunday
  });
  it('rejects impossible dates and accepts DD.MM.YYYY', () => {
    expect(parseDate('2025-02-29')).toBeUndefined();
    expect(parseDate('2024-02-29')).toBe(d('2024-02-29'));
    expect(parseDate('31.04.2025')).toBeUndefined();
    expect(parseDate('05.01.2025')).toBe(d('2025-01-05'));
    expect(parseDate('2025/01/05')).toBeUndefined();
    expect(parseDate('yesterday')).toBeUndefined();
  });
  it('adds months as the Civil Code counts them (last day when the day is missing)', () => {
    expect(formatDate(addMonths(d('2025-01-31'), 1))).toBe('2025-02-28');
    expect(formatDate(addMonths(d('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDate(addMonths(d('2025-11-15'), 3))).toBe('2026-02-15');
  });
  it('parses periods', () => {
    const q = parsePeriod('2025-Q4')!;
    expect([formatDate(q.start), formatDate(q.end)]).toEqual(['2025-10-01', '2025-12-31']);
    expect(parsePeriod('2025q1')!.id).toBe('2025-Q1');
    expect(parsePeriod('2025')!.kind).toBe('year');
    expect(parsePeriod('2025-Q5')).toBeUndefined();
    expect(parsePeriod('Q1 2025')).toBeUndefined();
  });
  it('parses periods as the sheets and HR exports word them, in Russian and Kazakh', () => {
    const id = (t: string) => parsePeriod(t)?.id;
    // What metodika forms prints (templates/*/forms-period.hbs) reads back.
    expect(id('III квартал 2025 года')).toBe('2025-Q3');
    expect(id('2025 жылғы III тоқсан')).toBe('2025-Q3');
    expect(id('2025 год')).toBe('2025');
    expect(id('2025 жыл')).toBe('2025');
    // Common variants: Arabic numerals, ordinals, abbreviations, a Cyrillic І, other case, spaces.
    const variants: Array<[string, string[]]> = [
      ['2025-Q1', ['1 квартал 2025', '1-й квартал 2025 г.', 'I кв. 2025', 'і квартал 2025 года', 'I  КВАРТАЛ  2025', '1 квартал 2025 года']],
      ['2024-Q4', ['IV квартал 2024 года', '4-ый квартал 2024', 'ІV квартал 2024']],
      ['2025-Q2', ['2025 жылғы 2-тоқсан', '2025 ж. ІІ тоқсан', '2025 жылғы 2-ші тоқсан', '2025 жылдың II тоқсаны']],
    ];
    for (const [want, texts] of variants) for (const t of texts) expect(id(t), t).toBe(want);
    expect(id('2025 г.')).toBe('2025');
    // Not quarters: a fifth one, V, a year alone with a quarter word missing.
    for (const t of ['V квартал 2025', '5 квартал 2025', 'IIII квартал 2025', 'квартал 2025', '2025 жылғы тоқсан', 'I квартал']) expect(id(t), t).toBeUndefined();
  });
});

describe('calendar data (CALENDAR-FACTS.md)', () => {
  it('covers 2024, 2025 and 2026', () => {
    expect(cal.coverage).toEqual([2024, 2025, 2026]);
  });

  it('2024: holidays, the 4 May -> 8 May transfer, weekend moves, Kurban ait on a Sunday', () => {
    const { off, working } = exceptions(2024);
    expect(off).toEqual([
      '2024-01-01', '2024-01-02', '2024-03-08', '2024-03-21', '2024-03-22', '2024-03-25',
      '2024-05-01', '2024-05-07', '2024-05-08', '2024-05-09', '2024-07-08', '2024-08-30',
      '2024-10-25', '2024-12-16',
    ]);
    expect(working).toEqual(['2024-05-04']);
    expect(cal.isWorkingDay(d('2024-06-17'))).toBe(true); // Kurban ait fell on Sunday 16 Jun: not moved
    expect(cal.isWorkingDay(d('2024-01-08'))).toBe(true); // Christmas on Sunday 7 Jan: not moved
  });

  it('2025: the 5 Jan -> 3 Jan transfer, Nauryz cascade, Kurban ait 6 Jun', () => {
    const { off, working } = exceptions(2025);
    expect(off).toEqual([
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-07', '2025-03-10', '2025-03-21',
      '2025-03-24', '2025-03-25', '2025-05-01', '2025-05-07', '2025-05-09', '2025-06-06',
      '2025-07-07', '2025-09-01', '2025-10-27', '2025-12-16',
    ]);
    expect(working).toEqual(['2025-01-05']);
  });

  it('2026: Nauryz Sat+Sun move past the Monday holiday to Tue+Wed; 31 Aug is disputed', () => {
    const { off, working } = exceptions(2026);
    expect(off).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-07', '2026-03-09', '2026-03-23', '2026-03-24',
      '2026-03-25', '2026-05-01', '2026-05-07', '2026-05-11', '2026-05-27', '2026-07-06',
      '2026-08-31', '2026-10-26', '2026-12-16',
    ]);
    expect(working).toEqual([]);
    expect(cal.isWorkingDay(d('2026-03-10'))).toBe(true);
    const info = cal.describe(d('2026-08-31'));
    expect(info.disputed).toBe(true);
    expect(info.kind).toBe('moved-holiday');
  });

  it('every day off carries its source', () => {
    for (const y of cal.coverage) {
      for (let dn = d(`${y}-01-01`); dn <= d(`${y}-12-31`); dn++) {
        const i = cal.describe(dn);
        if (!i.working && i.kind !== 'weekend') expect(i.source, i.date).toMatch(/\S/);
      }
    }
  });

  it('working-day totals per year', () => {
    const total = (y: number) => cal.workingDaysBetween(d(`${y}-01-01`), d(`${y}-12-31`));
    // 2025: 261 weekdays - 16 weekday days off + 1 transferred Sunday.
    expect(total(2025)).toBe(261 - 16 + 1);
    expect(total(2024)).toBe(262 - 14 + 1);
    expect(total(2026)).toBe(261 - 15);
  });

  it('a year not covered is a clear error', () => {
    expect(() => cal.isWorkingDay(d('2023-12-29'))).toThrow(CalendarRangeError);
    expect(() => cal.isWorkingDay(d('2027-01-04'))).toThrow(/2027 is not covered .*2024–2026/);
    expect(() => cal.addWorkingDays(d('2026-12-28'), 5)).toThrow(/kz-2027\.yaml/);
  });

  it('checks the published moves against the weekend-move rule', () => {
    const y = readYearFile(join(defaultCalendarDir(), 'kz-2025.yaml'));
    y.moved = y.moved!.filter((m) => m.date !== '2025-09-01');
    expect(() => new Calendar([y])).toThrow(CalendarDataError);
    const y2 = readYearFile(join(defaultCalendarDir(), 'kz-2025.yaml'));
    y2.holidays[0] = { ...y2.holidays[0], source: '' };
    expect(() => new Calendar([y2])).toThrow(/no source/);
  });
});

describe('working-day arithmetic', () => {
  it('counts from the day after the event', () => {
    // Results received Fri 2025-03-07: Mon 10 Mar is a day off (8 Mar moved) -> 11,12,13,14,17.
    expect(formatDate(cal.addWorkingDays(d('2025-03-07'), 5))).toBe('2025-03-17');
    // Received on a day off (Sat 22 Mar 2025): 21-25 Mar off -> 26,27,28,31 Mar, 1 Apr.
    expect(formatDate(cal.addWorkingDays(d('2025-03-22'), 5))).toBe('2025-04-01');
    // Across the New Year: 2025-12-29 + 3 -> 30, 31 Dec, then 1-2 Jan off, 3-4 weekend -> 5 Jan 2026.
    expect(formatDate(cal.addWorkingDays(d('2025-12-29'), 3))).toBe('2026-01-05');
    // 2025-01-05 (Sunday) is a working day by transfer.
    expect(formatDate(cal.addWorkingDays(d('2025-01-02'), 1))).toBe('2025-01-05');
  });
  it('counts working days in a quarter', () => {
    expect(cal.workingDaysBetween(d('2025-01-01'), d('2025-03-31'))).toBe(57);
    expect(cal.workingDaysBetween(d('2025-03-31'), d('2025-03-01'))).toBe(0);
  });
});

describe('the calendar cache', () => {
  it('a changed file is read afresh, not from the cache', async () => {
    const { mkdtempSync, readFileSync: read, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'metodika-cal-'));
    for (const y of [2024, 2025, 2026]) write(join(dir, `kz-${y}.yaml`), read(join(defaultCalendarDir(), `kz-${y}.yaml`), 'utf8'));
    const a = loadCalendar(dir);
    expect(a.isWorkingDay(d('2025-12-31'))).toBe(true);
    const dir2 = mkdtempSync(join(tmpdir(), 'metodika-cal-'));
    for (const y of [2024, 2026]) write(join(dir2, `kz-${y}.yaml`), read(join(defaultCalendarDir(), `kz-${y}.yaml`), 'utf8'));
    const text = read(join(defaultCalendarDir(), 'kz-2025.yaml'), 'utf8').replace('holidays:\n', 'holidays:\n  - {date: 2025-12-31, name: Test day off, source: test}\n');
    write(join(dir2, 'kz-2025.yaml'), text);
    expect(loadCalendar(dir2).isWorkingDay(d('2025-12-31'))).toBe(false);
  });
});
