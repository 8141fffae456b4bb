// Exact arithmetic for scores. Three interchangeable backends behind one interface:
//
// - `scaled`: a value is a plain JS integer counting millionths (10^-6). Sums, comparisons and
//   "mean rounded to two decimals" (a fused exact divide-and-round) need no allocation at all.
//   Whatever it cannot represent exactly (a mean of three that is not rounded at once, a product
//   with more than six decimals, a value beyond 9 x 10^9) throws `Overflow`, and the engine redoes
//   the record on the next backend. This is the fastest path.
// - `rational`: a value is a fraction n/d of two safe integers (|n|, d < 2^53). Sums, products,
//   division by an integer and comparison are exact; every result is checked to stay within the
//   safe-integer range, and an operation that would leave it throws `Overflow` (the engine then
//   re-runs the record on the decimal backend). This is the fast path: no allocation beyond a
//   two-field object, no binary floating-point rounding anywhere (every number handled is an
//   integer below 2^53, where IEEE doubles are exact).
// - `decimal`: decimal.js with 64 significant digits. Terminating decimals are exact; a
//   non-terminating quotient (a mean of 3) is carried to 64 digits, and the only rounding that
//   matters, to `decimals` places, is then decided exactly: a fraction p/q with q < 10^20 that is
//   not itself a tie differs from every tie by at least 1/(2·q·10^decimals), far above 10^-50.
//
// Both round with the configured mode; tests compare the two on exhaustive grids.

import { Decimal } from 'decimal.js';
import type { RoundingMode } from './config.js';

export class Overflow extends Error {
  constructor() {
    super('rational overflow');
  }
}

export interface Arith<V> {
  readonly name: 'scaled' | 'rational' | 'decimal';
  /** n × 10^-scale, n a safe integer. */
  fromScaled(n: number, scale: number): V;
  /** A decimal literal ("2.99", "-1", "0,5"); undefined when it is not one. */
  parse(text: string): V | undefined;
  add(a: V, b: V): V;
  sub(a: V, b: V): V;
  mul(a: V, b: V): V;
  /** a / n for a positive integer n. */
  divInt(a: V, n: number): V;
  div(a: V, b: V): V;
  cmp(a: V, b: V): number;
  round(a: V, decimals: number, mode: RoundingMode): V;
  /** round(a / n) for a positive integer n, exactly (the mean of n scores, rounded). */
  divRound(a: V, n: number, decimals: number, mode: RoundingMode): V;
  /** Exact text when the value terminates within `max` decimals, else rounded half-even with "…". */
  show(a: V, max?: number): string;
  /** The value with exactly `decimals` places (the value must already be rounded to at most that). */
  fixed(a: V, decimals: number): string;
  /** Decimals needed to write the value exactly (Infinity when it does not terminate). */
  decimalsOf(a: V): number;
  isInteger(a: V): boolean;
  sign(a: V): number;
}

// ---------------------------------------------------------------------------------------------
// Decimal literal scanning (shared): digits and scale, no floating point.

export interface Scanned {
  neg: boolean;
  /** All digits without the point, leading zeros stripped ("" for zero). */
  digits: string;
  /** Digits after the point. */
  scale: number;
}

/** Accepts `12`, `-3.5`, `+0,25`, ` 4.00 `; rejects `1e3`, `.5`, `5.`, `abc`, ``. */
export function scanDecimal(text: string): Scanned | undefined {
  const s = text.trim();
  const n = s.length;
  if (n === 0) return undefined;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) {
    neg = c0 === 45;
    i = 1;
  }
  let digits = '';
  let scale = 0;
  let seenDigit = false;
  let point = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      seenDigit = true;
      if (point) scale++;
      if (digits.length > 0 || c !== 48) digits += s[i];
      else if (point) digits += ''; // leading zero after the point: keep scale only
    } else if ((c === 46 || c === 44) && !point && seenDigit) {
      point = true;
      if (i === n - 1) return undefined; // "5."
    } else return undefined;
  }
  if (!seenDigit) return undefined;
  return { neg, digits, scale };
}

const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

// ---------------------------------------------------------------------------------------------
// Rational backend

export interface Q {
  n: number;
  d: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function q(n: number, d: number): Q {
  if (!(n <= SAFE && n >= -SAFE && d <= SAFE)) throw new Overflow();
  return { n, d };
}

function reduce(n: number, d: number): Q {
  if (!(n <= SAFE && n >= -SAFE && d <= SAFE)) throw new Overflow();
  if (d === 1 || n === 0) return { n, d: n === 0 ? 1 : d };
  const g = gcd(n, d);
  return g === 1 ? { n, d } : { n: n / g, d: d / g };
}

function roundIntQuotient(num: number, den: number, mode: RoundingMode): number {
  // num may be negative; den > 0. Returns the integer num/den rounded with mode.
  const neg = num < 0;
  const a = neg ? -num : num;
  let qt = Math.floor(a / den);
  let r = a - qt * den;
  // The float quotient may be one off for large operands; fix it with exact integer checks.
  while (r < 0) {
    qt -= 1;
    r += den;
  }
  while (r >= den) {
    qt += 1;
    r -= den;
  }
  let up: boolean;
  if (r === 0) up = false;
  else {
    switch (mode) {
      case 'down':
        up = false;
        break;
      case 'up':
        up = true;
        break;
      default: {
        // compare 2r with den without overflow: r vs den - r
        const other = den - r;
        if (r > other) up = true;
        else if (r < other) up = false;
        else up = mode === 'half-up' ? true : mode === 'half-down' ? false : qt % 2 === 1;
      }
    }
  }
  const mag = up ? qt + 1 : qt;
  return neg ? -mag : mag;
}

export const rational: Arith<Q> = {
  name: 'rational',
  fromScaled(n, scale) {
    if (scale > 15) throw new Overflow();
    return q(n, POW10[scale]);
  },
  parse(text) {
    const s = scanDecimal(text);
    if (!s) return undefined;
    if (s.digits.length > 15 || s.scale > 15) throw new Overflow();
    const n = s.digits === '' ? 0 : Number(s.digits);
    return { n: s.neg ? -n : n, d: POW10[s.scale] };
  },
  add(a, b) {
    if (a.d === b.d) return q(a.n + b.n, a.d);
    return reduce(a.n * b.d + b.n * a.d, a.d * b.d);
  },
  sub(a, b) {
    if (a.d === b.d) return q(a.n - b.n, a.d);
    return reduce(a.n * b.d - b.n * a.d, a.d * b.d);
  },
  mul(a, b) {
    return reduce(a.n * b.n, a.d * b.d);
  },
  divInt(a, k) {
    if (!Number.isInteger(k) || k <= 0) throw new RangeError(`divInt by ${k}`);
    return reduce(a.n, a.d * k);
  },
  div(a, b) {
    if (b.n === 0) throw new RangeError('division by zero');
    const s = b.n < 0 ? -1 : 1;
    return reduce(s * a.n * b.d, Math.abs(b.n) * a.d);
  },
  cmp(a, b) {
    if (a.d === b.d) return a.n === b.n ? 0 : a.n < b.n ? -1 : 1;
    const l = a.n * b.d;
    const r = b.n * a.d;
    if (!(l <= SAFE && l >= -SAFE && r <= SAFE && r >= -SAFE)) throw new Overflow();
    return l === r ? 0 : l < r ? -1 : 1;
  },
  round(a, decimals, mode) {
    const p = POW10[decimals];
    if (a.d === p) return a;
    const num = a.n * p;
    if (!(num <= SAFE && num >= -SAFE)) throw new Overflow();
    if (a.d === 1) return { n: num, d: p };
    return { n: roundIntQuotient(num, a.d, mode), d: p };
  },
  divRound(a, k, decimals, mode) {
    return this.round(this.divInt(a, k), decimals, mode);
  },
  show(a, max = 6) {
    const k = this.decimalsOf(a);
    if (k <= max) return this.fixed(a, k);
    return this.fixed(this.round(a, max, 'half-even'), max) + '…';
  },
  fixed(a, decimals) {
    const p = POW10[decimals];
    let n: number;
    if (a.d === p) n = a.n;
    else {
      const t = a.n * p;
      if (!(t <= SAFE && t >= -SAFE)) throw new Overflow();
      if (t % a.d !== 0) throw new RangeError(`value ${a.n}/${a.d} has more than ${decimals} decimals`);
      n = t / a.d;
    }
    const neg = n < 0;
    let s = String(neg ? -n : n);
    if (decimals > 0) {
      s = s.padStart(decimals + 1, '0');
      s = `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
    }
    return neg ? `-${s}` : s;
  },
  decimalsOf(a) {
    let d = a.d / gcd(a.n, a.d);
    let k2 = 0;
    let k5 = 0;
    while (d % 2 === 0) {
      d /= 2;
      k2++;
    }
    while (d % 5 === 0) {
      d /= 5;
      k5++;
    }
    return d === 1 ? Math.max(k2, k5) : Infinity;
  },
  isInteger(a) {
    return a.n % a.d === 0;
  },
  sign(a) {
    return a.n === 0 ? 0 : a.n < 0 ? -1 : 1;
  },
};

// ---------------------------------------------------------------------------------------------
// Scaled-integer backend: millionths in a plain number.

const UNIT = 1e6;
const UNIT_DIGITS = 6;
const LIMIT = 9e15; // below 2^53

function safe(x: number): number {
  if (!(x <= LIMIT && x >= -LIMIT)) throw new Overflow();
  return x;
}

/**
 * The millionths of a plain literal (an optional sign, at most 15 digits, at most 6 of them after
 * a point or comma, nothing else), read without allocating: the scores the engine writes (and
 * reads back for the annual result) are such.
 * Undefined for anything else, which scanDecimal then reads (or rejects) as usual.
 */
function parsePlain(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  const c0 = text.charCodeAt(0);
  const neg = c0 === 45; /* - */
  if (neg || c0 === 43 /* + */) i = 1;
  let v = 0;
  let digits = 0;
  let scale = -1; // digits after the point, -1 before one
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if ((c === 46 || c === 44) && scale < 0 && digits > 0) scale = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || scale === 0 || scale > UNIT_DIGITS) return undefined;
  return safe((neg ? -v : v) * POW10[UNIT_DIGITS - (scale < 0 ? 0 : scale)]);
}

const FIXED2: string[] = [];

function scaledFixed(a: number, decimals: number): string {
  if (decimals < UNIT_DIGITS && a % POW10[UNIT_DIGITS - decimals] !== 0) throw new RangeError(`value ${a / UNIT} has more than ${decimals} decimals`);
  const neg = a < 0;
  const n = decimals <= UNIT_DIGITS ? (neg ? -a : a) / POW10[UNIT_DIGITS - decimals] : (neg ? -a : a) * POW10[decimals - UNIT_DIGITS];
  let s = String(n);
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    s = `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  }
  return neg ? `-${s}` : s;
}

export const scaled: Arith<number> = {
  name: 'scaled',
  fromScaled(n, scale) {
    if (scale > UNIT_DIGITS) throw new Overflow();
    return safe(n * POW10[UNIT_DIGITS - scale]);
  },
  parse(text) {
    const plain = parsePlain(text);
    if (plain !== undefined) return plain;
    const s = scanDecimal(text);
    if (!s) return undefined;
    if (s.scale > UNIT_DIGITS || s.digits.length > 15) throw new Overflow();
    const n = s.digits === '' ? 0 : Number(s.digits);
    return safe((s.neg ? -n : n) * POW10[UNIT_DIGITS - s.scale]);
  },
  add: (a, b) => safe(a + b),
  sub: (a, b) => safe(a - b),
  mul(a, b) {
    const p = a * b;
    if (!(p <= LIMIT && p >= -LIMIT) || p % UNIT !== 0) throw new Overflow();
    return p / UNIT;
  },
  divInt(a, k) {
    if (a % k !== 0) throw new Overflow(); // not exact in millionths: let a finer backend do it
    return a / k;
  },
  div(a, b) {
    if (b === 0) throw new RangeError('division by zero');
    const p = a * UNIT;
    if (!(p <= LIMIT && p >= -LIMIT) || p % b !== 0) throw new Overflow();
    return p / b;
  },
  cmp: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
  round(a, decimals, mode) {
    if (decimals >= UNIT_DIGITS) return a;
    const step = POW10[UNIT_DIGITS - decimals];
    if (a % step === 0) return a;
    return roundIntQuotient(a, step, mode) * step;
  },
  divRound(a, k, decimals, mode) {
    const step = POW10[UNIT_DIGITS - decimals];
    return safe(roundIntQuotient(a, k * step, mode) * step);
  },
  show(a, max = 6) {
    return this.fixed(a, Math.min(this.decimalsOf(a), max));
  },
  fixed(a, decimals) {
    if (decimals === 2 && a >= 0 && a <= 1e9 && a % 1e4 === 0) {
      // Scores with two decimals repeat: 0.00 .. 1000.00 are kept once made.
      const i = a / 1e4;
      return (FIXED2[i] ??= scaledFixed(a, 2));
    }
    return scaledFixed(a, decimals);
  },
  decimalsOf(a) {
    if (a === 0) return 0;
    let k = UNIT_DIGITS;
    while (k > 0 && a % POW10[UNIT_DIGITS - k + 1] === 0) k--;
    return k;
  },
  isInteger: (a) => a % UNIT === 0,
  sign: (a) => (a === 0 ? 0 : a < 0 ? -1 : 1),
};

// ---------------------------------------------------------------------------------------------
// Decimal backend (decimal.js)

const D = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
type Dec = InstanceType<typeof D>;

const DEC_MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP, // ties away from zero
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN, // ties towards zero
  down: Decimal.ROUND_DOWN, // towards zero
  up: Decimal.ROUND_UP, // away from zero
};

export const decimal: Arith<Dec> = {
  name: 'decimal',
  fromScaled(n, scale) {
    return new D(n).div(POW10[scale] ?? new D(10).pow(scale));
  },
  parse(text) {
    const s = scanDecimal(text);
    if (!s) return undefined;
    const digits = s.digits === '' ? '0' : s.digits;
    const v = new D(`${s.neg ? '-' : ''}${digits}e-${s.scale}`);
    return v;
  },
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  divInt: (a, k) => a.div(k),
  div: (a, b) => a.div(b),
  cmp: (a, b) => a.cmp(b),
  round: (a, decimals, mode) => a.toDecimalPlaces(decimals, DEC_MODES[mode]),
  divRound: (a, k, decimals, mode) => a.div(k).toDecimalPlaces(decimals, DEC_MODES[mode]),
  show(a, max = 6) {
    const k = this.decimalsOf(a);
    if (k <= max) return a.toFixed(k);
    return a.toFixed(max, Decimal.ROUND_HALF_EVEN) + '…';
  },
  fixed(a, decimals) {
    if (a.decimalPlaces() > decimals) throw new RangeError(`value ${a.toString()} has more than ${decimals} decimals`);
    return a.toFixed(decimals);
  },
  decimalsOf(a) {
    const k = a.decimalPlaces();
    // A value carried to the full precision did not terminate (or needs more digits than kept).
    return a.precision(true) >= 64 ? Infinity : k;
  },
  isInteger: (a) => a.isInteger(),
  sign: (a) => (a.isZero() ? 0 : a.isNegative() ? -1 : 1),
};

export type { Dec };
