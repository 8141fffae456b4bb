// Reading one input value of a record: a score, a list of scores, or 360 ratings. Every value is
// converted to the exact decimal it denotes; bad values give a message naming the field.

import { type Arith, scanDecimal } from './arith.js';
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

/** s.trim(), without the call (a runtime call, not cheap) when there is nothing to trim: the usual case. */
export function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a > 32 && a < 128 && b > 32 && b < 128 ? s : s.trim();
}

/** True for a value that means "absent": undefined, null, "" or whitespace. */
export function isBlank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (typeof raw !== 'string') return false;
  if (raw.length === 0) return true;
  const c = raw.charCodeAt(0);
  return c <= 32 || c === 0xa0 || c === 0xfeff ? raw.trim() === '' : false;
}

// Result registers of scanNumber (no allocation per call).
let scanN = 0;
let scanScale = 0;
let scanPlaces = 0;

/**
 * One pass over a decimal literal ("4", "-3.5", "4,50"): sets scanN (the digits as an integer),
 * scanScale (digits after the point) and scanPlaces (without trailing zeros). Returns false when
 * the text is not a decimal literal, "long" when it has more than 15 digits.
 */
function scanNumber(text: string): boolean | 'long' {
  let i = 0;
  let n = text.length;
  while (i < n && text.charCodeAt(i) <= 32) i++;
  while (n > i && text.charCodeAt(n - 1) <= 32) n--;
  if (i >= n) return false;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let v = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  let sawDigit = false;
  let zeros = 0; // trailing zeros after the point
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      sawDigit = true;
      if (v !== 0 || c !== 48) digits++;
      v = v * 10 + (c - 48);
      if (point) {
        scale++;
        zeros = c === 48 ? zeros + 1 : 0;
      }
    } else if ((c === 46 || c === 44) && !point && sawDigit && i < n - 1) point = true;
    else return false;
  }
  if (!sawDigit) return false;
  if (digits > 15 || scale > 15) return 'long';
  scanN = neg ? -v : v;
  scanScale = scale;
  scanPlaces = scale - zeros;
  return true;
}

function describe(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
}

/**
 * One number; returns the value or an error message. The usual input (a JSON number written with
 * at most the allowed decimals, or a plain decimal text) is read here; the rest by readOtherNumber
 * and readOtherText, out of the way, which keeps this small enough for the compiler to inline.
 */
export function readNumber<V>(A: Arith<V>, raw: unknown, b: InputBounds<V>, what: string): V | string {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && Math.abs(raw) < 1e15) return checked(A, A.fromScaled(raw, 0), 0, raw, b, what);
    // The decimal with the allowed number of places whose nearest double is `raw`, if any (exact:
    // IEEE division of an integer by 10^k is correctly rounded).
    const d = b.decimals;
    const n = d >= 1 && d <= 15 ? Math.round(raw * POW10[d]) : NaN;
    if (Math.abs(n) < 1e15 && n / POW10[d] === raw) return checked(A, A.fromScaled(n, d), d, raw, b, what);
    return readOtherNumber(A, raw, b, what);
  }
  if (typeof raw === 'string') {
    const r = scanNumber(raw);
    if (r !== true) return readOtherText(A, raw, r, b, what);
    return checked(A, A.fromScaled(scanN, scanScale), scanPlaces, raw, b, what);
  }
  return `${what}: ${describe(raw)} is not a number`;
}

/** A JSON number that is not an integer nor a decimal with the allowed places. */
function readOtherNumber<V>(A: Arith<V>, raw: number, b: InputBounds<V>, what: string): V | string {
  if (!Number.isFinite(raw)) return `${what}: ${raw} is not a number`;
  for (let k = 1; k <= 15; k++) {
    const n = Math.round(raw * POW10[k]);
    if (Math.abs(n) < 1e15 && n / POW10[k] === raw) return checked(A, A.fromScaled(n, k), k, raw, b, what);
  }
  // Not a decimal of at most 15 places: the result of a binary computation.
  if (!b.down) return `${what}: ${raw} has more than ${b.decimals} decimals`;
  const v = A.parse(raw.toFixed(Math.min(100, b.decimals + 15)));
  return v === undefined ? `${what}: ${describe(raw)} is not a number` : checked(A, v, A.decimalsOf(v), raw, b, what);
}

/** A text that scanNumber did not read: not a number, or more than 15 digits. */
function readOtherText<V>(A: Arith<V>, raw: string, scan: false | 'long', b: InputBounds<V>, what: string): V | string {
  if (scan === false || !scanDecimal(raw)) return `${what}: ${describe(raw)} is not a number`;
  const v = A.parse(raw); // may throw Overflow: a finer backend takes over
  return v === undefined ? `${what}: ${describe(raw)} is not a number` : checked(A, v, A.decimalsOf(v), raw, b, what);
}

/** The value, checked against the input's decimals (or cut to them) and its range. */
function checked<V>(A: Arith<V>, v: V, places: number, raw: unknown, b: InputBounds<V>, what: string): V | string {
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

/**
 * Reads an input: its value (a number, a list, ratings: never a string), or the message saying
 * why it is not one. `Overflow` propagates (the caller retries on a finer backend).
 */
export function readInput<V>(A: Arith<V>, spec: InputConfig, b: InputBounds<V>, raw: unknown): unknown {
  if (spec.type === 'list') return readList(A, raw, b, spec, spec.id);
  if (spec.type === 'ratings') return readRatings(raw, spec.id);
  return readNumber(A, raw, b, spec.id);
}
