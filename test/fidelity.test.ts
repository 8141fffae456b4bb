// The built text of each card act against its published text: the share of the seed's words the
// build reproduces in order (word-level LCS after undoing PDF artefacts). Target: >= 99 %.
import { describe, expect, it } from 'vitest';
import { formatFidelity, measureFidelity, tokenize } from '../src/fidelity/fidelity.js';
import { renderText } from '../src/render/text.js';
import { resolveFile } from '../src/resolve/index.js';
import type { Lang } from '../src/model/source.js';
import { actPath, seed } from './helpers.js';

const CASES: Array<{ id: string; lang: Lang; seed: string; what: string; from?: RegExp }> = [
  { id: 'typical-b-2025', lang: 'ru', seed: '001_bd87805fbc2ceb4a.txt', what: 'Appendix 2 of 001 (typical corps B methodology)', from: /^\s*Приложение 2\s*\nк приказу/m },
  { id: 'mangistau-district-2025', lang: 'ru', seed: '000_4cfb7ede7e01f99a.txt', what: '000 whole act (decision, methodology, forms)' },
  { id: 'zhanakorgan-district-2025', lang: 'kk', seed: '002_5d21611e60522768.txt', what: '002 whole act (decision, methodology, forms)' },
];

describe('fidelity to the published acts', () => {
  for (const c of CASES) {
    it(`${c.id} (${c.lang}) reproduces >= 99 % of ${c.what}`, async () => {
      const { act, diagnostics } = await resolveFile(actPath(c.id));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      let text = seed(c.seed);
      if (c.from) {
        const m = c.from.exec(text);
        expect(m, 'seed section start').not.toBeNull();
        // Keep line numbers: blank the lines before the section.
        const before = text.slice(0, m!.index);
        text = '\n'.repeat(before.split('\n').length - 1) + text.slice(m!.index);
      }
      const f = measureFidelity(text, renderText(act!.tree(c.lang).tree));
      console.log(formatFidelity(`${c.id} (${c.lang}) vs ${c.seed} [${c.what}]`, f));
      expect(f.seedWords).toBeGreaterThan(1500);
      expect(f.recall).toBeGreaterThanOrEqual(0.99);
    });
  }
});

describe('the measure itself', () => {
  it('undoes spaced letters and keeps decimal numbers whole', () => {
    expect(tokenize('по данному п а р а м е т р у , не более 2,99 баллов', { pdf: true }).map((t) => t.word)).toEqual(['по', 'данному', 'параметру', 'не', 'более', '2,99', 'баллов']);
  });

  it('rejoins a word split around a single letter only when the build has the joined word', () => {
    const f = measureFidelity('осы нег і зделген ескерту, в зысканий в оценке', 'осы негізделген ескерту, взысканий в оценке');
    expect(f.recall).toBe(1);
    expect(f.seedWords).toBe(6);
    const g = measureFidelity('в оценке', 'воценке в оценке');
    expect(g.seedWords).toBe(2);
  });

  it('rejoins a word broken by a hyphen at a line end only when the build has the joined word', () => {
    const f = measureFidelity('виды по-\nощряемых действий, Е-\nқызмет', 'виды поощряемых действий, Е-қызмет');
    expect(f.recall).toBe(1);
    expect(f.seedWords).toBe(5);
  });

  it('counts a missing word, an extra word and reordering', () => {
    const f = measureFidelity('один два три четыре', 'один три пять четыре');
    expect(f.matched).toBe(3);
    expect(f.unmatched.map((s) => s.words.join(' '))).toEqual(['два']);
    expect(f.extra.map((s) => s.words.join(' '))).toEqual(['пять']);
    expect(f.recall).toBe(0.75);
  });
});
