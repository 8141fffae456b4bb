// The engine as a library: traces, readings, exactness across backends, configuration errors.
import { describe, expect, it } from 'vitest';
import type { ScoringConfig } from '../../src/engine/config.js';
import { ConfigError, Engine, createEngine } from '../../src/engine/engine.js';
import type { EvaluationRecord, ScoreResult } from '../../src/engine/types.js';
import { loadConfig, rng } from './fixtures.js';

describe('trace', () => {
  const e = new Engine(loadConfig('typical-b-2025'));
  const out = e.score(
    { person: 'x', period: '2025-Q1', category: 'E-4', managerial: false, days_worked: 40, sanctions: ['reprimand'], scores: { 'nm-quality': 5, 'nm-deadlines': 5, 'nm-initiative': 4, 'nm-discipline': 5, 'nm-no-sanctions': 3.5 } },
    { trace: true },
  );
  const r = (out as { ok: true; result: ScoreResult }).result;
  it('names every step, in order, with the points it implements', () => {
    expect(out.ok).toBe(true);
    expect(r.trace!.map((t) => t.step)).toEqual(['route', 'eligibility.months', 'eligibility.working-days', 'mean', 'final', 'grade']);
    expect(r.trace![0].cites).toEqual(['p. 17 part 4']);
    expect(r.trace![4].cites).toEqual(['App. 1 row 5', 'App. 2 row 5']);
    expect(r.trace![5].cites).toContain('p. 8');
  });
  it('shows the readings in force', () => {
    const ids = r.trace!.flatMap((t) => (t.readings ?? []).map((x) => x.id));
    expect(ids).toEqual(expect.arrayContaining(['routing-precedence', 'month-in-post', 'rounding', 'fractional-scores', 'cap-scope', 'sanctions-in-period']));
    expect(r.trace![3].note).toMatch(/mean of 5 values = 4\.5; rounded half-up to 2 decimals/);
    expect(r.trace![4].note).toMatch(/cap "minor-sanction" \(max 2\.99, scope final\) applies: 4\.50 lowered to 2\.99/);
  });
  it('is absent unless asked for', () => {
    const plain = e.score({ person: 'y', period: '2025-Q1', category: 'E-4', managerial: false, days_worked: 40, scores: { 'nm-quality': 5, 'nm-deadlines': 5, 'nm-initiative': 4, 'nm-discipline': 5, 'nm-no-sanctions': 5 } });
    expect(plain.ok && plain.result.trace).toBeUndefined();
  });
  it('a gap stops the computation and says where it is', () => {
    const a = new Engine(loadConfig('corps-a-2025'), { trace: true });
    const g = a.score({ person: 'k', period: '2025', category: '1', days_worked: 100, scores: { 'instructions-percent': '44,7', 'instructions-score': 2, 'other-percent': '100;100;100;100', 'other-score': '5;5;5;5' } });
    expect(g.ok && g.result.status).toBe('gap');
    expect(g.ok && g.result.trace!.at(-1)).toMatchObject({ step: 'instructions-max', out: 'gap' });
  });
});

describe('exact arithmetic in the engine', () => {
  it('the fast path and decimal.js agree on 2,000 random records of each system', () => {
    const rand = rng(20250728);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const score = (dec: number) => Number((Math.floor(rand() * (500 + 1) * 10 ** (dec - 2 < 0 ? 0 : 0)) / 100).toFixed(dec === 0 ? 0 : 2));
    const make: Record<string, (i: number) => EvaluationRecord> = {
      'typical-b-2025': (i) => ({
        person: `t${i}`,
        period: pick(['2024-Q3', '2025-Q1', '2026-Q2']),
        category: pick(['C-4', 'E-2', 'D-1', 'C-O-5']),
        managerial: pick([true, false]),
        days_worked: 10 + Math.floor(rand() * 50),
        sanctions: pick([[], [], ['remark'], ['other'], ['severe-reprimand', 'other']]),
        scores: {},
      }),
      'oblast-2023': (i) => ({ person: `o${i}`, period: '2024-Q2', category: pick(['D-2', 'D-3', 'D-4']), scores: { quality: score(2), deadlines: score(2), initiative: score(2), discipline: score(2) } }),
      'sjc-2017': (i) => ({ person: `s${i}`, period: '2017-Q3', managerial: pick([true, false]), scores: { bonus: Array.from({ length: Math.floor(rand() * 8) }, () => 1 + Math.floor(rand() * 5)), violations: Math.floor(rand() * 15) } }),
      'corps-a-2025': (i) => ({
        person: `k${i}`,
        period: '2025',
        sheet: 'kci-transitional',
        scores: { kci: Array.from({ length: 5 }, () => score(2)), 'customer-orientation': score(2), climate: score(2), initiative: score(2) },
      }),
    };
    for (const [id, gen] of Object.entries(make)) {
      const config = loadConfig(id);
      const fast = new Engine(config);
      const slow = new Engine(config, { arithmetic: 'decimal' });
      let evaluated = 0;
      for (let i = 0; i < 2000; i++) {
        const rec = gen(i);
        if (id === 'typical-b-2025') {
          const route = fast.route({ category: rec.category, managerial: rec.managerial as boolean });
          const ids = route.ok ? config.sheets[route.sheet].inputs.map((x) => x.id) : [];
          rec.scores = Object.fromEntries(ids.map((k) => [k, score(2)]));
        }
        const a = fast.score(rec);
        const b = slow.score(rec);
        expect(a, `${id} #${i}`).toEqual(b);
        if (a.ok && a.result.status === 'evaluated') evaluated++;
      }
      expect(evaluated, id).toBeGreaterThan(500);
    }
  });

  it('a computation too large for the fast path is redone exactly with decimal.js', () => {
    const config: ScoringConfig = {
      format: 'metodika-scoring/1',
      id: 'big',
      act: { id: 'big' },
      system: 'test',
      period: 'year',
      settings: { decimals: 2, rounding: 'half-up' },
      sheets: {
        s: {
          period: 'year',
          inputs: [
            { id: 'a', type: 'number', min: 0, decimals: 2 },
            { id: 'b', type: 'number', min: 0, decimals: 2 },
          ],
          steps: [{ op: 'aggregate', id: 'mean', fn: 'mean', of: ['a', 'b'], round: true }],
          final: 'mean',
        },
      },
    };
    const e = new Engine(config);
    const out = e.score({ person: 'p', period: '2025', sheet: 's', scores: { a: '90000000000000.01', b: '90000000000000.02' } });
    expect(out).toMatchObject({ ok: true, result: { final: '90000000000000.02', arithmetic: 'decimal' } });
    const small = e.score({ person: 'p', period: '2025', sheet: 's', scores: { a: '1.01', b: '1.02' } });
    expect(small).toMatchObject({ ok: true, result: { final: '1.02' } });
    expect(small.ok && small.result.arithmetic).toBeUndefined();
  });
});

describe('configuration errors', () => {
  it('a schema violation, named with its path', () => {
    const c = loadConfig('typical-b-2025') as unknown as Record<string, unknown>;
    c.rounding = 'bankers';
    expect(() => createEngine(c as unknown as ScoringConfig)).toThrow(ConfigError);
    try {
      createEngine(c as unknown as ScoringConfig);
    } catch (e) {
      expect((e as ConfigError).message).toMatch(/unknown property "rounding"/);
    }
  });
  it('a step that uses a value before it is defined', () => {
    const c = loadConfig('typical-b-2025');
    c.sheets.managerial.steps[0] = { ...c.sheets.managerial.steps[0], of: ['nope'] } as (typeof c.sheets.managerial.steps)[0];
    expect(() => new Engine(c)).toThrow(/"nope" is not defined before it is used in managerial/);
  });
  it('overlapping rows, an unknown table, a routing rule naming an unknown sheet or category', () => {
    const c = loadConfig('typical-b-2025');
    c.tables!.grades.rows[1].max = 4.5;
    expect(() => new Engine(c)).toThrow(/overlap/);
    const d = loadConfig('typical-b-2025');
    (d.sheets.managerial.steps[2] as { table: string }).table = 'bands';
    expect(() => new Engine(d)).toThrow(/unknown table "bands"/);
    const f = loadConfig('typical-b-2025');
    f.routing!.rules[0].sheet = 'x';
    f.routing!.rules[0].categories = ['Z-1'];
    expect(() => new Engine(f)).toThrow(/unknown sheet "x"[\s\S]*category Z-1/);
  });
  it('a constant that is not a number', () => {
    const c = loadConfig('corps-a-2025');
    c.constants!['weight-kci'].value = '$other';
    expect(() => new Engine(c)).toThrow(ConfigError);
  });
});

describe('the annual accumulator', () => {
  it('one result per person and year, in the order first seen', () => {
    const e = new Engine(loadConfig('typical-b-2025'));
    const acc = e.annual();
    const rec = (person: string, period: string, v: number): EvaluationRecord => ({ person, period, category: 'E-4', managerial: false, days_worked: 40, scores: { 'nm-quality': v, 'nm-deadlines': v, 'nm-initiative': v, 'nm-discipline': v, 'nm-no-sanctions': v } });
    for (const r of [rec('a', '2025-Q1', 4), rec('b', '2025-Q1', 3), rec('a', '2025-Q2', 5), rec('a', '2024-Q4', 2)]) {
      const out = e.score(r);
      if (out.ok) acc.add(out.result);
    }
    const res = [...acc.results()].map((x) => [x.person, x.year, x.final, x.quarters.join(' ')]);
    expect(res).toEqual([
      ['a', 2025, '4.50', '2025-Q1 2025-Q2'],
      ['b', 2025, '3.00', '2025-Q1'],
      ['a', 2024, '2.00', '2024-Q4'],
    ]);
  });
});

describe('one record after another', () => {
  // The engine reuses its registers and per-record scratch; what a record leaves behind (a cap, a
  // gap, warnings, a rejection) must not reach the next one, nor a remembered period or category.
  it('each result is the same whatever record came before it', () => {
    const next = rng(3);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
    // Mostly good values, now and then a bad one.
    const some = <T>(good: T[], bad: T[]): T => (next() < 0.97 ? pick(good) : pick(bad));
    const typical = Array.from({ length: 600 }, (_, i): EvaluationRecord => {
      const managerial = next() < 0.3;
      const sheet = next() < 0.1 ? pick(['managerial', 'non-managerial']) : undefined;
      const ids = (sheet ?? (managerial ? 'managerial' : 'non-managerial')) === 'managerial' ? ['supervised-quality', 'supervised-deadlines', 'leadership', 'discipline', 'no-sanctions'] : ['nm-quality', 'nm-deadlines', 'nm-initiative', 'nm-discipline', 'nm-no-sanctions'];
      return {
        person: some([`p${i}`, ` p${i} `], ['']),
        period: some(['2025-Q1', '2025-Q2', ' 2025-Q3', '2025-q4'], ['2023-Q4', '2025']),
        category: managerial ? some(['D-1', 'Д-1', 'E-2'], ['Q-9']) : some(['C-4', 'С-4', 'E-4'], ['Q-9']),
        managerial: some([managerial, String(managerial)], ['maybe']),
        ...(sheet ? { sheet } : {}),
        days_worked: some([40, '55', 10], ['', 'many']),
        ...(next() < 0.2 ? { appointed: some(['2025-03-20', '2024-12-01'], ['2025-02-30']) } : {}),
        sanctions: some([[], [], ['remark'], 'reprimand@2025-02-10', 'other'], ['bogus']),
        scores: Object.fromEntries(ids.map((id) => [id, some(['4', '4.5', '3,99', ' 5 ', '0', 2.5, 4], ['6', 'abc', '', '3.995'])])),
      };
    });
    const sjc = Array.from({ length: 100 }, (_, i): EvaluationRecord => ({
      person: `s${i}`,
      period: '2017-Q2',
      managerial: false,
      scores: { violations: pick([0, 5, 10, 11, 30]), ...(next() < 0.5 ? { bonus: [pick([1, 3, 5])] } : {}) },
    }));
    for (const [id, records] of [['typical-b-2025', typical], ['sjc-2017', sjc]] as const) {
      const forward = new Engine(loadConfig(id));
      const backward = new Engine(loadConfig(id));
      const a = records.map((r) => forward.score(r));
      const b = [...records].reverse().map((r) => backward.score(r)).reverse();
      expect(JSON.stringify(a), id).toBe(JSON.stringify(b));
      expect(a.some((o) => o.ok && o.result.cap) && a.some((o) => o.ok && o.result.warnings) || id === 'sjc-2017').toBe(true);
      expect(a.some((o) => o.ok && o.result.status === 'gap') || id === 'typical-b-2025').toBe(true);
    }
  });
});
