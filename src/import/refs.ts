// Cross-references inside the methodology ("в пункте 11 настоящей Методики", "согласно
// приложению 1 к настоящей Методике", "осы Әдістеменің 13-тармағында") become {{ref "id"}}, so a
// point that is renumbered carries its references along. Only numbers that name a point or an
// appendix of this act are converted; a point of a law ("пунктом 5 статьи 33") or of the typical
// act ("үлгілік Әдістеменің 2-қосымшасына") stays as printed.
import type { Lang, MethodologyFile } from '../model/source.js';
import { numberNodes } from '../resolve/build-tree.js';
import { eachText } from '../resolve/nodes.js';

interface Targets {
  point: Map<string, string>;
  appendix: Map<string, string>;
  /** "point number:sub-point number" -> id */
  subpoint: Map<string, string>;
}

function targetsOf(act: MethodologyFile): Targets {
  const numbers = numberNodes(act);
  const t: Targets = { point: new Map(), appendix: new Map(), subpoint: new Map() };
  for (const c of act.methodology?.chapters ?? []) {
    for (const p of c.points) {
      t.point.set(numbers.get(p.point)!, p.point);
      for (const part of p.parts ?? []) if ('subpoint' in part) t.subpoint.set(`${numbers.get(p.point)}:${numbers.get(part.subpoint)}`, part.subpoint);
    }
  }
  for (const a of act.methodology?.appendices ?? []) t.appendix.set(numbers.get(a.appendix)!, a.appendix);
  return t;
}

const ref = (id: string) => `{{ref "${id}"}}`;

const RU = {
  subpoint: /(подпункт(?:е|а|ом|у)?\s+)(\d+)(\)\s+пункта\s+)(\d+)(?=\s+(?:и\s|настоящ))/g,
  point: /((?<!под)пункт(?:е|а|ом|у|ами|ах)?\s+)(\d+)(?=\s+(?:настоящей|сроки|и\s+\d)|[,;]\s)/g,
  appendix: /(приложени(?:ю|ем|я|и|ям|ях|е)\s+)(\d+)(\s+и\s+)?(\d+)?(?=\s+к\s+настоящей)/g,
};

const KK = {
  point: /(?<!бабының\s)(?<![Үү]лгілік \p{L}+\s)(?<!\d)(\d+)(-тарма[қғ]\p{L}*)/gu,
  appendix: /(?<![Үү]лгілік \p{L}+\s)(?<!және\s)(?<!\d)(\d+)(-қосымша\p{L}*)/gu,
};

/** Rewrites the references of the methodology's text (not of the enacting act, whose points are its own). */
export function linkReferences(act: MethodologyFile, lang: Lang): number {
  const t = targetsOf(act);
  let count = 0;
  /** The reference to the node numbered n, or the words as printed when there is none. */
  const link = (map: Map<string, string>, n: string, before: string, after: string, whole: string) => {
    const id = map.get(n);
    if (!id) return whole;
    count++;
    return `${before}${ref(id)}${after}`;
  };
  eachText(act.methodology?.chapters, (text) => {
    let s = text[lang];
    if (!s || !/\d/.test(s)) return;
    if (lang === 'ru') {
      s = s.replace(RU.subpoint, (whole, a: string, sp: string, b: string, p: string) => {
        const sid = t.subpoint.get(`${p}:${sp}`);
        const pid = t.point.get(p);
        if (!sid || !pid) return whole;
        count += 2;
        return `${a}${ref(sid)}${b}${ref(pid)}`;
      });
      s = s.replace(RU.point, (whole, a: string, n: string) => link(t.point, n, a, '', whole));
      s = s.replace(RU.appendix, (whole, a: string, n: string, and?: string, m?: string) => {
        const first = t.appendix.get(n);
        const second = m ? t.appendix.get(m) : undefined;
        if (!first || (m && !second)) return whole;
        count += m ? 2 : 1;
        return `${a}${ref(first)}${and ?? ''}${second ? ref(second) : ''}`;
      });
    } else {
      s = s.replace(KK.point, (whole, n: string, rest: string) => link(t.point, n, '', rest, whole));
      s = s.replace(KK.appendix, (whole, n: string, rest: string) => link(t.appendix, n, '', rest, whole));
    }
    text[lang] = s;
  });
  return count;
}
