/**
 * @rule parity
 * The ru and kk versions of one act say the same: each text that exists in both languages prints
 * the same numbers, the same dates and the same references (a "пункт 11" is an "11-тармақ"), and
 * a sheet's guidance cell lists as many items ("- ...") in both. A different number, date or
 * reference is an error (one version states another rule); a different count of list items is a
 * warning (an item merged or split in translation).
 *
 * @ok parity-ok.yaml
 *   a ru + kk act whose texts agree
 * @not-ok parity-not-ok.yaml
 *   kk "4-тармақта" for ru "пунктом 5"; kk "31 қаңтарынан" for ru "30 января"; a kk guidance cell with one item fewer
 *   27:11  error  point 7: the kk text prints the reference "4-тармақта" (point 4) where the ru text has "пунктом 5" (point 5)
 *   31:11  error  point 5: the kk text prints the date "31 қаңтарынан" where the ru text has "30 января"
 *   38:11  warning  appendix 1, row 2 (guidance): the kk text lists 1 item, the ru text 2
 */
import { aligned } from '../aligned.js';
import { type Fact, factsOf } from '../text/facts.js';
import type { Rule } from '../types.js';

const bag = (xs: Fact[]) => xs.map((x) => x.key).sort().join(', ');
const WHAT = { refs: 'the reference', dates: 'the date', numbers: 'the number' } as const;

export const parity: Rule = {
  id: 'parity',
  severity: 'error',
  check(ctx, report) {
    const [a, b] = ctx.languages;
    if (!a || !b) return;
    for (const [ua, ub] of aligned(ctx, a, b)) {
      const fa = factsOf(ua.text, a);
      const fb = factsOf(ub.text, b);
      const where = ub.first.label;
      for (const kind of ['refs', 'dates', 'numbers'] as const) {
        if (bag(fa[kind]) === bag(fb[kind])) continue;
        const show = (xs: Fact[]) => (xs.length ? xs.map((x) => `"${x.phrase}"${kind === 'refs' ? ` (${x.key})` : ''}`).join(', ') : 'none');
        report(`${where}: the ${b} text prints ${WHAT[kind]} ${show(fb[kind])} where the ${a} text has ${show(fa[kind])}`, ub.first);
      }
      if (fa.items !== fb.items) report(`${where}: the ${b} text lists ${fb.items} item${fb.items === 1 ? '' : 's'}, the ${a} text ${fa.items}`, ub.first, 'warning');
    }
  },
};
