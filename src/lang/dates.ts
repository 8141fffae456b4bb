// Dates as the acts write them; the wording is in templates/<lang>/date.hbs and words.yaml.
import type { Lang } from '../model/source.js';
import { renderTemplate, words } from '../resolve/templates.js';

/**
 * ru "17 октября 2025 года"; kk "2025 жылғы 17 қазандағы" (`date`, attributive) or
 * "2025 жылғы 17 қазанда" (`date-on`, "on that day", as a registration line says it).
 */
export function formatDate(iso: string, lang: Lang, form: 'date' | 'date-on' = 'date'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const w = words(lang);
  return renderTemplate(lang, form, { day: d, month: (form === 'date' ? w.months : w['months-on'])[m - 1], year: y });
}

/** "26.11.2025", as the reference bank's headings print it. */
export function formatDateNumeric(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
