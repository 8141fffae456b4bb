// Bad input in a script (an answers file, flags): a clear message naming the answer, a non-zero
// exit, and nothing written; an existing act is never overwritten without --force.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { fixture, metodikaNew, workspace } from './helpers.js';

const mangistau = () => parse(readFileSync(fixture('mangistau.answers.yaml'), 'utf8'));

/** Runs `new` on the Mangistau answers changed by `edit`; the act is not built. */
async function withAnswers(edit: (a: Record<string, any>) => void, extra: string[] = []) {
  const { dir, methodologies } = workspace();
  const answers = mangistau();
  edit(answers);
  const file = join(dir, 'answers.yaml');
  writeFileSync(file, stringify(answers));
  const out = join(methodologies, 'bad-2025.yaml');
  return { ...(await metodikaNew(['--answers', file, '--out', out, '--no-build', ...extra])), out };
}

describe('metodika new refuses bad answers in a script', () => {
  const cases: Array<[string, (a: Record<string, any>) => void, string]> = [
    ['an empty body name', (a) => { a.body.ru.nom = '  '; }, 'body.ru.nom: the answer is empty'],
    ['no body name at all', (a) => { delete a.body; }, 'body.ru.nom: no answer'],
    ['the typical act\'s placeholder as the body', (a) => { a.body.ru.nom = 'государственный орган'; }, 'body.ru.nom: "государственный орган" is the typical act\'s own wording, not the body\'s name'],
    ['a body name with a Latin letter', (a) => { a.body.ru.nom = 'государственное учреждение "Aппарат маслихата"'; }, 'has Latin letters (A)'],
    ['a Kazakh name in the Russian field', (a) => { a.body.ru.nom = 'Жаңақорған ауданы мәслихатының аппараты'; }, 'has Kazakh letters; give the Russian name here'],
    ['a date more than a year ahead', (a) => { a.date = '2027-02-01'; }, 'date: 01.02.2027 is more than a year from today (2026-01-10)'],
    ['an unparsable date', (a) => { a.date = '17 октября'; }, 'date: "17 октября" is not a date; write it as 2025-10-17 or 17.10.2025'],
    ['a date before the typical act\'s wording', (a) => { a.date = '2025-07-01'; }, 'the act is dated 01.07.2025, but the typical act it copies (typical-b-2025) is in the wording of 28.07.2025'],
    ['an earlier act after this one', (a) => { a.earlier.date = '2025-11-01'; }, 'the earlier act (01.11.2025) must precede this one (17.10.2025)'],
    ['a number with forbidden characters', (a) => { a.number = '22/173;1'; }, 'number: "22/173;1" has characters an act\'s number cannot have (";")'],
    ['a registration number that is not one', (a) => { a.earlier.registration = 'N3559'; }, 'earlier.registration: "N3559" is not a registration number'],
    ['an unknown category', (a) => { a.head.category = 'E-9'; }, 'head.category: "E-9" is not a category of the register of positions'],
    ['a routing that leaves a category without an evaluator', (a) => { a.routing.others = { applies: false }; }, 'no paragraph of point 17 gives E-3 (a non-managerial position) an evaluator: paragraph 2, paragraph 3, paragraph 4 are dropped'],
    ['the head of the apparatus evaluating themself', (a) => { a.routing['listed-heads'] = { categories: ['E-3'], evaluator: 'direct-superior' }; }, 'the head of the apparatus (E-2) would evaluate themself under paragraph 4 of point 17'],
    ['an unknown question', (a) => { a.entry_into_force = 'ten-days'; }, 'entry_into_force: not a question `metodika new` asks'],
    ['wording for a node the act removes', (a) => { a.wording['audit-commission-chairs'] = { ru: 'Текст.' }; }, 'wording.audit-commission-chairs: no text of this act takes it'],
    ['a Kazakh act without its Kazakh names', (a) => { a.language = ['ru', 'kk']; }, 'body.kk.nom: no answer'],
  ];
  for (const [what, edit, message] of cases) {
    it(what, async () => {
      const r = await withAnswers(edit);
      expect(r.stderr).toContain(message);
      expect(r.code).toBe(1);
      expect(existsSync(r.out)).toBe(false);
    });
  }

  it('lists every problem at once', async () => {
    const r = await withAnswers((a) => {
      a.date = 'вчера';
      a.number = '#';
      delete a.signatory;
    });
    expect(r.stderr).toContain('problems:');
    for (const m of ['date: "вчера" is not a date', 'number: "#" has characters', 'signatory.position.ru: no answer', 'signatory.name.ru: no answer']) expect(r.stderr).toContain(m);
  });

  it('reports a Russian form taken from the dictionary, for the drafter to check', async () => {
    const r = await withAnswers((a) => {
      a.body.ru = { nom: a.body.ru.nom };
    });
    expect(r.stdout).toContain('forms taken from the dictionary (check them, or give them in the answers file):\n  body.ru.gen = государственного учреждения "Аппарат Мангистауского районного маслихата"');
  });

  it('asks for the Kazakh wording no template gives, with the Russian text', async () => {
    const { dir, methodologies } = workspace();
    const answers = parse(readFileSync(fixture('akimat.answers.yaml'), 'utf8'));
    delete answers.wording['def-unit-head'];
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, stringify(answers));
    const r = await metodikaNew(['--answers', file, '--out', join(methodologies, 'kk-2026.yaml'), '--no-build']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wording.def-unit-head.kk: point 3, sub-point 3) has no kk wording; no template words it, so the drafter supplies it (the ru text: руководитель аппарата акима – административный государственный служащий корпуса "Б" категории E-1;)');
  });
});

describe('metodika new protects what exists', () => {
  it('never overwrites an act without --force, and does with it', async () => {
    const { methodologies } = workspace();
    const out = join(methodologies, 'mangistau-district-2025.yaml');
    writeFileSync(out, '# mine\n');
    const refused = await metodikaNew(['--answers', fixture('mangistau.answers.yaml'), '--out', out, '--no-build']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out} exists; \`metodika new\` does not overwrite an act without --force`);
    expect(readFileSync(out, 'utf8')).toBe('# mine\n');
    const forced = await metodikaNew(['--answers', fixture('mangistau.answers.yaml'), '--out', out, '--no-build', '--force']);
    expect(forced.stdout).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('base: typical-b-2025');
  });

  it('needs an answers file when the input is no terminal (a usage error, exit 2)', async () => {
    const { methodologies } = workspace();
    const usage = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const r = await metodikaNew(['--out', join(methodologies, 'x-2025.yaml')]);
      expect(r.code).toBe(2);
      expect(usage.mock.calls.join('\n')).toContain('the input is not a terminal: give the answers with --answers FILE');
    } finally {
      usage.mockRestore();
    }
  });

  it('needs the base beside the new act', async () => {
    const r = await metodikaNew(['--answers', fixture('mangistau.answers.yaml'), '--out', join(workspace().dir, 'elsewhere-2025.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the base "typical-b-2025" must be beside the new act');
  });

  it('takes flags over the answers file', async () => {
    const { methodologies } = workspace();
    const out = join(methodologies, 'flags-2025.yaml');
    const r = await metodikaNew(['--answers', fixture('mangistau.answers.yaml'), '--out', out, '--no-build', '--number', '22/174', '--set', 'entry-into-force=publication']);
    expect(r.stdout).toContain(`wrote ${out}`);
    const act = parse(readFileSync(out, 'utf8'));
    expect(act.act.number).toBe('22/174');
    expect(act.act.points.at(-1).text.ru).toBe('Настоящее решение вводится в действие со дня его первого официального опубликования.');
  });
});
