// The methodology file as loaded from YAML, after schema validation.
// Field names follow the YAML (kebab-case keys are kept as they are written).

export const LANGUAGES = ['ru', 'kk'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Wording in each language; a missing language is absent, never invented. */
export interface Text {
  ru?: string;
  kk?: string;
  provenance?: Partial<Record<Lang, string>>;
}

/** Grammatical forms of a name, keyed by case (ru: nom, gen, dat, acc, ins, pre; kk: its own). */
export type Forms = Record<string, string>;
export type NameForms = Partial<Record<Lang, Forms>>;

export interface Paragraph {
  paragraph: string;
  number?: string;
  text: Text;
}
export interface Subpoint {
  subpoint: string;
  number?: string;
  text: Text;
  parts?: Part[];
}
/** A table of the act's own (a range table, a form's grid). */
export interface Table {
  table: string;
  title?: Text;
  'header-rows'?: number;
  rows: Text[][];
}
export type Part = Paragraph | Subpoint | Table;

export interface Point {
  point: string;
  number?: string;
  text?: Text;
  parts?: Part[];
}

export interface Chapter {
  chapter: string;
  number?: string;
  title: Text;
  points: Point[];
}

export interface Footnote {
  footnote: string;
  text: Text;
}

export interface Blank {
  blank: string;
  label: Text;
}

export interface FormColumns {
  parameter: Text;
  score: Text;
  comment: Text;
  guidance: Text;
}

export interface Form {
  sheet: string;
  title: Text;
  blanks: Blank[];
  preamble?: Paragraph[];
  columns: FormColumns;
  'average-row': Text;
  notes?: Paragraph[];
  result: { label: Text; parts?: Paragraph[] };
  signature: { label: Text; note?: Text; date: Text };
}

export interface Appendix {
  appendix: string;
  number?: string;
  caption?: Text;
  /** An evaluation sheet: its rows come from scoring.sheets. */
  form?: Form;
  /** Any other appendix: a heading, then its own paragraphs and tables. */
  title?: Text;
  'form-label'?: boolean;
  parts?: Part[];
}

export interface Methodology {
  title: NameForms;
  footnotes?: Footnote[];
  chapters: Chapter[];
  appendices?: Appendix[];
}

export interface ActRef {
  date: string;
  number: string;
  registration?: string;
  title?: Text;
}

export interface Act {
  kind: 'order' | 'decision';
  issuer: NameForms;
  date: string;
  number: string;
  title?: Text;
  region?: Text;
  preamble?: Text;
  points?: Point[];
  signatory?: { position: Text; name: Text };
  'amended-by'?: ActRef[];
  amends?: ActRef;
  repeals?: ActRef[];
  registration?: { number: string; date?: string };
  footnotes?: Footnote[];
}

export interface Approval {
  /** "Приложение N к решению/приказу ..." of this act. */
  attachment?: { number?: string };
  /** "Утверждена решением ... от ... № ..." of the act that first approved the methodology. */
  approved?: { kind?: 'order' | 'decision'; issuer?: NameForms; date: string; number: string } | true;
}

// ---- scoring (rules as data) ----

export interface SheetParameter {
  parameter: string;
  name: Text;
  guidance: Text;
  implements?: string[];
}
export interface Sheet {
  appendix: string;
  parameters: SheetParameter[];
  implements?: string[];
}
export interface Cap {
  cap: string;
  max: number;
  scope?: 'final' | 'parameter';
  parameters?: string[];
  sanctions: string[];
  implements?: string[];
}
export interface Grade {
  grade: string;
  min: number;
  max: number;
  wording: Text;
  implements?: string[];
}
export type CategoryRef = string | { category: string; only?: string[]; except?: string[] };
export interface Route {
  route: string;
  categories?: CategoryRef[];
  managerial?: boolean;
  otherwise?: boolean;
  sheet: string;
  evaluator: string;
  implements?: string[];
}
export interface Deadline {
  deadline: string;
  'day-of-next-month'?: number;
  'working-days'?: number;
  from?: string;
  month?: number;
  day?: number;
  implements?: string[];
}
export interface Scoring {
  system: string;
  implements?: string[];
  period?: 'quarter' | 'year';
  scale?: { min: number; max: number; implements?: string[] };
  decimals?: number;
  rounding?: 'half-up' | 'half-even' | 'down';
  aggregate?: 'mean' | 'sum';
  sheets?: Record<string, Sheet>;
  caps?: Cap[];
  grades?: Grade[];
  annual?: { aggregate: 'mean'; deadline?: { month: number; day: number }; implements?: string[] };
  deadlines?: Deadline[];
  eligibility?: { 'min-months-in-position'?: number; 'min-working-days'?: number; implements?: string[] };
  routing?: Route[];
  /** System-specific settings for the other evaluation systems (corps A, 2017, 2023). */
  settings?: Record<string, unknown>;
}

export interface Term {
  lang: Lang;
  from: string;
  to: string;
}

export type Change =
  | ({ replace: string; reason?: Text } & Record<string, unknown>)
  | { remove: string; reason?: Text }
  | { 'insert-after': string; node: Record<string, unknown>; reason?: Text }
  | { 'insert-before': string; node: Record<string, unknown>; reason?: Text };

export interface MethodologyFile {
  id: string;
  base?: string;
  language: Lang[];
  body?: NameForms;
  act: Act;
  approval?: Approval;
  methodology?: Partial<Methodology>;
  scoring?: Scoring;
  terms?: Term[];
  changes?: Change[];
}
