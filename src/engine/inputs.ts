// Reading one input value of a record: a score, a list of scores, or 360 ratings. Every value is
// converted to the exact decimal it denotes; bad values give a message naming the field.

import { type Arith, Overflow, scanDecimal } from './arith.js';
import type { InputConfig } from './config.js';
import type { Rating } from './program.js';
import { numText } from './tables.js';

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export interface InputBounds<V> {
  min?: V;
  max?: V;
  decimals: number;
  down: boolean;
}

export function boundsOf<V>(A: Arith<V>, spec: InputConfig): InputBounds<V> {
  return {
    min: spec.min === undefined ? undefined : A.parse(numText(spec.min)),
    max: spec.max === undefined ? undefined : A.parse(numText(spec.max)),
    decimals: spec.decimals ?? 2,
    down: spec['excess-decimals'] === 'down',
  };
}

/** True for a value that means "absent": undefined, null, "" or whitespace. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function describe(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
}

/** One number; returns the value or an error message. */
export function readNumber<V>(A: Arith<V>, raw: unknown, b: InputBounds<V>, what: string): V | string {
  let v: V | undefined;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return `${what}: ${raw} is not a number`;
    if (Number.isInteger(raw) && Math.abs(raw) < 1e15) v = A.fromScaled(raw, 0);
    else {
      // The decimal with at most k places whose nearest double is `raw`, if any (exact: IEEE
      // division of an integer by 10^k is correctly rounded).
      for (let k = 1; k <= 15 && v === undefined; k++) {
        const n = Math.round(raw * POW10[k]);
        if (Math.abs(n) < 1e15 && n / POW10[k] === raw) v = A.fromScaled(n, k);
      }
      if (v === undefined) v = A.parse(String(raw));
    }
  } else if (typeof raw === 'string') {
    const s = scanDecimal(raw);
    if (!s) return `${what}: ${describe(raw)} is not a number`;
    v = A.parse(raw);
  } else return `${what}: ${describe(raw)} is not a number`;
  if (v === undefined) return `${what}: ${describe(raw)} is not a number`;
  const places = A.decimalsOf(v);
  if (places > b.decimals) {
    if (!b.down) {
      return b.decimals === 0
        ? `${what}: ${describe(raw)} must be a whole number`
        : `${what}: ${describe(raw)} has more than ${b.decimals} decimals`;
    }
    v = A.round(v, b.decimals, 'down');
  }
  if (b.min !== undefined && A.cmp(v, b.min) < 0) return `${what}: ${describe(raw)} is below the minimum ${A.show(b.min)}`;
  if (b.max !== undefined && A.cmp(v, b.max) > 0) return `${what}: ${describe(raw)} is above the maximum ${A.show(b.max)}`;
  return v;
}

/** A list: a JSON array, or a string of values separated by ";" (CSV). */
export function readList<V>(A: Arith<V>, raw: unknown, b: InputBounds<V>, spec: InputConfig, what: string): V[] | string {
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (typeof raw === 'string') items = raw.trim() === '' ? [] : raw.split(';').map((s) => s.trim());
  else if (typeof raw === 'number') items = [raw];
  else return `${what}: ${describe(raw)} is not a list of numbers`;
  const out: V[] = [];
  for (let i = 0; i < items.length; i++) {
    const v = readNumber(A, items[i], b, `${what}[${i + 1}]`);
    if (typeof v === 'string') return v;
    out.push(v);
  }
  const min = spec.count?.min ?? 0;
  const max = spec.count?.max ?? Infinity;
  if (out.length < min || out.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    return `${what}: ${out.length} values given, ${want} required`;
  }
  return out;
}

/** 360 ratings: an array of {respondent, role, scores}, or its JSON text (a CSV cell). */
export function readRatings(raw: unknown, what: string): Rating[] | string {
  let data = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return `${what}: not valid JSON`;
    }
  }
  if (!Array.isArray(data)) return `${what}: expected a list of respondents`;
  const seen = new Set<string>();
  const out: Rating[] = [];
  for (let i = 0; i < data.length; i++) {
    const r = data[i] as Record<string, unknown>;
    if (!r || typeof r !== 'object') return `${what}[${i + 1}]: expected an object`;
    if (typeof r.respondent !== 'string' || !r.respondent.trim()) return `${what}[${i + 1}]: "respondent" is required`;
    if (typeof r.role !== 'string' || !r.role.trim()) return `${what}[${i + 1}]: "role" is required (self, superior, subordinate, peer)`;
    if (!r.scores || typeof r.scores !== 'object' || Array.isArray(r.scores)) return `${what}[${i + 1}]: "scores" must be an object`;
    if (seen.has(r.respondent)) return `${what}: respondent ${r.respondent} appears twice`;
    seen.add(r.respondent);
    out.push({ respondent: r.respondent, role: r.role, scores: r.scores as Record<string, unknown> });
  }
  return out;
}

/** Reads an input; `Overflow` propagates (the caller retries on the decimal backend). */
export function readInput<V>(A: Arith<V>, spec: InputConfig, b: InputBounds<V>, raw: unknown): unknown | { error: string } {
  const what = spec.id;
  let r: unknown;
  try {
    if (spec.type === 'list') r = readList(A, raw, b, spec, what);
    else if (spec.type === 'ratings') r = readRatings(raw, what);
    else r = readNumber(A, raw, b, what);
  } catch (e) {
    if (e instanceof Overflow) throw e;
    throw e;
  }
  return typeof r === 'string' ? { error: r } : r;
}
