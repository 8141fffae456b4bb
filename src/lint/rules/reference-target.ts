/**
 * @rule reference-target
 * Every reference the text prints, ru "пункт 11", "подпункт 2) пункта 3", "приложение 1",
 * "глава 2" and kk "11-тармақ", "3-тармағының 2) тармақшасы", "1-қосымша", "2-тарау", points at a
 * point, sub-point, appendix or chapter the act has. References to another act ("пунктом 5 статьи
 * 33 Закона", "33-бабының 5-тармағына") are not checked; in the decision, a bare "пункт 2" is the
 * decision's own point.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok reference-target-not-ok.yaml
 *   "пунктом 25", "подпунктом 9) пункта 3", "приложению 3" typed into the text
 *   7:16  error  point 7: "пунктом 25" points at no point: the methodology's points are 1 to 24
 *   9:16  error  point 12: "подпунктом 9) пункта 3" points at no sub-point: point 3 has sub-points 1) to 7)
 *   11:16  error  point 17: "приложению 3" points at no appendix: the methodology's appendices are 1 to 2
 */
import { numbered, resolveRef } from '../targets.js';
import { findRefs } from '../text/refs.js';
import type { Rule } from '../types.js';

const span = (numbers: Iterable<string>, fmt = (n: string) => n) => {
  const list = [...numbers];
  return list.length ? (list.length === 1 ? fmt(list[0]) : `${fmt(list[0])} to ${fmt(list[list.length - 1])}`) : 'none';
};

export const referenceTarget: Rule = {
  id: 'reference-target',
  severity: 'error',
  check(ctx, report) {
    const all = numbered(ctx);
    for (const para of ctx.all()) {
      if (para.scope === 'envelope') continue;
      for (const ref of findRefs(para.text, para.lang)) {
        if (ref.target === 'external' || resolveRef(ref, para, all)) continue;
        const t = ref.target === 'decision' || para.scope === 'decision' ? all.decision : all.methodology;
        const whose = t === all.decision ? "the decision's" : "the methodology's";
        let why: string;
        if (ref.kind === 'subpoint') {
          const point = ref.point ?? para.point?.number ?? '?';
          const subs = t.subpoint.get(point);
          why = subs ? `point ${point} has sub-points ${span(subs.keys(), (n) => `${n})`)}` : `there is no point ${point}`;
        } else if (ref.kind === 'appendix' && t === all.decision) {
          const attachment = ctx.source.approval?.attachment;
          why = attachment ? `the decision's appendix (approval.attachment) is ${attachment.number ? `number ${attachment.number}` : 'unnumbered'}` : 'the decision has no appendix (approval.attachment)';
        } else why = `${whose} ${ref.kind === 'appendix' ? 'appendices' : `${ref.kind}s`} are ${span(t[ref.kind].keys())}`;
        report(`${para.label}: "${ref.phrase}" points at no ${ref.kind === 'subpoint' ? 'sub-point' : ref.kind}: ${why}`, para);
      }
    }
  },
};
