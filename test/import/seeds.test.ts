// `metodika import` on the five published texts: each imported act has the structure of its
// hand-curated YAML (chapters, points, sub-points, appendices, form rows), and its built text
// reproduces the seed's words in order (the fidelity measure of test/fidelity.test.ts). The
// reference bank's page furniture (its banner, the "Утратил силу" watermark, a bookmark) is not the
// act: those seed lines, listed here by hand, are left out of the measure, as the foundation's test
// leaves out the part of 001 that is another act.
import { describe, expect, it } from 'vitest';
import { formatFidelity, measureFidelity } from '../../src/fidelity/fidelity.js';
import { importText, type ImportResult } from '../../src/import/index.js';
import { loadString } from '../../src/load/load.js';
import { validateLoaded } from '../../src/validate/validate.js';
import { structureOf } from '../../src/import/structure.js';
import type { MethodologyFile } from '../../src/model/source.js';
import { numberNodes } from '../../src/resolve/build-tree.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath, seed } from '../helpers.js';

interface Case {
  seed: string;
  appendix?: string;
  /** The curated act whose structure the import must have. */
  target: string;
  /** Seed lines the act is: [from, to], 1-based, inclusive. */
  lines?: [number, number];
  /** Seed lines of the reference bank's furniture, not the act. */
  furniture?: Array<[number, number]>;
  /** The share of the seed's words the build must reproduce. */
}

const CASES: Case[] = [
  { seed: '000_4cfb7ede7e01f99a.txt', target: 'mangistau-district-2025' },
  { seed: '001_bd87805fbc2ceb4a.txt', appendix: '1', target: 'corps-a-2025', lines: [1, 1567], furniture: [[3, 3]] },
  { seed: '001_bd87805fbc2ceb4a.txt', appendix: '2', target: 'typical-b-2025', lines: [1568, 2002] },
  { seed: '002_5d21611e60522768.txt', target: 'zhanakorgan-district-2025' },
  { seed: '003_fecf19c758279eb6.txt', target: 'sjc-2017', furniture: [[2, 21], [381, 395]] },
  { seed: '004_8bb19c2e6c762156.txt', target: 'oblast-2023' },
];

/** The seed as measured: lines outside the act and the furniture blank (line numbers kept). */
function measured(c: Case): string {
  return seed(c.seed).split('\n').map((l, i) => {
    const no = i + 1;
    const inAct = !c.lines || (no >= c.lines[0] && no <= c.lines[1]);
    const furniture = (c.furniture ?? []).some(([a, b]) => no >= a && no <= b);
    return inAct && !furniture ? l : '';
  }).join('\n');
}

const imports = new Map<string, Promise<ImportResult>>();
const imported = (c: Case) => {
  const key = `${c.seed}:${c.appendix ?? ''}`;
  if (!imports.has(key)) imports.set(key, importText(seed(c.seed), { file: c.seed, appendix: c.appendix }));
  return imports.get(key)!;
};

async function composed(id: string): Promise<{ source: MethodologyFile; numbers: Map<string, string> }> {
  const { act, diagnostics } = await resolveFile(actPath(id));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { source: act!.source, numbers: act!.numbers };
}

describe.each(CASES)('import $seed $appendix', (c) => {
  it(`has the structure of ${c.target}`, async () => {
    const r = await imported(c);
    const target = await composed(c.target);
    const mine = structureOf(r.act, numberNodes(r.act));
    expect(mine).toEqual(structureOf(target.source, target.numbers));
    expect(mine.chapters).toBeGreaterThan(0);
  });

  it('writes YAML that reads back to the act it built, valid against the schema', async () => {
    const r = await imported(c);
    const loaded = loadString(`${r.act.id}.yaml`, r.yaml);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(await validateLoaded(loaded.loaded)).toEqual([]);
    expect(JSON.parse(JSON.stringify(loaded.loaded.value))).toEqual(JSON.parse(JSON.stringify(r.act)));
  });

  it(`reproduces at least 98 % of the seed's words in order`, async () => {
    const r = await imported(c);
    const f = measureFidelity(measured(c), r.text);
    console.log(formatFidelity(`import ${c.seed}${c.appendix ? ` --appendix ${c.appendix}` : ''} (target 98 %)`, f, 12));
    console.log(`  report: ${r.report.summary()}`);
    expect(f.seedWords).toBeGreaterThan(1500);
    expect(f.recall).toBeGreaterThanOrEqual(0.98);
  });
});

describe('what the report says', () => {
  const entries = async (c: Case) => (await imported(c)).report.entries.map((e) => `${e.line}${e.to ? `-${e.to}` : ''} ${e.kind}: ${e.message}`);

  it('000: the displaced words, spaced letters, split words and the guidance printed before its row, each at its line', async () => {
    const e = await entries(CASES[0]);
    expect(e).toContain('13 repaired: number put back after "№": "маслихата" от 27 марта 2018 года № 15/165 (зарегистрировано в Реестре"');
    expect(e).toContain('16 repaired: word displaced to the end of the line put back: "изложить в новой редакции согласно приложению к настоящему решению"');
    expect(e).toContain('272 repaired: letters spaced out joined: "параметру"');
    expect(e).toContain('367 repaired: word split after its first letter joined: "взысканий"');
    expect(e).toContain('331-347 repaired: guidance printed before its parameter (page break) moved to row 4');
    expect(e.filter((x) => / (unplaced|not-reproduced):/.test(x))).toEqual([]);
  });

  it('002: words out of order around a line break, a word split around a letter', async () => {
    const e = await entries(CASES[3]);
    expect(e).toContain('12-15 repaired: words out of order at the paragraph\'s end put back: "әдістемесі бекітілсін."');
    expect(e).toContain('249 repaired: word split around a letter joined: "негізделген"');
    expect(e).toContain('7 repaired: word displaced to the end of the line put back: "Республикасы Заңының 33 бабының 5 тармағына және "Мемлекеттік әкімшілік"');
  });

  it('003: the banner and the watermark are furniture; the heading the format cannot hold is reported', async () => {
    const e = await entries(CASES[4]);
    expect(e.filter((x) => x.includes('furniture')).map((x) => x.split(':')[0])).toEqual(['2-21 furniture', '381-395 furniture']);
    expect(e).toContain('23 unplaced: heading of the publication with no place in the format: ""Қазақстан Республикасы Жоғары Сот Кеңесінің"');
    expect(e.some((x) => x.startsWith('24 placed: "Распоряжение" is written as kind order'))).toBe(true);
    expect(e).toContain('537-538 repaired: word hyphenated at the line end rejoined: "поощряемых"');
  });

  it('001: the editorial notes and sub-headings kept in place, the missing caption of Appendix 2 supplied', async () => {
    const a1 = await entries(CASES[1]);
    expect(a1.some((x) => x.startsWith('310 placed: a sub-heading inside a chapter'))).toBe(true);
    expect(a1.some((x) => x.startsWith('245 placed: the reference bank\'s editorial note'))).toBe(true);
    const a2 = await entries(CASES[2]);
    expect(a2).toContain('1869 supplied: appendix 2 has no caption ("Приложение 2 к ..."): the caption is generated');
  });

  it('004: the second signatory is not placed; glued words in the layout cells are separated', async () => {
    const e = await entries(CASES[5]);
    expect(e).toContain('13 unplaced: a further signatory (the format has one): "Облыстық мәслихат хатшысы С. Трұмов"');
    expect(e).toContain('18 repaired: words glued together in a table cell separated: "Маңғыстау облыстық мәслихатының 2018 жылғы 20 наурыздағы № 17/212 шешімімен бекітілген"');
  });
});

describe('the rules the text states, read into scoring', () => {
  it('000: grades and caps become data and the text expressions that print them', async () => {
    const { act } = await imported(CASES[0]);
    const s = act.scoring!;
    expect(s.system).toBe('sheet-mean');
    expect(s.grades!.map((g) => [g.grade, g.min, g.max])).toEqual([['effective', 4, 5], ['proper', 3, 3.99], ['satisfactory', 2, 2.99], ['unsatisfactory', 0, 1.99]]);
    expect(s.caps!.map((c) => [c.cap, c.max, c.parameters])).toEqual([
      ['minor-sanction', 2.99, ['managerial-5', 'non-managerial-5']],
      ['other-sanction', 1.99, ['managerial-5', 'non-managerial-5']],
    ]);
    expect(s.scale).toEqual({ min: 0, max: 5, implements: ['point-18-part-2'] });
    expect(s.eligibility).toMatchObject({ 'min-months-in-position': 1, 'min-working-days': 15 });
    expect(s.routing).toEqual([
      { route: 'route-1', sheet: 'managerial', evaluator: 'direct-superior', categories: ['E-2'], implements: ['point-17'] },
      { route: 'route-2', sheet: 'non-managerial', evaluator: 'head-of-apparatus', otherwise: true, implements: ['point-17-part-2'] },
    ]);
    const point8 = act.methodology!.chapters![0].points[7];
    expect(point8.parts!.at(-1)).toMatchObject({ text: { ru: expect.stringContaining('"{{grade "proper"}}" {{band "proper"}}') } });
  });

  it('001 Appendix 2: the typical routing, categories with their positions, the specific rules first', async () => {
    const { act } = await imported(CASES[2]);
    expect(act.scoring!.routing!.map((r) => [r.sheet, r.evaluator, r.categories ? 'categories' : r.managerial ? 'managerial' : 'otherwise'])).toEqual([
      ['managerial', 'direct-superior', 'categories'],
      ['non-managerial', 'direct-superior', 'categories'],
      ['managerial', 'head-of-unit-or-body', 'managerial'],
      ['non-managerial', 'head-of-unit-or-body', 'otherwise'],
    ]);
    expect(act.scoring!.routing![0].categories).toContainEqual({ category: 'C-1', only: ['deputy-committee-chairman', 'department-director'] });
    expect(act.scoring!.routing![1].categories).toContainEqual({ category: 'D-3', except: ['head-of-unit'] });
  });
});
