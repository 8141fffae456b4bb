// The text of each variable of a person's sheet, worded by the templates of the sheet's language
// (templates/<lang>/forms-*.hbs): the evaluated person's blank, the period, the evaluator; with
// results, the scores as entered and the final score, with the decimal comma, and why the final
// score is below the average when a sanction capped it.
import type { Period } from '../calendar/index.js';
import { formatDecimal, kkAblative } from '../lang/numbers.js';
import type { Lang } from '../model/source.js';
import { renderTemplate } from '../resolve/templates.js';
import type { Printed } from './plan.js';
import type { Variable } from './sheets.js';

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

export function periodText(lang: Lang, period: Period): string {
  return renderTemplate(lang, 'forms-period', { year: period.year, quarter: period.quarter ?? 0, roman: ROMAN[period.quarter ?? 0] });
}

export function titleText(lang: Lang, period: Period): string {
  return renderTemplate(lang, 'forms-title', { period: periodText(lang, period) });
}

export function bookmarkText(lang: Lang, p: Printed): string {
  return renderTemplate(lang, 'forms-bookmark', { name: p.row.name, position: p.row.position });
}

/** The message a fillable sheet shows for a score out of the scale. */
export function invalidScoreText(lang: Lang, min: number, max: number, decimals: number): string {
  const m = formatDecimal(String(min));
  return renderTemplate(lang, 'forms-score-invalid', { min: m, minAblative: kkAblative(m), max: formatDecimal(String(max)), decimals });
}

export interface SheetFacts {
  lang: Lang;
  period: string;
  /** The caps of the act by id, with their maximum. */
  caps: Map<string, number>;
}

/** The texts of the variables, by index, for a person to print. */
export function sheetValues(variables: Variable[], p: Printed, parameters: string[], facts: SheetFacts): string[] {
  const { lang } = facts;
  return variables.map((v) => {
    if (v.kind !== 'value') return '';
    switch (v.name) {
      case 'person':
        return renderTemplate(lang, 'forms-evaluated', { name: p.row.name, position: p.row.position, body: p.body });
      case 'period':
        return facts.period;
      case 'evaluator':
        return p.evaluator;
      case 'average':
        return p.result?.final === undefined ? '' : formatDecimal(p.result.final);
      case 'cap-note': {
        const max = p.result?.capLowered && p.result.cap ? facts.caps.get(p.result.cap) : undefined;
        return max === undefined ? '' : renderTemplate(lang, 'forms-cap-note', { max: formatDecimal(String(max)) });
      }
      default: {
        const row = Number(v.name.slice('score:'.length));
        const entered = p.scores?.[parameters[row - 1]];
        return entered === undefined ? '' : formatDecimal(entered);
      }
    }
  });
}
