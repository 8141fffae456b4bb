/**
 * @rule band-text
 * A grade band the text states agrees with `scoring.grades`: wherever a grade's wording is quoted
 * and followed by a range ("Результату "...надлежащим образом" соответствует диапазон оценок от 3
 * до 3,99 баллов", kk "..." нәтижесіне 3-тен 3,99 баллға дейін), the range is the grade's `min` to
 * `max`. Text written with {{band "id"}} agrees by construction; a range typed into the YAML, or
 * a band changed in `scoring` while the text was typed, disagrees.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok band-text-not-ok.yaml
 *   "{{grade "proper"}}" от 3 до 3,49 баллов typed into point 8
 *   7:16  error  point 8: "Выполняет функциональные обязанности надлежащим образом" is printed with "от 3 до 3,49", but scoring.grades "proper" is 3 to 3,99
 */
import { printed, rangesIn } from '../text/numbers.js';
import type { Rule } from '../types.js';

export const bandText: Rule = {
  id: 'band-text',
  severity: 'error',
  check(ctx, report) {
    const grades = ctx.source.scoring?.grades ?? [];
    for (const para of ctx.all()) {
      const lower = para.text.toLowerCase();
      const quoted = grades.flatMap((g) => {
        const w = g.wording[para.lang];
        if (!w) return [];
        const needle = `"${w.toLowerCase()}"`;
        const at: Array<{ g: typeof g; index: number }> = [];
        for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) at.push({ g, index: i });
        return at;
      });
      if (!quoted.length) continue;
      for (const r of rangesIn(para.text, para.lang)) {
        // The range belongs to the nearest grade wording quoted before it.
        const owner = quoted.filter((q) => q.index < r.index).sort((a, b) => b.index - a.index)[0];
        if (!owner || (owner.g.min === r.min && owner.g.max === r.max)) continue;
        const w = owner.g.wording[para.lang];
        report(`${para.label}: "${w}" is printed with "${r.phrase}", but scoring.grades "${owner.g.grade}" is ${printed(owner.g.min)} to ${printed(owner.g.max)}`, para);
      }
    }
  },
};
