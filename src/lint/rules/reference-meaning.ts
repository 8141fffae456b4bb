/**
 * @rule reference-meaning
 * A reference means what its words say: the words around it name what kind of thing it points at,
 * and the target's own wording must be of that kind. The heuristic is a short table of cues,
 * each read within 50 characters of the reference: a deadline ("установленные пунктом 5 сроки",
 * "4-тармақта көрсетілген мерзімде") must land on a point that sets a time limit ("не позднее",
 * "в течение", "кешіктірілмей", "ішінде"); the calibration procedure ("в порядке, предусмотренном
 * в пункте 11" in a sentence about calibration sessions, "11-тармағында көзделген тәртіппен")
 * must land on the point where the servant applies for a session ("обращается", "жүгінеді" with
 * "калибров-"/"калибрле-"); a form ("по форме, согласно приложению 1", "1-қосымшасына сәйкес
 * нысан") must land on an appendix that holds a form. A renumbering that moves the target away,
 * or a reference typed to the wrong node, lands on a node of another kind and is reported.
 *
 * @ok reference-meaning-ok.yaml
 *   a point inserted before point 11; every reference written {{ref "calibration-request"}}
 * @not-ok reference-meaning-not-ok.yaml
 *   the same insertion with point 21 still printing "в пункте 11"; "по форме согласно приложению" on an appendix that is no form
 *   11:16  error  point 22: "пункте 11" should point at the point where the servant applies for a calibration session ("обращается" / "жүгінеді"), but point 11 reads: "Служащий вправе ознакомиться с оценочным листом."
 *   20:16  error  point 18: "приложению 3" should point at an appendix that holds a form, but appendix 3 holds none
 */
import { numbered, resolveRef, wordingOf } from '../targets.js';
import { CUES, FORM } from '../text/reference-cues.js';
import { findRefs } from '../text/refs.js';
import { sentenceAt } from '../text/words.js';
import type { Rule } from '../types.js';

const quote = (s: string) => `"${s.length > 90 ? `${s.slice(0, 90)}...` : s}"`;

export const referenceMeaning: Rule = {
  id: 'reference-meaning',
  severity: 'error',
  check(ctx, report) {
    const all = numbered(ctx);
    const appendices = new Map((ctx.source.methodology?.appendices ?? []).map((a) => [a.appendix, a]));
    for (const para of ctx.all()) {
      if (para.scope !== 'methodology') continue;
      for (const ref of findRefs(para.text, para.lang)) {
        const id = resolveRef(ref, para, all);
        if (!id || ref.target !== 'methodology') continue;
        const near = para.text.slice(Math.max(0, ref.index - 50), ref.end + 50);
        const sentence = sentenceAt(para.text, ref.index);
        const what = `${ref.kind} ${ref.number}`;
        if (ref.kind === 'appendix') {
          const a = appendices.get(id);
          if (FORM[para.lang].test(near) && !a?.form && !a?.['form-label']) report(`${para.label}: "${ref.phrase}" should point at an appendix that holds a form, but ${what} holds none`, para);
          continue;
        }
        for (const cue of CUES) {
          if (!cue.near[para.lang].test(near) || (cue.topic && !cue.topic[para.lang].test(sentence))) continue;
          const target = wordingOf(ctx.paragraphs(para.lang), id);
          if (!target || cue.target[para.lang].every((re) => re.test(target))) continue;
          report(`${para.label}: "${ref.phrase}" should point at ${cue.expect}, but ${what} reads: ${quote(target)}`, para);
        }
      }
    }
  },
};
