/**
 * @rule cap-band
 * A cap is the top of a grade band. The typical act's caps, 2,99 and 1,99, are exactly the tops of
 * the two lowest grades, which is why they are read as caps on the final score; a cap inside a
 * band (2,5) would split a grade in two and is suspect, whatever its scope.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok cap-band-not-ok.yaml
 *   a cap of 2,5 with bands ending at 5, 3,99, 2,99 and 1,99
 *   24:34  warning  scoring.caps "minor-sanction" is 2,5, which is not the top of a grade band (the bands end at 5, 3,99, 2,99 and 1,99)
 */
import { printed } from '../text/numbers.js';
import type { Rule } from '../types.js';

export const capBand: Rule = {
  id: 'cap-band',
  severity: 'warning',
  check(ctx, report) {
    const tops = (ctx.source.scoring?.grades ?? []).map((g) => g.max);
    if (!tops.length) return;
    const list = tops.map(printed);
    const bands = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list[0];
    for (const cap of ctx.source.scoring?.caps ?? []) {
      if (!tops.includes(cap.max)) {
        report(`scoring.caps "${cap.cap}" is ${printed(cap.max)}, which is not the top of a grade band (the bands end at ${bands})`, ctx.place(cap, 'max'));
      }
    }
  },
};
