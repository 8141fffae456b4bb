// Cutting wording into words: Russian and Kazakh words, numbers with the decimal comma and their
// suffixes, punctuation; whitespace is never a word, so it can never be a change.
import { describe, expect, it } from 'vitest';
import { diffTokens, natureOf } from '../../src/diff/hunks.js';
import { localiser } from '../../src/diff/localise.js';
import { stem } from '../../src/diff/stem.js';
import { joinTokens, tokenize } from '../../src/diff/tokens.js';

const words = (s: string, lang: 'ru' | 'kk' = 'ru') => tokenize(s, lang).map((t) => t.text);

describe('tokens', () => {
  it('keeps Russian and Kazakh words whole, with their inner hyphens', () => {
    expect(words('Қазақстан Республикасының "Е-қызмет" жүйесі', 'kk')).toEqual(['Қазақстан', 'Республикасының', '"', 'Е-қызмет', '"', 'жүйесі']);
    expect(words('категорий C-O-1, Е-2 и/или')).toEqual(['категорий', 'C-O-1', ',', 'Е-2', 'и', '/', 'или']);
  });

  it('keeps a number with its decimal comma and its suffix, and splits off a comma after it', () => {
    expect(words('не может превышать 2,99 баллов, от 0 до 5-ти, 4-тармақта; пунктом 5, сроки')).toEqual([
      'не', 'может', 'превышать', '2,99', 'баллов', ',', 'от', '0', 'до', '5-ти', ',', '4-тармақта', ';', 'пунктом', '5', ',', 'сроки',
    ]);
  });

  it('rebuilds the text exactly, whitespace included', () => {
    const s = '  Оценка\n проводится —  по итогам квартала (0*).';
    expect(joinTokens(tokenize(s, 'ru'))).toBe(s.trimEnd());
  });

  it('folds case, ё, dashes, quotes and look-alike Latin letters for comparison only', () => {
    const [a, b] = [tokenize('Mетодике «ёлка» –', 'ru'), tokenize('методике "елка" -', 'ru')];
    expect(a.map((t) => t.key)).toEqual(b.map((t) => t.key));
    expect(a[0].text).toBe('Mетодике');
  });

  it('stems grammatical endings of both languages', () => {
    expect(['Типовой', 'Типовая', 'типовую'].map((w) => stem(w.toLowerCase(), 'ru'))).toEqual(['типов', 'типов', 'типов']);
    expect(['государственного', 'государственных', 'органа', 'органов'].map((w) => stem(w, 'ru'))).toEqual(['государственн', 'государственн', 'орган', 'орган']);
    expect(['әдістемеде', 'әдістеменің', 'әдістемесіне', 'органдарының'].map((w) => stem(w, 'kk'))).toEqual(['әдістеме', 'әдістеме', 'әдістеме', 'орган']);
  });
});

describe('word-level changes', () => {
  const loc = localiser('ru', [], []);
  const diff = (a: string, b: string) => diffTokens(tokenize(a, 'ru'), tokenize(b, 'ru'), loc, new Map());

  it('sees no change in whitespace or a PDF line break', () => {
    expect(natureOf(diff('Оценка проводится по итогам квартала', 'Оценка  проводится\nпо итогам\n квартала'))).toBeUndefined();
  });

  it('sees a changed number with its decimal comma as one word', () => {
    const ops = diff('не может превышать 2,99 баллов', 'не может превышать 2,49 баллов');
    expect(ops.filter((o) => o.type === 'change').map((o) => [o.base.map((t) => t.text), o.local.map((t) => t.text)])).toEqual([[['2,99'], ['2,49']]]);
  });

  it('sees punctuation changes as changes of substance', () => {
    expect(natureOf(diff('оценки, а также', 'оценки а также'))).toBe('substance');
  });
});
