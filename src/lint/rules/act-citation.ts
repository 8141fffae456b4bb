/**
 * @rule act-citation
 * Every act the decision cites by date and number ("от 27 марта 2018 года № 15/165", "2025 жылғы
 * 27 маусымдағы № 372", "под №3559") agrees with the acts its file names: itself, `act.amends`,
 * `act.repeals`, `act.amended-by`, `approval.approved` and the base act's order. A number the
 * file knows printed with another date, or a known date with another number, is an error; an act
 * the file does not name (a law) is not judged.
 *
 * @ok act-citation-ok.yaml
 *   "от 27 марта 2018 года № 15/165 (... под №3559)" as act.amends says
 * @not-ok act-citation-not-ok.yaml
 *   "от 27 марта 2019 года № 15/165 (... под №3599)"
 *   12:18  error  decision point 1: "27 марта 2019 года № 15/165": No. 15/165 is the act of 27 March 2018 (act.amends)
 *   12:18  error  decision point 1: "под №3599": act.amends is registered under No. 3559
 */
import { knownActs, showDate } from '../act-refs.js';
import { datesIn } from '../text/dates.js';
import type { Rule } from '../types.js';

const NUMBER = /^\s*(?:года|жылғы)?\s*№\s*([\p{L}\d][\p{L}\d/.-]*)/u;
const REGISTERED = /(?:под|за|тіркелген|нөмірімен)\s*№\s*(\d+)/gu;
const clean = (n: string) => n.replace(/[.)]+$/, '');

export const actCitation: Rule = {
  id: 'act-citation',
  severity: 'error',
  check(ctx, report) {
    const known = knownActs(ctx);
    for (const para of ctx.all()) {
      if (para.scope !== 'decision' || para.role === 'publication' || para.role === 'enacts' || para.role === 'signatory') continue;
      for (const d of datesIn(para.text, para.lang)) {
        const m = NUMBER.exec(para.text.slice(d.end, d.end + 30));
        if (!m) continue;
        const number = clean(m[1]);
        const phrase = `${d.phrase}${para.text.slice(d.end, d.end + m[0].length)}`.trim();
        const sameDay = (k: { date: string }) => (d.iso.startsWith('-') ? k.date.slice(4) === d.iso.slice(1) : k.date === d.iso);
        const byNumber = known.find((k) => k.number === number);
        if (byNumber && !sameDay(byNumber)) report(`${para.label}: "${phrase}": No. ${number} is the act of ${showDate(byNumber.date)} (${byNumber.what})`, para);
        const byDate = known.find((k) => sameDay(k));
        if (!byNumber && byDate) report(`${para.label}: "${phrase}": the act of ${showDate(byDate.date)} is No. ${byDate.number} (${byDate.what})`, para);
      }
      for (const m of para.text.matchAll(REGISTERED)) {
        const registered = known.filter((k) => k.registration);
        if (registered.length && !registered.some((k) => k.registration === m[1])) {
          report(`${para.label}: "${m[0]}": ${registered.map((k) => `${k.what} is registered under No. ${k.registration}`).join('; ')}`, para);
        }
      }
    }
  },
};
