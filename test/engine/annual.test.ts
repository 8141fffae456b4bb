// Forming the annual results: grouping by person and year, in the order first seen, whatever the
// number of persons; the same answers as grouping with plain Maps and running the formula for each.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { AnnualResult, ScoreResult } from '../../src/engine/types.js';
import { loadConfig, rng } from './fixtures.js';

/** The grouping spelled out: Maps by year and person, quarters sorted by period, the formula run for each group (traced, so never an outcome computed before). */
function reference(engine: Engine, results: ScoreResult[]): AnnualResult[] {
  const years = new Map<number, Map<string, Array<{ period: string; final: string }>>>();
  for (const r of results) {
    if (!engine.isQuarterSheet(r.sheet)) continue;
    const year = Number(r.period.slice(0, 4));
    if (!years.has(year)) years.set(year, new Map());
    const persons = years.get(year)!;
    if (!persons.has(r.person)) persons.set(r.person, []);
    if (r.final !== undefined && r.status !== 'not-evaluated') persons.get(r.person)!.push({ period: r.period, final: r.final });
  }
  const out: AnnualResult[] = [];
  for (const [year, persons] of years) {
    for (const [person, quarters] of persons) {
      const sorted = [...quarters].sort((a, b) => (a.period < b.period ? -1 : 1));
      out.push(engine.runAnnual(person, year, sorted.map((q) => q.period), sorted.map((q) => q.final), new Map(), true));
    }
  }
  return out;
}

const essentials = (a: AnnualResult) => [a.person, a.year, a.status, a.final, a.grade, a.quarters.join(' '), a.reason];

describe('the annual accumulator', () => {
  for (const [id, sheets] of [['typical-b-2025', ['managerial', 'non-managerial']], ['oblast-2023', ['target-indicators', 'differentiation', '360']]] as const) {
    it(`${id}: 30,000 results of 12,000 persons over two years, as grouped by Maps`, () => {
      const engine = new Engine(loadConfig(id));
      const next = rng(7);
      const finals = ['0.00', '1.99', '2.50', '2.99', '3.00', '3.45', '3.99', '4.00', '4.99', '5.00', '83.33', '100.00'];
      const results: ScoreResult[] = [];
      for (let i = 0; i < 30000; i++) {
        const year = next() < 0.8 ? 2025 : 2024;
        const status = next() < 0.1 ? 'not-evaluated' : 'evaluated';
        results.push({
          person: `P${Math.floor(next() * 12000)}`,
          period: `${year}-Q${1 + Math.floor(next() * 4)}`,
          sheet: sheets[Math.floor(next() * sheets.length)],
          status,
          ...(status === 'evaluated' ? { final: finals[Math.floor(next() * finals.length)] } : {}),
        });
      }
      const acc = engine.annual();
      for (const r of results) acc.add(r);
      const got = [...acc.results()];
      const want = reference(engine, results);
      expect(acc.size).toBe(want.length);
      expect(got.map(essentials)).toEqual(want.map(essentials));
    });
  }

  it('quarters of the same period (possible through the library) stay in the order added', () => {
    const engine = new Engine(loadConfig('oblast-2023'));
    const acc = engine.annual({ trace: true });
    const add = (period: string, final: string, sheet: string) => acc.add({ person: 'p', period, sheet, status: 'evaluated', final });
    add('2024-Q2', '50.00', 'differentiation');
    add('2024-Q1', '70.00', 'target-indicators');
    add('2024-Q2', '90.00', 'target-indicators');
    const [a] = [...acc.results()];
    expect(a.quarters).toEqual(['2024-Q1', '2024-Q2', '2024-Q2']);
    expect(a.trace![0].out).toEqual(['2024-Q1: 70.00', '2024-Q2: 50.00', '2024-Q2: 90.00']);
  });

  it('outcomes computed once are shared, never the person, year or quarters', () => {
    const engine = new Engine(loadConfig('typical-b-2025'));
    const acc = engine.annual();
    acc.add({ person: 'a', period: '2025-Q1', sheet: 'managerial', status: 'evaluated', final: '3.45' });
    acc.add({ person: 'b', period: '2025-Q3', sheet: 'managerial', status: 'evaluated', final: '3.45' });
    acc.add({ person: 'c', period: '2024-Q2', sheet: 'managerial', status: 'evaluated', final: '3.45' });
    const [a, b, c] = [...acc.results()];
    expect([a, b, c].map(essentials)).toEqual([
      ['a', 2025, 'evaluated', '3.45', 'proper', '2025-Q1', undefined],
      ['b', 2025, 'evaluated', '3.45', 'proper', '2025-Q3', undefined],
      ['c', 2024, 'evaluated', '3.45', 'proper', '2024-Q2', undefined],
    ]);
    expect(Object.keys(b)).toEqual(Object.keys(a));
  });
});
