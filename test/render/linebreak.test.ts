// Line breaking on its own: widths respected, signs kept with their words, Russian hyphenation
// that text extraction can undo, no hyphenation of Kazakh.
import { describe, expect, it } from 'vitest';
import { program } from '../../src/render/pdf/fonts.js';
import { hyphenatorFor } from '../../src/render/pdf/hyphenate.js';
import { breakLines, type Line } from '../../src/render/pdf/linebreak.js';

const font = program('regular');
const measure = { width: (s: string) => font.width(s, 14) };
const ru = hyphenatorFor('ru')!;
const joined = (lines: Line[]) => lines.map((l) => l.words.join(' ')).join('\n').replace(/-\n/g, '').replace(/\n/g, ' ');

const TEXT_RU = 'Оценка деятельности административных государственных служащих корпуса "Б" проводится в соответствии с пунктом 5 статьи 33 Закона Республики Казахстан "О государственной службе Республики Казахстан" и определяет типовой порядок оценки деятельности служащих.';
const TEXT_KK = 'Осы Жаңақорған ауданы мәслихаты аппаратының "Б" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалаудың әдістемесі "Қазақстан Республикасының мемлекеттік қызметі туралы" Қазақстан Республикасы Заңының 33-бабының 5-тармағына сәйкес әзірленген.';

describe('line breaking', () => {
  it('fills lines up to the width and never beyond it', () => {
    const lines = breakLines(TEXT_RU, { first: 200, rest: 240 }, measure);
    expect(lines.length).toBeGreaterThan(3);
    lines.forEach((l, i) => expect(l.width).toBeLessThanOrEqual((i ? 240 : 200) + 0.01));
    // Greedy: the next line's first word would not have fitted on the line before.
    lines.slice(1).forEach((l, i) => {
      const prev = lines[i];
      expect(prev.width + measure.width(' ') + measure.width(l.words[0])).toBeGreaterThan(i ? 240 : 200);
    });
    expect(joined(lines)).toBe(TEXT_RU);
  });

  it('hyphenates Russian where a word does not fit, and the halves join back', () => {
    const lines = breakLines(TEXT_RU, { first: 200, rest: 200 }, measure, { hyphenate: ru, below: 1 });
    const hyphenated = lines.filter((l) => l.hyphenated);
    expect(hyphenated.length).toBeGreaterThan(0);
    for (const l of hyphenated) expect(l.words.at(-1)).toMatch(/\p{L}{2}-$/u);
    expect(joined(lines)).toBe(TEXT_RU);
    lines.forEach((l) => expect(l.width).toBeLessThanOrEqual(200.01));
  });

  it('does not hyphenate Kazakh: lines end between words', () => {
    expect(hyphenatorFor('kk')).toBeUndefined();
    const lines = breakLines(TEXT_KK, { first: 200, rest: 200 }, measure);
    expect(lines.some((l) => l.hyphenated)).toBe(false);
    // "33-бабының" keeps its own hyphen inside the line: a line never ends with a hyphen.
    for (const l of lines) expect(l.words.at(-1)).not.toMatch(/-$/);
    expect(lines.map((l) => l.words.join(' ')).join(' ')).toBe(TEXT_KK);
  });

  it('keeps "№" with its number, a dash off the start of a line, a list dash with its item', () => {
    for (let width = 60; width <= 300; width += 7) {
      const lines = breakLines('приказом от 16 января 2018 года № 13 (далее – Типовая методика) - умение брать на себя', { first: width, rest: width }, measure);
      for (const l of lines) {
        expect(l.words.at(-1)).not.toBe('№');
        expect(l.words[0]).not.toBe('–');
        expect(l.words.at(-1)).not.toBe('-');
      }
    }
  });

  it('cuts a word wider than the column, and the cut joins back', () => {
    const lines = breakLines('ҚызметшілерініңҚызметшілерінің', { first: 60, rest: 60 }, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(joined(lines)).toBe('ҚызметшілерініңҚызметшілерінің');
    lines.slice(0, -1).forEach((l) => expect(l.width).toBeLessThanOrEqual(60.01));
  });
});
