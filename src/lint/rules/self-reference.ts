/**
 * @rule self-reference
 * A body's own methodology calls itself by its own name. It must not call itself "настоящая
 * Типовая методика" / "осы Үлгілік әдістеме" (words copied from the typical act), and it must not
 * be approved "на основе" / "негізінде" itself: the basis of a local act is the typical
 * methodology, and the name the act gives itself in point 1 ("(далее – Методика)", "(бұдан әрі –
 * Әдістеме)") cannot be its own basis. An act whose own name is "Типовая методика" / "Үлгілік
 * әдістеме" is the typical act and may say both.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok self-reference-not-ok.yaml
 *   "утверждается ... на основе Методики"; "к настоящей Типовой методике" in a local act
 *   7:16  error  point 2: the methodology is approved "на основе Методики", i.e. on the basis of itself (point 1 names this act "Методика"); the basis of a local act is the typical methodology
 *   9:16  error  point 17: a local act calls itself "настоящей Типовой методике" (this typical methodology); it is the body's own methodology
 */
import type { Lang } from '../../model/source.js';
import { stems } from '../text/words.js';
import type { Rule } from '../types.js';

const TYPICAL: Record<Lang, RegExp> = { ru: /типов/iu, kk: /үлгілік/iu };
const THIS_TYPICAL: Record<Lang, RegExp> = { ru: /(?:настоящ|данн)\p{L}*\s+типов\p{L}*\s+методик\p{L}*/giu, kk: /осы\s+үлгілік\s+әдістеме\p{L}*/giu };
const ALIAS: Record<Lang, RegExp> = { ru: /\(далее\s*[–—-]\s*([^)]+)\)/u, kk: /\(бұдан әрі\s*[–—-]\s*([^)]+)\)/u };
const BASIS: Record<Lang, RegExp> = { ru: /на основе\s+((?:настоящ\p{L}*\s+)?\p{L}+)/giu, kk: /(?:(?:осы\s+)?\p{L}+)\s+негізінде/giu };

export const selfReference: Rule = {
  id: 'self-reference',
  severity: 'error',
  check(ctx, report) {
    for (const lang of ctx.languages) {
      const title = ctx.source.methodology?.title?.[lang]?.nom;
      if (!title || TYPICAL[lang].test(title)) continue;
      const paras = ctx.paragraphs(lang).filter((p) => p.scope === 'methodology');
      // The name the act gives itself: the "(далее – ...)" of point 1 that shares a stem with its title.
      const titleStems = new Set(stems(title));
      const first = paras.find((p) => p.point)?.point;
      const alias = paras
        .filter((p) => p.point === first)
        .flatMap((p) => [...p.text.matchAll(new RegExp(ALIAS[lang].source, 'gu'))].map((m) => m[1].trim()))
        .find((a) => stems(a).some((s) => titleStems.has(s)));
      for (const para of paras) {
        for (const m of para.text.matchAll(THIS_TYPICAL[lang])) {
          report(`${para.label}: a local act calls itself "${m[0]}" (this typical methodology); it is the body's own methodology`, para);
        }
        const own = alias && stems(alias).at(-1);
        if (!own) continue;
        for (const m of para.text.matchAll(BASIS[lang])) {
          if (stems(m[0]).includes(own) && !TYPICAL[lang].test(m[0])) {
            report(`${para.label}: the methodology is approved "${m[0]}", i.e. on the basis of itself (point ${first?.number} names this act "${alias}"); the basis of a local act is the typical methodology`, para);
          }
        }
      }
    }
  },
};
