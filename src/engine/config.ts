// The scoring configuration: the TypeScript type of schemas/scoring.schema.json.
//
// A configuration is data compiled from an act's `scoring:` section (or written by hand for the
// systems that have no act file yet). It is a small set of composable steps; every step names the
// points of the act it implements. Keys are kebab-case, as in the methodology YAML.

/** A decimal literal: a JSON number (its shortest text is used) or a string such as "2.99". */
export type Num = number | string;

export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'down' | 'up';
export type MonthInPost = 'inclusive' | 'civil-code' | 'days-30';
export type DayOffRule = 'next-working-day' | 'previous-working-day' | 'as-is';
export type RoutingPrecedence = 'first-match' | 'most-specific';

export interface Labels {
  ru?: string;
  kk?: string;
  en?: string;
}

export interface Settings {
  /** Decimals a score carries (default 2). */
  decimals: number;
  /** How a computed score is rounded to `decimals` (default half-up). */
  rounding: RoundingMode;
  /** How "less than N months in the position" is counted (default inclusive). */
  'month-in-post'?: MonthInPost;
  /** A deadline stated as a date that falls on a day off (default next-working-day). */
  'deadline-on-day-off'?: DayOffRule;
  /** How overlapping routing rules combine (default first-match). */
  'routing-precedence'?: RoutingPrecedence;
  /** A record whose sheet differs from the one routing gives (default warn). */
  'routing-check'?: 'warn' | 'error' | 'off';
  /** When a record has no days-worked figure (default calendar: count the calendar's working days in post). */
  'days-worked-when-missing'?: 'calendar' | 'reject';
  /** Sanctions dated outside the evaluated period (default ignore: only the period's sanctions count). */
  'sanctions-outside-period'?: 'ignore' | 'count';
}

export interface Reading {
  /** Stable id, shown in the trace. */
  id: string;
  /** The setting it belongs to, when it is one. */
  setting?: string;
  /** The reading in words: what the act says, what is unclear, what is implemented. */
  text: string;
  implements?: string[];
}

export interface Constant {
  value: Num;
  reading?: string;
  implements?: string[];
}

export interface Categories {
  codes: string[];
  source: string;
  note?: string;
}

export interface SanctionKind {
  kind: string;
  label?: Labels;
}

export interface RangeRow {
  /** Lower bound; absent = unbounded below. */
  min?: Num;
  /** Upper bound; absent = unbounded above. */
  max?: Num;
  'min-exclusive'?: boolean;
  'max-exclusive'?: boolean;
  /** A number the row yields (lookup). */
  value?: Num;
  /** A range the row yields (e.g. an admissible score range). */
  range?: { min: Num; max: Num };
  /** A band (grade) id the row yields (classify). */
  band?: string;
  label?: Labels;
  /** The row as printed in the act, e.g. "40-44,49". */
  printed?: string;
  implements?: string[];
}

export interface RangeTable {
  title?: string;
  implements?: string[];
  /**
   * The precision of the values looked up (e.g. "0.01"). Gaps and overlaps are found at this
   * resolution: rows 3..3.9 and 4..4.9 at 0.01 leave 3.91..3.99 uncovered.
   */
  resolution: Num;
  /** The values the table must cover; gaps inside it are reported. */
  domain?: { min?: Num; max?: Num };
  rows: RangeRow[];
  reading?: string;
}

export interface InputConfig {
  id: string;
  label?: Labels;
  implements?: string[];
  /** number: one value; list: several values (CSV: separated by ";"); ratings: 360 questionnaire answers. */
  type: 'number' | 'list' | 'ratings';
  min?: Num;
  max?: Num;
  /** The most decimals a value may carry (0 = whole numbers). */
  decimals?: number;
  /** A value with more decimals: reject the row (default) or cut the extra decimals (down). */
  'excess-decimals'?: 'reject' | 'down';
  /** For lists: how many values. */
  count?: { min?: number; max?: number };
  /** Default true; an optional input absent from the record takes `default`. */
  required?: boolean;
  default?: Num | Num[];
}

interface StepBase {
  /** The name of the value this step produces (used by later steps and in the trace). */
  id: string;
  implements?: string[];
  /** What the step does, in words, for the trace. */
  note?: string;
  /** Ids of readings (ambiguities) this step embodies, shown in the trace. */
  readings?: string[];
}

export interface AggregateStep extends StepBase {
  op: 'aggregate';
  fn: 'mean' | 'sum' | 'min' | 'max' | 'count';
  /** Values (scalars or lists, flattened). */
  of: string[];
  /** Round to settings.decimals with settings.rounding (default true for mean, false otherwise). */
  round?: boolean;
}

export interface WeightedStep extends StepBase {
  op: 'weighted';
  terms: Array<{ of: string; weight: Num }>;
  /** Divide by the sum of the weights (default false: the weights are meant to sum to 1). */
  normalize?: boolean;
  round?: boolean;
}

export interface LinearStep extends StepBase {
  op: 'linear';
  constant?: Num;
  /** coef × (the value | the sum of a list | the number of items of a list). */
  terms: Array<{ of: string; coef: Num; use?: 'value' | 'sum' | 'count' }>;
  round?: boolean;
}

export interface LookupStep extends StepBase {
  op: 'lookup';
  of: string;
  table: string;
}

export interface CheckStep extends StepBase {
  op: 'check';
  of: string;
  /** The value must not exceed this value (a lookup's number). */
  max?: string;
  /** The value must fall inside this range (a lookup's range). */
  within?: string;
  /** reject: the record is rejected with the reason (default); clamp: the value is brought inside. */
  'on-violation'?: 'reject' | 'clamp';
}

export interface CapRule {
  cap: string;
  max: Num;
  /** The cap applies when the record has a sanction of one of these kinds in the period. */
  sanctions: string[];
  implements?: string[];
}

export interface CapStep extends StepBase {
  op: 'cap';
  of: string;
  /** final: a cap on the final score; parameter: a cap on one parameter's score. For the trace. */
  scope?: 'final' | 'parameter';
  caps: CapRule[];
}

export interface ClassifyStep extends StepBase {
  op: 'classify';
  of: string;
  table: string;
}

export interface ConvertStep extends StepBase {
  op: 'convert';
  of: string;
  /** Band id -> number. */
  map: Record<string, Num>;
}

export interface SurveyStep extends StepBase {
  op: 'survey';
  of: string;
  /** Respondent roles not counted (e.g. self). */
  exclude?: string[];
  respondents: { min: number; max: number };
  /** Competency lists, the first whose categories match (or `otherwise`) applies. */
  items: Array<{ categories?: string[]; otherwise?: boolean; list: string[]; implements?: string[] }>;
  /** The answer scale (default 0..1: 1 = matches the expected behaviour). */
  scale?: { min: Num; max: Num };
  /** Express the result as a percentage of the scale's maximum (default true). */
  percent?: boolean;
  round?: boolean;
}

export type Step =
  | AggregateStep
  | WeightedStep
  | LinearStep
  | LookupStep
  | CheckStep
  | CapStep
  | ClassifyStep
  | ConvertStep
  | SurveyStep;

export interface SheetConfig {
  title?: Labels;
  appendix?: string;
  implements?: string[];
  period: 'quarter' | 'year';
  inputs: InputConfig[];
  steps: Step[];
  /** The value that is the sheet's final score. */
  final: string;
  /** The value that is the grade (a classify step). */
  grade?: string;
  /** Other values worth showing in a result (e.g. the two means of a weighted formula). */
  details?: string[];
}

export interface AnnualConfig {
  implements?: string[];
  title?: Labels;
  /** Which quarterly results form `quarters` (default: every quarterly sheet). */
  quarters?: { sheets?: string[]; 'min-count'?: number };
  /** Yearly sheets whose final score the annual steps use, by sheet id. */
  uses?: string[];
  steps: Step[];
  final: string;
  grade?: string;
  details?: string[];
}

export interface EligibilityConfig {
  implements?: string[];
  'min-months-in-position'?: number;
  'min-working-days'?: number;
  /** Sheets the rule applies to (default all). */
  sheets?: string[];
}

export type CategoryRef = string | { category: string; only?: string[]; except?: string[] };

export interface RouteRule {
  route: string;
  categories?: CategoryRef[];
  managerial?: boolean;
  otherwise?: boolean;
  sheet: string;
  evaluator: string;
  implements?: string[];
}

export interface RoutingConfig {
  implements?: string[];
  rules: RouteRule[];
}

export interface DeadlineConfig {
  deadline: string;
  implements?: string[];
  label?: Labels;
  /** Day N of the month after the period. */
  'day-of-next-month'?: number;
  overrides?: Array<{ quarter: 1 | 2 | 3 | 4; month: number; day: number; 'year-offset'?: number }>;
  /** A fixed date: month and day, of the year after the evaluated one (year-offset 1, default) or of it (0). */
  month?: number;
  day?: number;
  'year-offset'?: number;
  /** N working days after the event `from`. */
  'working-days'?: number;
  from?: string;
}

export interface CalibrationConfig {
  implements?: string[];
  'min-members': number;
  odd: boolean;
  'exclude-evaluated': boolean;
  'exclude-evaluator': boolean;
  /** Roles that must be present (e.g. hr). */
  'required-roles'?: string[];
  /** Roles a member may have; others are reported (default: any). */
  'allowed-roles'?: string[];
}

export interface ScoringConfig {
  $schema?: string;
  format: 'metodika-scoring/1';
  id: string;
  title?: Labels;
  act: { id: string; title?: string; source?: string };
  system: string;
  period: 'quarter' | 'year';
  settings: Settings;
  /** Act point id -> how to cite it (e.g. "p. 6" or "001 App. 1 p. 20"). */
  points?: Record<string, string>;
  readings?: Reading[];
  constants?: Record<string, Constant>;
  categories?: Categories;
  sanctions?: SanctionKind[];
  tables?: Record<string, RangeTable>;
  sheets: Record<string, SheetConfig>;
  annual?: AnnualConfig;
  eligibility?: EligibilityConfig;
  routing?: RoutingConfig;
  deadlines?: DeadlineConfig[];
  calibration?: CalibrationConfig;
}

export const DEFAULT_SETTINGS: Required<Settings> = {
  decimals: 2,
  rounding: 'half-up',
  'month-in-post': 'inclusive',
  'deadline-on-day-off': 'next-working-day',
  'routing-precedence': 'first-match',
  'routing-check': 'warn',
  'days-worked-when-missing': 'calendar',
  'sanctions-outside-period': 'ignore',
};
