// Resolve: base + terms + changes, numbering, references, and rules worded from scoring data.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/model/source.js';
import type { ActNode, PointNode } from '../src/model/tree.js';
import { textOf } from '../src/render/plain.js';
import { renderText } from '../src/render/text.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { resolveFile, type ResolvedAct } from '../src/resolve/index.js';
import { actPath, fixtureDir, typicalSource } from './helpers.js';

const ENVELOPE = 'act: {kind: decision, issuer: {ru: {nom: "Районный маслихат", gen: "Районного маслихата"}}, date: 2025-10-17, number: "1/2"}\n';

async function resolveDerived(body: string): Promise<ResolvedAct> {
  const dir = fixtureDir({ 'local.yaml': `id: local\nbase: typical-b-2025\nlanguage: [ru]\n${ENVELOPE}${body}` });
  copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
  const { act, diagnostics } = await resolveFile(join(dir, 'local.yaml'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return act!;
}

function points(act: ResolvedAct, lang: Lang = 'ru'): Map<string, PointNode> {
  const out = new Map<string, PointNode>();
  const walk = (n: ActNode) => {
    if (n.type === 'point') out.set(n.id, n);
    if ('children' in n) for (const c of n.children as ActNode[]) walk(c);
  };
  walk(act.tree(lang).tree);
  return out;
}

describe('the typical act', () => {
  it('numbers 24 points in 3 chapters and 2 appendices, as published', async () => {
    const { act } = await resolveFile(actPath('typical-b-2025'));
    const p = points(act!);
    expect(p.size).toBe(24);
    expect(p.get('calibration-request')!.number).toBe('11');
    expect(p.get('feedback')!.number).toBe('24');
    expect(act!.numbers.get('non-managerial-sheet')).toBe('2');
  });

  it('words point 8, row 5 and the result line from scoring data', async () => {
    const { act } = await resolveFile(actPath('typical-b-2025'));
    const text = renderText(act!.tree('ru').tree);
    expect(text).toContain('"Выполняет функциональные обязанности надлежащим образом" от 3 до 3,99 баллов');
    expect(text).toContain('"Выполняет функциональные обязанности не удовлетворительно" от 0 до 1,99 баллов');
    expect(text).toContain('строго выговора оценка не может превышать 2,99 баллов');
    expect(text).toContain('(выполняет функциональные обязанности эффективно, выполняет функциональные обязанности надлежащим образом,');
  });

  it('changing a band in scoring changes the sentence that states it; the cap scope does not', async () => {
    const edited = typicalSource()
      .replace(/(- grade: proper\n\s+min: 3\n\s+max: )3\.99/, '$13.49')
      .replace(/(- cap: minor-sanction\n\s+max: 2\.99\n\s+scope: )final/, '$1parameter');
    expect(edited).not.toBe(typicalSource());
    const dir = fixtureDir({ 'typical-b-2025.yaml': edited });
    const { act, diagnostics } = await resolveFile(join(dir, 'typical-b-2025.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = renderText(act!.tree('ru').tree);
    expect(text).toContain('надлежащим образом" от 3 до 3,49 баллов');
    expect(text).toContain('оценка не может превышать 2,99 баллов');
  });

  it('words the kk bands with the numeral suffixes', async () => {
    const { act } = await resolveFile(actPath('typical-b-2025'));
    const p = points(act!, 'kk');
    const grades = p.get('grades')!.children.map((c) => textOf(c)).join('\n');
    expect(grades).toContain('4-тен 5 баллға дейін');
    expect(grades).toContain('2-ден 2,99 баллға дейін');
    expect(grades).toContain('0-ден 1,99 баллға дейінгі');
  });

  it('escapes the act\'s own asterisks in Markdown', async () => {
    const { act } = await resolveFile(actPath('typical-b-2025'));
    const md = renderMarkdown(act!.tree('ru').tree);
    expect(md).toContain('\\* оценка 0 баллов');
    expect(md).toMatch(/\| Параметры \| Оценка \(от 0\\\* до 5 баллов\) \|/);
  });
});

describe('a derived act', () => {
  it('renumbers after a removal and carries references along', async () => {
    const act = await resolveDerived('changes:\n  - remove: approval-basis\n');
    const p = points(act);
    expect(p.has('approval-basis')).toBe(false);
    expect(p.get('calibration-request')!.number).toBe('10');
    expect(textOf(p.get('dismissed')!)).toContain('в установленные пунктом 4 сроки');
    expect(textOf(p.get('calibration-purpose')!)).toContain('в пункте 10 настоящей Типовой методики');
  });

  it('applies terms to inherited text only, whole words only', async () => {
    const act = await resolveDerived(
      'terms:\n  - {lang: ru, from: "настоящей Типовой методики", to: "настоящей Методики"}\n' +
      'changes:\n  - replace: appeal\n    text: {ru: "Решение обжалуется по правилам настоящей Типовой методики."}\n',
    );
    const p = points(act);
    expect(textOf(p.get('calibration-purpose')!)).toContain('в пункте 11 настоящей Методики');
    expect(textOf(p.get('appeal')!)).toBe('Решение обжалуется по правилам настоящей Типовой методики.');
  });

  it('inserts a point and keeps published numbers', async () => {
    const act = await resolveDerived(
      'changes:\n  - insert-after: dismissed\n    node: {point: local-extra, text: {ru: "Новый пункт, см. пункт {{ref \\"calibration-request\\"}}."}}\n' +
      '  - replace: def-evaluated\n    number: "9"\n',
    );
    const p = points(act);
    expect(p.get('local-extra')!.number).toBe('8');
    expect(textOf(p.get('local-extra')!)).toBe('Новый пункт, см. пункт 12.');
    expect(p.get('grades')!.number).toBe('9');
    expect(act.numbers.get('def-evaluated')).toBe('9');
    expect(act.numbers.get('def-calibration-sessions')).toBe('10');
  });

  it('a replaced text does not keep the base wording of a language the change does not give', async () => {
    const dir = fixtureDir({
      'local.yaml': `id: local\nbase: typical-b-2025\nlanguage: [ru, kk]\n${ENVELOPE}changes:\n  - replace: appeal\n    text: {ru: "Новая редакция."}\n`,
    });
    copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
    const { act } = await resolveFile(join(dir, 'local.yaml'));
    expect(textOf(points(act!).get('appeal')!)).toBe('Новая редакция.');
    expect(act!.tree('kk').missing.map((d) => d.message)).toContain('point 12. "appeal" has no kk text');
  });

  it('numbers an inserted point "5-1" as published and continues with 6', async () => {
    const act = await resolveDerived('changes:\n  - insert-after: quarterly-deadline\n    node: {point: local-5-1, number: "5-1", text: {ru: "Вставленный пункт."}}\n');
    const p = points(act);
    expect(p.get('local-5-1')!.number).toBe('5-1');
    expect(p.get('eligibility')!.number).toBe('6');
    expect(p.get('calibration-request')!.number).toBe('11');
  });

  it('inserts an appendix of its own with a range table', async () => {
    const act = await resolveDerived(
      'changes:\n  - insert-after: non-managerial-sheet\n    node:\n      appendix: kci-scale\n      form-label: true\n' +
      '      title: {ru: "Таблица определения максимальной оценки"}\n      parts:\n' +
      '        - paragraph: kci-note\n          text: {ru: "См. пункт {{ref \\"grades\\"}}."}\n' +
      '        - table: kci-rows\n          rows:\n            - [{ru: "Реализация КЦИ в процентах"}, {ru: "Максимальная оценка*"}]\n' +
      '            - [{ru: "95-99,99"}, {ru: "4,75"}]\n',
    );
    expect(act.numbers.get('kci-scale')).toBe('3');
    const text = renderText(act.tree('ru').tree);
    expect(text).toMatch(/Приложение 3 к Типовой методике[^\n]*\n\nФорма\n\nТаблица определения максимальной оценки\n\nСм\. пункт 8\.\n\nРеализация КЦИ в процентах \| Максимальная оценка\*\n95-99,99 \| 4,75\n/);
    expect(renderMarkdown(act.tree('ru').tree)).toContain('| 95-99,99 | 4,75 |');
  });

  it('reports a reference to a point the act removes', async () => {
    const dir = fixtureDir({ 'local.yaml': `id: local\nbase: typical-b-2025\nlanguage: [ru]\n${ENVELOPE}changes:\n  - remove: quarterly-deadline\n` });
    copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
    const { act, diagnostics } = await resolveFile(join(dir, 'local.yaml'));
    expect(act).toBeUndefined();
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/\{\{ref "quarterly-deadline"\}\} refers to a node this act removes/);
  });

  it('sets a sheet\'s title and result label through its appendix; the other sheet keeps the base\'s', async () => {
    const act = await resolveDerived(
      'changes:\n  - replace: non-managerial-sheet\n    title: {ru: "Оценочный лист служащего"}\n    result-label: {ru: "Итог оценки"}\n',
    );
    const text = renderText(act.tree('ru').tree);
    expect(text).toMatch(/\nИтог оценки\n/);
    expect(text.match(/\nРезультат оценки:\n/g)).toHaveLength(1);
    // The title is the form's: it heads the sheet once, in place of the base's.
    expect(text.match(/Оценочный лист служащего/g)).toHaveLength(1);
    expect(act.source.methodology!.appendices!.find((a) => a.appendix === 'non-managerial-sheet')!.title).toBeUndefined();
  });

  it('refuses a result label for an appendix that is not a sheet', async () => {
    const dir = fixtureDir({
      'local.yaml':
        `id: local\nbase: typical-b-2025\nlanguage: [ru]\n${ENVELOPE}changes:\n  - insert-after: non-managerial-sheet\n    node:\n      appendix: own\n      title: {ru: "Таблица"}\n` +
        '  - replace: own\n    result-label: {ru: "Итог"}\n',
    });
    copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
    const { diagnostics } = await resolveFile(join(dir, 'local.yaml'));
    const d = diagnostics.find((x) => x.ruleId === 'bad-change')!;
    expect(d.message).toBe('appendix "own" is not an evaluation sheet: it has no result label');
    expect([d.line, d.column]).toEqual([11, 19]);
  });

  it('refuses a replace of a field the node does not have', async () => {
    const dir = fixtureDir({ 'local.yaml': `id: local\nbase: typical-b-2025\nlanguage: [ru]\n${ENVELOPE}changes:\n  - replace: general\n    text: {ru: "x"}\n` });
    copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
    const { diagnostics } = await resolveFile(join(dir, 'local.yaml'));
    expect(diagnostics.find((d) => d.ruleId === 'bad-change')?.message).toMatch(/a chapter has no "text" to replace/);
  });
});
