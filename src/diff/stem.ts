// A light stemmer: enough to see that "Типовой методики" and "Типовая методика", or "әдістемеде"
// and "әдістеменің", are the same words in another grammatical form. It strips inflectional
// endings only (Russian: one case/number ending; Kazakh: up to three agglutinated suffixes) and
// never shortens a stem below four letters, so it errs towards keeping words apart.
import type { Lang } from '../model/source.js';

const byLength = (list: string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);

const RU_ENDINGS = byLength([
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'ием', 'иям', 'иях',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'ей', 'ую', 'юю', 'ым', 'им', 'ых', 'их',
  'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ия', 'ии', 'ию', 'ья', 'ье', 'ью',
  'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'о', 'ь',
]);

const KK_SUFFIXES = byLength([
  // case (with the possessive -ы/-і/-сы/-сі before it where it joins)
  'ының', 'інің', 'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  'ына', 'іне', 'сына', 'сіне', 'ға', 'ге', 'қа', 'ке', 'на', 'не',
  'ын', 'ін', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті',
  'ында', 'інде', 'нда', 'нде', 'да', 'де', 'та', 'те',
  'ынан', 'інен', 'нан', 'нен', 'дан', 'ден', 'тан', 'тен',
  'ымен', 'імен', 'мен', 'бен', 'пен',
  // plural and 3rd-person possessive
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер', 'сы', 'сі', 'ы', 'і',
]);

const MIN_STEM = 4;

function stripOnce(word: string, endings: readonly string[]): string {
  for (const e of endings) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return word.slice(0, -e.length);
  }
  return word;
}

/** The stem of a word already folded to lower case. */
export function stem(word: string, lang: Lang): string {
  if (!/\p{Script=Cyrillic}/u.test(word)) return word;
  if (lang === 'ru') return stripOnce(word, RU_ENDINGS);
  let w = word;
  for (let i = 0; i < 3; i++) {
    const next = stripOnce(w, KK_SUFFIXES);
    if (next === w) break;
    w = next;
  }
  return w;
}
