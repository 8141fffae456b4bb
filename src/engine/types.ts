// Evaluation records (input) and results (output): the TypeScript types of
// schemas/records.schema.json and of the engine's results.

import type { TraceEntry } from './trace.js';

export type SanctionInput = string | { kind: string; date?: string };

/** One evaluation record: a person, a period, a sheet, the scores and the facts eligibility needs. */
export interface EvaluationRecord {
  /** Personnel number or another stable id. */
  person: string;
  /** `2025-Q1` for a quarter, `2025` for a year. */
  period: string;
  /** Sheet id; when absent, routing chooses it from the category. */
  sheet?: string;
  /** Position category, e.g. `C-O-1` (Cyrillic look-alikes are accepted). */
  category?: string;
  /** Whether the position is managerial: true/false (CSV: true, false, yes, no, 1, 0). */
  managerial?: boolean | string;
  /** The position inside the category, where routing distinguishes it (e.g. `department-director`). */
  position?: string;
  /** Input values by input id: numbers, lists, ratings. */
  scores?: Record<string, unknown>;
  /** Disciplinary sanctions: kinds, optionally dated (`remark@2025-02-10` in CSV). */
  sanctions?: string | SanctionInput[];
  /** Date of appointment to the position (YYYY-MM-DD or DD.MM.YYYY). */
  appointed?: string;
  /** Date of dismissal (the last day in the position). */
  dismissed?: string;
  /** Working days actually worked in the period. */
  days_worked?: number | string;
  /** Where the record came from (1-based line of the input file). */
  line?: number;
}

export type ResultStatus = 'evaluated' | 'not-evaluated' | 'gap';

export interface ScoreResult {
  line?: number;
  person: string;
  period: string;
  sheet: string;
  category?: string;
  evaluator?: string;
  /** The routing rule that chose the sheet and evaluator. */
  route?: string;
  status: ResultStatus;
  /** The final score with `decimals` places (absent when not evaluated, or when a gap stopped the computation before it). */
  final?: string;
  grade?: string;
  /** The grade's wording (ru, kk) when the configuration has it. */
  gradeLabel?: { ru?: string; kk?: string; en?: string };
  /** The cap whose condition held (the lowest when several did). */
  cap?: string;
  /** Whether that cap lowered the score. */
  capLowered?: boolean;
  /** Why not evaluated, or where the gap is. */
  reason?: string;
  reasonCode?: string;
  /** Intermediate values the configuration lists as details, and step extras (e.g. 360 per competency). */
  details?: Record<string, unknown>;
  warnings?: string[];
  /** Which exact arithmetic computed it: shown with the trace, or when decimal.js had to take over. */
  arithmetic?: 'scaled' | 'rational' | 'decimal';
  trace?: TraceEntry[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Rejection {
  line?: number;
  person?: string;
  period?: string;
  errors: FieldError[];
}

export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false, rejection: Rejection };

export type AnnualStatus = 'evaluated' | 'not-evaluated' | 'gap' | 'incomplete';

export interface AnnualResult {
  person: string;
  year: number;
  status: AnnualStatus;
  final?: string;
  grade?: string;
  gradeLabel?: { ru?: string; kk?: string; en?: string };
  /** The quarters whose results formed the annual one. */
  quarters: string[];
  reason?: string;
  details?: Record<string, unknown>;
  trace?: TraceEntry[];
}
