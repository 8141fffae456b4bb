// The repairs one by one, on lines made for the test: each needs its evidence, and leaves real
// words alone.
import { describe, expect, it } from 'vitest';
import { toLines } from '../../src/import/lines.js';
import { buildParagraphs } from '../../src/import/paragraphs.js';
import { decodeActText } from '../../src/import/read.js';
import { Lexicon, Repairer } from '../../src/import/repair.js';
import { ImportError, ImportReport } from '../../src/import/report.js';

/** A repairer whose lexicon is the given text's words. */
function repairer(text: string, lang: 'ru' | 'kk' = 'ru'): { r: Repairer; report: ImportReport } {
  const report = new ImportReport();
  return { r: new Repairer(new Lexicon(toLines(text), lang), report), report };
}

describe('decoding', () => {
  it('drops a UTF-8 byte-order mark, converts CP1251, refuses what is neither', () => {
    expect(decodeActText(Buffer.from('\ufeffГлава 1.', 'utf8'), 'f')).toEqual({ text: 'Глава 1.' });
    expect(decodeActText(Buffer.from([0xc3, 0xeb, 0xe0, 0xe2, 0xe0, 0x20, 0x31, 0x2e]), 'f')).toEqual({ text: 'Глава 1.', converted: 'Windows-1251 (CP1251)' });
    expect(() => decodeActText(Buffer.from([0x41, 0x80, 0x81, 0x41]), 'f')).toThrow(ImportError);
    expect(() => decodeActText(Buffer.from([0x41, 0x80, 0x81, 0x41]), 'f')).toThrow(/neither UTF-8 nor Windows-1251/);
  });
});

describe('a word displaced into the end of its line', () => {
  const { r } = repairer('');
  it('goes back into the hole it left; a number takes the word after it along', () => {
    expect(r.putBack('согласно  к настоящему решению приложению', 1)).toBe('согласно приложению к настоящему решению');
    expect(r.putBack('Заңының 33 бабының  және "Мемлекеттік әкімшілік 5 тармағына', 1)).toBe('Заңының 33 бабының 5 тармағына және "Мемлекеттік әкімшілік');
    expect(r.putBack('года № (зарегистрировано в Реестре 15/165', 1)).toBe('года № 15/165 (зарегистрировано в Реестре');
  });
  it('a double space with nothing displaced, or before a line to fill, is only a space', () => {
    expect(r.putBack('При  наличии', 1)).toBe('При наличии');
    expect(r.putBack('служащего:  ______', 1)).toBe('служащего: ______');
    expect(r.putBack('одна строка без дыр', 1)).toBe('одна строка без дыр');
  });
});

describe('words broken at a line end', () => {
  const join = (text: string, lex: string) => repairer(lex).r.join(toLines(text));
  it('a hyphenated word is joined where the document has the whole word', () => {
    expect(join('Результат целевого показате-\nля 1', 'по показателя')).toBe('Результат целевого показателя 1');
  });
  it('keeps the hyphen of a number\'s suffix and of a word the document writes with one', () => {
    expect(join('осы Әдістеменің 1-\nқосымшасына сәйкес', '')).toBe('осы Әдістеменің 1-қосымшасына сәйкес');
    expect(join('на интернет-\nресурсе', 'размещение на интернет-ресурсе')).toBe('на интернет-ресурсе');
  });
  it('puts no space inside brackets or an opening quotation mark', () => {
    expect(join('не удовлетворительно" (\nнеудовлетворительная оценка', '')).toBe('не удовлетворительно" (неудовлетворительная оценка');
    expect(join('(далее – Әдістеме) "\nҚазақстан Республикасының', '')).toBe('(далее – Әдістеме) "Қазақстан Республикасының');
    expect(join('сессии\n), а также', '')).toBe('сессии), а также');
  });
});

describe('spaced and split words', () => {
  it('letters spaced out are one word; a real one-letter word stays', () => {
    const { r } = repairer('');
    expect(r.words('по данному п а р а м е т р у , предусмотренных', 1)).toBe('по данному параметру, предусмотренных');
    expect(r.words('оценка в оцениваемом квартале', 1)).toBe('оценка в оцениваемом квартале');
  });
  it('a word split after its first letter, only when the document has the whole word', () => {
    expect(repairer('наличие взысканий').r.words('дисциплинарных в зысканий в квартале', 1)).toBe('дисциплинарных взысканий в квартале');
    expect(repairer('').r.words('дисциплинарных в зысканий в квартале', 1)).toBe('дисциплинарных в зысканий в квартале');
  });
  it('three fragments around a letter that is no word', () => {
    expect(repairer('', 'kk').r.words('осы параметр бойынша нег і зделген ескертулердің', 1, undefined)).toBe('осы параметр бойынша негізделген ескертулердің');
  });
});

describe('glued words of a layout cell', () => {
  it('split at a digit, "№", a capital, a quote, and between two words of the document', () => {
    const { r } = repairer('Маңғыстау облыстық мәслихатының шешімімен белгіленген (бекітілген)', 'kk');
    expect(r.unglue('Маңғыстау облыстық мәслихатының2018 жылғы 20 наурыздағы№ 17/212 шешіміменбекітілген', 1)).toBe('Маңғыстау облыстық мәслихатының 2018 жылғы 20 наурыздағы № 17/212 шешімімен бекітілген');
  });
});

describe('paragraphs', () => {
  const paras = (text: string) => buildParagraphs(toLines(text), repairer(text).r).map((p) => p.text);
  it('a page break in a sentence continues it; an indented line starts a paragraph', () => {
    expect(paras('      1. Оценка деятельности административных\n\n\n\nгосударственных служащих.\n      2. Вторая.')).toEqual(['1. Оценка деятельности административных государственных служащих.', '2. Вторая.']);
  });
  it('after a blank line, an item of a list ending with a comma is not continued', () => {
    expect(paras('менее 80 баллов - «неудовлетворительно»,\n\nот 81 до 105 баллов - «удовлетворительно»,')).toEqual(['менее 80 баллов - «неудовлетворительно»,', 'от 81 до 105 баллов - «удовлетворительно»,']);
  });
  it('a footnote and a chapter heading open a paragraph wherever they stand', () => {
    expect(paras('бағалаудың әдістемесі\nЕскерту. Әдістеме жаңа редакцияда.\n\n1-тарау. Жалпы ережелер\n1. Осы')).toEqual(['бағалаудың әдістемесі', 'Ескерту. Әдістеме жаңа редакцияда.', '1-тарау. Жалпы ережелер', '1. Осы']);
  });
});
