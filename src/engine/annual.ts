// Collecting quarterly (and yearly-sheet) results to form each person's annual result. A quarter
// file holds about as many persons as rows, so what is kept per person is its id and a few
// integers in typed arrays (no object per person or per quarter for the collector to trace), and
// a person is found through an index of 32-bit fingerprints: a new person costs one probe there,
// where a Map would follow its bucket to each entry and each entry's key.

import type { Engine } from './engine.js';
import type { AnnualResult, ScoreResult } from './types.js';

const NO_USES = new Map<string, string>();

/** A copy of `a` with twice the room. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Collects results, then forms the annual results. Memory grows with the number of persons, not
 * with the number of rows.
 */
export class AnnualAccumulator {
  /** Groups (a person in a year), numbered in the order first seen: their person. */
  private readonly persons: string[] = [];
  /** Per group: year, first and last quarter entry (-1: none). */
  private groups = new Int32Array(3 << 10);
  /** Yearly-sheet results by group, for the few configurations whose annual formula uses them. */
  private readonly uses = new Map<number, Map<string, string>>();
  /** Years in the order first seen. */
  private readonly years: number[] = [];
  /** Open addressing, at most half full: per slot a fingerprint of person and year, and the group number + 1 (0: empty). */
  private slots = new Int32Array(2 << 12);
  // Quarter entries: period, score and the group's next entry (-1: none).
  private readonly periods: string[] = [];
  private readonly finals: string[] = [];
  private next = new Int32Array(1 << 10);

  constructor(
    private readonly engine: Engine,
    private readonly trace: boolean,
  ) {}

  /** Adds a result; results that cannot count (not evaluated, no final score) only register the person. */
  add(r: ScoreResult): void {
    const p = r.period;
    const q = this.engine.isQuarterSheet(r.sheet);
    if (!q && !this.engine.isYearSheetUsed(r.sheet)) return;
    const year = (p.charCodeAt(0) - 48) * 1000 + (p.charCodeAt(1) - 48) * 100 + (p.charCodeAt(2) - 48) * 10 + (p.charCodeAt(3) - 48);
    // Every person with a record gets an annual result, "not evaluated" when no quarter counts.
    const g = this.group(r.person, year);
    if (r.final === undefined || r.status === 'not-evaluated') return;
    if (!q) {
      let u = this.uses.get(g);
      if (!u) this.uses.set(g, (u = new Map()));
      u.set(r.sheet, r.final);
      return;
    }
    const e = this.periods.push(p) - 1;
    this.finals.push(r.final);
    if (e >= this.next.length) this.next = grown(this.next);
    this.next[e] = -1;
    const groups = this.groups;
    const last = groups[3 * g + 2];
    if (last < 0) groups[3 * g + 1] = e;
    else this.next[last] = e;
    groups[3 * g + 2] = e;
  }

  /** The group of a person in a year, made when first seen. */
  private group(person: string, year: number): number {
    let h = Math.imul(year ^ 0x811c9dc5, 0x01000193);
    for (let i = 0; i < person.length; i++) h = Math.imul(h ^ person.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const g1 = slots[2 * i + 1];
      if (g1 === 0) {
        const g = this.persons.push(person) - 1;
        slots[2 * i] = h;
        slots[2 * i + 1] = g + 1;
        if (3 * g + 3 > this.groups.length) this.groups = grown(this.groups);
        this.groups[3 * g] = year;
        this.groups[3 * g + 1] = -1;
        this.groups[3 * g + 2] = -1;
        if (!this.years.includes(year)) this.years.push(year);
        if (2 * (g + 1) >= slots.length >> 1) this.grow();
        return g;
      }
      if (slots[2 * i] === h && this.groups[3 * (g1 - 1)] === year && this.persons[g1 - 1] === person) return g1 - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = old[j] & mask;
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
      slots[2 * i] = old[j];
      slots[2 * i + 1] = old[j + 1];
    }
    this.slots = slots;
  }

  get size(): number {
    return this.persons.length;
  }

  /** The annual results: by year in the order first seen, and by person in the order first seen. */
  *results(): Generator<AnnualResult> {
    const { groups, next } = this;
    const finals: string[] = [];
    for (const year of this.years) {
      for (let g = 0; g < this.persons.length; g++) {
        if (groups[3 * g] !== year) continue;
        // The group's quarters by period; quarters of the same period stay in the order added.
        const periods: string[] = [];
        finals.length = 0;
        for (let e = groups[3 * g + 1]; e >= 0; e = next[e]) {
          const period = this.periods[e];
          let k = periods.length;
          for (; k > 0 && period < periods[k - 1]; k--) {
            periods[k] = periods[k - 1];
            finals[k] = finals[k - 1];
          }
          periods[k] = period;
          finals[k] = this.finals[e];
        }
        yield this.engine.runAnnual(this.persons[g], year, periods, finals, this.uses.get(g) ?? NO_USES, this.trace);
      }
    }
  }
}
