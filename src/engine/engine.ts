// The engine: a scoring configuration turned into something that scores records.

import { type Calendar, type DayNumber, type Period, formatDate, loadCalendar, parseDate, parsePeriod } from '../calendar/index.js';
import { type Arith, type Dec, Overflow, type Q, decimal, rational, scaled } from './arith.js';
import { DEFAULT_SETTINGS, type EligibilityConfig, type ScoringConfig, type Settings, type SheetConfig } from './config.js';
import { checkEligibility, eligibleFast } from './eligibility.js';
import { type InputBounds, boundsOf, isBlank, readInput, trimmed } from './inputs.js';
import { type BuildContext, type Program, ProgramError, buildProgram } from './program.js';
import { type RouteInput, type RouteOk, type RouteFail, normalizeCategory, normalizeCategoryCached, route } from './routing.js';
import { validateConfigSchema } from './schema.js';
import { type CompiledTable, type ConfigDiagnostic, type Gap, checkTable, compileTable, numText } from './tables.js';
import { AnnualAccumulator } from './annual.js';
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

/** The value of 1 to 9 decimal digits; NaN for anything else. */
function digitsValue(s: string): number {
  if (s.length === 0 || s.length > 9) return NaN;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The items of a list written as text ("remark; reprimand@2025-02-10"): trimmed, blanks left out. */
function listItems(s: string): string[] {
  if (s.indexOf(';') < 0 && s.indexOf(',') < 0) {
    const t = trimmed(s);
    return t ? [t] : [];
  }
  return s.split(/[;,]/).map((x) => x.trim()).filter(Boolean);
}

function readDate(rec: EvaluationRecord, field: 'appointed' | 'dismissed', errors: FieldError[]): DayNumber | undefined {
  const raw = rec[field];
  if (raw === undefined || raw === null || (typeof raw === 'string' && trimmed(raw) === '')) return undefined;
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

/** A program compiled on one arithmetic backend, with its inputs' bounds on that backend. */
interface Compiled<V> {
  A: Arith<V>;
  prog: Program<V>;
  bounds: InputBounds<V>[];
}

interface Backend<V> {
  A: Arith<V>;
  sheets: Map<string, Compiled<V>>;
  annual?: Compiled<V>;
}

/** A sheet with everything scoring it needs, looked up once rather than per record. */
interface SheetPlan {
  id: string;
  sheet: SheetConfig;
  /** Eligibility applies to this sheet. */
  eligibility: EligibilityConfig | undefined;
  /** Eligibility counts working days: the period must lie within the calendar's years. */
  needsCalendar: boolean;
  /** Yearly sheets (e.g. a 360 survey, a work plan) are named by the record, not routed. */
  notRouted: boolean;
  scan: (scores: Record<string, unknown>, raws: unknown[]) => number;
  slots: Map<string, number>;
  fastest: Compiled<number>;
  fast: Compiled<Q>;
  slow: Compiled<Dec>;
}

/** A period text as read, with what depends only on the period. */
interface PeriodEntry {
  period: Period;
  /** The calendar covers the period's year (computed when first needed). */
  covered?: boolean;
  /** In post the whole period is enough for eligibility, working days aside (computed when first needed). */
  whole?: boolean;
}

/** A route, with the plan of its sheet. */
interface Routed {
  route: RouteOk | RouteFail;
  plan: SheetPlan | undefined;
}

/** A category text as read: its code, whether the configuration knows it, and its routes by managerial true/false/unknown. */
interface CategoryEntry {
  code: string;
  known: boolean;
  routes: Array<Routed | undefined>;
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

/** What a record says, checked, for run(): one per engine, refilled for each record (scoring is synchronous). */
class Prepared {
  person = '';
  periodEntry!: PeriodEntry;
  period!: Period;
  plan!: SheetPlan;
  category: string | undefined = undefined;
  evaluator: string | undefined = undefined;
  route: string | undefined = undefined;
  sanctions: string[] = NO_SANCTIONS;
  appointed: DayNumber | undefined = undefined;
  dismissed: DayNumber | undefined = undefined;
  daysWorked: number | undefined = undefined;
  warnings: string[] | undefined = undefined;
  trace: TraceEntry[] | null = null;
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
  private readonly categoryEntries = new Map<string, CategoryEntry>();
  private lastCategoryText: string | undefined;
  private lastCategory: CategoryEntry | undefined;
  /** Routes of records without a category, by managerial true/false/unknown. */
  private readonly uncategorised: Array<Routed | undefined> = [undefined, undefined, undefined];
  private readonly plans = new Map<string, SheetPlan>();
  private readonly scanRaws: unknown[] = [];
  private readonly prepared = new Prepared();
  /** Annual outcomes by the quarters' scores (null: not to be shared). */
  private readonly annualOutcomes = new Map<string, AnnualResult | null>();
  private readonly periods = new Map<string, PeriodEntry | null>();
  private lastPeriodText: string | undefined;
  private lastPeriod: PeriodEntry | undefined;
  private readonly yearSheets: Set<string>;
  private readonly quarterSheets: Set<string>;

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
    const q = config.annual?.quarters?.sheets;
    this.quarterSheets = new Set(Object.keys(config.sheets).filter((id) => config.sheets[id].period === 'quarter' && (!q || q.includes(id))));
    const elig = config.eligibility;
    for (const [id, sheet] of Object.entries(config.sheets)) {
      const applies = !!elig && (!elig.sheets || elig.sheets.includes(id));
      this.plans.set(id, {
        id,
        sheet,
        eligibility: applies ? elig : undefined,
        needsCalendar: applies && !!elig!['min-working-days'],
        notRouted: sheet.period === 'year' && config.period === 'quarter',
        scan: makeScanner(config, id),
        slots: new Map(sheet.inputs.map((inp, i) => [inp.id, i])),
        fastest: this.fastest.sheets.get(id)!,
        fast: this.fast.sheets.get(id)!,
        slow: this.slow.sheets.get(id)!,
      });
    }
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
    const sheets = new Map<string, Compiled<V>>();
    for (const [id, s] of Object.entries(cfg.sheets)) {
      const prog = buildProgram(ctx, { id, inputs: s.inputs, steps: s.steps, final: s.final, grade: s.grade, details: s.details }, `sheets.${id}`);
      sheets.set(id, { A, prog, bounds: s.inputs.map((i) => boundsOf(A, i)) });
    }
    let annual: Compiled<V> | undefined;
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
      const prog = buildProgram(ctx, { id: 'annual', inputs, steps: an.steps, final: an.final, grade: an.grade, details: an.details }, 'annual');
      annual = { A, prog, bounds: inputs.map((i) => boundsOf(A, i)) };
    }
    return { A, sheets, annual };
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

  private period(text: string): PeriodEntry | undefined {
    // A file's rows mostly name the period of the row before: compared before it is looked up.
    if (text === this.lastPeriodText) return this.lastPeriod;
    let p = this.periods.get(text);
    if (p === undefined) {
      const period = parsePeriod(text);
      p = period ? { period } : null;
      if (this.periods.size < 10000) this.periods.set(text, p);
    }
    this.lastPeriodText = text;
    this.lastPeriod = p ?? undefined;
    return this.lastPeriod;
  }

  private category(text: string): CategoryEntry {
    if (text === this.lastCategoryText) return this.lastCategory!;
    let c = this.categoryEntries.get(text);
    if (c === undefined) {
      const code = normalizeCategoryCached(text);
      c = { code, known: !this.categorySet || this.categorySet.has(code), routes: [undefined, undefined, undefined] };
      if (this.categoryEntries.size < 10000) this.categoryEntries.set(text, c);
    }
    this.lastCategoryText = text;
    this.lastCategory = c;
    return c;
  }

  route(input: RouteInput): RouteOk | RouteFail {
    if (!this.config.routing) return { ok: false, field: 'category', error: 'this configuration has no routing rules' };
    if (input.position === undefined) {
      // The common case, without a string key: category -> [managerial true, false, unknown].
      // The route of a text and of its code are the same (routing normalises the code again).
      const slot = input.category === undefined ? this.uncategorised : this.category(input.category).routes;
      const i = input.managerial === true ? 0 : input.managerial === false ? 1 : 2;
      return (slot[i] ??= this.routed(route(this.config.routing, input, this.categories, this.settings['routing-precedence']))).route;
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
  score(rec: EvaluationRecord, opts?: { trace?: boolean }): ScoreOutcome {
    const errors: FieldError[] = [];
    const prep = this.prepare(rec, errors, opts?.trace ?? this.traceDefault);
    if (!prep || errors.length) {
      return { ok: false, rejection: { line: rec.line, person: typeof rec.person === 'string' ? rec.person : undefined, period: typeof rec.period === 'string' ? rec.period : undefined, errors } };
    }
    const plan = prep.plan;
    if (this.useFast) {
      // Millionths in plain numbers first (no trace), then exact fractions, then decimal.js: each
      // backend either computes exactly or throws Overflow, never rounds silently.
      if (!prep.trace) {
        const n = errors.length;
        try {
          return this.run(plan.fastest, rec, prep, errors);
        } catch (e) {
          if (!(e instanceof Overflow)) throw e;
          errors.length = n;
        }
      }
      const n = errors.length;
      try {
        return this.run(plan.fast, rec, prep, errors);
      } catch (e) {
        if (!(e instanceof Overflow)) throw e;
        if (prep.trace) prep.trace.length = 0;
        errors.length = n;
      }
    }
    return this.run(plan.slow, rec, prep, errors);
  }

  private routed(route: RouteOk | RouteFail): Routed {
    return { route, plan: route.ok ? this.plans.get(route.sheet) : undefined };
  }

  /** The route for a category (its cache entry, or none) when the record names no position. */
  private routeOf(cat: CategoryEntry | undefined, managerial: boolean | undefined): Routed {
    const slot = cat ? cat.routes : this.uncategorised;
    const i = managerial === true ? 0 : managerial === false ? 1 : 2;
    return (slot[i] ??= this.routed(route(this.config.routing!, { category: cat?.code, managerial, position: undefined }, this.categories, this.settings['routing-precedence'])));
  }

  private prepare(rec: EvaluationRecord, errors: FieldError[], wantTrace: boolean): Prepared | undefined {
    const cfg = this.config;
    const trace: TraceEntry[] | null = wantTrace ? [] : null;
    let warnings: string[] | undefined;
    const person = typeof rec.person === 'string' ? trimmed(rec.person) : typeof rec.person === 'number' ? String(rec.person) : '';
    if (!person) errors.push({ field: 'person', message: 'person is required' });
    const periodText = typeof rec.period === 'string' ? rec.period : rec.period === undefined || rec.period === null ? '' : String(rec.period);
    const pe = this.period(periodText);
    const period = pe?.period;
    if (!period) errors.push({ field: 'period', message: periodText.trim() ? `period "${periodText}" is not a period (write 2025-Q1 or "I квартал 2025 года" for a quarter, 2025 for a year)` : 'period is required' });

    // A category or managerial error stops routing; a category error alone also the "sheet is required" one.
    let categoryError = false;
    let cat: CategoryEntry | undefined;
    if (typeof rec.category === 'string') {
      const c = this.category(rec.category);
      if (c.code !== '') {
        if (c.known) cat = c;
        else {
          errors.push({ field: 'category', message: `unknown category "${rec.category}" (not in the configuration's ${this.categories!.length} codes: ${abbreviate(this.categories!)})` });
          categoryError = true;
        }
      }
    } else if (rec.category !== undefined && rec.category !== null) {
      errors.push({ field: 'category', message: `category must be text, got ${JSON.stringify(rec.category)}` });
      categoryError = true;
    }
    const category = cat?.code;
    const managerial = parseBool(rec.managerial);
    if (managerial === 'invalid') errors.push({ field: 'managerial', message: `managerial must be true or false, got ${JSON.stringify(rec.managerial)}` });
    const position = typeof rec.position === 'string' ? trimmed(rec.position) || undefined : undefined;

    let sheetId = typeof rec.sheet === 'string' ? trimmed(rec.sheet) : '';
    let plan = sheetId ? this.plans.get(sheetId) : undefined;
    let evaluator: string | undefined;
    let routeId: string | undefined;
    const unknownSheet = !!sheetId && !plan;
    if (unknownSheet) {
      errors.push({ field: 'sheet', message: `unknown sheet "${sheetId}" (this configuration has: ${Object.keys(cfg.sheets).join(', ')})` });
      sheetId = '';
    }
    const routeWanted = cfg.routing && (!sheetId || category !== undefined) && !categoryError && managerial !== 'invalid';
    if (routeWanted && !plan?.notRouted) {
      const m = managerial as boolean | undefined;
      const routed = position === undefined ? this.routeOf(cat, m) : this.routed(this.route({ category, managerial: m, position }));
      const r = routed.route;
      if (r.ok) {
        if (trace) trace.push({ step: 'route', op: 'route', implements: r.implements, cites: this.cite(r.implements), in: { category, managerial: m, position }, out: { sheet: r.sheet, evaluator: r.evaluator, rule: r.rule }, readings: [{ id: 'routing-precedence', text: r.reading }] });
        if (!sheetId) {
          sheetId = r.sheet;
          plan = routed.plan;
          evaluator = r.evaluator;
          routeId = r.rule;
        } else if (r.sheet === sheetId) {
          evaluator = r.evaluator;
          routeId = r.rule;
        } else {
          const msg = `sheet "${sheetId}" differs from the one routing gives for ${category}${m === true ? ' (managerial)' : ''}: "${r.sheet}" (rule ${r.rule})`;
          const mode = this.settings['routing-check'];
          if (mode === 'error') errors.push({ field: 'sheet', message: msg });
          else if (mode === 'warn') (warnings ??= []).push(msg);
        }
      } else if (!sheetId) {
        errors.push({ field: r.field, message: r.error });
      } else if (r.field !== 'category' || category !== undefined) {
        (warnings ??= []).push(`routing not checked: ${r.error}`);
      }
    } else if (!sheetId && !unknownSheet) {
      if (this.plans.size === 1) {
        plan = this.plans.values().next().value!;
        sheetId = plan.id;
      } else if (!categoryError) errors.push({ field: 'sheet', message: 'sheet is required (no routing rules to choose it)' });
    }
    const sheet = plan?.sheet;
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
      const n = typeof dw === 'number' ? dw : typeof dw === 'string' ? digitsValue(trimmed(dw)) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > 366) errors.push({ field: 'days_worked', message: `days_worked ${JSON.stringify(dw)} must be a whole number of days from 0 to 366` });
      else daysWorked = n;
    }
    const sanctions = this.sanctions(rec.sanctions, period, errors, trace);
    if (errors.length || !pe || !plan) return undefined;

    if (plan.needsCalendar) {
      pe.covered ??= this.calendar.covers(pe.period.year);
      if (!pe.covered) {
        errors.push({ field: 'period', message: `period ${pe.period.id} is outside the working-day calendar's years (${this.calendar.coverage.join(', ')})` });
        return undefined;
      }
    }
    const p = this.prepared;
    p.person = person;
    p.periodEntry = pe;
    p.period = pe.period;
    p.plan = plan;
    p.category = category;
    p.evaluator = evaluator;
    p.route = routeId;
    p.sanctions = sanctions;
    p.appointed = appointed;
    p.dismissed = dismissed;
    p.daysWorked = daysWorked;
    p.warnings = warnings;
    p.trace = trace;
    return p;
  }

  /** The sanction kinds counted in the period (only those of the period, unless a setting says otherwise). */
  private sanctions(rawS: EvaluationRecord['sanctions'], period: Period | undefined, errors: FieldError[], trace: TraceEntry[] | null): string[] {
    if (isBlank(rawS) || (Array.isArray(rawS) && rawS.length === 0)) return NO_SANCTIONS;
    const sanctions: string[] = [];
    const items: Array<string | { kind: string; date?: string }> = typeof rawS === 'string' ? listItems(rawS) : Array.isArray(rawS) ? rawS : [];
    if (!Array.isArray(rawS) && typeof rawS !== 'string') errors.push({ field: 'sanctions', message: 'sanctions must be a list' });
    for (const it of items) {
      let kindText: string;
      let dateText: string | undefined;
      if (typeof it === 'string') {
        const at = it.indexOf('@');
        kindText = trimmed(at >= 0 ? it.slice(0, at) : it);
        dateText = at >= 0 ? trimmed(it.slice(at + 1)) : undefined;
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
    return sanctions;
  }

  private run<V>(c: Compiled<V>, rec: EvaluationRecord, prep: Prepared, errors: FieldError[]): ScoreOutcome {
    const { A, prog, bounds } = c;
    const plan = prep.plan;
    const trace = prep.trace;
    const base = {} as ScoreResult;
    if (rec.line !== undefined) base.line = rec.line;
    base.person = prep.person;
    base.period = prep.period.id;
    base.sheet = plan.id;
    if (prep.category) base.category = prep.category;
    if (prep.evaluator) base.evaluator = prep.evaluator;
    if (prep.route) base.route = prep.route;
    base.status = 'evaluated';
    // Eligibility
    let eligible = true;
    const elig = plan.eligibility;
    if (elig) {
      let fast: boolean | undefined;
      if (!trace) {
        if (prep.appointed === undefined && prep.dismissed === undefined && prep.daysWorked !== undefined) {
          // In post the whole period: only the working days can fail; the months are known per period.
          const pe = prep.periodEntry;
          pe.whole ??= eligibleFast({ period: prep.period, daysWorked: Number.MAX_SAFE_INTEGER }, elig, this.settings['month-in-post']) === true;
          fast = pe.whole && prep.daysWorked >= (elig['min-working-days'] ?? 0) ? true : undefined;
        } else fast = eligibleFast({ period: prep.period, appointed: prep.appointed, dismissed: prep.dismissed, daysWorked: prep.daysWorked }, elig, this.settings['month-in-post']);
      }
      if (fast !== true) {
        const e = checkEligibility(
          { period: prep.period, appointed: prep.appointed, dismissed: prep.dismissed, daysWorked: prep.daysWorked },
          elig,
          this.settings['month-in-post'],
          this.settings['days-worked-when-missing'],
          plan.needsCalendar ? this.calendar : undefined,
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
    }
    // Inputs: one pass over the record's scores (unknown keys are errors), then one per input.
    const scores = (rec.scores ?? {}) as Record<string, unknown>;
    const env = prog.env.reset(prep.sanctions, prep.category, trace);
    const regs = env.regs;
    const raws = this.scanRaws;
    const known = plan.scan(scores, raws);
    // Every key of the record is an input of some sheet, and those of other sheets are blank:
    // nothing more to check. Otherwise look at each key (rare: JSON with extra keys, a mistake).
    if (known < 0 || countKeys(scores) !== known) {
      for (const key in scores) {
        if (!plan.slots.has(key) && !isBlank(scores[key])) errors.push({ field: key, message: `"${key}" is not an input of sheet "${plan.id}"` });
      }
    }
    for (let i = 0; i < prog.inputs.length; i++) {
      const { spec, reg } = prog.inputs[i];
      const raw = raws[i];
      if (isBlank(raw)) {
        if (spec.required === false || !eligible) {
          if (spec.default !== undefined) regs[reg] = readInput(A, spec, bounds[i], spec.default);
          else if (spec.type === 'list') regs[reg] = [];
          continue;
        }
        errors.push({ field: spec.id, message: `${spec.id}: missing${spec.label?.ru ? ` («${spec.label.ru.slice(0, 60)}${spec.label.ru.length > 60 ? '…' : ''}»)` : ''}` });
        continue;
      }
      const v = readInput(A, spec, bounds[i], raw);
      if (typeof v === 'string') errors.push({ field: spec.id, message: v });
      else regs[reg] = v;
    }
    if (errors.length) return this.reject(rec, prep, errors);
    if (!eligible) {
      return { ok: true, result: this.finish(base, prep, A.name) };
    }
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

  /**
   * @internal Runs the annual formula for one person-year: `periods` are the quarters in order,
   * `finals` their scores (read only during the call); `periods` becomes the result's `quarters`.
   */
  runAnnual(person: string, year: number, periods: string[], finals: readonly string[], uses: Map<string, string>, wantTrace: boolean): AnnualResult {
    const an = this.config.annual;
    if (!an) throw new Error('this configuration has no annual formula');
    const minCount = an.quarters?.['min-count'] ?? 1;
    if (periods.length < minCount) {
      const reason = periods.length === 0 ? `no evaluated quarter in ${year}` : `${periods.length} evaluated quarter(s) in ${year}, at least ${minCount} required`;
      return annualResult(person, year, 'not-evaluated', periods, reason);
    }
    for (const u of an.uses ?? []) {
      if (!uses.has(u)) return annualResult(person, year, 'incomplete', periods, `no result of sheet "${u}" for ${year}`);
    }
    if (wantTrace || an.uses?.length) return this.annualOf(person, year, periods, finals, uses, wantTrace);
    // Otherwise the outcome depends only on the quarters' scores, which repeat from person to
    // person: it is computed once for each (unless it holds details, an object of its own).
    const key = finals.length === 1 ? finals[0] : finals.join(' ');
    const known = this.annualOutcomes.get(key);
    if (known) return { person, year, status: known.status, final: known.final, grade: known.grade, gradeLabel: known.gradeLabel, quarters: periods, reason: known.reason, details: undefined, trace: undefined };
    const r = this.annualOf(person, year, periods, finals, uses, false);
    if (known === undefined && this.annualOutcomes.size < 10000) this.annualOutcomes.set(key, r.details === undefined ? r : null);
    return r;
  }

  private annualOf(person: string, year: number, periods: string[], finals: readonly string[], uses: Map<string, string>, wantTrace: boolean): AnnualResult {
    if (this.useFast) {
      if (!wantTrace) {
        try {
          return this.annualOn(this.fastest, person, year, periods, finals, uses, false);
        } catch (e) {
          if (!(e instanceof Overflow)) throw e;
        }
      }
      try {
        return this.annualOn(this.fast, person, year, periods, finals, uses, wantTrace);
      } catch (e) {
        if (!(e instanceof Overflow)) throw e;
      }
    }
    return this.annualOn(this.slow, person, year, periods, finals, uses, wantTrace);
  }

  private annualOn<V>(
    be: Backend<V>,
    person: string,
    year: number,
    periods: string[],
    finals: readonly string[],
    uses: Map<string, string>,
    wantTrace: boolean,
  ): AnnualResult {
    const { A } = be;
    const an = this.config.annual!;
    const prog = be.annual!.prog;
    const trace: TraceEntry[] | null = wantTrace ? [{ step: 'quarters', op: 'input', implements: an.implements, cites: this.cite(an.implements), out: periods.map((p, i) => `${p}: ${finals[i]}`) }] : null;
    const env = prog.env.reset(NO_SANCTIONS, undefined, trace);
    const regs = env.regs;
    const qs: V[] = new Array(finals.length);
    for (let i = 0; i < finals.length; i++) qs[i] = A.parse(finals[i])!;
    regs[prog.inputs[0].reg] = qs;
    for (let i = 1; i < prog.inputs.length; i++) regs[prog.inputs[i].reg] = A.parse(uses.get(prog.inputs[i].spec.id)!)!;
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
    return this.quarterSheets.has(sheet);
  }
}

/** Builds an engine, throwing ConfigError with diagnostics when the configuration is invalid. */
export function createEngine(config: ScoringConfig, opts?: EngineOptions): Engine {
  return new Engine(config, opts);
}
