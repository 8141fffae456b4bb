// References as the acts print them, found in resolved text: ru "пункт 11", "подпункт 2) пункта 3",
// "приложение 1", "глава 2"; kk "11-тармақ", "3-тармағының 2) тармақшасы", "1-қосымша", "2-тарау".
// A reference to another act (the Law's article, an order's appendix) is marked external; one to
// the enacting decision ("пункт 1 настоящего решения", "осы шешімнің 1-тармағы") is scoped to it.
import type { Lang } from '../../model/source.js';

export type RefKind = 'point' | 'subpoint' | 'appendix' | 'chapter';

export interface TextRef {
  kind: RefKind;
  number: string;
  /** For a sub-point: the point it belongs to (absent: the point the text stands in). */
  point?: string;
  /** The words as printed, e.g. "пункте 11". */
  phrase: string;
  index: number;
  end: number;
  /** Where the number points: this methodology, the enacting decision, or another act. */
  target: 'methodology' | 'decision' | 'external';
}

const N = '(\\d+(?:-\\d+)?)';
const RU: Array<[RefKind, RegExp]> = [
  ['subpoint', new RegExp(`(?<!\\p{L})подпункт\\p{L}*\\s+(\\d+)\\)(?:\\s+пункт\\p{L}*\\s+${N})?`, 'giu')],
  ['point', new RegExp(`(?<!\\p{L})пункт(?:а|е|у|ом|ы|ов|ам|ами|ах)?\\s+${N}(?![\\d)])`, 'giu')],
  ['appendix', /(?<!\p{L})приложени(?:е|я|ю|ем|и)\s+(\d+)(?!\d)/giu],
  ['chapter', /(?<!\p{L})глав(?:а|ы|е|у|ой)\s+(\d+)(?!\d)/giu],
];
const KK: Array<[RefKind, RegExp]> = [
  ['subpoint', new RegExp(`(?:${N}-тармағының\\s+)?(\\d+)\\)\\s*тармақша\\p{L}*`, 'giu')],
  ['point', new RegExp(`${N}-тарма[қғ](?!ша)\\p{L}*`, 'giu')],
  ['appendix', /(\d+)-қосымша\p{L}*/giu],
  ['chapter', /(\d+)-тарау\p{L}*/giu],
];

// ru: what follows the number; kk: what precedes it.
const RU_OTHER_ACT = /^\s*(?:стать|закон|кодекс|приказ|постановлени|указ|правил|решени)/iu;
const RU_APPENDIX_OF_OTHER_ACT = /^\s*к\s+(?:приказ|решени|постановлени|указ|закон)/iu;
const RU_DECISION = /^\s*(?:настоящ\p{L}*|этого|к\s+настоящ\p{L}*)\s+(?:решени|приказ)/iu;
const KK_OTHER_ACT = /(?:баб\p{L}*|заң\p{L}*|кодекс\p{L}*|бұйрығ\p{L}*|қаулы\p{L}*|шешім\p{L}*|жарлығ\p{L}*)\s+$/iu;
const KK_DECISION = /осы\s+(?:шешім|бұйрығ)\p{L}*\s+$/iu;

function targetOf(lang: Lang, kind: RefKind, before: string, after: string): TextRef['target'] {
  if (lang === 'ru') {
    if (RU_DECISION.test(after)) return 'decision';
    if (kind === 'appendix' ? RU_APPENDIX_OF_OTHER_ACT.test(after) : RU_OTHER_ACT.test(after)) return 'external';
    return 'methodology';
  }
  if (KK_DECISION.test(before)) return 'decision';
  return KK_OTHER_ACT.test(before) ? 'external' : 'methodology';
}

export function findRefs(text: string, lang: Lang): TextRef[] {
  const refs: TextRef[] = [];
  for (const [kind, re] of lang === 'ru' ? RU : KK) {
    for (const m of text.matchAll(re)) {
      const index = m.index!;
      const end = index + m[0].length;
      // "пункта 3" inside "подпункт 2) пункта 3" belongs to the sub-point reference found first.
      if (refs.some((r) => index < r.end && end > r.index)) continue;
      const [number, point] = kind !== 'subpoint' ? [m[1], undefined] : lang === 'ru' ? [m[1], m[2]] : [m[2], m[1]];
      const target = targetOf(lang, kind, text.slice(Math.max(0, index - 40), index), text.slice(end, end + 40));
      refs.push({ kind, number, ...(point ? { point } : {}), phrase: m[0], index, end, target });
    }
  }
  return refs.sort((a, b) => a.index - b.index);
}
