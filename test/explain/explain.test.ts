// `metodika explain` on the three acts: what each decides where the typical act leaves the choice
// (routing, evaluators), the deadlines and caps, with the typical act's value beside a changed one.
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/explain.js';
import { explainAct } from '../../src/explain/explain.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath } from '../helpers.js';

async function explain(id: string, lang: 'ru' | 'kk'): Promise<string> {
  const { act } = await resolveFile(actPath(id));
  return explainAct(act!, lang);
}

describe('metodika explain', () => {
  it('the typical act: its four routing rules, deadlines and caps, and what it leaves to the body', async () => {
    const text = await explain('typical-b-2025', 'ru');
    expect(text).toContain('Кто кого оценивает (пункт 17; применяется первое подходящее правило)');
    expect(text).toContain('- иные руководящие должности: оценивает руководитель структурного подразделения/государственного органа, оценочный лист – приложение 1.');
    expect(text).toContain('- все остальные служащие: оценивает руководитель структурного подразделения/государственного органа, оценочный лист – приложение 2.');
    expect(text).toContain('C-1 (за исключением должностей: заместитель председателя Комитета центрального исполнительного органа, директор департамента)');
    expect(text).toContain('Орган решает сам: какие абзацы пункта 17 применяются');
    expect(text).toContain('- Заявление о проведении калибровочной сессии: в течение 5 рабочих дней со дня получения результатов оценки (пункт 11).');
    expect(text).toContain('- Итоговая оценка за год: не позднее 30 января года, следующего за отчетным.');
    expect(text).toContain('- замечание, выговор, строгий выговор: итоговая оценка не выше 2,99.');
    expect(text).not.toContain('в типовой методике:');
  });

  it('Mangistau: the head of the apparatus by the direct superior, the others by the head of the apparatus', async () => {
    const text = await explain('mangistau-district-2025', 'ru');
    expect(text).toContain('- E-2: оценивает непосредственный руководитель, оценочный лист – приложение 1 (в типовой методике: B-1,');
    expect(text).toContain('- все остальные служащие: оценивает руководитель аппарата, оценочный лист – приложение 2 (в типовой методике: все остальные служащие: руководитель структурного подразделения/государственного органа).');
    expect(text).toContain('- Правило типовой методики «иные руководящие должности: оценивает руководитель структурного подразделения/государственного органа» исключено (Исключено правило для иных руководящих должностей).');
    expect(text).toContain('- Часть 3 пункта 4: Исключена норма об оценке председателей ревизионных комиссий председателем маслихата.');
    // The deadlines and caps are the typical act's: no "was".
    expect(text).toContain('- Проведение калибровочной сессии: в течение 10 рабочих дней со дня обращения служащего (пункт 21).');
    expect(text).toMatch(/Изменено положений типовой методики: \d+; исключено: 5/);
  });

  it('Zhanakorgan, in Kazakh: the maslikhat chairman evaluates the head of the apparatus', async () => {
    const text = await explain('zhanakorgan-district-2025', 'kk');
    expect(text).toContain('Бағалаушы тұлғалар (16-тармақ)');
    expect(text).toContain('- E-2: мәслихат төрағасы, бағалау парағы – 1-қосымша (Үлгілік әдістемеде: ');
    expect(text).toContain('- өзге басшы лауазымдар: аппарат басшысы, бағалау парағы – 1-қосымша');
    expect(text).toContain('- Калибрлеу сессиясын өткізу жөнінде өтініш: бағалау нәтижелерімен танысқан күннен бастап 5 жұмыс күні ішінде (10-тармақ).');
    expect(text).toContain('- ескерту, сөгіс, қатаң сөгіс: қорытынды баға 2,99 баллдан аспайды.');
    expect(text).toContain('- 19-тармақ: Калибрлеу сессияларын өткізудің мақсаты туралы тармақ алынып тасталды.');
  });

  it('from the command line, in the act\'s language unless asked', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run([actPath('zhanakorgan-district-2025')])).toBe(0);
      expect(out.join('')).toContain('Бағалаушы тұлғалар');
      expect(await run([actPath('zhanakorgan-district-2025'), '--lang', 'ru'])).toBe(1);
      expect(error.mock.calls.join('\n')).toContain('zhanakorgan-district-2025 is not published in ru (its languages: kk)');
      expect(await run([])).toBe(2);
    } finally {
      write.mockRestore();
      error.mockRestore();
    }
  });
});
