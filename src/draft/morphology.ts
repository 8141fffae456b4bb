// Russian forms of a name (the body, its head of apparatus, an evaluator) from the OpenCorpora
// dictionary through Az.js, offline. Only the leading noun group of a name inflects: its
// adjectives and head noun ("государственное учреждение", "Мангистауский районный маслихат",
// "руководитель"); what follows it, a genitive complement or a quoted proper name ("аппарата
// маслихата", "\"Аппарат ...\""), stays as written. The forms are offered to the drafter, who
// confirms or corrects each: a dictionary guesses at an unknown word such as "маслихат".
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface Tag {
  POS?: string;
  GNdr?: string;
  NMbr?: string;
  ANim?: string;
  nomn?: boolean;
  Fixd?: boolean;
}
interface Parse {
  tag: Tag;
  inflect(grammemes: string[]): { word: string } | false | undefined;
}
interface Az {
  Morph: ((word: string) => Parse[]) & { init(path: string, callback: (err?: unknown) => void): void };
}

export const RU_CASES = ['nom', 'gen', 'dat', 'acc', 'ins', 'pre'] as const;
export type RuCase = (typeof RU_CASES)[number];
const GRAMMEME: Record<RuCase, string> = { nom: 'nomn', gen: 'gent', dat: 'datv', acc: 'accs', ins: 'ablt', pre: 'loct' };

export interface Morphology {
  /** The phrase in `form`, or undefined when the dictionary cannot find its head noun. */
  inflect(phrase: string, form: RuCase): string | undefined;
}

let loading: Promise<Morphology> | undefined;

/** Loads the dictionary once (about a second); later calls share it. */
export function loadMorphology(): Promise<Morphology> {
  loading ??= new Promise((resolve, reject) => {
    const az = require('az') as Az;
    const dicts = join(dirname(require.resolve('az/package.json')), 'dicts');
    az.Morph.init(dicts, (err?: unknown) => (err ? reject(err) : resolve({ inflect: (phrase, form) => inflectPhrase(az, phrase, form) })));
  });
  return loading;
}

const ADJECTIVE = new Set(['ADJF', 'PRTF']);
const WORD = /^[\p{L}-]+$/u;

/** Keeps the written case pattern of `original` on the inflected `word`. */
function sameCase(original: string, word: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return word.toUpperCase();
  return original.charAt(0) === original.charAt(0).toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

function inflectPhrase(az: Az, phrase: string, form: RuCase): string | undefined {
  const pieces = phrase.trim().split(/(\s+)/);
  const words = pieces.map((p, i) => ({ p, i })).filter(({ p }) => !/^\s+$/.test(p));
  const group: Array<{ index: number; parse: Parse }> = [];
  let head: Parse | undefined;
  for (let k = 0; k < words.length && !head; k++) {
    const { p, i } = words[k];
    if (!WORD.test(p)) break;
    // The most likely reading first; a predicted indeclinable adjective ("аким") is no reading.
    const reading = az.Morph(p).find((x) => x.tag.nomn && !x.tag.Fixd && (x.tag.POS === 'NOUN' || ADJECTIVE.has(x.tag.POS ?? '')));
    if (!reading) break;
    const next = words[k + 1];
    if (reading.tag.POS === 'NOUN' || !next || !WORD.test(next.p)) {
      if (reading.tag.POS !== 'NOUN') break;
      head = reading;
    }
    group.push({ index: i, parse: reading });
  }
  if (!head) return undefined;
  if (form === 'nom') return phrase.trim();
  const number = head.tag.NMbr ?? 'sing';
  const out = [...pieces];
  for (const { index, parse } of group) {
    if (parse.tag.Fixd) continue;
    const grammemes = [GRAMMEME[form], number];
    if (parse !== head) {
      if (number === 'sing' && head.tag.GNdr) grammemes.push(head.tag.GNdr);
      // A masculine or plural adjective in the accusative follows its noun's animacy ("районный
      // маслихат", not "районного"); the other genders have one form.
      if (form === 'acc' && head.tag.ANim && (number === 'plur' || head.tag.GNdr === 'masc')) grammemes.push(head.tag.ANim);
    }
    const inflected = parse.inflect(grammemes);
    // The dictionary's paradigm of an ordinal is wrong ("первый" -> "одного"): a form that does not
    // keep the word's first letters is no form.
    if (!inflected || !inflected.word.startsWith(pieces[index].slice(0, 2).toLowerCase())) return undefined;
    out[index] = sameCase(pieces[index], inflected.word);
  }
  return out.join('');
}
