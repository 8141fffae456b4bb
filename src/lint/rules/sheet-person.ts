/**
 * @rule sheet-person
 * A sheet's row and blank speak of the same person in every version: where the base act (or the
 * act's other language) means the evaluated person ("оцениваемым лицом", "бағаланатын"), the text
 * does not name the evaluator ("оценивающее лицо", "бағалаушы", "бағалайтын"), and the other way
 * round. 002's managerial sheet, parameter 4, asks for "Бағалаушы адамның еңбек тәртібін сақтауы"
 * (the evaluator's labour discipline) where the typical act means the evaluated person's.
 *
 * @ok local-kk.yaml
 *   a clean local act (kk) derived from the typical act
 * @not-ok sheet-person-not-ok.yaml
 *   002's parameter 4: "Бағалаушы адамның еңбек тәртібін сақтауы"
 *   7:16  error  appendix 1, row 4 (parameter): "Бағалаушы адамның еңбек тәртібін сақтауы" names the evaluator ("Бағалаушы"), where the base act's row names the evaluated person ("Бағаланатын адамның еңбек тәртібін сақтауы")
 */
import { LANGUAGES, type Lang, type Text } from '../../model/source.js';
import type { Rule } from '../types.js';

type Person = 'evaluator' | 'evaluated';
const WORDS: Record<Lang, Record<Person, RegExp>> = {
  ru: { evaluator: /оценивающ\p{L}*/iu, evaluated: /оцениваем\p{L}*/iu },
  kk: { evaluator: /бағалаушы\p{L}*|бағалайтын/iu, evaluated: /бағаланатын|бағаланушы\p{L}*/iu },
};
const NAMES: Record<Person, string> = { evaluator: 'the evaluator', evaluated: 'the evaluated person' };

/** The one person a wording names, when it names exactly one. */
function person(s: string | undefined, lang: Lang): { who: Person; word: string } | undefined {
  if (!s) return undefined;
  const found = (['evaluator', 'evaluated'] as const).map((who) => ({ who, m: WORDS[lang][who].exec(s) })).filter((x) => x.m);
  return found.length === 1 ? { who: found[0].who, word: found[0].m![0] } : undefined;
}

export const sheetPerson: Rule = {
  id: 'sheet-person',
  severity: 'error',
  check(ctx, report) {
    for (const lang of ctx.languages) {
      for (const para of ctx.paragraphs(lang)) {
        const id = para.row?.role === 'parameter' ? para.row.id : para.node.type === 'blank' ? para.node.id : undefined;
        if (!id || (para.row && para.cell !== 0 && para.cell !== 3)) continue;
        const field = para.node.type === 'blank' ? 'label' : para.cell === 0 ? 'name' : 'guidance';
        const own = ctx.index.get(id)?.node[field] as Text | undefined;
        const said = person(own?.[lang], lang);
        if (!said) continue;
        // What the base act and the act's other language say in the same place.
        const refs: Array<{ text?: string; lang: Lang; whose: string }> = [
          ...LANGUAGES.filter((l) => l !== lang).map((l) => ({ text: own?.[l], lang: l, whose: `the ${l} text` })),
          ...LANGUAGES.map((l) => ({ text: (ctx.baseIndex?.get(id)?.node[field] as Text | undefined)?.[l], lang: l, whose: `the base act's ${para.row ? 'row' : 'blank'}` })),
        ];
        for (const r of refs) {
          const meant = person(r.text, r.lang);
          if (!meant || meant.who === said.who) continue;
          report(`${para.label}: "${own![lang]}" names ${NAMES[said.who]} ("${said.word}"), where ${r.whose} names ${NAMES[meant.who]} ("${r.text}")`, para);
          break;
        }
      }
    }
  },
};
