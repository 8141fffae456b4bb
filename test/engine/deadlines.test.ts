// Deadlines and the calibration membership.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDayOffRule, dayOfNextMonth, fixedDate, formatDate, loadCalendar, parseDate, parsePeriod, workingDaysAfter } from '../../src/calendar/index.js';
import { checkMembership, computeDeadlines } from '../../src/engine/calibration.js';
import type { ScoringConfig } from '../../src/engine/config.js';

const ROOT = join(import.meta.dirname, '..', '..');
const cal = loadCalendar();
const d = (s: string) => parseDate(s)!;
const typical: ScoringConfig = JSON.parse(readFileSync(join(ROOT, 'configs', 'typical-b-2025.scoring.json'), 'utf8'));

describe('evaluation deadlines', () => {
  it('the 20th of the month after the quarter, moved off a day off by the setting', () => {
    const q1 = parsePeriod('2025-Q1')!;
    expect(dayOfNextMonth('e', q1, { day: 20 }, [], cal, 'next-working-day').date).toBe('2025-04-21'); // 20 Apr 2025 is a Sunday
    expect(dayOfNextMonth('e', q1, { day: 20 }, [], cal, 'previous-working-day').date).toBe('2025-04-18');
    const asIs = dayOfNextMonth('e', q1, { day: 20 }, [], cal, 'as-is');
    expect(asIs.date).toBe('2025-04-20');
    expect(asIs.warnings?.[0]).toMatch(/day off/);
    expect(dayOfNextMonth('e', parsePeriod('2025-Q2')!, { day: 20 }, [], cal, 'next-working-day').date).toBe('2025-07-21'); // 20 Jul: Sunday
    expect(dayOfNextMonth('e', parsePeriod('2025-Q3')!, { day: 20 }, [], cal, 'next-working-day').date).toBe('2025-10-20');
    expect(dayOfNextMonth('e', parsePeriod('2025-Q4')!, { day: 20 }, [], cal, 'next-working-day').date).toBe('2026-01-20');
  });
  it('the annual result by 30 January of the next year', () => {
    expect(fixedDate('a', 2025, { month: 1, day: 30 }, [], cal, 'next-working-day').date).toBe('2026-01-30');
    expect(fixedDate('a', 2024, { month: 1, day: 30 }, [], cal, 'next-working-day').date).toBe('2025-01-30');
  });
  it('an exception for the fourth quarter (the 2017 act: by 10 December)', () => {
    const q4 = parsePeriod('2025-Q4')!;
    const r = dayOfNextMonth('e', q4, { day: 10, overrides: [{ quarter: 4, month: 12, day: 10, yearOffset: 0 }] }, [], cal, 'next-working-day');
    expect(r.date).toBe('2025-12-10');
  });
  it('a day off explains itself', () => {
    const r = applyDayOffRule('x', d('2025-03-24'), 'r', [], cal, 'next-working-day');
    expect(r.date).toBe('2025-03-26');
    expect(r.adjusted?.reason).toMatch(/Nauryz moved from 2025-03-22/);
  });
});

describe('working-day deadlines (counted from the day after the event)', () => {
  it('calibration request 5, decision 3, session 10, protocol 3 working days', () => {
    const out = computeDeadlines(
      [
        { deadline: 'calibration-request', 'working-days': 5, from: 'results-received' },
        { deadline: 'calibration-decision', 'working-days': 3, from: 'request' },
        { deadline: 'calibration-session', 'working-days': 10, from: 'request' },
        { deadline: 'protocol-posting', 'working-days': 3, from: 'protocol-signed' },
      ],
      { events: { 'results-received': d('2025-04-21'), request: d('2025-04-24'), 'protocol-signed': d('2025-05-06') } },
      cal,
      'next-working-day',
    );
    // 21 Apr -> 22, 23, 24, 25, 28 Apr. Request 24 Apr -> 25, 28, 29 (decision); session: 25, 28, 29, 30 Apr, 2, 5, 6, 8, 12, 13 May (1, 7, 9 May off).
    expect(out.deadlines.map((x) => [x.id, x.date])).toEqual([
      ['calibration-request', '2025-04-28'],
      ['calibration-decision', '2025-04-29'],
      ['calibration-session', '2025-05-13'],
      ['protocol-posting', '2025-05-13'], // 6 May -> 8, 12, 13 May (7 and 9 May are holidays)
    ]);
  });
  it('without the request date, the decision and session count from the latest allowed request, marked as assumed', () => {
    const out = computeDeadlines(typical.deadlines!, { events: { 'results-received': d('2025-04-21') } }, cal, 'next-working-day');
    const session = out.deadlines.find((x) => x.id === 'calibration-session')!;
    expect(session.assumed).toMatch(/assumed filed on the last day allowed, 2025-04-28/);
    expect(session.date).toBe(formatDate(cal.addWorkingDays(d('2025-04-28'), 10)));
    expect(out.skipped.map((s) => s.id)).toContain('protocol-posting');
  });
  it('counting across the disputed 31 August 2026 warns', () => {
    const r = workingDaysAfter('p', d('2026-08-27'), 3, 'signature', [], cal);
    expect(r.date).toBe('2026-09-02');
    expect(r.warnings?.[0]).toMatch(/2026-08-31 .*disputed/);
  });
  it('a year the calendar does not cover is a clear error', () => {
    expect(() => workingDaysAfter('p', d('2026-12-28'), 5, 'x', [], cal)).toThrow(/2027 is not covered/);
    expect(() => dayOfNextMonth('e', parsePeriod('2026-Q4')!, { day: 20 }, [], cal, 'next-working-day')).toThrow(/2027 is not covered/);
  });
});

describe('calibration membership (p. 20)', () => {
  const rules = typical.calibration!;
  const m = (members: Array<[string, string]>) => checkMembership(rules, { evaluated: 'P', evaluator: 'E', members: members.map(([id, role]) => ({ id, role })) });
  it('three members: two other evaluators and an HR officer - valid', () => {
    expect(m([['E2', 'evaluator'], ['E3', 'evaluator'], ['H', 'hr']])).toEqual({ ok: true, errors: [], warnings: [] });
  });
  it('an even number is invalid', () => {
    expect(m([['E2', 'evaluator'], ['E3', 'evaluator'], ['E4', 'evaluator'], ['H', 'hr']]).errors.join()).toMatch(/must be odd/);
  });
  it('fewer than three is invalid', () => {
    expect(m([['H', 'hr']]).errors.join()).toMatch(/at least 3/);
  });
  it('neither the evaluated person nor their evaluator may sit', () => {
    const r = m([['E', 'evaluator'], ['P', 'evaluator'], ['H', 'hr']]);
    expect(r.errors.join('\n')).toMatch(/P, who disagrees/);
    expect(r.errors.join('\n')).toMatch(/E, who gave the score/);
  });
  it('an HR officer must sit, and evaluators', () => {
    expect(m([['E2', 'evaluator'], ['E3', 'evaluator'], ['E4', 'evaluator']]).errors.join()).toMatch(/"hr"/);
    expect(m([['H1', 'hr'], ['H2', 'hr'], ['H3', 'hr']]).errors.join()).toMatch(/"evaluator"/);
  });
  it('other roles are reported, a member listed twice is an error', () => {
    expect(m([['E2', 'evaluator'], ['L', 'lawyer'], ['H', 'hr']]).warnings.join()).toMatch(/lawyer/);
    expect(m([['E2', 'evaluator'], ['E2', 'evaluator'], ['H', 'hr']]).errors.join()).toMatch(/listed twice/);
  });
});
