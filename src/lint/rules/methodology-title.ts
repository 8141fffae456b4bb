/**
 * @rule methodology-title
 * The decision, the methodology's heading and the appendix captions name one methodology. The
 * decision's title or points print the methodology's title (its words in order, in any case and
 * with the body's name around them: "Методики оценки ... корпуса "Б" государственного учреждения
 * ..."); the form of the title the captions use (`title.dat`, "Приложение 1 к Методике ...") has
 * the same words as the heading (`title.nom`); a caption written out names its appendix's number.
 *
 * @ok methodology-title-ok.yaml
 *   the decision prints the title; a caption "Приложение 1 к Методике ..." on appendix 1
 * @not-ok methodology-title-not-ok.yaml
 *   heading "Правила оценки ...", captions "Методике оценки ...", a caption "Приложение 3" on appendix 1
 *   15:5  error  the decision never prints the title of the methodology it approves: "Правила оценки деятельности административных государственных служащих корпуса "Б""
 *   15:5  error  the heading "Правила оценки деятельности административных государственных служащих корпуса "Б"" and the captions' "Методике оценки деятельности административных государственных служащих корпуса "Б"" are not one title
 *   18:19  error  appendix 1 caption: "Приложение 3 к Методике оценки деятельности административных государственных служащих корпуса "Б"" does not name appendix 1
 */
import { containsStems, stems } from '../text/words.js';
import type { Rule } from '../types.js';

export const methodologyTitle: Rule = {
  id: 'methodology-title',
  severity: 'error',
  check(ctx, report) {
    const title = ctx.source.methodology?.title;
    if (!title) return;
    for (const lang of ctx.languages) {
      const nom = title[lang]?.nom;
      const dat = title[lang]?.dat;
      if (!nom) continue;
      const paras = ctx.paragraphs(lang);
      const decision = paras.filter((p) => p.scope === 'decision' && p.role !== 'publication' && p.role !== 'enacts');
      if (decision.length && !decision.some((p) => containsStems(stems(p.text), stems(nom)))) {
        report(`the decision never prints the title of the methodology it approves: "${nom}"`, ctx.place(title));
      }
      if (dat && stems(nom).join(' ') !== stems(dat).join(' ')) {
        report(`the heading "${nom}" and the captions' "${dat}" are not one title`, ctx.place(title));
      }
      for (const a of ctx.source.methodology?.appendices ?? []) {
        const caption = a.caption?.[lang];
        const number = ctx.act.numbers.get(a.appendix);
        if (!caption || !number) continue;
        const names = lang === 'ru' ? new RegExp(`Приложение\\s+${number}(?!\\d)`, 'u') : new RegExp(`(?<!\\d)${number}-қосымша`, 'u');
        const para = paras.find((p) => p.appendix?.id === a.appendix && p.role === 'caption');
        if (!names.test(caption)) report(`appendix ${number} caption: "${caption}" does not name appendix ${number}`, para ?? ctx.place(a, 'caption'));
      }
    }
  },
};
