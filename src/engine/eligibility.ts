// Eligibility: a person is not evaluated when their time in the position within the period is
// shorter than N months, or when the period holds fewer than M working days actually worked.

import { type Calendar, type DayNumber, type Period, addMonths, formatDate } from '../calendar/index.js';
import type { EligibilityConfig, MonthInPost } from './config.js';
import type { TraceEntry } from './trace.js';

export interface EligibilityInput {
  period: Period;
  appointed?: DayNumber;
  dismissed?: DayNumber;
  daysWorked?: number;
}

export type EligibilityOutcome =
  | { eligible: true; trace: TraceEntry[] }
  | { eligible: false; code: 'not-in-post' | 'months-in-position' | 'working-days'; reason: string; trace: TraceEntry[] }
  | { eligible: 'error'; field: string; message: string };

const READING: Record<MonthInPost, string> = {
  inclusive:
    'a month in post is complete on the day before the same date of the next month, the day of appointment counted (setting month-in-post: inclusive)',
  'civil-code':
    'a term in months runs from the day after the appointment and ends on the same date of the last month, or that month\'s last day (setting month-in-post: civil-code)',
  'days-30': 'a month in post is 30 calendar days, the day of appointment counted (setting month-in-post: days-30)',
};

/** The last day of the span that completes `months` months in post starting on `start`. */
export function monthsCompleteOn(start: DayNumber, months: number, how: MonthInPost): DayNumber {
  switch (how) {
    case 'inclusive':
      return addMonths(start, months) - 1;
    case 'civil-code':
      return addMonths(start, months);
    case 'days-30':
      return start + 30 * months - 1;
  }
}

/**
 * The same decision as checkEligibility without building any text: true when eligible, false
 * when not, undefined when the caller must ask checkEligibility (a missing days_worked).
 */
export function eligibleFast(input: EligibilityInput, cfg: EligibilityConfig, how: MonthInPost): boolean | undefined {
  const { period } = input;
  const start = input.appointed === undefined || input.appointed < period.start ? period.start : input.appointed;
  const end = input.dismissed === undefined || input.dismissed > period.end ? period.end : input.dismissed;
  if (end < start) return false;
  const months = cfg['min-months-in-position'];
  if (months && end < monthsCompleteOn(start, months, how)) return false;
  const minDays = cfg['min-working-days'];
  if (minDays) {
    if (input.daysWorked === undefined) return undefined;
    if (input.daysWorked < minDays) return false;
  }
  return true;
}

export function checkEligibility(
  input: EligibilityInput,
  cfg: EligibilityConfig,
  how: MonthInPost,
  daysWhenMissing: 'calendar' | 'reject',
  cal: Calendar | undefined,
  cite: (ids?: string[]) => string[] | undefined,
): EligibilityOutcome {
  const { period } = input;
  const trace: TraceEntry[] = [];
  const start = Math.max(period.start, input.appointed ?? period.start);
  const end = Math.min(period.end, input.dismissed ?? period.end);
  const impl = cfg.implements;
  if (end < start) {
    const reason =
      input.appointed !== undefined && input.appointed > period.end
        ? `appointed on ${formatDate(input.appointed)}, after the period ${period.id}`
        : `dismissed on ${formatDate(input.dismissed!)}, before the period ${period.id}`;
    trace.push({ step: 'eligibility', op: 'eligibility', implements: impl, cites: cite(impl), out: 'not evaluated', note: reason });
    return { eligible: false, code: 'not-in-post', reason: `not in the position during ${period.id}: ${reason}`, trace };
  }
  const months = cfg['min-months-in-position'];
  if (months) {
    const due = monthsCompleteOn(start, months, how);
    const ok = end >= due;
    const note = `in the position ${formatDate(start)}..${formatDate(end)} within ${period.id}; ${months} month${months > 1 ? 's' : ''} complete on ${formatDate(due)}`;
    trace.push({
      step: 'eligibility.months',
      op: 'eligibility',
      implements: impl,
      cites: cite(impl),
      in: { appointed: input.appointed === undefined ? null : formatDate(input.appointed), dismissed: input.dismissed === undefined ? null : formatDate(input.dismissed) },
      out: ok ? 'ok' : 'not evaluated',
      note,
      readings: [{ id: 'month-in-post', text: READING[how] }],
    });
    if (!ok) {
      return {
        eligible: false,
        code: 'months-in-position',
        reason: `less than ${months} month${months > 1 ? 's' : ''} in the position within ${period.id} (${formatDate(start)}..${formatDate(end)}; would be complete on ${formatDate(due)})`,
        trace,
      };
    }
  }
  const minDays = cfg['min-working-days'];
  if (minDays) {
    let worked = input.daysWorked;
    let how2 = 'days_worked of the record';
    if (worked === undefined) {
      if (daysWhenMissing === 'reject' || !cal) {
        return { eligible: 'error', field: 'days_worked', message: `days_worked is required (the act requires at least ${minDays} working days actually worked)` };
      }
      worked = cal.workingDaysBetween(start, end);
      how2 = `no days_worked given: the calendar's working days in post ${formatDate(start)}..${formatDate(end)}, assuming no absence (setting days-worked-when-missing: calendar)`;
    }
    const ok = worked >= minDays;
    trace.push({
      step: 'eligibility.working-days',
      op: 'eligibility',
      implements: impl,
      cites: cite(impl),
      in: { days_worked: worked },
      out: ok ? 'ok' : 'not evaluated',
      note: `${worked} working days worked (${how2}); at least ${minDays} required`,
    });
    if (!ok) {
      return { eligible: false, code: 'working-days', reason: `${worked} working days actually worked in ${period.id}, fewer than ${minDays}`, trace };
    }
  }
  return { eligible: true, trace };
}
