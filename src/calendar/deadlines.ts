// Deadlines: a day of the month after a period, a fixed date of a year, or N working days after
// an event (counted from the day after it).

import { Calendar } from './calendar.js';
import { type DayNumber, type Period, civil, dayNumber, daysInMonth, formatDate } from './date.js';

/**
 * What to do when a deadline stated as a calendar date falls on a day off.
 * - `next-working-day` (default): the deadline moves to the next working day (the civil-law rule
 *   that a term ending on a non-working day ends on the next working day).
 * - `previous-working-day`: the conservative planning reading: be done before the day off.
 * - `as-is`: keep the date as written.
 * A deadline counted in working days always ends on a working day, so the rule does not apply.
 */
export type DayOffRule = 'next-working-day' | 'previous-working-day' | 'as-is';

export interface ComputedDeadline {
  id: string;
  date: string;
  /** How it was computed, in words. */
  rule: string;
  implements: string[];
  /** Set when the date as written fell on a day off and was moved. */
  adjusted?: { from: string; reason: string; reading: string };
  warnings?: string[];
}

/** A date of the month `offset` months after the period's last month. */
function monthAfter(period: Period, offset = 1): { year: number; month: number } {
  const c = civil(period.end);
  const total = c.year * 12 + (c.month - 1) + offset;
  return { year: Math.floor(total / 12), month: (total % 12) + 1 };
}

export function applyDayOffRule(
  id: string,
  dn: DayNumber,
  rule: string,
  implementsIds: string[],
  cal: Calendar | undefined,
  dayOff: DayOffRule,
): ComputedDeadline {
  const out: ComputedDeadline = { id, date: formatDate(dn), rule, implements: implementsIds };
  if (!cal || dayOff === 'as-is') {
    if (cal && !cal.isWorkingDay(dn)) {
      const info = cal.describe(dn);
      out.warnings = [`${out.date} is a day off (${info.why ?? info.kind}); kept as written (setting deadline-on-day-off: as-is)`];
    }
    return out;
  }
  if (cal.isWorkingDay(dn)) return out;
  const info = cal.describe(dn);
  const moved = dayOff === 'next-working-day' ? cal.nextWorkingDay(dn) : cal.previousWorkingDay(dn);
  out.date = formatDate(moved);
  out.adjusted = {
    from: formatDate(dn),
    reason: `${formatDate(dn)} is a day off (${info.why ?? info.kind})`,
    reading:
      dayOff === 'next-working-day'
        ? 'a term ending on a day off ends on the next working day (setting deadline-on-day-off: next-working-day)'
        : 'be done on the last working day before the day off (setting deadline-on-day-off: previous-working-day)',
  };
  return out;
}

export interface MonthDayRule {
  day: number;
  /** Months after the period's last month (default 1: "the month following the quarter"). */
  monthOffset?: number;
  /** Per-quarter exceptions, e.g. the 2017 SJC act: Q4 by 10 December of the same year. */
  overrides?: Array<{ quarter: 1 | 2 | 3 | 4; month: number; day: number; yearOffset?: number }>;
}

/** "No later than the Nth day of the month following the period." */
export function dayOfNextMonth(
  id: string,
  period: Period,
  rule: MonthDayRule,
  implementsIds: string[],
  cal: Calendar | undefined,
  dayOff: DayOffRule,
): ComputedDeadline {
  const ov = period.quarter ? rule.overrides?.find((o) => o.quarter === period.quarter) : undefined;
  if (ov) {
    const y = period.year + (ov.yearOffset ?? 0);
    const dn = dayNumber(y, ov.month, Math.min(ov.day, daysInMonth(y, ov.month)));
    return applyDayOffRule(id, dn, `${ov.day}.${String(ov.month).padStart(2, '0')} for Q${ov.quarter} (exception)`, implementsIds, cal, dayOff);
  }
  const { year, month } = monthAfter(period, rule.monthOffset ?? 1);
  const dn = dayNumber(year, month, Math.min(rule.day, daysInMonth(year, month)));
  return applyDayOffRule(id, dn, `day ${rule.day} of the month after ${period.id}`, implementsIds, cal, dayOff);
}

/** A fixed date (e.g. 30 January) of the year after (yearOffset 1) or of the evaluated year (0). */
export function fixedDate(
  id: string,
  year: number,
  rule: { month: number; day: number; yearOffset?: number },
  implementsIds: string[],
  cal: Calendar | undefined,
  dayOff: DayOffRule,
): ComputedDeadline {
  const y = year + (rule.yearOffset ?? 1);
  const dn = dayNumber(y, rule.month, Math.min(rule.day, daysInMonth(y, rule.month)));
  return applyDayOffRule(
    id,
    dn,
    `${rule.day}.${String(rule.month).padStart(2, '0')} of ${rule.yearOffset === 0 ? 'the evaluated year' : 'the following year'}`,
    implementsIds,
    cal,
    dayOff,
  );
}

/** "Within N working days of" an event: the N-th working day after it, counting from the day after. */
export function workingDaysAfter(
  id: string,
  event: DayNumber,
  days: number,
  fromLabel: string,
  implementsIds: string[],
  cal: Calendar,
): ComputedDeadline {
  const dn = cal.addWorkingDays(event, days);
  const out: ComputedDeadline = {
    id,
    date: formatDate(dn),
    rule: `${days} working days after ${fromLabel} ${formatDate(event)}, counted from the day after`,
    implements: implementsIds,
  };
  const disputed = cal.disputedBetween(event + 1, dn);
  if (disputed.length) {
    out.warnings = disputed.map(
      (d) => `the count treats ${d.date} as a day off (${d.why ?? d.kind}); its status is disputed, see calendar/kz-${d.date.slice(0, 4)}.yaml`,
    );
  }
  return out;
}
