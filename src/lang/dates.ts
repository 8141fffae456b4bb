// Dates as the acts write them; the wording is in templates/<lang>/date.hbs and words.yaml.
import type { Lang } from '../model/source.js';
import { renderTemplate, words } from '../resolve/templates.js';

/** ru "17 октября 2025 года"; kk "2025 жылғы 17 қазандағы". */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return renderTemplate(lang, 'date', { day: d, month: words(lang).months[m - 1], year: y });
}

/** "26.11.2025", as the reference bank's headings print it. */
export function formatDateNumeric(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
