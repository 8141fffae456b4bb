// The lines of the result files: results.csv and .json, annual.csv and .json, rejects.csv. The
// JSON is what JSON.stringify gives, written field by field; the CSV quotes a cell only when it
// must. Most fields of a result come from small sets (the configuration's ids, periods, scores):
// the text of a run of them, with separators and field names, is made once per combination and
// reused, so a line is a few pieces rather than one per field.

import type { AnnualResult, Rejection, ScoreResult } from './types.js';

export const RESULT_COLUMNS = ['line', 'person', 'period', 'sheet', 'category', 'evaluator', 'status', 'final', 'grade', 'cap', 'cap_lowered', 'reason', 'warnings', 'details'];
export const ANNUAL_COLUMNS = ['person', 'year', 'status', 'final', 'grade', 'quarters', 'reason', 'details'];
export const REJECT_COLUMNS = ['line', 'person', 'period', 'fields', 'error'];

/** Whether a CSV cell must be quoted: a delimiter, a quote, a line break, or edge whitespace. */
function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 59 || c === 10 || c === 13) return true;
  }
  return false;
}

export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(cells: unknown[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i ? ',' : '') + csvCell(cells[i]);
  return `${out}\n`;
}

/** A JSON string literal; JSON.stringify only when the text needs escaping. */
function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

function jsonValue(v: unknown): string {
  return typeof v === 'string' ? jsonString(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/**
 * Texts made once for each combination of the values they are made of, found by walking one
 * level per value. Each level remembers the value asked for last: consecutive results mostly
 * repeat it, and comparing is cheaper than hashing. A level holds a bounded number of values.
 */
class Combinations<T> {
  private readonly kids = new Map<string | undefined, Combinations<T>>();
  private lastKey: string | undefined | null = null;
  private lastKid: Combinations<T> | undefined;
  value: T | undefined;
  at(key: string | undefined): Combinations<T> {
    if (key === this.lastKey) return this.lastKid!;
    let kid = this.kids.get(key);
    if (!kid) {
      kid = new Combinations<T>();
      if (this.kids.size < 1024) this.kids.set(key, kid);
    }
    this.lastKey = key;
    this.lastKid = kid;
    return kid;
  }
}

/** A CSV cell after its comma; empty when absent. */
const csvAfter = (v: string | undefined) => (v === undefined ? ',' : `,${csvCell(v)}`);
/** A JSON member after its comma; nothing when absent. The engine's own values (statuses, scores) need no escaping. */
const jsonAfter = (name: string, v: string | undefined, escape = true) => (v === undefined ? '' : `,"${name}":${escape ? jsonString(v) : `"${v}"`}`);

interface Texts {
  csv: string;
  json: string;
}

// Each text is made by a function of its own, called once per combination: kept out of the
// functions that run for every line, which the compiler then optimizes sooner and smaller.

/** A result's period, sheet, category, evaluator, route and status. */
const HEADS = new Combinations<Texts>();
function head(r: ScoreResult): Texts {
  const node = HEADS.at(r.period).at(r.sheet).at(r.category).at(r.evaluator).at(r.route).at(r.status);
  return node.value ?? (node.value = headTexts(r));
}
function headTexts(r: ScoreResult): Texts {
  return {
    // The period is the engine's own id: no quoting.
    csv: `,${r.period}${csvAfter(r.sheet)}${csvAfter(r.category)}${csvAfter(r.evaluator)},${r.status}`,
    json: `${jsonAfter('period', r.period)}${jsonAfter('sheet', r.sheet)}${jsonAfter('category', r.category)}${jsonAfter('evaluator', r.evaluator)}${jsonAfter('route', r.route)}${jsonAfter('status', r.status, false)}`,
  };
}

/** A result's score, grade and cap; in JSON the grade's wording may come between the grade and the cap. */
const TAILS = new Combinations<Texts & { jsonCap: string }>();
function tail(r: ScoreResult): Texts & { jsonCap: string } {
  const node = TAILS.at(r.final).at(r.grade).at(r.cap).at(r.capLowered ? 'lowered' : undefined);
  return node.value ?? (node.value = tailTexts(r));
}
function tailTexts(r: ScoreResult): Texts & { jsonCap: string } {
  return {
    csv: `,${r.final ?? ''}${csvAfter(r.grade)}${r.cap === undefined ? ',,' : `${csvAfter(r.cap)},${r.capLowered ? 'true' : 'false'}`}`,
    json: `${jsonAfter('final', r.final, false)}${jsonAfter('grade', r.grade)}`,
    jsonCap: r.cap === undefined ? '' : `${jsonAfter('cap', r.cap)},"capLowered":${r.capLowered ? 'true' : 'false'}`,
  };
}

/** An annual result's status, score and grade. */
const ANNUAL_HEADS = new Combinations<Texts>();
function annualHead(a: AnnualResult): Texts {
  const node = ANNUAL_HEADS.at(a.status).at(a.final).at(a.grade);
  return node.value ?? (node.value = annualHeadTexts(a));
}
function annualHeadTexts(a: AnnualResult): Texts {
  return {
    csv: `,${a.status}${a.final === undefined ? ',' : `,${csvCell(a.final)}`}${csvAfter(a.grade)}`,
    json: `${jsonAfter('status', a.status, false)}${jsonAfter('final', a.final, false)}${jsonAfter('grade', a.grade)}`,
  };
}

/** An annual result's quarters. */
const QUARTERS = new Combinations<Texts>();
function quarters(a: AnnualResult): Texts {
  let node = QUARTERS;
  for (const q of a.quarters) node = node.at(q);
  node = node.at(undefined);
  return node.value ?? (node.value = quartersTexts(a));
}
function quartersTexts(a: AnnualResult): Texts {
  return {
    csv: `,${csvCell(a.quarters.join(' '))}`,
    json: `,"quarters":[${a.quarters.map((q) => `"${q}"`).join(',')}]`,
  };
}

/** Where lines go (an output file). */
export interface Lines {
  append(text: string): void;
}

/**
 * Appends a result to the results' CSV and JSON (either may be absent); `first`: the first
 * element of the JSON array. The texts shared by the two lines are found once.
 */
export function appendResult(r: ScoreResult, withLabel: boolean, csv: Lines | undefined, json: Lines | undefined, first: boolean): void {
  const h = head(r);
  const t = tail(r);
  csv?.append(rowOf(r, h, t));
  json?.append((first ? '\n' : ',\n') + jsonOf(r, withLabel, h, t));
}

/** Appends an annual result to the annual CSV and JSON, as appendResult does. */
export function appendAnnual(a: AnnualResult, withLabel: boolean, csv: Lines | undefined, json: Lines | undefined, first: boolean): void {
  const h = annualHead(a);
  const q = quarters(a);
  csv?.append(annualRowOf(a, h, q));
  json?.append((first ? '\n' : ',\n') + annualJsonOf(a, withLabel, h, q));
}

function rowOf(r: ScoreResult, h: Texts, t: Texts): string {
  const out = (r.line === undefined ? ',' : `${r.line},`) + csvCell(r.person) + h.csv + t.csv;
  return r.reason === undefined && r.warnings === undefined && r.details === undefined ? `${out},,,\n` : out + rowRest(r);
}
function rowRest(r: ScoreResult): string {
  return `${csvAfter(r.reason)}${r.warnings === undefined ? ',' : `,${csvCell(r.warnings.join(' | '))}`}${r.details === undefined ? ',' : `,${csvCell(r.details)}`}\n`;
}

function jsonOf(r: ScoreResult, withLabel: boolean, h: Texts, t: Texts & { jsonCap: string }): string {
  const out = (r.line === undefined ? '{"person":' : `{"line":${r.line},"person":`) + jsonString(r.person) + h.json + t.json;
  if (!withLabel && r.reason === undefined && r.reasonCode === undefined && r.details === undefined && r.warnings === undefined && r.arithmetic === undefined && r.trace === undefined) {
    return `${out}${t.jsonCap}}`;
  }
  return out + jsonRest(r, withLabel, t.jsonCap);
}
function jsonRest(r: ScoreResult, withLabel: boolean, cap: string): string {
  let out = withLabel && r.gradeLabel !== undefined ? `,"gradeLabel":${JSON.stringify(r.gradeLabel)}${cap}` : cap;
  if (r.reason !== undefined) out += `,"reason":${jsonString(r.reason)}`;
  if (r.reasonCode !== undefined) out += jsonAfter('reasonCode', r.reasonCode);
  if (r.details !== undefined) out += `,"details":${JSON.stringify(r.details)}`;
  if (r.warnings !== undefined) out += `,"warnings":${JSON.stringify(r.warnings)}`;
  if (r.arithmetic !== undefined) out += jsonAfter('arithmetic', r.arithmetic, false);
  if (r.trace !== undefined) out += `,"trace":${JSON.stringify(r.trace)}`;
  return `${out}}`;
}

function annualJsonOf(a: AnnualResult, withLabel: boolean, h: Texts, q: Texts): string {
  const out = `{"person":${jsonString(a.person)},"year":${a.year}${h.json}`;
  if (!withLabel && a.reason === undefined && a.details === undefined && a.trace === undefined) return `${out}${q.json}}`;
  return out + annualJsonRest(a, withLabel, q);
}
function annualJsonRest(a: AnnualResult, withLabel: boolean, q: Texts): string {
  let out = withLabel && a.gradeLabel !== undefined ? `,"gradeLabel":${JSON.stringify(a.gradeLabel)}${q.json}` : q.json;
  if (a.reason !== undefined) out += `,"reason":${jsonString(a.reason)}`;
  if (a.details !== undefined) out += `,"details":${jsonValue(a.details)}`;
  if (a.trace !== undefined) out += `,"trace":${JSON.stringify(a.trace)}`;
  return `${out}}`;
}

function annualRowOf(a: AnnualResult, h: Texts, q: Texts): string {
  const out = csvCell(a.person) + ',' + a.year + h.csv + q.csv;
  return a.reason === undefined && a.details === undefined ? `${out},,\n` : `${out}${csvAfter(a.reason)}${a.details === undefined ? ',' : `,${csvCell(a.details)}`}\n`;
}

export function rejectRow(r: Rejection): string {
  return csvLine([r.line, r.person, r.period, [...new Set(r.errors.map((e) => e.field))].join(' '), r.errors.map((e) => e.message).join('; ')]);
}
