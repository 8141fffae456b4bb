// A row of a printed range table read as an interval: "95-99,99", "от 81 до 105 (включительно)",
// "100 и выше", "свыше 130", "менее 80", "5"; kk "95-99,99", "100 және одан жоғары".
import type { RangeRow } from '../../engine/config.js';

const N = '(\\d+(?:[.,]\\d+)?)';
const n = (s: string) => s.replace(',', '.');
const FORMS: Array<[RegExp, (m: RegExpMatchArray) => RangeRow]> = [
  [new RegExp(`^(?:от\\s+)?${N}\\s*(?:-|–|—|до)\\s*${N}`, 'iu'), (m) => ({ min: n(m[1]), max: n(m[2]) })],
  [new RegExp(`^(?:от\\s+)?${N}\\s+(?:и выше|и более|және одан жоғары|және одан көп)`, 'iu'), (m) => ({ min: n(m[1]) })],
  [new RegExp(`^(?:не менее)\\s+${N}`, 'iu'), (m) => ({ min: n(m[1]) })],
  [new RegExp(`^(?:свыше|более)\\s+${N}`, 'iu'), (m) => ({ min: n(m[1]), 'min-exclusive': true })],
  [new RegExp(`^(?:менее)\\s+${N}`, 'iu'), (m) => ({ max: n(m[1]), 'max-exclusive': true })],
  [new RegExp(`^(?:не более|до)\\s+${N}`, 'iu'), (m) => ({ max: n(m[1]) })],
  [new RegExp(`^${N}$`, 'u'), (m) => ({ min: n(m[1]), max: n(m[1]) })],
];

/** The interval a printed cell states, or undefined when the cell is not a range. */
export function parsePrintedRange(cell: string): RangeRow | undefined {
  const s = cell.trim().replace(/\s*\((?:включительно|қоса алғанда)\)/giu, '').replace(/\s*(?:балл|%)\p{L}*\.?$/iu, '').trim();
  for (const [re, make] of FORMS) {
    const m = re.exec(s);
    if (m && m[0].length === s.length) return { ...make(m), printed: cell.trim() };
  }
  return undefined;
}

/** Decimals printed in a row's bounds ("44,49" -> 2). */
export function decimalsOf(row: RangeRow): number {
  return Math.max(0, ...[row.min, row.max].map((v) => (v === undefined ? 0 : (String(v).split('.')[1] ?? '').length)));
}
