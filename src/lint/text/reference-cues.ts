// What the words around a reference say it points at, and what the target must then contain: the
// heuristic of the reference-meaning rule, as data (docs/lint.md explains each cue).
import type { Lang } from '../../model/source.js';

export interface Cue {
  /** Words near the reference that say what it points at. */
  near: Record<Lang, RegExp>;
  /** Words the sentence must also contain for the cue to apply. */
  topic?: Record<Lang, RegExp>;
  /** What the target's wording must contain. */
  target: Record<Lang, RegExp[]>;
  expect: string;
}

/** Cues for references to points, each read within 50 characters of the reference. */
export const CUES: Cue[] = [
  {
    near: { ru: /срок/iu, kk: /мерзім/iu },
    target: { ru: [/не позднее|в течение|срок/iu], kk: [/кешіктірілмей|ішінде|мерзім/iu] },
    expect: 'a point that sets a time limit ("не позднее", "в течение" / "кешіктірілмей", "ішінде")',
  },
  {
    near: { ru: /в порядке,?\s+предусмотренном/iu, kk: /көзделген\s+тәртіппен/iu },
    topic: { ru: /калибров/iu, kk: /калибрле/iu },
    target: { ru: [/калибров/iu, /обращается|обратиться/iu], kk: [/калибрле/iu, /жүгін/iu] },
    expect: 'the point where the servant applies for a calibration session ("обращается" / "жүгінеді")',
  },
];

/** A form: "по форме, согласно приложению 1" / "1-қосымшасына сәйкес нысан" must land on an appendix holding a form. */
export const FORM: Record<Lang, RegExp> = { ru: /по\s+форме/iu, kk: /нысан/iu };
