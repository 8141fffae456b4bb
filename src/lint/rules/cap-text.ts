/**
 * @rule cap-text
 * The sanction caps the text states agree with `scoring.caps`: every "оценка не может превышать
 * X баллов" / "баға X баллдан аспауы" states the `max` of a cap, and every sheet row a cap names
 * in `parameters` states that cap's `max` in each language it has. A cap naming a row that no
 * sheet has is reported at the cap.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok cap-text-not-ok.yaml
 *   row 5 of the non-managerial sheet typed as "не может превышать 2,5 баллов"
 *   8:11  error  appendix 2, row 5 (guidance): scoring.caps "minor-sanction" names this row, but its text does not state 2,99
 *   8:11  error  appendix 2, row 5 (guidance): the text caps the score at 2,5, but scoring.caps has 2,99 and 1,99
 */
import type { Lang } from '../../model/source.js';
import { printed, toNumber } from '../text/numbers.js';
import type { Rule } from '../types.js';

const STATED: Record<Lang, RegExp> = {
  ru: /не\s+(?:может|должна|должен)\s+превышать\s+(\d+(?:[.,]\d+)?)\s+балл/giu,
  kk: /(\d+(?:[.,]\d+)?)\s+балл\p{L}*\s+аспау/giu,
};

export const capText: Rule = {
  id: 'cap-text',
  severity: 'error',
  check(ctx, report) {
    const caps = ctx.source.scoring?.caps ?? [];
    if (!caps.length) return;
    const maxima = caps.map((c) => c.max);
    const rows = new Set(Object.values(ctx.source.scoring?.sheets ?? {}).flatMap((s) => s.parameters.map((p) => p.parameter)));
    for (const cap of caps) {
      for (const id of cap.parameters ?? []) if (!rows.has(id)) report(`scoring.caps "${cap.cap}" names the row "${id}", which no sheet has`, ctx.place(cap, 'parameters'));
    }
    for (const para of ctx.all()) {
      const stated = [...para.text.matchAll(STATED[para.lang])].map((m) => toNumber(m[1]));
      for (const x of stated) {
        if (!maxima.includes(x)) report(`${para.label}: the text caps the score at ${printed(x)}, but scoring.caps has ${maxima.map(printed).join(' and ')}`, para);
      }
      if (para.row?.role !== 'parameter' || para.cell !== 3) continue;
      // A guidance cell is one paragraph a line: judge the row's whole cell once, at its first line.
      const cell = ctx.paragraphs(para.lang).filter((p) => p.row === para.row && p.cell === 3);
      if (cell[0] !== para) continue;
      const all = cell.flatMap((p) => [...p.text.matchAll(STATED[para.lang])].map((m) => toNumber(m[1])));
      for (const cap of caps) {
        if (cap.parameters?.includes(para.row.id!) && !all.includes(cap.max)) {
          report(`${para.label}: scoring.caps "${cap.cap}" names this row, but its text does not state ${printed(cap.max)}`, para);
        }
      }
    }
  },
};
