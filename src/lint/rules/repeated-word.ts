/**
 * @rule repeated-word
 * No word is printed twice in a row. 002's point 18 says "шешім қабылдайды қабылдайды" (takes a
 * decision decides): a doubled word is a slip of the drafter that a proof-reader should catch.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok repeated-word-not-ok.yaml
 *   "принимает принимает решение"
 *   7:16  warning  point 20: "принимает принимает": the word is printed twice
 */
import type { Rule } from '../types.js';

const TWICE = /(?<!\p{L})(\p{L}{2,})\s+\1(?!\p{L})/giu;

export const repeatedWord: Rule = {
  id: 'repeated-word',
  severity: 'warning',
  check(ctx, report) {
    for (const para of ctx.all()) {
      for (const m of para.text.matchAll(TWICE)) report(`${para.label}: "${m[0]}": the word is printed twice`, para);
    }
  },
};
