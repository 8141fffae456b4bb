// Lint on the acts in methodologies/: the exact findings on each, every one at the YAML line that
// holds the offending wording. The defects DOMAIN.md lists for these acts are among them; the
// typical act's findings are its real typographic slips and one ru/kk divergence of its
// reconstructed kk (see docs/lint.md, "Findings on the acts").
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAct } from '../../src/lint/index.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath } from '../helpers.js';

/** [rule, severity, message, words on the reported YAML line] */
type Finding = [string, string, string, string];

const EXPECTED: Record<string, Finding[]> = {
  'typical-b-2025': [
    ['category-code', 'warning', 'sub-point 3) of point 3: "С-1", "Е-1", "Е-2" are typed with Cyrillic "С", "Е"; the register writes C-1, E-1, E-2', 'руководитель структурного подразделения/государственного органа'],
    ['category-code', 'warning', 'point 17: "С-1", "Е-1", "Е-2" are typed with Cyrillic "С", "Е"; the register writes C-1, E-1, E-2', 'категорий B-1, С-1'],
    ['category-code', 'warning', 'point 17: "С-1" is typed with Cyrillic "С"; the register writes C-1', 'категорий С-1 (за исключением'],
    ['parity', 'warning', 'appendix 2, row 4 (guidance): the kk text lists 6 items, the ru text 7', 'kk: |-'],
  ],
  'mangistau-district-2025': [
    ['quotes', 'warning', 'decision title: 5 straight quotation marks ("): one is unpaired', 'О внесении изменений в решение'],
    ['quotes', 'warning', 'decision point 1: 5 straight quotation marks ("): one is unpaired', 'Внести в решение'],
    ['quotes', 'warning', 'decision point 1: 5 straight quotation marks ("): one is unpaired', 'изложить в новой редакции'],
    ['self-reference', 'error', 'point 2: the methodology is approved "на основе Методики", i.e. on the basis of itself (point 1 names this act "Методика"); the basis of a local act is the typical methodology', 'на основе Методики'],
    ['category-code', 'warning', 'sub-point 3) of point 3: "Е - 2" is typed with Cyrillic "Е" and spaces; the register writes E-2', 'категории Е - 2'],
    ['category-code', 'warning', 'point 17: "Е-2" is typed with Cyrillic "Е"; the register writes E-2', 'руководителя аппарата Е-2'],
    ['mixed-script', 'warning', 'point 17: "Mетодике" mixes Latin ("M") and Cyrillic letters', 'Mетодике'],
  ],
  'zhanakorgan-district-2025': [
    ['quotes', 'warning', 'decision point 2: 5 straight quotation marks ("): one is unpaired', 'бекіту туралы" 2025'],
    ['numbering', 'error', 'point 2: sub-point "5)" follows "3)": "4)" is missing', 'number: "5"'],
    ['routing-text', 'error', 'point 16: the text does not name the evaluator "мәслихат төрағасы" (maslikhat-chairman) that scoring.routing "listed-heads" sets', 'мәслихат төағасымен'],
    ['self-reference', 'error', 'point 16: a local act calls itself "осы Үлгілік әдістеменің" (this typical methodology); it is the body\'s own methodology', 'осы Үлгілік әдістеменің'],
    ['repeated-word', 'warning', 'point 18: "қабылдайды қабылдайды": the word is printed twice', 'қабылдайды қабылдайды'],
    ['sheet-person', 'error', 'appendix 1, row 4 (parameter): "Бағалаушы адамның еңбек тәртібін сақтауы" names the evaluator ("Бағалаушы"), where the base act\'s row names the evaluated person ("Соблюдения трудовой дисциплины оцениваемым лицом")', 'Бағалаушы адамның'],
  ],
};

describe.each(Object.keys(EXPECTED))('lint %s', (id) => {
  it('reports exactly its findings, each at the YAML line of the offending wording', async () => {
    const { act } = await resolveFile(actPath(id));
    const found = lintAct(act!);
    expect(found.map((d) => [d.ruleId, d.severity, d.message])).toEqual(EXPECTED[id].map(([r, s, m]) => [r, s, m]));
    found.forEach((d, i) => {
      expect(basename(d.file)).toBe(`${id}.yaml`);
      expect(readFileSync(d.file, 'utf8').split('\n')[d.line - 1]).toContain(EXPECTED[id][i][3]);
    });
  });
});

describe('the defects DOMAIN.md lists', () => {
  const rules = async (id: string) => lintAct((await resolveFile(actPath(id))).act!).filter((d) => d.severity === 'error');
  it('002: the skipped definition 4), "this Typical methodology", the evaluator in parameter 4', async () => {
    const errors = await rules('zhanakorgan-district-2025');
    expect(errors.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['numbering', 'self-reference', 'sheet-person']));
  });
  it('000: approved "на основе Методики", i.e. itself', async () => {
    expect((await rules('mangistau-district-2025')).map((d) => d.ruleId)).toEqual(['self-reference']);
  });
  it('the typical act has no error', async () => {
    expect(await rules('typical-b-2025')).toEqual([]);
  });
});
