// Calibration sessions: deadlines from the events of the procedure, and the check of a session's
// membership (typical methodology, points 11, 20, 21, 23).

import { type Calendar, type DayNumber, type Period, dayOfNextMonth, fixedDate, formatDate, workingDaysAfter, type ComputedDeadline } from '../calendar/index.js';
import type { CalibrationConfig, DeadlineConfig, DayOffRule } from './config.js';

export interface Member {
  id: string;
  /** evaluator, hr, or another role. */
  role: string;
}

export interface MembershipInput {
  /** The person who disagrees with their score. */
  evaluated: string;
  /** The person who evaluated them. */
  evaluator: string;
  members: Member[];
}

export interface MembershipCheck {
  ok: boolean;
  errors: string[];
  warnings: string[];
}

/** Checks a calibration session's membership against the configuration's rules. */
export function checkMembership(rules: CalibrationConfig, m: MembershipInput, cite: (ids?: string[]) => string[] | undefined = () => undefined): MembershipCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const where = cite(rules.implements)?.join(', ');
  const at = where ? ` (${where})` : '';
  const ids = m.members.map((x) => x.id);
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) errors.push(`member${dup.length > 1 ? 's' : ''} listed twice: ${[...new Set(dup)].join(', ')}`);
  const n = new Set(ids).size;
  if (n < rules['min-members']) errors.push(`${n} member${n === 1 ? '' : 's'}; at least ${rules['min-members']} required${at}`);
  if (rules.odd && n % 2 === 0) errors.push(`${n} members: the number must be odd${at}`);
  if (rules['exclude-evaluated'] && ids.includes(m.evaluated)) errors.push(`${m.evaluated}, who disagrees with the score, may not sit on the session${at}`);
  if (rules['exclude-evaluator'] && ids.includes(m.evaluator)) errors.push(`${m.evaluator}, who gave the score, may not sit on the session${at}`);
  for (const role of rules['required-roles'] ?? []) {
    if (!m.members.some((x) => x.role === role && x.id !== m.evaluated && x.id !== m.evaluator)) {
      errors.push(`no member with the role "${role}"${role === 'hr' ? ' (an HR officer must sit)' : role === 'evaluator' ? ' (evaluators sit on the session)' : ''}${at}`);
    }
  }
  if (rules['allowed-roles']) {
    for (const x of m.members) {
      if (!rules['allowed-roles'].includes(x.role)) warnings.push(`${x.id} has the role "${x.role}"; the act names evaluators and an HR officer as members`);
    }
  }
  return { ok: errors.length === 0, errors, warnings };
}

export interface DeadlineRequest {
  /** For day-of-next-month deadlines. */
  period?: Period;
  /** For fixed-date deadlines of a year (default: the period's year). */
  year?: number;
  /** Event dates by name (results-received, request, protocol-signed, ...). */
  events: Record<string, DayNumber>;
}

export interface DeadlineOutput extends ComputedDeadline {
  label?: string;
  /** The event date was assumed (the latest the procedure allows), not given. */
  assumed?: string;
}

/**
 * Computes every deadline of the configuration that the request allows. A deadline counted from
 * an event that was not given but that an earlier deadline bounds (a calibration request must be
 * filed by its deadline) is computed from that bound and marked `assumed`.
 */
export function computeDeadlines(
  deadlines: DeadlineConfig[],
  req: DeadlineRequest,
  cal: Calendar,
  dayOff: DayOffRule,
): { deadlines: DeadlineOutput[]; skipped: Array<{ id: string; needs: string }> } {
  const out: DeadlineOutput[] = [];
  const skipped: Array<{ id: string; needs: string }> = [];
  const events = { ...req.events };
  const assumed = new Map<string, string>();
  for (const d of deadlines) {
    const label = d.label?.en ?? d.label?.ru ?? d.label?.kk;
    const impl = d.implements ?? [];
    if (d['day-of-next-month'] !== undefined) {
      if (!req.period || req.period.kind !== 'quarter') {
        skipped.push({ id: d.deadline, needs: '--quarter' });
        continue;
      }
      out.push({
        ...dayOfNextMonth(d.deadline, req.period, { day: d['day-of-next-month'], overrides: d.overrides?.map((o) => ({ quarter: o.quarter, month: o.month, day: o.day, yearOffset: o['year-offset'] })) }, impl, cal, dayOff),
        ...(label ? { label } : {}),
      });
    } else if (d.month !== undefined && d.day !== undefined) {
      const year = req.year ?? req.period?.year;
      if (year === undefined) {
        skipped.push({ id: d.deadline, needs: '--year or --quarter' });
        continue;
      }
      out.push({ ...fixedDate(d.deadline, year, { month: d.month, day: d.day, yearOffset: d['year-offset'] }, impl, cal, dayOff), ...(label ? { label } : {}) });
    } else if (d['working-days'] !== undefined && d.from) {
      const ev = events[d.from];
      if (ev === undefined) {
        skipped.push({ id: d.deadline, needs: `the date of "${d.from}"` });
        continue;
      }
      const c: DeadlineOutput = { ...workingDaysAfter(d.deadline, ev, d['working-days'], d.from.replace(/-/g, ' '), impl, cal), ...(label ? { label } : {}) };
      if (assumed.has(d.from)) c.assumed = assumed.get(d.from);
      out.push(c);
      // A calibration request must be filed by its deadline: later steps can count from that bound.
      if (/^calibration-request/.test(d.deadline) && events.request === undefined) {
        events.request = cal.addWorkingDays(ev, d['working-days']);
        assumed.set('request', `the request is assumed filed on the last day allowed, ${formatDate(events.request)}; give its real date for exact deadlines`);
      }
    }
  }
  return { deadlines: out, skipped };
}
