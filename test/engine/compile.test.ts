// The compiler: an act's scoring section -> a scoring configuration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoringConfig, Step } from '../../src/engine/config.js';
import { Engine } from '../../src/engine/engine.js';
import type { EvaluationRecord } from '../../src/engine/types.js';
import type { Scoring } from '../../src/model/source.js';
import { resolveFile } from '../../src/resolve/index.js';
import { compileScoring, pointLabels } from '../../src/scoring/compile.js';

const ROOT = join(import.meta.dirname, '..', '..');
const handKept: ScoringConfig = JSON.parse(readFileSync(join(ROOT, 'configs', 'typical-b-2025.scoring.json'), 'utf8'));

const g = (ru: string) => ({ ru });
const param = (parameter: string, ru: string, kk?: string) => ({ parameter, name: kk ? { ru, kk } : { ru }, guidance: g('Учитывается ...') });

/** The typical act's scoring section, written from docs/format.md ("The scoring section"). */
function typicalScoring(): Scoring {
  return {
    system: 'sheet-mean',
    implements: ['assessment-system', 'quarterly-deadline', 'average-note', 'nm-average-note', 'result-basis', 'nm-result-basis'],
    period: 'quarter',
    scale: { min: 0, max: 5, implements: ['scores-0-5'] },
    decimals: 2,
    rounding: 'half-up',
    aggregate: 'mean',
    sheets: {
      managerial: {
        appendix: 'managerial-sheet',
        implements: ['managerial-sheet'],
        parameters: [
          param('supervised-quality', 'Обеспечение качественного выполнения задач в курируемых подразделениях (курируемыми служащими)', 'Жетекшілік ететін бөлімшелерде (жетекшілік ететін қызметшілердің) міндеттердің сапалы орындалуын қамтамасыз ету'),
          param('supervised-deadlines', 'Обеспечение соблюдения сроков выполнения задач в курируемых подразделениях (курируемыми служащими)', 'Жетекшілік ететін бөлімшелерде (жетекшілік ететін қызметшілердің) міндеттердің орындалу мерзімдерінің сақталуын қамтамасыз ету'),
          param('leadership', 'Лидерство и навыки принятия решений', 'Көшбасшылық және шешім қабылдау дағдылары'),
          param('discipline', 'Соблюдения трудовой дисциплины оцениваемым лицом'),
          param('no-sanctions', 'Отсутствие дисциплинарных взысканий', 'Тәртіптік жазалардың болмауы'),
        ],
      },
      'non-managerial': {
        appendix: 'non-managerial-sheet',
        implements: ['non-managerial-sheet'],
        parameters: [
          param('nm-quality', 'Качество выполнения функциональных обязанностей', 'Функционалдық міндеттерді орындау сапасы'),
          param('nm-deadlines', 'Соблюдение сроков выполнения задач', 'Міндеттерді орындау мерзімдерін сақтау'),
          param('nm-initiative', 'Самостоятельность и инициативность', 'Дербестік және бастамашылдық'),
          param('nm-discipline', 'Соблюдение трудовой дисциплины', 'Еңбек тәртібін сақтау'),
          param('nm-no-sanctions', 'Отсутствие дисциплинарных взысканий', 'Тәртіптік жазалардың болмауы'),
        ],
      },
    },
    caps: [
      { cap: 'minor-sanction', max: 2.99, scope: 'final', parameters: ['no-sanctions', 'nm-no-sanctions'], sanctions: ['remark', 'reprimand', 'severe-reprimand'], implements: ['no-sanctions', 'nm-no-sanctions'] },
      { cap: 'other-sanction', max: 1.99, scope: 'final', parameters: ['no-sanctions', 'nm-no-sanctions'], sanctions: ['other'], implements: ['no-sanctions', 'nm-no-sanctions'] },
    ],
    grades: [
      { grade: 'effective', min: 4, max: 5, wording: { ru: 'Выполняет функциональные обязанности эффективно', kk: 'Функционалдық міндеттерін тиімді атқарады' }, implements: ['grades', 'grade-list-effective', 'grade-bands'] },
      { grade: 'proper', min: 3, max: 3.99, wording: { ru: 'Выполняет функциональные обязанности надлежащим образом', kk: 'Функционалдық міндеттерін тиісті түрде атқарады' }, implements: ['grades', 'grade-list-proper', 'grade-bands'] },
      { grade: 'satisfactory', min: 2, max: 2.99, wording: { ru: 'Выполняет функциональные обязанности удовлетворительно', kk: 'Функционалдық міндеттерін қанағаттанарлық түрде атқарады' }, implements: ['grades', 'grade-list-satisfactory', 'grade-bands'] },
      { grade: 'unsatisfactory', min: 0, max: 1.99, wording: { ru: 'Выполняет функциональные обязанности не удовлетворительно', kk: 'Функционалдық міндеттерін қанағаттанарлықсыз түрде атқарады' }, implements: ['grades', 'grade-list-unsatisfactory', 'grade-bands'] },
    ],
    annual: { aggregate: 'mean', deadline: { month: 1, day: 30 }, implements: ['annual-score', 'annual-deadline'] },
    deadlines: [
      { deadline: 'evaluation', 'day-of-next-month': 20, implements: ['quarterly-deadline', 'dismissed'] },
      { deadline: 'calibration-request-deadline', 'working-days': 5, from: 'results-received', implements: ['calibration-request'] },
      { deadline: 'calibration-decision-deadline', 'working-days': 3, from: 'request', implements: ['calibration-decision'] },
      { deadline: 'calibration-session', 'working-days': 10, from: 'request', implements: ['calibration-timing'] },
      { deadline: 'protocol-posting', 'working-days': 3, from: 'signature', implements: ['calibration-protocol'] },
    ],
    eligibility: { 'min-months-in-position': 1, 'min-working-days': 15, implements: ['eligibility', 'min-worked-days'] },
    routing: [
      {
        route: 'listed-heads',
        categories: ['B-1', { category: 'C-1', only: ['deputy-committee-chairman', 'department-director'] }, 'D-1', { category: 'D-3', only: ['head-of-unit'] }, 'C-O-1', 'D-O-1', 'D-R-1', 'C-R-1', 'E-1', 'E-2', 'E-R-1'],
        sheet: 'managerial',
        evaluator: 'direct-superior',
        implements: ['routing'],
      },
      { route: 'listed-staff', categories: [{ category: 'C-1', except: ['deputy-committee-chairman', 'department-director'] }, { category: 'D-3', except: ['head-of-unit'] }], sheet: 'non-managerial', evaluator: 'direct-superior', implements: ['routing-listed-staff'] },
      { route: 'other-heads', managerial: true, sheet: 'managerial', evaluator: 'head-of-unit-or-body', implements: ['routing-other-heads'] },
      { route: 'others', otherwise: true, sheet: 'non-managerial', evaluator: 'head-of-unit-or-body', implements: ['routing-others'] },
    ],
  };
}

function withoutSchema(c: ScoringConfig): ScoringConfig {
  const { $schema: _, ...rest } = c;
  return rest as ScoringConfig;
}

/** A grid of records over both sheets, sanctions, band edges and eligibility. */
function grid(): EvaluationRecord[] {
  const recs: EvaluationRecord[] = [];
  const cats: Array<[string, boolean, string?]> = [['C-4', false], ['D-1', true], ['C-1', false, 'department-director'], ['C-1', false, 'adviser'], ['E-3', true]];
  const sanctions = [[], ['remark'], ['other'], ['reprimand', 'other']];
  const scoreSets = [[5, 5, 5, 5, 5], [4, 4, 4, 4, 3.98], [4, 4, 4, 4, 3.97], [3, 3, 3, 3, 2.95], [2, 2, 2, 2, 1.95], [0, 1, 2, 3, 4], [4.5, 3.25, 5, 4, 4.75]];
  let i = 0;
  for (const [category, managerial, position] of cats) {
    for (const s of sanctions) {
      for (const sc of scoreSets) {
        for (const appointed of [undefined, '2025-03-01', '2025-03-02']) {
          i++;
          recs.push({ person: `g${i}`, period: '2025-Q1', category, managerial, position, sanctions: s, appointed, days_worked: i % 7 === 0 ? 14 : 40, scores: Object.fromEntries(sc.map((v, k) => [`s${k}`, v])) });
        }
      }
    }
  }
  return recs;
}

function scoreGrid(config: ScoringConfig): unknown[] {
  const e = new Engine(config);
  return grid().map((r) => {
    const route = e.route({ category: r.category, managerial: r.managerial as boolean, position: r.position });
    const ids = route.ok ? config.sheets[route.sheet].inputs.map((x) => x.id) : [];
    const rec = { ...r, scores: Object.fromEntries(Object.values(r.scores!).map((v, k) => [ids[k], v])) };
    const out = e.score(rec);
    return out.ok ? out.result : out.rejection;
  });
}

describe('compiling the typical act', () => {
  it('a Scoring written from the format spec compiles to exactly configs/typical-b-2025.scoring.json', () => {
    const r = compileScoring(typicalScoring(), { actId: 'typical-b-2025', points: handKept.points });
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toEqual(withoutSchema(handKept));
  });

  it('the act file itself compiles, and scores a grid of records exactly like the hand-kept configuration', async () => {
    const { act, diagnostics } = await resolveFile(join(ROOT, 'methodologies', 'typical-b-2025.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = compileScoring(act!.source.scoring!, { actId: act!.id, points: pointLabels(act!.source) });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = r.config!;
    // The rules that decide a score are the same...
    const rules = (c: ScoringConfig) => ({
      settings: c.settings,
      tables: Object.fromEntries(Object.entries(c.tables!).map(([k, t]) => [k, t.rows.map((x) => [x.min, x.max, x.band])])),
      sheets: Object.fromEntries(Object.entries(c.sheets).map(([k, s]) => [k, { inputs: s.inputs.map((i) => [i.id, i.min, i.max, i.decimals]), steps: s.steps.map((st: Step) => ({ ...st, implements: undefined, readings: undefined })) }])),
      eligibility: { ...c.eligibility, implements: undefined },
      routing: c.routing!.rules.map((x) => ({ ...x, implements: undefined })),
      categories: c.categories!.codes,
    });
    expect(rules(compiled)).toEqual(rules(handKept));
    // ...and so are the results.
    const records = grid();
    expect(records.length).toBeGreaterThan(400);
    expect(scoreGrid(compiled)).toEqual(scoreGrid(handKept));
  });

  it('point labels agree with the resolver\'s numbering', async () => {
    const { act } = await resolveFile(join(ROOT, 'methodologies', 'typical-b-2025.yaml'));
    const labels = pointLabels(act!.source);
    for (const [id, n] of act!.numbers) {
      if (labels[id]?.startsWith('p. ') && !labels[id].includes(' ', 3)) expect(labels[id], id).toBe(`p. ${n}`);
    }
    expect(labels.eligibility).toBe('p. 6');
    expect(labels['min-worked-days']).toBe('p. 6 part 2');
    expect(labels.routing).toBe('p. 17');
  });

  it('scope parameter puts the cap on the row-5 parameter of each sheet', () => {
    const s = typicalScoring();
    for (const c of s.caps!) c.scope = 'parameter';
    const r = compileScoring(s, { actId: 'x' });
    expect(r.diagnostics).toEqual([]);
    const steps = r.config!.sheets['non-managerial'].steps;
    expect(steps[0]).toMatchObject({ op: 'cap', id: 'nm-no-sanctions.capped', of: 'nm-no-sanctions', scope: 'parameter' });
    expect(steps[1]).toMatchObject({ op: 'aggregate', of: ['nm-quality', 'nm-deadlines', 'nm-initiative', 'nm-discipline', 'nm-no-sanctions.capped'] });
    expect(steps.some((st) => st.op === 'cap' && st.id === 'final')).toBe(false);
  });
});

describe('compile errors and warnings', () => {
  it('a bad setting, a missing sheet for a parameter cap, an unknown system', () => {
    const s1 = typicalScoring();
    s1.settings = { 'month-in-post': 'weeks' };
    expect(compileScoring(s1, { actId: 'x' }).diagnostics.map((d) => d.message).join()).toMatch(/month-in-post: "weeks"/);
    const s2 = typicalScoring();
    s2.caps = [{ cap: 'c', max: 2.99, scope: 'parameter', parameters: ['nope'], sanctions: ['remark'] }];
    expect(compileScoring(s2, { actId: 'x' }).diagnostics.map((d) => d.message).join()).toMatch(/none of its parameters \(nope\)/);
    const s3 = { system: 'kci' } as Scoring;
    const r3 = compileScoring(s3, { actId: 'x' });
    expect(r3.config).toBeUndefined();
    expect(r3.diagnostics[0].message).toMatch(/settings\.engine/);
  });
  it('overlapping grades are an error; a gap between grades is a warning', () => {
    const s = typicalScoring();
    s.grades![1] = { ...s.grades![1], max: 4 };
    const r = compileScoring(s, { actId: 'x' });
    expect(r.config).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain('table-overlap');
    const t = typicalScoring();
    t.grades![1] = { ...t.grades![1], max: 3.9 };
    const r2 = compileScoring(t, { actId: 'x' });
    expect(r2.config).toBeDefined();
    expect(r2.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'table-gap', message: expect.stringContaining('3.91–3.99') })]);
  });
  it('another system carries its steps in settings.engine', () => {
    const corpsA: ScoringConfig = JSON.parse(readFileSync(join(ROOT, 'configs', 'corps-a-2025.scoring.json'), 'utf8'));
    const { sheets, tables, constants, readings, routing, eligibility, categories } = corpsA;
    const s: Scoring = { system: 'kci', period: 'year', settings: { engine: { sheets, tables, constants, readings, routing, eligibility, categories } } };
    const r = compileScoring(s, { actId: 'corps-a-2025' });
    expect(r.config?.sheets.kci.steps.length).toBe(6);
    expect(r.diagnostics.filter((d) => d.code === 'table-gap').length).toBe(2);
  });
});

describe('the derived local acts', () => {
  for (const [id, e2Evaluator] of [['mangistau-district-2025', 'direct-superior'], ['zhanakorgan-district-2025', 'maslikhat-chairman']]) {
    it(`${id} compiles with its own routing`, async () => {
      const { act, diagnostics } = await resolveFile(join(ROOT, 'methodologies', `${id}.yaml`));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const r = compileScoring(act!.source.scoring!, { actId: act!.id, points: pointLabels(act!.source) });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const e = new Engine(r.config!);
      expect(e.route({ category: 'Е-2' })).toMatchObject({ ok: true, sheet: 'managerial', evaluator: e2Evaluator });
      expect(e.route({ category: 'E-4', managerial: false })).toMatchObject({ ok: true, sheet: 'non-managerial', evaluator: 'head-of-apparatus' });
    });
  }
});
