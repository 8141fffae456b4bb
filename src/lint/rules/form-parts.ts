/**
 * @rule form-parts
 * Each evaluation sheet is complete and printed where scoring says. Its appendix is the
 * `appendix` of its `scoring.sheets` entry and every sheet is printed by some appendix; its notes
 * hold the note on the average that matches `scoring.aggregate` (mean: "сумму ... разделить на
 * количество", "сомасын ... санына бөлу"), and the footnote on 0 ("* оценка 0 баллов ...") that
 * the score column's "0*" points to. (The rows, the average row and the result line are printed
 * from `scoring` and the schema's required fields, so they cannot go missing.)
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok form-parts-not-ok.yaml
 *   the average note of appendix 1 reworded as a sum; the notes of appendix 2 removed
 *   7:16  error  appendix 1 (ru): the note "Примечание: средняя итоговая оценка равна сумме выставленных оценок." does not form a mean (the sum divided by the number of parameters), as scoring.aggregate says
 *   8:5  error  appendix 2 (ru): the sheet has no note on how the average is formed
 *   8:5  error  appendix 2 (ru): the score column says "Оценка (от 0* до 5 баллов)", but the sheet has no footnote on 0 ("* ...")
 */
import type { Lang } from '../../model/source.js';
import type { Rule } from '../types.js';

const AVERAGE: Record<Lang, { sum: RegExp; divide: RegExp }> = {
  ru: { sum: /сумм/iu, divide: /раздел|делени/iu },
  kk: { sum: /сома/iu, divide: /бөл/iu },
};

export const formParts: Rule = {
  id: 'form-parts',
  severity: 'error',
  check(ctx, report) {
    const sheets = ctx.source.scoring?.sheets ?? {};
    const printedSheets = new Set<string>();
    for (const a of ctx.source.methodology?.appendices ?? []) {
      const f = a.form;
      if (!f) continue;
      printedSheets.add(f.sheet);
      const n = ctx.act.numbers.get(a.appendix);
      const sheet = sheets[f.sheet];
      if (sheet && sheet.appendix !== a.appendix) {
        report(`appendix ${n} prints the sheet "${f.sheet}", but scoring.sheets says appendix ${ctx.act.numbers.get(sheet.appendix) ?? `"${sheet.appendix}"`} prints it`, ctx.place(f, 'sheet'));
      }
      for (const lang of ctx.languages) {
        const paras = ctx.paragraphs(lang).filter((p) => p.appendix?.id === a.appendix);
        if (!paras.length) continue;
        const notes = paras.filter((p) => p.role === 'note');
        const heading = paras.find((p) => p.row?.role === 'header' && p.cell === 1);
        // A note a derived act removed is reported at its removal.
        const baseNotes = ((ctx.baseIndex?.get(a.appendix)?.node as { form?: { notes?: Array<{ paragraph: string }> } } | undefined)?.form?.notes ?? []).map((p) => p.paragraph);
        const where = ctx.removal(baseNotes) ?? paras.find((p) => p.role === 'result-label') ?? paras[0];
        const { sum, divide } = AVERAGE[lang];
        const mean = (ctx.source.scoring?.aggregate ?? 'mean') === 'mean';
        const average = notes.find((p) => sum.test(p.text));
        if (!average) report(`appendix ${n} (${lang}): the sheet has no note on how the average is formed`, where);
        else if (mean !== divide.test(average.text)) report(`appendix ${n} (${lang}): the note "${average.text}" does not form ${mean ? 'a mean (the sum divided by the number of parameters)' : 'a sum'}, as scoring.aggregate says`, average);
        const footnote = notes.find((p) => /^\s*\*/.test(p.text) && /(?<![\d,])0(?![\d,])/.test(p.text));
        if (heading?.text.includes('*') && !footnote) report(`appendix ${n} (${lang}): the score column says "${heading.text}", but the sheet has no footnote on 0 ("* ...")`, where);
        if (footnote && !heading?.text.includes('*')) report(`appendix ${n} (${lang}): the footnote "${footnote.text}" has no "*" in the score column to refer to it`, footnote);
      }
    }
    for (const [key, sheet] of Object.entries(sheets)) {
      if (!printedSheets.has(key)) report(`scoring.sheets "${key}" is printed by no appendix (its appendix is "${sheet.appendix}")`, ctx.place(sheet, 'appendix'));
    }
  },
};
