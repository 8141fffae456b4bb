/**
 * @rule routing-text
 * Each routing paragraph of point 17 says what its rule in `scoring.routing` does: the rule's
 * `implements` names the paragraph, and the paragraph names the rule's categories (when it names
 * codes at all), sends them to the appendix that prints the rule's sheet, and names the rule's
 * evaluator as the one who evaluates: direct-superior "непосредственным руководителем" / "тікелей
 * басшы", head-of-unit-or-body "руководителем структурного подразделения" / "құрылымдық бөлімше
 * басшысы", head-of-apparatus "руководителем аппарата" / "аппарат басшысы", maslikhat-chairman
 * "председателем маслихата" / "мәслихат төрағасы". An evaluator id outside this list is not judged.
 *
 * @ok local-kk.yaml
 *   a clean local act (kk) derived from the typical act
 * @not-ok routing-text-not-ok.yaml
 *   "Аппарат басшысын (E-2, D-1) бағалау мәслихат төағасымен ... 2-қосымшасына" under the rule [E-2, managerial, maslikhat-chairman]
 *   7:16  error  point 16: the text names D-1, which scoring.routing "listed-heads" does not route
 *   7:16  error  point 16: the text uses the form of "2-қосымшасына" (sheet "non-managerial"), but scoring.routing "listed-heads" uses the sheet "managerial"
 *   7:16  error  point 16: the text does not name the evaluator "мәслихат төрағасы" (maslikhat-chairman) that scoring.routing "listed-heads" sets
 */
import type { Lang } from '../../model/source.js';
import { codeOf, codesIn } from '../categories.js';
import { numbered, resolveRef } from '../targets.js';
import { findRefs } from '../text/refs.js';
import type { Rule } from '../types.js';

const EVALUATORS: Record<string, Record<Lang, RegExp>> = {
  'direct-superior': { ru: /непосредственным\s+руководителем/iu, kk: /тікелей\s+басшы/iu },
  'head-of-unit-or-body': { ru: /руководителем\s+структурного\s+подразделения/iu, kk: /құрылымдық\s+бөлімше\p{L}*\s+басшы/iu },
  'head-of-apparatus': { ru: /руководителем\s+аппарата/iu, kk: /аппарат\p{L}*\s+басшы/iu },
  'maslikhat-chairman': { ru: /председателем\s+(?:\p{L}+\s+)?маслихата/iu, kk: /мәслихат\p{L}*\s+төраға/iu },
};
const WORDING: Record<string, Record<Lang, string>> = {
  'direct-superior': { ru: 'непосредственным руководителем', kk: 'тікелей басшы' },
  'head-of-unit-or-body': { ru: 'руководителем структурного подразделения', kk: 'құрылымдық бөлімше басшысы' },
  'head-of-apparatus': { ru: 'руководителем аппарата', kk: 'аппарат басшысы' },
  'maslikhat-chairman': { ru: 'председателем маслихата', kk: 'мәслихат төрағасы' },
};

export const routingText: Rule = {
  id: 'routing-text',
  severity: 'error',
  check(ctx, report) {
    const all = numbered(ctx);
    const forms = new Map((ctx.source.methodology?.appendices ?? []).map((a) => [a.appendix, a.form?.sheet]));
    for (const route of ctx.source.scoring?.routing ?? []) {
      const rule = `scoring.routing "${route.route}"`;
      const codes = new Set((route.categories ?? []).map(codeOf));
      for (const para of ctx.all().filter((p) => p.own && route.implements?.includes(p.own))) {
        const printed = new Set(codesIn(para.text).map((c) => c.code));
        const missing = [...codes].filter((c) => !printed.has(c));
        const extra = [...printed].filter((c) => !codes.has(c));
        if (printed.size && (missing.length || extra.length)) {
          const say = [extra.length ? `names ${extra.join(', ')}, which ${rule} does not route` : '', missing.length ? `does not name ${missing.join(', ')}, which ${rule} routes` : ''];
          report(`${para.label}: the text ${say.filter(Boolean).join(', and ')}`, para);
        }
        for (const ref of findRefs(para.text, para.lang)) {
          const id = ref.kind === 'appendix' ? resolveRef(ref, para, all) : undefined;
          const sheet = id ? forms.get(id) : undefined;
          if (sheet && sheet !== route.sheet) report(`${para.label}: the text uses the form of "${ref.phrase}" (sheet "${sheet}"), but ${rule} uses the sheet "${route.sheet}"`, para);
        }
        const who = EVALUATORS[route.evaluator]?.[para.lang];
        if (who && !who.test(para.text)) report(`${para.label}: the text does not name the evaluator "${WORDING[route.evaluator][para.lang]}" (${route.evaluator}) that ${rule} sets`, para);
      }
    }
  },
};
