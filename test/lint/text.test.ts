// The readers lint builds on: references, dates, printed ranges and category codes as the acts print them.
import { describe, expect, it } from 'vitest';
import { codesIn } from '../../src/lint/categories.js';
import { datesIn } from '../../src/lint/text/dates.js';
import { rangesIn } from '../../src/lint/text/numbers.js';
import { parsePrintedRange } from '../../src/lint/text/printed-range.js';
import { findRefs } from '../../src/lint/text/refs.js';
import { containsStems, stems } from '../../src/lint/text/words.js';

const refs = (text: string, lang: 'ru' | 'kk') => findRefs(text, lang).map((r) => [r.kind, r.point ?? '', r.number, r.target]);

describe('references', () => {
  it('ru: points, sub-points of a point, appendices, chapters', () => {
    expect(refs('в порядке, предусмотренном в пункте 11 настоящей Методики', 'ru')).toEqual([['point', '', '11', 'methodology']]);
    expect(refs('согласно подпункту 2) пункта 3 и приложению 1 к настоящей Методике, глава 2', 'ru')).toEqual([
      ['subpoint', '3', '2', 'methodology'], ['appendix', '', '1', 'methodology'], ['chapter', '', '2', 'methodology'],
    ]);
  });
  it('ru: another act is external, the decision is the decision', () => {
    expect(refs('в соответствии с пунктом 5 статьи 33 Закона', 'ru')).toEqual([['point', '', '5', 'external']]);
    expect(refs('Приложение 2 к приказу Председателя', 'ru')).toEqual([['appendix', '', '2', 'external']]);
    expect(refs('согласно приложению 1 к настоящему решению; пункт 2 настоящего решения', 'ru')).toEqual([
      ['appendix', '', '1', 'decision'], ['point', '', '2', 'decision'],
    ]);
    expect(refs('в мобильном приложении "Е-қызмет"', 'ru')).toEqual([]);
  });
  it('kk: N-тармақ in any case, sub-points, appendices; an article of a law is external', () => {
    expect(refs('осы Әдістеменің 10-тармағында көзделген тәртіппен, 4-тармақта', 'kk')).toEqual([['point', '', '10', 'methodology'], ['point', '', '4', 'methodology']]);
    expect(refs('3-тармағының 2) тармақшасында, 1-қосымшасына', 'kk')).toEqual([['subpoint', '3', '2', 'methodology'], ['appendix', '', '1', 'methodology']]);
    expect(refs('Заңының 33-бабының 5-тармағына сәйкес', 'kk')).toEqual([['point', '', '5', 'external']]);
  });
});

describe('dates', () => {
  it('ru and kk, with and without the year', () => {
    expect(datesIn('от 27 марта 2018 года № 15/165, не позднее 30 января', 'ru').map((d) => d.iso)).toEqual(['2018-03-27', '--01-30']);
    expect(datesIn('2025 жылғы 27 маусымдағы № 372; 30 қаңтарынан', 'kk').map((d) => d.iso)).toEqual(['2025-06-27', '--01-30']);
    expect(datesIn('от 28.07.2025 № 121', 'ru').map((d) => d.iso)).toEqual(['2025-07-28']);
  });
});

describe('ranges', () => {
  it('stated in text: ru "от a до b", kk "a-тен b"', () => {
    expect(rangesIn('диапазон оценок от 3 до 3,99 баллов; Оценка (от 0* до 5 баллов)', 'ru').map((r) => [r.min, r.max])).toEqual([[3, 3.99], [0, 5]]);
    expect(rangesIn('3-тен 3,99 баллға дейін, 0*-ден 5 баллға дейін, 0-ден 5-ке', 'kk').map((r) => [r.min, r.max])).toEqual([[3, 3.99], [0, 5], [0, 5]]);
  });
  it('printed in a table row', () => {
    expect(parsePrintedRange('40-44,49')).toMatchObject({ min: '40', max: '44.49' });
    expect(parsePrintedRange('100 и выше')).toMatchObject({ min: '100' });
    expect(parsePrintedRange('менее 80 баллов')).toMatchObject({ max: '80', 'max-exclusive': true });
    expect(parsePrintedRange('свыше 130 баллов')).toMatchObject({ min: '130', 'min-exclusive': true });
    expect(parsePrintedRange('от 81 до 105 (включительно) баллов')).toMatchObject({ min: '81', max: '105' });
    expect(parsePrintedRange('5')).toMatchObject({ min: '5', max: '5' });
    expect(parsePrintedRange('Реализация КЦИ в процентах')).toBeUndefined();
  });
});

describe('category codes', () => {
  it('Latin, Cyrillic look-alikes and spaces, in the register spelling', () => {
    expect(codesIn('категорий B-1, С-1 (…), C-O-1, категории Е - 2; "Е-қызмет"').map((c) => [c.printed, c.code])).toEqual([
      ['B-1', 'B-1'], ['С-1', 'C-1'], ['C-O-1', 'C-O-1'], ['Е - 2', 'E-2'],
    ]);
  });
});

describe('stems', () => {
  it('one title in two cases and with the body around it', () => {
    expect(stems('Методика оценки')).toEqual(stems('Методике оценки'));
    expect(containsStems(stems('"Жаңақорған ауданы мәслихатының аппараты" мемлекеттік мекемесінің "Б" корпусы'), stems('Жаңақорған ауданы мәслихаты аппаратының "Б" корпусы'))).toBe(true);
    expect(containsStems(stems('Правила оценки'), stems('Методика оценки'))).toBe(false);
  });
});
