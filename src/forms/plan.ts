// What becomes of each roster row: a sheet to print (which sheet, which evaluator), a person not
// evaluated this quarter (listed, not printed), or a row that cannot be used (rejected, with its
// line and why). The act decides through the engine: its routing picks the sheet and the
// evaluator, its eligibility rule says who is not evaluated; with results, the scoring already
// decided both, and the row takes its result and its scores.
import { CalendarRangeError, parseDate, type Period } from '../calendar/index.js';
import { checkEligibility } from '../engine/eligibility.js';
import { type Engine, parseBool } from '../engine/engine.js';
import { SeenIndex } from '../engine/stream.js';
import type { FieldError } from '../engine/types.js';
import type { ResultEntry } from './results.js';
import type { RosterRow } from './roster.js';

export interface Printed {
  kind: 'print';
  row: RosterRow;
  key: string;
  sheet: string;
  /** The evaluator's id in the act's routing, and the text the blank prints. */
  role: string;
  evaluator: string;
  body: string;
  /** With results: the result and the parameter scores as entered. */
  result?: ResultEntry;
  scores?: Record<string, string>;
}

export interface NotEvaluated {
  kind: 'not-evaluated';
  row: RosterRow;
  key: string;
  reason: string;
}

export interface Rejected {
  kind: 'rejected';
  line: number;
  person?: string;
  name?: string;
  errors: FieldError[];
}

export type Outcome = Printed | NotEvaluated | Rejected;

export interface PlanContext {
  engine: Engine;
  period: Period;
  /** The sheets the act has, with their parameters' ids. */
  sheets: Map<string, string[]>;
  /** The act's body in the sheet's language, for a row without one. */
  body?: string;
  results?: Map<string, ResultEntry>;
  scores?: Map<string, Record<string, string>>;
  /** The files results and scores come from, for messages. */
  resultsFile?: string;
  scoresFile?: string;
}

/** The column each routing field is read from, for messages. */
const COLUMN = { category: 'category', managerial: 'managerial', position: 'position_kind' } as const;

export class Planner {
  private readonly seen = new SeenIndex();

  constructor(private readonly ctx: PlanContext) {}

  decide(row: RosterRow): Outcome {
    const errors: FieldError[] = [];
    const reject = (): Rejected => ({ kind: 'rejected', line: row.line, ...(row.person ? { person: row.person } : {}), ...(row.name ? { name: row.name } : {}), errors });
    if (!row.name) errors.push({ field: 'name', message: 'the name is empty' });
    if (!row.position) errors.push({ field: 'position', message: 'the position is empty' });
    // Results and score records name a person by the roster's person column, or by the name.
    const key = row.person ?? row.name;
    if (errors.length) return reject();

    // One sheet a person: the same person twice is an error of the second row.
    const same = row.person ?? (this.ctx.results ? row.name : `${row.name.toLowerCase()}\u0000${row.position.toLowerCase()}`);
    const first = this.seen.add(same, row.line);
    if (first) {
      errors.push({ field: row.person ? 'person' : 'name', message: `a second row for ${row.person ?? row.name} (first on line ${first})` });
      return reject();
    }

    const body = row.body ?? this.ctx.body;
    if (!body) errors.push({ field: 'body', message: 'the body is empty, and the act names no body of its own' });
    const decided = this.ctx.results ? this.fromResults(row, key, errors) : this.fromRules(row, key, errors);
    if (errors.length || !decided) return reject();
    if (decided.kind === 'not-evaluated') return decided;

    const evaluator = row.evaluators.get(decided.role) ?? row.evaluator;
    if (!evaluator) {
      const message = decided.role
        ? `evaluated by the ${decided.role} (routing rule ${decided.rule}), and neither a "${decided.role}" nor an "evaluator" cell gives one`
        : 'the result names no evaluator, and no "evaluator" cell gives one';
      errors.push({ field: 'evaluator', message });
      return reject();
    }
    return { kind: 'print', row, key, sheet: decided.sheet, role: decided.role, evaluator, body: body!, ...decided.extra };
  }

  /** Routing and eligibility, by the act's rules. */
  private fromRules(row: RosterRow, key: string, errors: FieldError[]) {
    const { engine, period } = this.ctx;
    if (!row.category) {
      errors.push({ field: 'category', message: 'the category is empty' });
      return undefined;
    }
    const managerial = parseBool(row.managerial);
    if (managerial === 'invalid') {
      errors.push({ field: 'managerial', message: `managerial must be yes or no (true/false, да/нет, иә/жоқ), not "${row.managerial}"` });
      return undefined;
    }
    const r = engine.route({ category: row.category, ...(managerial !== undefined ? { managerial } : {}), ...(row.positionKind ? { position: row.positionKind } : {}) });
    if (!r.ok) {
      errors.push({ field: COLUMN[r.field], message: r.error.replace('give "position"', 'give the position_kind column').replace('give "managerial"', 'give the managerial column') });
      return undefined;
    }
    const elig = engine.config.eligibility;
    if (elig && (!elig.sheets || elig.sheets.includes(r.sheet))) {
      const date = (field: 'appointed' | 'dismissed') => {
        const raw = row[field];
        if (raw === undefined) return undefined;
        const d = parseDate(raw);
        if (d === undefined) errors.push({ field, message: `${field} "${raw}" is not a date (write YYYY-MM-DD or DD.MM.YYYY)` });
        return d;
      };
      const appointed = date('appointed');
      const dismissed = date('dismissed');
      let daysWorked: number | undefined;
      if (row.daysWorked !== undefined) {
        if (/^\d+$/.test(row.daysWorked)) daysWorked = Number(row.daysWorked);
        else errors.push({ field: 'days_worked', message: `days_worked "${row.daysWorked}" is not a whole number` });
      }
      if (errors.length) return undefined;
      let e;
      try {
        e = checkEligibility({ period, appointed, dismissed, daysWorked }, elig, engine.settings['month-in-post'], engine.settings['days-worked-when-missing'], engine.calendar, engine.cite);
      } catch (err) {
        if (!(err instanceof CalendarRangeError)) throw err;
        errors.push({ field: 'days_worked', message: `${err.message}; give days_worked` });
        return undefined;
      }
      if (e.eligible === 'error') {
        errors.push({ field: e.field, message: e.message });
        return undefined;
      }
      if (!e.eligible) return { kind: 'not-evaluated' as const, row, key, reason: e.reason };
    }
    return { kind: 'print' as const, sheet: r.sheet, role: r.evaluator, rule: r.rule, extra: {} };
  }

  /** The scoring's decision, from results.json, and the scores entered. */
  private fromResults(row: RosterRow, key: string, errors: FieldError[]) {
    const { period, results, scores, sheets } = this.ctx;
    const result = results!.get(key);
    if (!result) {
      errors.push({ field: 'results', message: `no result for ${key} in ${period.id} in ${this.ctx.resultsFile}` });
      return undefined;
    }
    if (result.status === 'not-evaluated') return { kind: 'not-evaluated' as const, row, key, reason: result.reason ?? 'not evaluated' };
    if (result.status !== 'evaluated' || result.final === undefined) {
      errors.push({ field: 'results', message: `the result (${this.ctx.resultsFile}, line ${result.line}) is ${result.status ?? 'without a status'}${result.reason ? `: ${result.reason}` : ''}` });
      return undefined;
    }
    const parameters = result.sheet === undefined ? undefined : sheets.get(result.sheet);
    if (!parameters) {
      errors.push({ field: 'results', message: `the result's sheet "${result.sheet ?? ''}" is not a sheet of this act` });
      return undefined;
    }
    const entered = scores!.get(key);
    const missing = parameters.filter((p) => entered?.[p] === undefined);
    if (missing.length) {
      errors.push({ field: 'scores', message: `${this.ctx.scoresFile} has no ${missing.join(', ')} for ${key} in ${period.id}` });
      return undefined;
    }
    return { kind: 'print' as const, sheet: result.sheet!, role: result.evaluator ?? '', rule: result.route ?? '', extra: { result, scores: entered! } };
  }
}
