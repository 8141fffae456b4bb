/**
 * @rule quotes
 * Quotation marks are paired: a paragraph prints an even number of straight quotes ("), and as
 * many opening as closing guillemets (« »). An unpaired mark leaves the reader to guess where a
 * quoted title ends: 000's title opens the title of the amended decision ("Об утверждении ...)
 * and inside it the body's name ("Аппарат ...), but closes only one of them.
 *
 * @ok quotes-ok.yaml
 *   title "... "Об утверждении ... "Б" ... "Аппарат районного маслихата""
 * @not-ok quotes-not-ok.yaml
 *   the same title one quote short, as 000 prints it
 *   9:10  warning  decision title: 5 straight quotation marks ("): one is unpaired
 */
import type { Rule } from '../types.js';

export const quotes: Rule = {
  id: 'quotes',
  severity: 'warning',
  check(ctx, report) {
    for (const para of ctx.all()) {
      const straight = (para.text.match(/"/g) ?? []).length;
      const open = (para.text.match(/«/g) ?? []).length;
      const close = (para.text.match(/»/g) ?? []).length;
      if (straight % 2) report(`${para.label}: ${straight} straight quotation marks ("): one is unpaired`, para);
      if (open !== close) report(`${para.label}: ${open} opening and ${close} closing guillemets (« »)`, para);
    }
  },
};
