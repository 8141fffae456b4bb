// The engine: a scoring configuration turned into something that scores records.

import { type Calendar, type DayNumber, type Period, formatDate, loadCalendar, parseDate, parsePeriod } from '../calendar/index.js';
import { type Arith, type Dec, Overflow, type Q, decimal, rational, scaled } from './arith.js';
import { DEFAULT_SETTINGS, type ScoringConfig, type Settings, type SheetConfig } from './config.js';
import { checkEligibility, eligibleFast } from './eligibility.js';
import { type InputBounds, boundsOf, isBlank, readInput } from './inputs.js';
import { type BuildContext, type Env, type Program, ProgramError, buildProgram } from './program.js';
import { type RouteInput, type RouteOk, type RouteFail, normalizeCategory, normalizeCategoryCached, route } from './routing.js';
import { validateConfigSchema } from './schema.js';
import { type CompiledTable, type ConfigDiagnostic, type Gap, checkTable, compileTable, numText } from './tables.js';
import type { TraceEntry } from './trace.js';
import type { AnnualResult, EvaluationRecord, FieldError, ScoreOutcome, ScoreResult } from './types.js';

const NO_SANCTIONS: string[] = [];

/** The number of enumerable keys (no array allocated; an inherited key only sends the caller to the slow path). */
function countKeys(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * A function reading a record's scores for one sheet with constant property names (fast property
 * access): the sheet's inputs go to raws[i]; the inputs of the other sheets are only looked at.
 * Returns how many of all the configuration's inputs the record has, or -1 when an input of
 * another sheet is filled in (the caller then reports it). Ids enter the code as JSON literals.
 */
function makeScanner(config: ScoringConfig, sheetId: string): (scores: Record<string, unknown>, raws: unknown[]) => number {
  const own = config.sheets[sheetId].inputs.map((i) => i.id);
  const others = [...new Set(Object.entries(config.sheets).flatMap(([id, sh]) => (id === sheetId ? [] : sh.inputs.map((i) => i.id))))].filter((id) => !own.includes(id));
  const lines = ['let n = 0, v, foreign = false;'];
  own.forEach((id, i) => lines.push(`v = s[${JSON.stringify(id)}]; r[${i}] = v; if (v !== undefined) n++;`));
  for (const id of others) lines.push(`v = s[${JSON.stringify(id)}]; if (v !== undefined) { n++; if (!blank(v)) foreign = true; }`);
  lines.push('return foreign ? -1 : n;');
  const f = new Function('blank', `return function scan(s, r) { ${lines.join(' ')} };`)(isBlank) as (scores: Record<string, unknown>, raws: unknown[]) => number;
  return f;
}

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 9) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function readDate(rec: EvaluationRecord, field: 'appointed' | 'dismissed', errors: FieldError[]): DayNumber | undefined {
  const raw = rec[field];
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const dn = typeof raw === 'string' ? parseDate(raw) : undefined;
  if (dn === undefined) errors.push({ field, message: `${field} "${raw}" is not a date (write YYYY-MM-DD or DD.MM.YYYY)` });
  return dn;
}

function annualResult(person: string, year: number, status: AnnualResult['status'], quarters: string[], reason: string): AnnualResult {
  return { person, year, status, final: undefined, grade: undefined, gradeLabel: undefined, quarters, reason, details: undefined, trace: undefined };
}

function abbreviate(codes: string[]): string {
  return codes.length <= 12 ? codes.join(', ') : `${codes.slice(0, 10).join(', ')}, … ${codes[codes.length - 1]}`;
}

export class ConfigError extends Error {
  constructor(readonly diagnostics: ConfigDiagnostic[]) {
    super(
      diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.path ? `${d.path}: ` : ''}${d.message}`)
        .join('\n'),
    );
  }
}

export interface EngineOptions {
  /** The working-day calendar; default: the package's calendar/ (loaded when first needed). */
  calendar?: Calendar;
  /** Record a trace of every step (default false). */
  trace?: boolean;
  /** auto (default): exact rationals on safe integers, falling back to decimal.js; decimal: always decimal.js. */
  arithmetic?: 'auto' | 'decimal';
  /** Validate the configuration against schemas/scoring.schema.json (default true). */
  validateSchema?: boolean;
}

interface Backend<V> {
  A: Arith<V>;
  sheets: Map<string, Program<V>>;
  annual?: Program<V>;
  bounds: Map<Program<V>, InputBounds<V>[]>;
}

const TRUE = new Set(['true', 'yes', '1', 'y', 'да', 'иә', 'ия']);
const FALSE = new Set(['false', 'no', '0', 'n', 'нет', 'жоқ']);

export function parseBool(raw: unknown): boolean | undefined | 'invalid' {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : 'invalid';
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (s === '') return undefined;
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
  }
  return 'invalid';
}

interface Prepared {
  person: string;
  period: Period;
  sheetId: string;
  sheet: SheetConfig;
  category?: string;
  evaluator?: string;
  route?: string;
  sanctions: string[];
  appointed?: DayNumber;
  dismissed?: DayNumber;
  daysWorked?: number;
  warnings?: string[];
  trace: TraceEntry[] | null;
}

export class Engine {
  readonly config: ScoringConfig;
  readonly settings: Required<Settings>;
  /** Warnings found when loading (e.g. gaps in the act's own tables). */
  readonly diagnostics: ConfigDiagnostic[];
  readonly gaps: Record<string, Gap[]> = {};
  private readonly fastest: Backend<number>;
  private readonly fast: Backend<Q>;
  private readonly slow: Backend<Dec>;
  private readonly useFast: boolean;
  private readonly traceDefault: boolean;
  private calendarValue: Calendar | undefined;
  private readonly sanctionKinds = new Map<string, string>();
  private readonly categories?: string[];
  private readonly categorySet?: Set<string>;
  private readonly routes = new Map<string, RouteOk | RouteFail>();
  private readonly routesByCategory = new Map<string | undefined, Array<RouteOk | RouteFail | undefined>>();
  private readonly wholePeriod = new Map<Period, boolean>();
  private readonly inputSlots = new Map<string, Map<string, number>>();
  private readonly scanners = new Map<string, (scores: Record<string, unknown>, raws: unknown[]) => number>();
  private readonly scanRaws: unknown[] = [];
  private readonly periods = new Map<string, Period | null>();
  private readonly yearSheets: Set<string>;

  constructor(config: ScoringConfig, opts: EngineOptions = {}) {
    const diagnostics: ConfigDiagnostic[] = opts.validateSchema === false ? [] : validateConfigSchema(config);
    if (diagnostics.some((d) => d.severity === 'error')) throw new ConfigError(diagnostics);
    this.config = config;
    this.settings = { ...DEFAULT_SETTINGS, ...config.settings };
    this.calendarValue = opts.calendar;
    this.traceDefault = !!opts.trace;
    this.useFast = opts.arithmetic !== 'decimal';
    for (const [id, t] of Object.entries(config.tables ?? {})) {
      const r = checkTable(id, t);
      diagnostics.push(...r.diagnostics);
      this.gaps[id] = r.gaps;
    }
    // Sanction kinds: the declared ones, and any a cap names.
    for (const s of config.sanctions ?? []) {
      this.sanctionKinds.set(s.kind.toLowerCase(), s.kind);
      for (const l of Object.values(s.label ?? {})) if (l) this.sanctionKinds.set(l.toLowerCase(), s.kind);
    }
    this.categories = config.categories?.codes.map(normalizeCategory);
    this.categorySet = this.categories ? new Set(this.categories) : undefined;
    for (const [id, sh] of Object.entries(config.sheets)) this.inputSlots.set(id, new Map(sh.inputs.map((inp, i) => [inp.id, i])));
    for (const id of Object.keys(config.sheets)) this.scanners.set(id, makeScanner(config, id));
    if (config.routing) {
      for (const [i, r] of config.routing.rules.entries()) {
        if (!config.sheets[r.sheet]) diagnostics.push({ severity: 'error', path: `routing.rules[${i}].sheet`, code: 'route-sheet', message: `routing rule "${r.route}" names unknown sheet "${r.sheet}"` });
        for (const c of r.categories ?? []) {
          const code = normalizeCategory(typeof c === 'string' ? c : c.category);
          if (this.categories && !this.categories.includes(code)) {
            diagnostics.push({ severity: 'error', path: `routing.rules[${i}].categories`, code: 'route-category', message: `routing rule "${r.route}" names category ${code}, which is not in categories.codes` });
          }
        }
      }
    }
    if (diagnostics.some((d) => d.severity === 'error')) throw new ConfigError(diagnostics);
    try {
      this.fast = this.build(rational, diagnostics);
      this.fastest = this.build(scaled, []);
      this.slow = this.build(decimal, diagnostics);
    } catch (e) {
      if (e instanceof ProgramError || e instanceof ConfigError) throw new ConfigError(diagnostics);
      throw e;
    }
    for (const step of Object.values(config.sheets).flatMap((s) => s.steps)) {
      if (step.op === 'cap') for (const c of step.caps) for (const k of c.sanctions) if (!this.sanctionKinds.has(k.toLowerCase())) this.sanctionKinds.set(k.toLowerCase(), k);
    }
    this.yearSheets = new Set(config.annual?.uses ?? []);
    this.diagnostics = diagnostics;
  }

  private build<V>(A: Arith<V>, diagnostics: ConfigDiagnostic[]): Backend<V> {
    const cfg = this.config;
    const tables = new Map<string, CompiledTable<V>>();
    for (const [id, t] of Object.entries(cfg.tables ?? {})) tables.set(id, compileTable(A, id, t, this.gaps[id] ?? []));
    const constants = new Map<string, V>();
    for (const [id, c] of Object.entries(cfg.constants ?? {})) {
      const v = A.parse(numText(c.value));
      if (v === undefined) {
        diagnostics.push({ severity: 'error', path: `constants.${id}`, code: 'constant', message: `constant "${id}" is not a number` });
        throw new ConfigError(diagnostics);
      }
      constants.set(id, v);
    }
    const ctx: BuildContext<V> = {
      A,
      settings: this.settings,
      tables,
      constants,
      points: cfg.points ?? {},
      readings: new Map((cfg.readings ?? []).map((r) => [r.id, r])),
      diagnostics: A.name === 'rational' ? diagnostics : [],
    };
    const sheets = new Map<string, Program<V>>();
    const bounds = new Map<Program<V>, InputBounds<V>[]>();
    for (const [id, s] of Object.entries(cfg.sheets)) {
      const p = buildProgram(ctx, { id, inputs: s.inputs, steps: s.steps, final: s.final, grade: s.grade, details: s.details }, `sheets.${id}`);
      sheets.set(id, p);
      bounds.set(p, s.inputs.map((i) => boundsOf(A, i)));
    }
    let annual: Program<V> | undefined;
    if (cfg.annual) {
      const an = cfg.annual;
      for (const u of an.uses ?? []) {
        if (!cfg.sheets[u] || cfg.sheets[u].period !== 'year') {
          diagnostics.push({ severity: 'error', path: 'annual.uses', code: 'annual-uses', message: `annual uses "${u}", which is not a yearly sheet` });
          throw new ConfigError(diagnostics);
        }
      }
      const inputs = [
        { id: 'quarters', type: 'list' as const, decimals: 15 },
        ...(an.uses ?? []).map((u) => ({ id: u, type: 'number' as const, decimals: 15 })),
      ];
      annual = buildProgram(ctx, { id: 'annual', inputs, steps: an.steps, final: an.final, grade: an.grade, details: an.details }, 'annual');
      bounds.set(annual, inputs.map((i) => boundsOf(A, i)));
    }
    return { A, sheets, annual, bounds };
  }

  get calendar(): Calendar {
    if (!this.calendarValue) this.calendarValue = loadCalendar();
    return this.calendarValue;
  }

  /** Points cited as in the act (e.g. "p. 6"), for ids. */
  cite = (ids?: string[]): string[] | undefined => {
    if (!ids || !this.config.points) return undefined;
    const out = ids.map((i) => this.config.points![i]).filter((x): x is string => !!x);
    return out.length ? out : undefined;
  };

  private period(text: string): Period | undefined {
    let p = this.periods.get(text);
    if (p === undefined) {
      p = parsePeriod(text) ?? null;
      if (this.periods.size < 10000) this.periods.set(text, p);
    }
    return p ?? undefined;
  }

  route(input: RouteInput): RouteOk | RouteFail {
    if (!this.config.routing) return { ok: false, field: 'category', error: 'this configuration has no routing rules' };
    if (input.position === undefined) {
      // The common case, without a string key: category -> [managerial true, false, unknown].
      let slot = this.routesByCategory.get(input.category);
      if (!slot) {
        slot = [undefined, undefined, undefined];
        if (this.routesByCategory.size < 10000) this.routesByCategory.set(input.category, slot);
      }
      const i = input.managerial === true ? 0 : input.managerial === false ? 1 : 2;
      return (slot[i] ??= route(this.config.routing, input, this.categories, this.settings['routing-precedence']));
    }
    const key = `${input.category}\u0000${input.managerial}\u0000${input.position}`;
    let r = this.routes.get(key);
    if (r === undefined) {
      r = route(this.config.routing, input, this.categories, this.settings['routing-precedence']);
      if (this.routes.size < 10000) this.routes.set(key, r);
    }
    return r;
  }

  /** Scores one record. Never throws for bad data: a bad record gives `{ok: false, rejection}`. */
  score(rec: EvaluationRecord, opts: { trace?: boolean } = {}): ScoreOutcome {
    const errors: FieldError[] = [];
    const prep = this.prepare(rec, errors, opts.trace ?? this.traceDefault);
    if (!prep || errors.length) {
      return { ok: false, rejection: { line: rec.line, person: typeof rec.person === 'string' ? rec.person : undefined, period: typeof rec.period === 'string' ? rec.period : undefined, errors } };
    }
    if (this.useFast) {
      // Millionths in plain numbers first (no trace), then exact fractions, then decimal.js: each
      // backend either computes exactly or throws Overflow, never rounds silently.
      if (!prep.trace) {
        const n = errors.length;
        try {
          return this.run(this.fastest, rec, prep, errors);
        } catch (e) {
          if (!(e instanceof Overflow)) throw e;
          errors.length = n;
        }
      }
      const n = errors.length;
      try {
        return this.run(this.fast, rec, prep, errors);
      } catch (e) {
        if (!(e instanceof Overflow)) throw e;
        if (prep.trace) prep.trace.length = 0;
        errors.length = n;
      }
    }
    return this.run(this.slow, rec, prep, errors);
  }

  private prepare(rec: EvaluationRecord, errors: FieldError[], wantTrace: boolean): Prepared | undefined {
    const cfg = this.config;
    const trace: TraceEntry[] | null = wantTrace ? [] : null;
    let warnings: string[] | undefined;
    const person = typeof rec.person === 'string' ? rec.person.trim() : typeof rec.person === 'number' ? String(rec.person) : '';
    if (!person) errors.push({ field: 'person', message: 'person is required' });
    const periodText = typeof rec.period === 'string' ? rec.period : rec.period === undefined || rec.period === null ? '' : String(rec.period);
    const period = this.period(periodText);
    if (!period) errors.push({ field: 'period', message: periodText.trim() ? `period "${periodText}" is not a period (write 2025-Q1 for a quarter, 2025 for a year)` : 'period is required' });

    let category: string | undefined;
    if (typeof rec.category === 'string' && rec.category.trim()) {
      category = normalizeCategoryCached(rec.category);
      if (this.categorySet && !this.categorySet.has(category)) {
        errors.push({ field: 'category', message: `unknown category "${rec.category}" (not in the configuration's ${this.categories!.length} codes: ${abbreviate(this.categories!)})` });
        category = undefined;
      }
    } else if (rec.category !== undefined && rec.category !== null && !(typeof rec.category === 'string')) {
      errors.push({ field: 'category', message: `category must be text, got ${JSON.stringify(rec.category)}` });
    }
    const managerial = parseBool(rec.managerial);
    if (managerial === 'invalid') errors.push({ field: 'managerial', message: `managerial must be true or false, got ${JSON.stringify(rec.managerial)}` });
    const position = typeof rec.position === 'string' && rec.position.trim() ? rec.position.trim() : undefined;

    let sheetId = typeof rec.sheet === 'string' ? rec.sheet.trim() : '';
    let evaluator: string | undefined;
    let routeId: string | undefined;
    if (sheetId && !cfg.sheets[sheetId]) {
      errors.push({ field: 'sheet', message: `unknown sheet "${sheetId}" (this configuration has: ${Object.keys(cfg.sheets).join(', ')})` });
      sheetId = '';
    }
    const routeWanted = cfg.routing && (!sheetId || category !== undefined) && !errors.some((e) => e.field === 'category' || e.field === 'managerial');
    if (routeWanted && !(sheetId && this.yearSheetNotRouted(sheetId))) {
      const r = this.route({ category, managerial: managerial === 'invalid' ? undefined : managerial, position });
      if (r.ok) {
        if (trace) trace.push({ step: 'route', op: 'route', implements: r.implements, cites: this.cite(r.implements), in: { category, managerial, position }, out: { sheet: r.sheet, evaluator: r.evaluator, rule: r.rule }, readings: [{ id: 'routing-precedence', text: r.reading }] });
        if (!sheetId) {
          sheetId = r.sheet;
          evaluator = r.evaluator;
          routeId = r.rule;
        } else if (r.sheet === sheetId) {
          evaluator = r.evaluator;
          routeId = r.rule;
        } else {
          const msg = `sheet "${sheetId}" differs from the one routing gives for ${category}${managerial === true ? ' (managerial)' : ''}: "${r.sheet}" (rule ${r.rule})`;
          const mode = this.settings['routing-check'];
          if (mode === 'error') errors.push({ field: 'sheet', message: msg });
          else if (mode === 'warn') (warnings ??= []).push(msg);
        }
      } else if (!sheetId) {
        errors.push({ field: r.field, message: r.error });
      } else if (r.field !== 'category' || category !== undefined) {
        (warnings ??= []).push(`routing not checked: ${r.error}`);
      }
    } else if (!sheetId && !errors.some((e) => e.field === 'sheet')) {
      if (Object.keys(cfg.sheets).length === 1) sheetId = Object.keys(cfg.sheets)[0];
      else if (!errors.some((e) => e.field === 'category')) errors.push({ field: 'sheet', message: 'sheet is required (no routing rules to choose it)' });
    }
    const sheet = sheetId ? cfg.sheets[sheetId] : undefined;
    if (sheet && period && sheet.period !== period.kind) {
      errors.push({ field: 'period', message: `sheet "${sheetId}" is filled for a ${sheet.period}, but period "${period.id}" is a ${period.kind}` });
    }

    const appointed = rec.appointed === undefined ? undefined : readDate(rec, 'appointed', errors);
    const dismissed = rec.dismissed === undefined ? undefined : readDate(rec, 'dismissed', errors);
    if (appointed !== undefined && dismissed !== undefined && dismissed < appointed) {
      errors.push({ field: 'dismissed', message: `dismissed ${formatDate(dismissed)} is before appointed ${formatDate(appointed)}` });
    }
    let daysWorked: number | undefined;
    const dw = rec.days_worked;
    if (!isBlank(dw)) {
      const n = typeof dw === 'number' ? dw : typeof dw === 'string' && isDigits(dw.trim()) ? Number(dw) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 366) errors.push({ field: 'days_worked', message: `days_worked ${JSON.stringify(dw)} must be a whole number of days from 0 to 366` });
      else daysWorked = n;
    }

    // Sanctions
    let sanctions: string[] = NO_SANCTIONS;
    const rawS = rec.sanctions;
    if (!isBlank(rawS) && !(Array.isArray(rawS) && rawS.length === 0)) {
      sanctions = [];
      const items: Array<string | { kind: string; date?: string }> = typeof rawS === 'string' ? rawS.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : Array.isArray(rawS) ? rawS : [];
      if (!Array.isArray(rawS) && typeof rawS !== 'string') errors.push({ field: 'sanctions', message: 'sanctions must be a list' });
      for (const it of items) {
        let kindText: string;
        let dateText: string | undefined;
        if (typeof it === 'string') {
          const at = it.indexOf('@');
          kindText = (at >= 0 ? it.slice(0, at) : it).trim();
          dateText = at >= 0 ? it.slice(at + 1).trim() : undefined;
        } else if (it && typeof it === 'object' && typeof it.kind === 'string') {
          kindText = it.kind;
          dateText = it.date;
        } else {
          errors.push({ field: 'sanctions', message: `sanction ${JSON.stringify(it)} must be a kind or {kind, date}` });
          continue;
        }
        const kind = this.sanctionKinds.get(kindText.toLowerCase());
        if (!kind) {
          errors.push({ field: 'sanctions', message: `unknown sanction "${kindText}" (known: ${[...new Set(this.sanctionKinds.values())].join(', ') || 'none'})` });
          continue;
        }
        if (dateText !== undefined) {
          const dn = parseDate(dateText);
          if (dn === undefined) {
            errors.push({ field: 'sanctions', message: `sanction date "${dateText}" is not a date` });
            continue;
          }
          if (period && (dn < period.start || dn > period.end) && this.settings['sanctions-outside-period'] === 'ignore') {
            if (trace) trace.push({ step: 'sanctions', op: 'filter', note: `${kind} of ${formatDate(dn)} is outside ${period.id}: not counted (only sanctions imposed in the evaluated period count; setting sanctions-outside-period: ignore)` });
            continue;
          }
        }
        sanctions.push(kind);
      }
    }
    if (errors.length || !period || !sheet) return undefined;

    // The calendar must cover the period when eligibility counts working days.
    const elig = cfg.eligibility;
    if (elig && elig['min-working-days'] && (!elig.sheets || elig.sheets.includes(sheetId))) {
      if (!this.calendar.covers(period.year)) {
        errors.push({ field: 'period', message: `period ${period.id} is outside the working-day calendar's years (${this.calendar.coverage.join(', ')})` });
        return undefined;
      }
    }
    return { person, period, sheetId, sheet, category, evaluator, route: routeId, sanctions, appointed, dismissed, daysWorked, warnings, trace };
  }

  private yearSheetNotRouted(sheetId: string): boolean {
    // Yearly sheets (e.g. a 360 survey, a work plan) are named by the record, not routed.
    return this.config.sheets[sheetId]?.period === 'year' && this.config.period === 'quarter';
  }

  private run<V>(be: Backend<V>, rec: EvaluationRecord, prep: Prepared, errors: FieldError[]): ScoreOutcome {
    const { A } = be;
    const prog = be.sheets.get(prep.sheetId)!;
    const trace = prep.trace;
    const cfg = this.config;
    const base = {} as ScoreResult;
    if (rec.line !== undefined) base.line = rec.line;
    base.person = prep.person;
    base.period = prep.period.id;
    base.sheet = prep.sheetId;
    if (prep.category) base.category = prep.category;
    if (prep.evaluator) base.evaluator = prep.evaluator;
    if (prep.route) base.route = prep.route;
    base.status = 'evaluated';
    // Eligibility
    let eligible = true;
    const elig = cfg.eligibility;
    let fast: boolean | undefined;
    if (elig && !trace && (!elig.sheets || elig.sheets.includes(prep.sheetId))) {
      if (prep.appointed === undefined && prep.dismissed === undefined && prep.daysWorked !== undefined) {
        // In post the whole period: only the working days can fail; the months are known per period.
        let whole = this.wholePeriod.get(prep.period);
        if (whole === undefined) {
          whole = eligibleFast({ period: prep.period, daysWorked: Number.MAX_SAFE_INTEGER }, elig, this.settings['month-in-post']) === true;
          this.wholePeriod.set(prep.period, whole);
        }
        fast = whole && prep.daysWorked >= (elig['min-working-days'] ?? 0) ? true : undefined;
      } else fast = eligibleFast({ period: prep.period, appointed: prep.appointed, dismissed: prep.dismissed, daysWorked: prep.daysWorked }, elig, this.settings['month-in-post']);
    }
    if (elig && fast !== true && (!elig.sheets || elig.sheets.includes(prep.sheetId))) {
      const needsCal = !!elig['min-working-days'];
      const e = checkEligibility(
        { period: prep.period, appointed: prep.appointed, dismissed: prep.dismissed, daysWorked: prep.daysWorked },
        elig,
        this.settings['month-in-post'],
        this.settings['days-worked-when-missing'],
        needsCal ? this.calendar : undefined,
        this.cite,
      );
      if (e.eligible === 'error') {
        errors.push({ field: e.field, message: e.message });
      } else {
        if (trace) trace.push(...e.trace);
        if (!e.eligible) {
          eligible = false;
          base.status = 'not-evaluated';
          base.reason = e.reason;
          base.reasonCode = e.code;
        }
      }
    }
    // Inputs: one pass over the record's scores (unknown keys are errors), then one per input.
    const scores = (rec.scores ?? {}) as Record<string, unknown>;
    // Scratch registers, reused: scoring is synchronous and results keep no reference to them.
    const regs = prog.scratch;
    for (let i = 0; i < regs.length; i++) regs[i] = undefined;
    const bounds = be.bounds.get(prog)!;
    const scan = this.scanners.get(prep.sheetId)!;
    const raws = this.scanRaws;
    const known = scan(scores, raws);
    // Every key of the record is an input of some sheet, and those of other sheets are blank:
    // nothing more to check. Otherwise look at each key (rare: JSON with extra keys, a mistake).
    if (known < 0 || countKeys(scores) !== known) {
      const slots = this.inputSlots.get(prep.sheetId)!;
      for (const key in scores) {
        if (!slots.has(key) && !isBlank(scores[key])) errors.push({ field: key, message: `"${key}" is not an input of sheet "${prep.sheetId}"` });
      }
    }
    for (let i = 0; i < prog.inputs.length; i++) {
      const { spec, reg } = prog.inputs[i];
      const raw = raws[i];
      if (isBlank(raw)) {
        if (spec.required === false || !eligible) {
          if (spec.default !== undefined) {
            const v = readInput(A, spec, bounds[i], spec.default);
            regs[reg] = v;
          } else if (spec.type === 'list') regs[reg] = [];
          continue;
        }
        errors.push({ field: spec.id, message: `${spec.id}: missing${spec.label?.ru ? ` («${spec.label.ru.slice(0, 60)}${spec.label.ru.length > 60 ? '…' : ''}»)` : ''}` });
        continue;
      }
      const v = readInput(A, spec, bounds[i], raw);
      if (v && typeof v === 'object' && 'error' in (v as object) && !Array.isArray(v)) errors.push({ field: spec.id, message: (v as { error: string }).error });
      else regs[reg] = v;
    }
    if (errors.length) return this.reject(rec, prep, errors);
    if (!eligible) {
      return { ok: true, result: this.finish(base, prep, A.name) };
    }
    const env: Env<V> = { regs, sanctions: prep.sanctions, category: prep.category, trace };
    const execs = prog.execs;
    for (let i = 0; i < execs.length; i++) {
      execs[i](env);
      if (env.stop) break;
    }
    if (env.stop?.kind === 'reject') return this.reject(rec, prep, [{ field: env.stop.field, message: env.stop.message }]);
    const fin = regs[prog.finalReg] as V | undefined;
    if (fin !== undefined) base.final = A.fixed(A.round(fin, this.settings.decimals, this.settings.rounding), this.settings.decimals);
    if (env.stop?.kind === 'gap') {
      base.status = 'gap';
      base.reason = env.stop.message;
      base.reasonCode = 'gap';
    } else if (prog.gradeReg !== undefined) {
      const g = regs[prog.gradeReg] as string;
      base.grade = g;
      const label = prog.bandLabels.get(g);
      if (label) base.gradeLabel = label;
    }
    if (env.cap) {
      base.cap = env.cap;
      base.capLowered = !!env.capLowered;
    }
    if (prog.details.length || env.extra) {
      const details: Record<string, unknown> = {};
      for (const d of prog.details) {
        const v = regs[d.reg];
        if (v === undefined) continue;
        details[d.name] = d.type === 'number' ? this.num(A, v as V) : d.type === 'list' ? (v as V[]).map((x) => this.num(A, x)) : d.type === 'range' ? this.range(A, v as { min: V; max: V }) : d.type === 'ranges' ? (v as Array<{ min: V; max: V }>).map((x) => this.range(A, x)) : v;
      }
      if (env.extra) Object.assign(details, env.extra);
      base.details = details;
    }
    return { ok: true, result: this.finish(base, prep, A.name) };
  }

  /** A number for results: with `decimals` places when it has no more, else exactly (or to 6 places with "…"). */
  private num<V>(A: Arith<V>, v: V): string {
    return A.decimalsOf(v) <= this.settings.decimals ? A.fixed(v, this.settings.decimals) : A.show(v);
  }

  private range<V>(A: Arith<V>, r: { min: V; max: V }): string {
    return `${this.num(A, r.min)}–${this.num(A, r.max)}`;
  }

  private finish(base: ScoreResult, prep: Prepared, arith: 'scaled' | 'rational' | 'decimal'): ScoreResult {
    if (prep.warnings) base.warnings = prep.warnings;
    if (prep.trace) {
      base.trace = prep.trace;
      base.arithmetic = arith;
    } else if (arith === 'decimal' && this.useFast) base.arithmetic = arith;
    return base;
  }

  private reject(rec: EvaluationRecord, prep: Prepared, errors: FieldError[]): ScoreOutcome {
    return { ok: false, rejection: { line: rec.line, person: prep.person, period: prep.period.id, errors } };
  }

  // ---- annual ----

  /** A new accumulator of quarterly results forming the year's results. */
  annual(opts: { trace?: boolean } = {}): AnnualAccumulator {
    return new AnnualAccumulator(this, opts.trace ?? this.traceDefault);
  }

  /** @internal Runs the annual formula for one person-year. */
  runAnnual(person: string, year: number, quarters: Array<{ period: string; final: string }>, uses: Map<string, string>, wantTrace: boolean): AnnualResult {
    const an = this.config.annual;
    if (!an) throw new Error('this configuration has no annual formula');
    const sorted = quarters.length > 1 ? [...quarters].sort((a, b) => (a.period < b.period ? -1 : 1)) : quarters;
    const periods = sorted.map((q) => q.period);
    const minCount = an.quarters?.['min-count'] ?? 1;
    if (sorted.length < minCount) {
      const reason = sorted.length === 0 ? `no evaluated quarter in ${year}` : `${sorted.length} evaluated quarter(s) in ${year}, at least ${minCount} required`;
      return annualResult(person, year, 'not-evaluated', periods, reason);
    }
    for (const u of an.uses ?? []) {
      if (!uses.has(u)) return annualResult(person, year, 'incomplete', periods, `no result of sheet "${u}" for ${year}`);
    }
    if (this.useFast) {
      if (!wantTrace) {
        try {
          return this.annualOn(this.fastest, person, year, sorted, periods, uses, false);
        } catch (e) {
          if (!(e instanceof Overflow)) throw e;
        }
      }
      try {
        return this.annualOn(this.fast, person, year, sorted, periods, uses, wantTrace);
      } catch (e) {
        if (!(e instanceof Overflow)) throw e;
      }
    }
    return this.annualOn(this.slow, person, year, sorted, periods, uses, wantTrace);
  }

  private annualOn<V>(
    be: Backend<V>,
    person: string,
    year: number,
    sorted: Array<{ period: string; final: string }>,
    periods: string[],
    uses: Map<string, string>,
    wantTrace: boolean,
  ): AnnualResult {
    const { A } = be;
    const an = this.config.annual!;
    const prog = be.annual!;
    const regs = prog.scratch;
    for (let i = 0; i < regs.length; i++) regs[i] = undefined;
    const qs: V[] = new Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) qs[i] = A.parse(sorted[i].final)!;
    regs[prog.inputs[0].reg] = qs;
    for (let i = 1; i < prog.inputs.length; i++) regs[prog.inputs[i].reg] = A.parse(uses.get(prog.inputs[i].spec.id)!)!;
    const trace: TraceEntry[] | null = wantTrace ? [{ step: 'quarters', op: 'input', implements: an.implements, cites: this.cite(an.implements), out: sorted.map((q) => `${q.period}: ${q.final}`) }] : null;
    const env: Env<V> = { regs, sanctions: NO_SANCTIONS, trace };
    for (const ex of prog.execs) {
      ex(env);
      if (env.stop) break;
    }
    const fin = regs[prog.finalReg] as V | undefined;
    const final = fin === undefined ? undefined : A.fixed(A.round(fin, this.settings.decimals, this.settings.rounding), this.settings.decimals);
    let status: AnnualResult['status'] = 'evaluated';
    let reason: string | undefined;
    let grade: string | undefined;
    let gradeLabel: AnnualResult['gradeLabel'];
    if (env.stop) {
      status = env.stop.kind === 'gap' ? 'gap' : 'incomplete';
      reason = env.stop.message;
    } else if (prog.gradeReg !== undefined) {
      grade = regs[prog.gradeReg] as string;
      gradeLabel = prog.bandLabels.get(grade);
    }
    let details: Record<string, unknown> | undefined;
    if (prog.details.length) {
      details = {};
      for (const d of prog.details) if (regs[d.reg] !== undefined) details[d.name] = d.type === 'number' ? this.num(A, regs[d.reg] as V) : regs[d.reg];
    }
    return { person, year, status, final, grade, gradeLabel, quarters: periods, reason, details, trace: trace ?? undefined };
  }

  /** @internal Whether a yearly sheet's result feeds the annual formula. */
  isYearSheetUsed(sheet: string): boolean {
    return this.yearSheets.has(sheet);
  }

  /** @internal Whether quarterly results of this sheet form `quarters`. */
  isQuarterSheet(sheet: string): boolean {
    const q = this.config.annual?.quarters?.sheets;
    return this.config.sheets[sheet]?.period === 'quarter' && (!q || q.includes(sheet));
  }
}

interface AnnualGroup {
  person: string;
  year: number;
  quarters: Array<{ period: string; final: string }>;
  uses: Map<string, string> | undefined;
}

const NO_USES = new Map<string, string>();

/**
 * Collects quarterly (and yearly-sheet) results, then forms each person's annual result. Memory
 * grows with the number of persons (one small record each), not with the number of rows.
 */
export class AnnualAccumulator {
  private readonly years = new Map<number, Map<string, AnnualGroup>>();
  private count = 0;
  constructor(
    private readonly engine: Engine,
    private readonly trace: boolean,
  ) {}

  /** Adds a result; results that cannot count (not evaluated, no final score) only register the person. */
  add(r: ScoreResult): void {
    const p = r.period;
    const year = (p.charCodeAt(0) - 48) * 1000 + (p.charCodeAt(1) - 48) * 100 + (p.charCodeAt(2) - 48) * 10 + (p.charCodeAt(3) - 48);
    const q = this.engine.isQuarterSheet(r.sheet);
    const u = !q && this.engine.isYearSheetUsed(r.sheet);
    if (!q && !u) return;
    let persons = this.years.get(year);
    if (!persons) {
      persons = new Map();
      this.years.set(year, persons);
    }
    let g = persons.get(r.person);
    if (!g) {
      // Every person with a record gets an annual result, "not evaluated" when no quarter counts.
      g = { person: r.person, year, quarters: [], uses: undefined };
      persons.set(r.person, g);
      this.count++;
    }
    if (r.final === undefined || r.status === 'not-evaluated') return;
    if (q) g.quarters.push({ period: r.period, final: r.final });
    else (g.uses ??= new Map()).set(r.sheet, r.final);
  }

  get size(): number {
    return this.count;
  }

  /** The annual results: by year in the order first seen, and by person in the order first seen. */
  *results(): Generator<AnnualResult> {
    for (const persons of this.years.values()) {
      for (const g of persons.values()) yield this.engine.runAnnual(g.person, g.year, g.quarters, g.uses ?? NO_USES, this.trace);
    }
  }
}

/** Builds an engine, throwing ConfigError with diagnostics when the configuration is invalid. */
export function createEngine(config: ScoringConfig, opts?: EngineOptions): Engine {
  return new Engine(config, opts);
}
