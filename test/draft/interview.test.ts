// The terminal interview, driven through a stream as a person would answer it: offered answers
// taken with Enter (the Russian forms come from the dictionary), wrong answers explained and asked
// again, a routing that leaves a category without an evaluator asked again, the act written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, metodikaNew, workspace } from './helpers.js';

const BODY = 'государственное учреждение "Аппарат Мунайлинского районного маслихата"';

/** What the drafter types, question by question ('' is Enter). */
const LINES = [
  'ru', // languages
  '', 'государственный орган', 'Аппарат', BODY, // body: empty, the typical act's placeholder, one word, then right
  '', '', '', '', '', // its genitive ... prepositional, as offered
  'аппарат маслихата', '', // short name, its genitive offered
  '', // decision
  'Мунайлинский районный маслихат', '', '', // issuer, its genitive offered, no region
  'Председатель районного маслихата', 'А. Беков',
  '2030-01-01', '31.02.2025', '15.12.2025', // a date too far ahead, no such day, then right
  '12#3', '12/3', // a number with "#", then right
  '', '', '', '', // new act, publication, legal basis, title names the body
  'Е-2', 'руководитель аппарата маслихата', '', '', // head: category typed with a Cyrillic Е; forms offered
  'E-2, E-4', '', '', '', '', '', // categories; managerial E-2; paragraph 1 lists E-2, direct superior; no 2, no 3
  'no', // no paragraph 4: E-4 has no evaluator, asked again from the categories
  'E-2, E-4', '', '', '', '', '', 'yes', '', // paragraph 4 applies, evaluated by the head of the apparatus
  '', '', '', '', '', // audit commission, chief of staff, more than twenty, point 2, control: as offered
];

describe('metodika new in a terminal', () => {
  it('asks, explains what is wrong, asks again, and writes the act', async () => {
    const { methodologies } = workspace();
    const out = join(methodologies, 'munaily-maslikhat-2025.yaml');
    const run = await metodikaNew(['--out', out, '--no-build'], LINES);
    expect(run.stderr).toBe('');
    for (const message of [
      'an answer is needed',
      '"государственный орган" is the typical act\'s own wording, not the body\'s name',
      '"Аппарат" is too short for the full name of a body',
      '01.01.2030 is more than a year from today (2026-01-10)',
      '"31.02.2025" is not a day of the calendar',
      '"12#3" has characters an act\'s number cannot have ("#")',
      'no paragraph of point 17 gives E-4 (a non-managerial position) an evaluator: paragraph 2, paragraph 3, paragraph 4 are dropped; please answer again',
      `[государственного учреждения "Аппарат Мунайлинского районного маслихата"]`,
      'in the act: Настоящая методика оценки деятельности административных государственных служащих корпуса "Б" ___',
      '[Мунайлинского районного маслихата]',
    ]) expect(run.stdout).toContain(message);
    expect(run.stdout).toContain('lint: no errors, no warnings');
    expect(run.code).toBe(0);

    const act = parse(readFileSync(out, 'utf8'));
    expect(act.body.ru).toEqual({
      nom: BODY,
      gen: 'государственного учреждения "Аппарат Мунайлинского районного маслихата"',
      dat: 'государственному учреждению "Аппарат Мунайлинского районного маслихата"',
      acc: 'государственное учреждение "Аппарат Мунайлинского районного маслихата"',
      ins: 'государственным учреждением "Аппарат Мунайлинского районного маслихата"',
      pre: 'государственном учреждении "Аппарат Мунайлинского районного маслихата"',
    });
    expect(act.act).toMatchObject({ date: '2025-12-15', number: '12/3', issuer: { ru: { nom: 'Мунайлинский районный маслихат', gen: 'Мунайлинского районного маслихата' } } });
    expect(act.changes.find((c: { replace?: string }) => c.replace === 'listed-heads')).toMatchObject({ categories: ['E-2'], evaluator: 'direct-superior' });
    expect(act.changes.find((c: { replace?: string }) => c.replace === 'others')).toMatchObject({ evaluator: 'head-of-apparatus' });
    expect(act.changes.find((c: { replace?: string }) => c.replace === 'def-unit-head').text.ru).toBe('руководитель аппарата маслихата – административный государственный служащий корпуса "Б" категории E-2;');
  });

  it('stops with a message when the input ends before the answers do', async () => {
    const { methodologies } = workspace();
    const run = await metodikaNew(['--out', join(methodologies, 'short-2025.yaml'), '--no-build'], ['ru']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the input ended before the answer to: the body whose staff the act evaluates');
  });

  it('asks for the Kazakh wording no template gives, showing the Russian text', async () => {
    const { methodologies } = workspace();
    const out = join(methodologies, 'kk-gaps-2025.yaml');
    // The answers come from a file, but for what it leaves to the terminal: the Russian forms the
    // dictionary offers and the titles offered (a person confirms them), the optional region and
    // registration, and the Kazakh wording of point 9 (emptied here).
    // Enter for what the file leaves out: the body's 5 forms, the issuer's genitive, the region in
    // ru and kk, the registration, the earlier act's title in ru and kk, the legal basis, the title
    // naming the body, the head's 2 forms, point 2, the control point.
    const enters = Array<string>(5 + 1 + 2 + 1 + 2 + 1 + 1 + 2 + 1 + 1).fill('');
    const run = await metodikaNew(['--out', out, '--no-build', '--answers', fixture('akimat.answers.yaml'), '--set', 'wording.hr-support.kk='], [
      ...enters,
      'Бағалауды сүйемелдеуді персоналды басқару қызметі қамтамасыз етеді {{ref "x"}}.',
      'Бағалауды ұйымдастырушылық сүйемелдеуді (соның ішінде ақпараттық жүйе арқылы) аппараттың персоналды басқару қызметі қамтамасыз етеді.',
    ]);
    expect(run.stdout).toContain('point 9: in Kazakh\n  Russian: Организационное сопровождение оценки обеспечивается службой управления персоналом аппарата акима');
    expect(run.stdout).toContain('the other language\'s wording uses no {{...}} expression; this one uses {{ref "x"}}');
    expect(run.code).toBe(0);
    const act = parse(readFileSync(out, 'utf8'));
    expect(act.changes.find((c: { replace?: string }) => c.replace === 'hr-support').text.kk).toBe('Бағалауды ұйымдастырушылық сүйемелдеуді (соның ішінде ақпараттық жүйе арқылы) аппараттың персоналды басқару қызметі қамтамасыз етеді.');
  });
});
