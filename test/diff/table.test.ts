// The comparative table: one row per changed element, the two wordings with the changed words
// in bold, the reason; in the act's language, as DOCX and PDF.
import { describe, expect, it } from 'vitest';
import { compareActs } from '../../src/diff/compare.js';
import { comparativeTable } from '../../src/diff/table/rows.js';
import { renderTableDocx } from '../../src/diff/table/docx.js';
import { renderTablePdf } from '../../src/diff/table/pdf.js';
import { pdfLines, pdfPages } from '../render/helpers.js';
import { actPath } from '../helpers.js';
import { documentXml, normalise } from './docx-text.js';
import { act, diffOf, typicalVersion } from './helpers.js';

const text = (cell: Array<Array<{ text: string }>>) => cell.map((p) => p.map((r) => r.text).join('')).join('\n');
const bold = (cell: Array<Array<{ text: string; bold: boolean }>>) => cell.flatMap((p) => p.filter((r) => r.bold).map((r) => r.text.trim()));

describe('the comparative table of the Mangistau act (ru)', async () => {
  const diff = await diffOf('mangistau-district-2025');
  const table = comparativeTable(diff);

  it('has the four columns, worded for a local act against the typical one', () => {
    expect(table.title).toBe('Сравнительная таблица');
    expect(table.columns).toEqual(['Структурный элемент', 'Редакция типовой методики', 'Предлагаемая редакция', 'Обоснование']);
  });

  it('has a row per element changed in substance, added or removed, and none for the localised', () => {
    expect(table.rows).toHaveLength(12);
    expect(table.rows.map((r) => text(r[0]))).toContain('Часть 4 пункта 17 (в проекте: часть 2 пункта 17)');
    expect(table.rows.map((r) => text(r[0]))).not.toContain('Пункт 1');
    expect(comparativeTable(diff, { all: true }).rows.map((r) => text(r[0]))).toContain('Пункт 1');
  });

  it('puts the changed words in bold, and the reason from the act', () => {
    const row = table.rows.find((r) => text(r[0]) === 'Пункт 16')!;
    expect(text(row[1])).toBe('16. Руководители службы управления персоналом обеспечивают:');
    expect(bold(row[1])).toEqual(['Руководители']);
    expect(bold(row[2])).toEqual(['Руководитель']);
    expect(text(row[3])).toBe('Обязанности возложены на руководителя службы управления персоналом (в единственном числе)');
  });

  it('has a row for the result line of appendix 2, which the act prints without its colon', () => {
    const row = table.rows.find((r) => text(r[2]) === 'Результат оценки')!;
    expect(text(row[1])).toBe('Результат оценки:');
    expect(text(row[3])).toBe('Строка результата приложения 2 — как в опубликованном решении, без двоеточия');
  });

  it('words a removed element as removed', () => {
    const row = table.rows.find((r) => text(r[0]) === 'Часть 2 пункта 2')!;
    expect(text(row[2])).toBe('Исключить.');
    expect(bold(row[1]).join(' ')).toMatch(/^В случае отсутствия/);
  });

  it('as DOCX: a table with the header row repeated and bold runs', async () => {
    const xml = await documentXml(await renderTableDocx(diff));
    expect(xml).toContain('<w:tblHeader/>');
    for (const h of table.columns) expect(xml).toContain(`>${h}<`);
    expect(/<w:r><w:rPr><w:b\/>(?:(?!<\/w:rPr>).)*<\/w:rPr><w:t xml:space="preserve">Руководитель<\/w:t>/.test(xml)).toBe(true);
  });

  it('as PDF: the same words, on numbered pages', async () => {
    const pages = await pdfPages(await renderTablePdf(diff));
    const all = normalise(pages.join(' '));
    expect(all).toContain('Сравнительная таблица');
    expect(all).toContain('Предлагаемая редакция');
    expect(all).toContain('Руководитель службы управления персоналом обеспечивают');
    expect(pages.length).toBeGreaterThan(1);
    // The column headings are repeated on every page.
    for (const p of pages) expect(normalise(p)).toContain('Обоснование');
    expect(normalise(pages[0])).toContain(`Страница 1 из ${pages.length}`);
  });

  it('as PDF: words that do not fit a narrow column are hyphenated at the Russian patterns\' points', async () => {
    const lines = (await pdfLines(await renderTablePdf(diff))).join('').split('\n');
    const broken = lines.filter((l) => /\p{L}-$/u.test(l));
    expect(broken.length).toBeGreaterThan(10);
    // "государственного" breaks as го-су-дар-ствен-но-го, never after "государственн".
    expect(lines.some((l) => /(^| )государ-$|(^| )государствен-$/.test(l))).toBe(true);
    expect(lines.some((l) => /государственн$/.test(l))).toBe(false);
    // The headings are not hyphenated.
    expect(lines.filter((l) => /^(Структурный|Редакция|Предлагаемая|Обоснование)/.test(l)).every((l) => !l.endsWith('-'))).toBe(true);
  });
});

describe('the comparative table of the Zhanakorgan act (kk)', async () => {
  const diff = await diffOf('zhanakorgan-district-2025');
  const table = comparativeTable(diff);

  it('is worded in Kazakh', () => {
    expect(table.title).toBe('Салыстырмалы кесте');
    expect(table.columns).toEqual(['Құрылымдық элемент', 'Үлгілік әдістеменің редакциясы', 'Ұсынылып отырған редакция', 'Негіздеме']);
  });

  it('says where the base has no kk text, and numbers the element on both sides', () => {
    const row = table.rows.find((r) => text(r[0]) === '17-тармақ (жобада: 16-тармақ)')!;
    expect(text(row[1])).toBe('Үлгілік әдістемеде мемлекеттік тілдегі мәтін жоқ.');
    expect(text(row[2])).toMatch(/^16\. Аппарат басшысын бағалау/);
    expect(text(table.rows.find((r) => text(r[0]) === '2-тармақ')![2])).toBe('Алып тасталсын.');
  });

  it('as PDF: the Kazakh letters come back from the text layer', async () => {
    const all = normalise((await pdfPages(await renderTablePdf(diff))).join(' '));
    expect(all).toContain('Ұсынылып отырған редакция');
    expect(all).toContain('Аппарат басшысын бағалау мәслихат төағасымен');
  });

  it('as PDF: Kazakh words are not hyphenated (no patterns; the Russian ones would break them wrongly)', async () => {
    const lines = (await pdfLines(await renderTablePdf(diff))).join('').split('\n');
    expect(lines.filter((l) => /\p{L}-$/u.test(l))).toEqual([]);
  });
});

describe('two versions of one act', () => {
  it('compare the current wording with the proposed one', async () => {
    const next = await typicalVersion((s) => s.replace('в течение трех лет со дня завершения оценки', 'в течение пяти лет со дня завершения оценки'));
    const table = comparativeTable(compareActs(await act(actPath('typical-b-2025')), next));
    expect(table.columns[1]).toBe('Действующая редакция');
    expect(table.rows).toHaveLength(1);
    expect(bold(table.rows[0][1])).toEqual(['трех']);
    expect(bold(table.rows[0][2])).toEqual(['пяти']);
    expect(text(table.rows[0][3])).toBe('');
  });
});
