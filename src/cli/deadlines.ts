// metodika deadlines: the procedure's deadlines from a quarter, a year or the dates of its events,
// and the check of a calibration session's membership.

import { withPath } from '../io/errors.js';
import { regularFile } from '../io/files.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DayNumber, formatDate, loadCalendar, parseDate, parsePeriod, weekday, WEEKDAY_NAMES } from '../calendar/index.js';
import { checkMembership, computeDeadlines, type MembershipInput } from '../engine/calibration.js';
import { DEFAULT_SETTINGS, type ScoringConfig } from '../engine/config.js';
import { ConfigError, Engine } from '../engine/engine.js';
import { guard, parse, UsageError } from './args.js';
import { configErrorLines, oneLine, readConfig } from './score.js';

export const USAGE = `usage: metodika deadlines [--config SCORING.json] [--quarter 2025-Q1 | --year 2025]
                          [--received DATE] [--request DATE] [--signed DATE] [--at EVENT=DATE ...]
                          [--membership FILE.json] [--json]

  --config FILE      scoring configuration (default: configs/typical-b-2025.scoring.json)
  --quarter Q        the evaluation deadline of the quarter (and the annual one of its year)
  --year Y           the annual deadline of the year
  --received DATE    results received (or acquainted with): calibration request deadline, and the
                     decision and session deadlines counted from the latest request date
  --request DATE     the calibration request was filed: decision and session deadlines
  --signed DATE      the calibration protocol was signed: its posting deadline
  --at EVENT=DATE    any event a deadline of the configuration counts from
  --membership FILE  check a calibration session's membership: {"evaluated": ID, "evaluator": ID,
                     "members": [{"id": ID, "role": "evaluator" | "hr" | ...}]}
  --json             print JSON

Dates: YYYY-MM-DD or DD.MM.YYYY. "Within N working days of" an event counts from the day after
it. Exit code: 0 done; 1 error or invalid membership; 2 bad arguments.`;

function defaultConfigPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const c = join(dir, 'configs', 'typical-b-2025.scoring.json');
    if (existsSync(c)) return c;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('configs/typical-b-2025.scoring.json not found; give --config');
}

const EVENT_ALIASES: Record<'received' | 'request' | 'signed', string[]> = {
  received: ['results-received', 'acquainted', 'completed'],
  request: ['request'],
  signed: ['protocol-signed', 'signature', 'signed'],
};

function day(dn: DayNumber): string {
  return `${formatDate(dn)} (${WEEKDAY_NAMES[weekday(dn)]})`;
}

const OPTIONS = {
  config: { type: 'string' },
  quarter: { type: 'string' },
  year: { type: 'string' },
  received: { type: 'string' },
  request: { type: 'string' },
  signed: { type: 'string' },
  at: { type: 'string', multiple: true },
  membership: { type: 'string' },
  calendar: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(args: string[]): Promise<number> {
  return guard(USAGE, () => command(args), 'deadlines');
}

async function command(args: string[]): Promise<number> {
  const v = parse(args, OPTIONS, false).values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (!v.quarter && !v.year && !v.received && !v.request && !v.signed && !v.at?.length && !v.membership) {
    throw new UsageError('give --quarter, --year, an event date (--received, --request, --signed, --at) or --membership');
  }
  try {
    const events: Record<string, DayNumber> = {};
    const date = (flag: string, text: string): DayNumber => {
      const dn = parseDate(text);
      if (dn === undefined) throw new UsageError(`${flag}: "${text}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
      return dn;
    };
    for (const [flag, names] of Object.entries(EVENT_ALIASES)) {
      const t = v[flag as keyof typeof EVENT_ALIASES];
      if (t) for (const n of names) events[n] = date(`--${flag}`, t);
    }
    for (const a of v.at ?? []) {
      const m = /^([a-z0-9-]+)=(.+)$/i.exec(a);
      if (!m) throw new UsageError(`--at ${a}: write EVENT=DATE`);
      events[m[1]] = date('--at', m[2]);
    }
    const period = v.quarter ? parsePeriod(v.quarter) : undefined;
    if (v.quarter && (!period || period.kind !== 'quarter')) throw new UsageError(`--quarter: "${v.quarter}" is not a quarter (write 2025-Q1)`);
    let year: number | undefined;
    if (v.year) {
      if (!/^\d{4}$/.test(v.year)) throw new UsageError(`--year: "${v.year}" is not a year`);
      year = Number(v.year);
    }
    const configPath = v.config ?? defaultConfigPath();
    const config: ScoringConfig = readConfig(configPath);
    let engine: Engine;
    try {
      engine = new Engine(config);
    } catch (e) {
      if (e instanceof ConfigError) {
        console.error(configErrorLines(configPath, e));
        return 1;
      }
      throw e;
    }
    const cal = v.calendar ? loadCalendar(v.calendar) : engine.calendar;
    const dayOff = engine.settings['deadline-on-day-off'] ?? DEFAULT_SETTINGS['deadline-on-day-off'];
    const { deadlines, skipped } = computeDeadlines(config.deadlines ?? [], { period, year, events }, cal, dayOff);
    let membership: ReturnType<typeof checkMembership> | undefined;
    if (v.membership) {
      if (!config.calibration) throw new Error(`${config.id} states no rules for a calibration session's membership`);
      let m: MembershipInput;
      let text: string;
      try {
        regularFile(v.membership, 1 << 20);
        text = readFileSync(v.membership, 'utf8');
      } catch (e) {
        throw withPath(e, v.membership);
      }
      try {
        m = JSON.parse(text) as MembershipInput;
      } catch (e) {
        throw new Error(`${v.membership}: not valid JSON (${(e as Error).message})`);
      }
      if (!m || typeof m.evaluated !== 'string' || typeof m.evaluator !== 'string' || !Array.isArray(m.members) || !m.members.every((x) => x && typeof x.id === 'string' && typeof x.role === 'string')) {
        throw new Error(`${v.membership}: expected {"evaluated": ID, "evaluator": ID, "members": [{"id": ID, "role": ROLE}]}`);
      }
      membership = checkMembership(config.calibration, m, engine.cite);
    }
    if (v.json) {
      console.log(JSON.stringify({ config: config.id, calendar: cal.coverage, 'deadline-on-day-off': dayOff, deadlines, skipped, ...(membership ? { membership } : {}) }, null, 2));
    } else {
      const lines: string[] = [`${config.id}: deadlines (calendar ${cal.coverage.join(', ')}; a date on a day off: ${dayOff})`];
      for (const d of deadlines) {
        const dn = parseDate(d.date)!;
        const cites = engine.cite(d.implements);
        lines.push(`  ${d.id.padEnd(30)} ${day(dn)}  ${d.rule}${cites ? ` [${cites.join(', ')}]` : ''}`);
        if (d.adjusted) lines.push(`  ${''.padEnd(30)} ${d.adjusted.reason}: moved (${d.adjusted.reading})`);
        if (d.assumed) lines.push(`  ${''.padEnd(30)} ${d.assumed}`);
        for (const w of d.warnings ?? []) lines.push(`  ${''.padEnd(30)} warning: ${w}`);
      }
      const relevant = skipped.filter((s) => !(s.needs.startsWith('the date') && deadlines.length === 0 && !Object.keys(events).length));
      if (relevant.length && deadlines.length) lines.push(`  not computed: ${relevant.map((s) => `${s.id} (needs ${s.needs})`).join(', ')}`);
      if (membership) {
        lines.push(`calibration membership: ${membership.ok ? 'valid' : 'INVALID'}`);
        for (const e of membership.errors) lines.push(`  error: ${e}`);
        for (const w of membership.warnings) lines.push(`  warning: ${w}`);
      }
      console.log(lines.join('\n'));
    }
    return membership && !membership.ok ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    console.error(`metodika deadlines: ${oneLine(e)}`);
    return 1;
  }
}
