/**
 * @rule grade-wording
 * A grade's wording quoted in the text is one of the wordings of `scoring.grades`, letter for
 * letter (case aside). A quotation that opens like the grades do (their common first words,
 * "Выполняет функциональные обязанности" / "Функционалдық міндеттерін") but ends otherwise is a
 * grade the engine does not know. Text written with {{grade "id"}} agrees by construction.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok grade-wording-not-ok.yaml
 *   "Выполняет функциональные обязанности надлежаще" typed into point 8
 *   7:16  error  point 8: "Выполняет функциональные обязанности надлежаще" is not a wording of scoring.grades (they are "Выполняет функциональные обязанности эффективно", "Выполняет функциональные обязанности надлежащим образом", "Выполняет функциональные обязанности удовлетворительно", "Выполняет функциональные обязанности не удовлетворительно")
 */
import type { Lang } from '../../model/source.js';
import type { Rule } from '../types.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The first words all wordings share, when they share at least two. */
function commonOpening(wordings: string[]): string | undefined {
  const split = wordings.map((w) => w.split(/\s+/));
  const shared: string[] = [];
  for (let i = 0; split.every((ws) => ws.length > i && norm(ws[i]) === norm(split[0][i])); i++) shared.push(split[0][i]);
  return shared.length >= 2 && shared.length < Math.min(...split.map((s) => s.length)) ? norm(shared.join(' ')) : undefined;
}

export const gradeWording: Rule = {
  id: 'grade-wording',
  severity: 'error',
  check(ctx, report) {
    const grades = ctx.source.scoring?.grades ?? [];
    const opening = new Map<Lang, string | undefined>();
    for (const para of ctx.all()) {
      const wordings = grades.map((g) => g.wording[para.lang]).filter((w): w is string => !!w);
      if (wordings.length < 2) continue;
      if (!opening.has(para.lang)) opening.set(para.lang, commonOpening(wordings));
      const open = opening.get(para.lang);
      if (!open) continue;
      const known = new Set(wordings.map(norm));
      for (const m of para.text.matchAll(/"([^"]+)"/gu)) {
        const q = norm(m[1]);
        if (q.startsWith(open) && !known.has(q)) {
          report(`${para.label}: "${m[1]}" is not a wording of scoring.grades (they are ${wordings.map((w) => `"${w}"`).join(', ')})`, para);
        }
      }
    }
  },
};
