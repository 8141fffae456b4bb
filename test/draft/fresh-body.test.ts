// Done-when of issue 10: a fresh body (the apparatus of a district akim, in Russian and Kazakh)
// goes from `metodika new` to a clean DOCX and PDF in both languages, with its comparative tables,
// in one run, and its lint is clean. The Kazakh the typical act lacks is the drafter's, from the
// answers file, and marked so in the act.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { documentXml, paragraphs } from '../diff/docx-text.js';
import { ROOT } from '../helpers.js';
import { pdfPages } from '../render/helpers.js';
import { fixture, metodikaNew, type Run, workspace } from './helpers.js';

const ID = 'tupkaragan-akimat-2026';
let run: Run;
let out: string;
let build: string;

beforeAll(async () => {
  const ws = workspace();
  out = join(ws.methodologies, `${ID}.yaml`);
  build = join(ws.dir, 'output');
  run = await metodikaNew(['--base', 'typical-b-2025', '--answers', fixture('akimat.answers.yaml'), '--out', out, '--build-dir', build]);
}, 120_000);

describe('a fresh body drafted with metodika new', () => {
  it('runs clean: exit 0, lint with no error and no warning', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('lint: no errors, no warnings');
    expect(run.code).toBe(0);
  });

  it('writes the act, its documents in both languages and the comparative tables', () => {
    const files = ['ru.docx', 'ru.pdf', 'kk.docx', 'kk.pdf', 'vs.typical-b-2025.ru.table.docx', 'vs.typical-b-2025.ru.table.pdf', 'vs.typical-b-2025.kk.table.docx', 'vs.typical-b-2025.kk.table.pdf'];
    for (const f of [out, ...files.map((f) => join(build, `${ID}.${f}`))]) {
      expect(existsSync(f), f).toBe(true);
      expect(run.stdout).toContain(`wrote ${f}`);
    }
  });

  it('points editors at the schema and marks the drafter\'s Kazakh', () => {
    const yaml = readFileSync(out, 'utf8');
    const schema = relative(dirname(out), join(ROOT, 'schemas', 'methodology.schema.json'));
    expect(yaml.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    const act = parse(yaml);
    expect(act.base).toBe('typical-b-2025');
    expect(act.language).toEqual(['ru', 'kk']);
    const change = (id: string) => act.changes.find((c: { replace?: string }) => c.replace === id);
    expect(change('hr-support').text.provenance).toEqual({ kk: 'supplied by the drafter' });
    expect(change('hr-support').text.ru).toContain('службой управления персоналом аппарата акима');
    expect(change('discipline').name).toEqual({ ru: 'Соблюдения трудовой дисциплины оцениваемым лицом', kk: 'Бағаланатын адамның еңбек тәртібін сақтауы', provenance: { kk: 'supplied by the drafter' } });
    // The templates' Kazakh (002's sentences with this body's names) carries no such mark.
    expect(change('routing-others').text).toEqual({
      ru: 'Оценка иных административных государственных служащих корпуса "Б" осуществляется непосредственным руководителем по форме согласно приложению {{ref "non-managerial-sheet"}} к настоящей Методике.',
      kk: 'Өзге тұлғаларды бағалау тікелей басшымен осы Әдістеменің {{ref "non-managerial-sheet"}}-қосымшасына сәйкес нысан бойынша жүргізіледі.',
    });
    expect(act.changes.find((c: { replace?: string }) => c.replace === 'listed-heads')).toMatchObject({ categories: ['E-1'], evaluator: 'akim' });
  });

  it('prints the body in the DOCX and the PDF of each language, Kazakh letters included', async () => {
    const ruDocx = paragraphs(await documentXml(readFileSync(join(build, `${ID}.ru.docx`)))).join('\n');
    expect(ruDocx).toContain('Утвердить прилагаемую Методику оценки деятельности административных государственных служащих корпуса "Б" государственного учреждения "Аппарат акима Тупкараганского района".');
    expect(ruDocx).toContain('Оценка руководителя аппарата акима осуществляется акимом района по форме, согласно приложению 1 к настоящей Методике.');
    const kkDocx = paragraphs(await documentXml(readFileSync(join(build, `${ID}.kk.docx`)))).join('\n');
    expect(kkDocx).toContain('Аппарат басшысын бағалау аудан әкімімен осы Әдістеменің 1-қосымшасына сәйкес нысан бойынша жүргізіледі.');
    const kkPdf = (await pdfPages(new Uint8Array(readFileSync(join(build, `${ID}.kk.pdf`))))).join('\n').replace(/\s+/g, ' ');
    expect(kkPdf).toContain('Түпқараған ауданы әкімі аппаратының');
    for (const letter of 'әғқңөұүі') expect(kkPdf, letter).toContain(letter);
    const ruPdf = (await pdfPages(new Uint8Array(readFileSync(join(build, `${ID}.ru.pdf`))))).join('\n').replace(/\s+/g, ' ');
    expect(ruPdf).toContain('Аппарат акима Тупкараганского района');
  });
});

