// Reading one input value: the texts and numbers a record may hold, on each backend.
import { describe, expect, it } from 'vitest';
import { type Arith, decimal, rational, scaled } from '../../src/engine/arith.js';
import { boundsOf, readNumber, trimmed } from '../../src/engine/inputs.js';

const BACKENDS: Array<Arith<unknown>> = [scaled, rational, decimal] as Array<Arith<unknown>>;
const SCORE = { id: 'q', type: 'number' as const, min: 0, max: 5, decimals: 2 };

/** The value as two-decimal text, or the message. */
function read(A: Arith<unknown>, raw: unknown): string {
  const v = readNumber(A, raw, boundsOf(A, SCORE), 'q');
  return typeof v === 'string' ? v : A.fixed(v, 2);
}

describe('a score as the record gives it', () => {
  const cases: Array<[unknown, string]> = [
    ['4', '4.00'],
    ['4,5', '4.50'],
    ['4.50', '4.50'],
    [' 3.99 ', '3.99'],
    ['0', '0.00'],
    ['5.00', '5.00'],
    ['+3', '3.00'],
    ['3.995', 'q: "3.995" has more than 2 decimals'],
    ['abc', 'q: "abc" is not a number'],
    ['', 'q: "" is not a number'],
    ['6', 'q: "6" is above the maximum 5'],
    ['-1', 'q: "-1" is below the minimum 0'],
    ['1e2', 'q: "1e2" is not a number'],
    ['5.', 'q: "5." is not a number'],
    ['.5', 'q: ".5" is not a number'],
    ['4.5.1', 'q: "4.5.1" is not a number'],
    ['0000000000000000004', '4.00'],
    [4, '4.00'],
    [4.5, '4.50'],
    [3.99, '3.99'],
    [3.995, 'q: 3.995 has more than 2 decimals'],
    [0.1 + 0.2, 'q: 0.30000000000000004 has more than 2 decimals'],
    [6, 'q: 6 is above the maximum 5'],
    [-1, 'q: -1 is below the minimum 0'],
    [Number.NaN, 'q: NaN is not a number'],
    [Number.POSITIVE_INFINITY, 'q: Infinity is not a number'],
    [null, 'q: null is not a number'],
    [true, 'q: true is not a number'],
  ];
  for (const A of BACKENDS) {
    it(`${A.name}: values and messages`, () => {
      for (const [raw, want] of cases) expect(read(A, raw), JSON.stringify(raw)).toBe(want);
    });
  }
  it('a whole-number input says so', () => {
    const b = boundsOf(rational, { id: 'n', type: 'number', min: 0, decimals: 0 });
    expect(readNumber(rational, '2.5', b, 'n')).toBe('n: "2.5" must be a whole number');
    expect(readNumber(rational, 2.5, b, 'n')).toBe('n: 2.5 must be a whole number');
  });
});

describe('trimmed', () => {
  it('is String.prototype.trim', () => {
    for (const s of ['', 'a', ' a', 'a ', '\ta\n', '\u00a0a', 'a\u00a0', '\ufeffa', 'a\u3000', ' ', 'P0000001', 'ИвановИ', ' Иванов ', '\u2028x'])
      expect(trimmed(s), JSON.stringify(s)).toBe(s.trim());
  });
});
