/**
 * @rule scale-text
 * The score scale the text states agrees with `scoring.scale`: each paragraph the scale
 * `implements` ("Оценивающим лицом выставляются оценки от 0 до 5-ти", "0-ден 5-ке дейінгі баға")
 * and each sheet's score column heading ("Оценка (от 0* до 5 баллов)") prints the scale's `min`
 * and `max` as its first range.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok scale-text-not-ok.yaml
 *   "Оценивающим лицом выставляются оценки от 1 до 5-ти."
 *   7:16  error  point 18: the text states the scale "от 1 до 5", but scoring.scale is 0 to 5
 */
import { printed, rangesIn } from '../text/numbers.js';
import type { Rule } from '../types.js';

export const scaleText: Rule = {
  id: 'scale-text',
  severity: 'error',
  check(ctx, report) {
    const scale = ctx.source.scoring?.scale;
    if (!scale) return;
    const states = new Set(scale.implements ?? []);
    for (const para of ctx.all()) {
      const heading = !!para.form && para.row?.role === 'header' && para.cell === 1;
      if (!heading && !(para.own && states.has(para.own))) continue;
      const [first] = rangesIn(para.text, para.lang);
      if (!first) report(`${para.label}: the text should state the scale ${printed(scale.min)} to ${printed(scale.max)} (scoring.scale), but states no range`, para);
      else if (first.min !== scale.min || first.max !== scale.max) {
        report(`${para.label}: the text states the scale "${first.phrase}", but scoring.scale is ${printed(scale.min)} to ${printed(scale.max)}`, para);
      }
    }
  },
};
