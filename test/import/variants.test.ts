// The importer on acts it has never seen: variants of the seeds (renumbered, with other
// artefacts: Windows line ends, no-break spaces, a page footer and the reference bank's banner in
// the middle of a point, a word hyphenated at a line end, a word spaced out) and a small act written
// for the test in the web page's layout (tab-announced cells, a table joined with "|").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureFidelity } from '../../src/fidelity/fidelity.js';
import { importText } from '../../src/import/index.js';
import { structureOf } from '../../src/import/structure.js';
import type { Change } from '../../src/model/source.js';
import { numberNodes } from '../../src/resolve/build-tree.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath, METHODOLOGIES, seed } from '../helpers.js';

const SEED000 = seed('000_4cfb7ede7e01f99a.txt');
const structure = (act: Parameters<typeof numberNodes>[0]) => structureOf(act, numberNodes(act));

/** 000 without its point 2: the points after it renumbered, and the references to them. */
function withoutPoint2(): string {
  const lines = SEED000.split('\n');
  const kept = [...lines.slice(0, 46), ...lines.slice(50)];
  let inMethodology = false;
  return kept.map((l) => {
    if (/^Глава 1\./.test(l)) inMethodology = true;
    if (!inMethodology) return l;
    return l
      .replace(/^(\s+)(\d+)\. /, (m, sp: string, n: string) => (Number(n) > 2 && !/^\s{12}/.test(m) ? `${sp}${Number(n) - 1}. ` : m))
      .replace('пунктом 5 сроки', 'пунктом 4 сроки')
      .replace(/пункте 11 настоящей/g, 'пункте 10 настоящей');
  }).join('\n');
}

/** 000 as a Windows file with other PDF artefacts, at known places. */
function withArtefacts(): string {
  const banner = seed('003_fecf19c758279eb6.txt').split('\n').slice(1, 21);
  const lines = SEED000.split('\n').map((l) => l.replace(/^ {6}/, '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0'));
  // Point 9: "службой управления персоналом" broken at a line end with a hyphen.
  lines[110 - 1] = lines[110 - 1].replace(/управления $/, 'управ-');
  lines[111 - 1] = `ления ${lines[111 - 1]}`;
  // Point 12: a word spaced out letter by letter (line 156 once the page break is in).
  lines[132 - 1] = lines[132 - 1].replace('калибровочной', 'к а л и б р о в о ч н о й');
  // Point 11: a page ends in the middle of it, with a footer and the next page's banner.
  lines.splice(126, 0, '', 'Страница 3 из 12', '', ...banner, '');
  return lines.join('\r\n');
}

describe('a renumbered act (000 without its point 2)', async () => {
  const text = withoutPoint2();
  const r = await importText(text, { file: 'renumbered.txt' });

  it('has one point less in chapter 1, and keeps the published numbers', () => {
    expect(structure(r.act)).toMatchObject({ chapters: 3, points: [15, 2, 6], subpoints: ['2: 7', '15: 4'] });
  });

  it('its references follow the renumbering', () => {
    const points = r.act.methodology!.chapters!.flatMap((c) => c.points);
    expect(points.find((p) => p.point === 'point-6')!.text!.ru).toContain('установленные пунктом {{ref "point-4"}} сроки');
    expect(points.find((p) => p.point === 'point-20')!.text!.ru).toContain('в пункте {{ref "point-10"}} настоящей Методики');
    expect(measureFidelity(text, r.text).recall).toBeGreaterThanOrEqual(0.99);
  });

  it('derived from the typical act: the point removed, and no change for a renumbering alone', async () => {
    const base = (await resolveFile(actPath('typical-b-2025'))).act!;
    const curated = (await resolveFile(actPath('mangistau-district-2025'))).act!;
    const d = await importText(text, { file: 'renumbered.txt', id: 'renumbered', base, out: join(METHODOLOGIES, 'renumbered.yaml') });
    const targets = (cs: Change[]) => cs.map((c) => JSON.stringify(Object.entries(c).find(([k]) => ['replace', 'remove', 'insert-after', 'insert-before'].includes(k)))).sort();
    // The point goes with its paragraph: no change of its own for approval-fallback.
    const expected = targets(curated.own.changes!).filter((t) => t !== '["replace","approval-basis"]' && t !== '["remove","approval-fallback"]');
    expect(targets(d.act.changes!)).toEqual([...expected, '["remove","approval-basis"]'].sort());
    expect(measureFidelity(text, d.text).recall).toBeGreaterThanOrEqual(0.99);
  });
});

describe('an act with other artefacts (000 with CRLF, no-break spaces, a footer and a banner mid-point, a hyphenated and a spaced-out word)', async () => {
  const original = await importText(SEED000, { file: '000.txt' });
  const r = await importText(withArtefacts(), { file: 'artefacts.txt' });

  it('reads to the same act as the seed does', () => {
    expect(r.text).toBe(original.text);
    expect(structure(r.act)).toEqual(structure(original.act));
  });

  it('reports the footer and the banner as furniture, and the repairs, at their lines', () => {
    const e = r.report.entries.map((x) => `${x.line}${x.to ? `-${x.to}` : ''} ${x.kind}: ${x.message}`);
    expect(e.filter((x) => x.includes(' furniture: '))).toEqual([expect.stringMatching(/^128-149 furniture: the reference bank's page furniture, not the act: "Страница 3 из 12 Утр ати л с илу/)]);
    expect(e).toContain('110-111 repaired: word hyphenated at the line end rejoined: "управления"');
    expect(e).toContain('156 repaired: letters spaced out joined: "калибровочной"');
    expect(e.filter((x) => / (unplaced|not-reproduced): /.test(x))).toEqual([]);
  });
});

describe('a Kazakh local act derived from a base that lacks much of its Kazakh (002 from typical-b-2025)', async () => {
  const base = (await resolveFile(actPath('typical-b-2025'))).act!;
  const text = seed('002_5d21611e60522768.txt');
  const r = await importText(text, { file: '002.txt', id: 'zhanakorgan-import', base, out: join(METHODOLOGIES, 'zhanakorgan-import.yaml') });

  it('builds, names itself as the curated act does, and drops what 002 drops', () => {
    expect(r.act.terms).toEqual([{ lang: 'kk', from: 'Үлгілік әдістемеде', to: 'Әдістемеде' }]);
    const ops = r.act.changes!.map((c) => JSON.stringify(Object.entries(c)[0]));
    for (const op of ['["remove","approval-basis"]', '["remove","audit-commission-chairs"]', '["remove","chief-of-staff-evaluation"]', '["remove","delegation-over-20"]']) expect(ops).toContain(op);
    expect(measureFidelity(text, r.text).recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reports where it paired elements in order, with no wording of the base to go by', () => {
    const placed = r.report.entries.filter((e) => e.kind === 'placed').map((e) => e.message);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.every((m) => /paired in order; check the changes against the base$/.test(m))).toBe(true);
  });
});

describe('a synthetic act in the web page\'s layout', async () => {
  const text = readFileSync(join(import.meta.dirname, 'fixtures', 'synthetic-decision.txt'), 'utf8');
  const r = await importText(text, { file: 'synthetic-decision.txt' });
  const { act } = r;

  it('reads the enacting decision, its footnote and the stamp', () => {
    expect(act.act).toMatchObject({
      kind: 'decision', date: '2024-03-05', number: '12/34',
      issuer: { ru: { nom: 'маслихат города Примерска', gen: 'маслихата города Примерска' } },
      region: { ru: 'Примерской области' },
      signatory: { position: { ru: 'Председатель маслихата города Примерска' }, name: { ru: 'А. Образцов' } },
    });
    expect(act.act.points!.map((p) => p.point)).toEqual(['decision-1', 'decision-2']);
    expect(act.act.footnotes![0].text.ru).toMatch(/^Сноска\. Пункт 2 - в редакции решения/);
    expect(act.approval).toEqual({ approved: true });
  });

  it('reads the chapters, points and sub-points, with the references linked', () => {
    expect(structure(act)).toEqual({ chapters: 2, points: [3, 3], subpoints: ['2: 2'], appendices: 2, rows: ['form:2', '-'] });
    const point4 = act.methodology!.chapters![1].points[0].text!.ru;
    expect(point4).toBe('Оценка служащих проводится руководителем аппарата по форме, согласно приложению {{ref "appendix-1"}} к настоящей Методике, в сроки, установленные пунктом {{ref "point-3"}} настоящей Методики.');
  });

  it('reads the evaluation sheet of tab-announced cells and the table joined with "|"', () => {
    const [sheet, table] = act.methodology!.appendices!;
    expect(sheet.form).toMatchObject({ sheet: 'non-managerial', blanks: [{ label: { ru: '(Ф.И.О., должность оцениваемого лица)' } }, { label: { ru: '(оцениваемый период)' } }] });
    expect(act.scoring!.sheets!['non-managerial'].parameters.map((p) => p.name.ru)).toEqual(['Качество работы', 'Отсутствие дисциплинарных взысканий']);
    expect(table).toMatchObject({ title: { ru: 'Таблица пересчета баллов' }, parts: [{ rows: [[{ ru: 'Баллы' }, { ru: 'Оценка' }, { ru: 'Примечание' }], [{ ru: '0-2,99' }, { ru: 'неудовлетворительно' }, { ru: '' }], [{ ru: '3-5' }, { ru: 'эффективно' }, { ru: '' }]] }] });
  });

  it('reads the rules: two grades, the caps, eligibility, the deadline, the routing', () => {
    const s = act.scoring!;
    expect(s.grades!.map((g) => [g.grade, g.min, g.max])).toEqual([['effective', 3, 5], ['unsatisfactory', 0, 2.99]]);
    expect(s.caps!.map((c) => [c.cap, c.max])).toEqual([['minor-sanction', 2.99], ['other-sanction', 1.99]]);
    expect(s.eligibility).toEqual({ 'min-months-in-position': 1, implements: ['point-3-part-2'] });
    expect(s.deadlines).toEqual([{ deadline: 'evaluation', 'day-of-next-month': 10, implements: ['point-3'] }]);
    expect(s.routing).toEqual([{ route: 'route-1', sheet: 'non-managerial', evaluator: 'head-of-apparatus', otherwise: true, implements: ['point-4'] }]);
  });

  it('reproduces the text but for the footnote, which it reports', () => {
    const withoutFootnote = text.split('\n').filter((l) => !l.includes('Сноска.')).join('\n');
    expect(measureFidelity(withoutFootnote, r.text).recall).toBe(1);
    expect(r.report.entries.map((e) => `${e.line} ${e.kind}`)).toEqual(['11 placed']);
  });
});
