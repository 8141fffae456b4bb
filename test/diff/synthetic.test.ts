// Known edits of the typical act, one at a time: each must come out as exactly that edit.
import { describe, expect, it } from 'vitest';
import { compareActs } from '../../src/diff/compare.js';
import { typicalSource } from '../helpers.js';
import { act, derived, hunks, keysOf, pairOf, typicalVersion } from './helpers.js';
import { actPath } from '../helpers.js';

const RECORDS = 'Документы, связанные с оценкой, хранятся в службе управления персоналом в течение трех лет со дня завершения оценки, а также в информационной системе.';
const APPEAL = 'Решение калибровочной сессии может быть обжаловано государственным служащим в соответствии с установленным порядком Административного процедурно-процессуального кодекса Республики Казахстан.';
const PROTOCOL_1 = 'Итоговая оценка принимается большинством голосов членов калибровочной сессии и оформляется соответствующим протоколом.';
const PROTOCOL_2 = 'Служба управления персоналом обеспечивает размещение протокола в информационной системе (при наличии технической возможности) в течение трех рабочих дней со дня его подписания.';

const against = async (body: string) => {
  const local = await derived(body);
  return compareActs(local.base!, local);
};

/** Everything but the named pairs is identical (the envelope aside). */
function onlyChanged(diff: Awaited<ReturnType<typeof against>>, keys: string[]) {
  const changed = diff.pairs.filter((p) => (p.local[0] ?? p.base[0]).area === 'methodology' && p.cls !== 'identical').map((p) => (p.base[0] ?? p.local[0]).key);
  expect(changed.sort()).toEqual([...keys].sort());
}

describe('synthetic edits of the typical act', () => {
  it('a one-word change is that word, of substance', async () => {
    const diff = await against(`changes:\n  - replace: records\n    text: {ru: '${RECORDS.replace('трех лет', 'пяти лет')}'}\n`);
    onlyChanged(diff, ['records']);
    const p = pairOf(diff, 'records');
    expect(p.cls).toBe('substance');
    expect(hunks(p)).toEqual(['трех -> пяти']);
  });

  it('a removed point renumbers the rest, which stay identical, references included', async () => {
    const diff = await against('changes:\n  - remove: appeal\n');
    onlyChanged(diff, ['appeal']);
    expect(pairOf(diff, 'appeal').cls).toBe('removed');
    const records = pairOf(diff, 'records');
    expect([records.base[0].mark, records.local[0].mark, records.renumbered]).toEqual(['13.', '12.', true]);
    // "в пункте 11" stays: the calibration request is before the removed point.
    expect(pairOf(diff, 'calibration-timing').cls).toBe('identical');
  });

  it('a removed point before a reference renumbers the reference, which is no change', async () => {
    const diff = await against('changes:\n  - remove: eligibility\n');
    onlyChanged(diff, ['eligibility', 'min-worked-days']);
    const timing = pairOf(diff, 'calibration-timing');
    expect(timing.cls).toBe('identical');
    expect(hunks(timing, ['renumbering'])).toEqual(['11 -> 10']);
  });

  it('an added sub-point is added, and the next sub-points renumbered', async () => {
    const diff = await against(`changes:\n  - insert-after: def-evaluated\n    node:\n      subpoint: def-new\n      text: {ru: 'новое понятие – понятие, введенное для проверки;'}\n`);
    onlyChanged(diff, ['def-new']);
    const p = pairOf(diff, 'def-new');
    expect([p.cls, p.local[0].mark]).toEqual(['added', '6)']);
    expect(pairOf(diff, 'def-calibration-sessions').local[0].mark).toBe('7)');
  });

  it('whitespace and line breaks are never a change', async () => {
    const diff = await against(`changes:\n  - replace: records\n    text: {ru: "${RECORDS.replace('хранятся в', 'хранятся\\n   в').replace(' лет', '  лет')}"}\n`);
    expect(pairOf(diff, 'records').cls).toBe('identical');
  });

  it('another dash or a look-alike Latin letter is typography, not a change', async () => {
    const deadline = 'Оценка проводится по итогам квартала – не позднее двадцатого числа месяца, следующего за отчетным кварталом.';
    const diff = await against(`changes:\n  - replace: quarterly-deadline\n    text: {ru: '${deadline.replace('Оценка', 'Oценка').replace('–', '-')}'}\n`);
    const p = pairOf(diff, 'quarterly-deadline');
    expect(p.cls).toBe('identical');
    expect(hunks(p, ['typography'])).toEqual(['Оценка -> Oценка', '– -> -']);
  });

  it('a moved point in a new version of the act is moved, and the others renumbered only', async () => {
    const next = await typicalVersion((s) => {
      const block = /\n {8}# 12\.\n {8}- point: appeal\n[\s\S]*?(?=\n {8}# 13\.)/.exec(s)![0];
      return s.replace(block, '').replace('\n        # 16.', `${block.replace('# 12.', '# 15, moved')}\n        # 16.`);
    });
    const base = await act(actPath('typical-b-2025'));
    const diff = compareActs(base, next);
    expect(diff.relation).toBe('versions');
    expect(diff.align).toBe('id');
    const p = pairOf(diff, 'appeal');
    expect([p.cls, p.moved, p.base[0].mark, p.local[0].mark]).toEqual(['moved', true, '12.', '15.']);
    expect(keysOf(diff, 'moved')).toEqual(['appeal']);
    expect(diff.counts).toMatchObject({ substance: 0, added: 0, removed: 0, moved: 1, localised: 0 });
  });

  it('a point removed and inserted elsewhere under a new id is found as moved', async () => {
    const diff = await against(`changes:\n  - remove: appeal\n  - insert-after: disputes\n    node:\n      point: appeal-moved\n      text: {ru: '${APPEAL}'}\n`);
    const p = pairOf(diff, 'appeal-moved');
    expect([p.cls, p.via, p.base[0].key]).toEqual(['moved', 'similarity', 'appeal']);
  });

  it('two points merged into one: the second\'s words went into the first', async () => {
    const diff = await against(`changes:\n  - replace: appeal\n    text: {ru: '${APPEAL} ${RECORDS}'}\n  - remove: records\n`);
    const p = pairOf(diff, 'records');
    expect(p.relation).toBe('merged');
    expect(p.base.map((u) => u.key)).toEqual(['appeal', 'records']);
    expect(p.cls).toBe('moved');
    expect(diff.counts.removed).toBe(0);
  });

  it('a paragraph split in two: the new one\'s words left the old one', async () => {
    const diff = await against(`changes:\n  - replace: calibration-protocol\n    text: {ru: '${PROTOCOL_1}'}\n  - insert-after: calibration-protocol\n    node:\n      paragraph: calibration-protocol-posting\n      text: {ru: '${PROTOCOL_2}'}\n`);
    const p = pairOf(diff, 'calibration-protocol-posting');
    expect(p.relation).toBe('split');
    expect(p.local.map((u) => u.key)).toEqual(['calibration-protocol', 'calibration-protocol-posting']);
    expect(p.cls).toBe('moved');
    expect(diff.counts.added).toBe(0);
  });

  it('a body name in another case, put in by a replaced text, is localisation', async () => {
    const body = 'body:\n  ru: {nom: "аппарат районного маслихата", gen: "аппарата районного маслихата", ins: "аппаратом районного маслихата"}\n';
    const diff = await against(`${body}changes:\n  - replace: disputes\n    text: {ru: 'Разногласия, связанные с процедурой оценки, рассматриваются службой управления персоналом аппаратом районного маслихата при содействии всех заинтересованных лиц и сторон.'}\n`);
    expect(pairOf(diff, 'disputes').cls).toBe('localised');
  });

  it('a term written in one case localises its other cases', async () => {
    const diff = await against('terms:\n  - {lang: ru, from: "Типовой методики", to: "Методики"}\nmethodology:\n  title: {ru: {nom: "Методика оценки деятельности административных государственных служащих корпуса \\"Б\\"", dat: "Методике оценки деятельности административных государственных служащих корпуса \\"Б\\""}}\n');
    // The title is nominative, the captions dative; the term was written in the genitive.
    expect(pairOf(diff, 'methodology:title').cls).toBe('localised');
    expect(pairOf(diff, 'managerial-sheet:caption').cls).toBe('localised');
    expect(typicalSource()).toContain('Типовая методика оценки');
  });
});
