/**
 * @rule reference-literal
 * A reference to a point, sub-point, appendix or chapter of the act is written as an expression,
 * `пункте {{ref "calibration-request"}}` / `{{ref "calibration-request"}}-тармағында`, not as a
 * number typed into the YAML: a typed number stays behind when a point is inserted or removed,
 * and the reference then silently lands on another point. (reference-target and
 * reference-meaning judge where it lands now; this rule says it will not follow.)
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok reference-literal-not-ok.yaml
 *   "в установленные пунктом 5 сроки" typed into the text
 *   7:16  warning  point 7: "пунктом 5" is a number typed into the text; write {{ref "quarterly-deadline"}} so that renumbering carries it
 */
import { posOf, posOfKey } from '../../load/positions.js';
import type { Text } from '../../model/source.js';
import { eachText } from '../../resolve/nodes.js';
import { numbered, resolveRef } from '../targets.js';
import { findRefs } from '../text/refs.js';
import type { Rule } from '../types.js';
import type { Para } from '../walk.js';

const same = (a: { file: string; line: number; column: number } | undefined, p: Para) => !!a && a.file === p.pos.file && a.line === p.pos.line && a.column === p.pos.column;

export const referenceLiteral: Rule = {
  id: 'reference-literal',
  severity: 'warning',
  check(ctx, report) {
    const all = numbered(ctx);
    for (const lang of ctx.languages) {
      const paras = ctx.paragraphs(lang);
      eachText([ctx.source.act, ctx.source.methodology, ctx.source.scoring], (text: Text) => {
        const raw = text[lang];
        if (!raw) return;
        // The raw wording still holds its {{ref}} expressions, so only typed numbers match.
        const para = paras.find((p) => same(posOfKey(text, lang), p)) ?? paras.find((p) => same(posOf(text), p));
        if (!para || para.scope === 'envelope') return;
        for (const ref of findRefs(raw, lang)) {
          // The decision's own appendix is not a numbered node: its number can only be typed.
          if (ref.target === 'external' || (ref.kind === 'appendix' && (ref.target === 'decision' || para.scope === 'decision'))) continue;
          const id = resolveRef(ref, para, all);
          const fix = id ? `write {{ref "${id}"}}` : 'write it as {{ref "id"}} of the node it means';
          report(`${para.label}: "${ref.phrase}" is a number typed into the text; ${fix} so that renumbering carries it`, para);
        }
      });
    }
  },
};
