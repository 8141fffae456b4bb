// Numbers as the acts print them: decimal comma, no trailing zeros ("3,99", "4", "2,5").

export function formatDecimal(value: number | string): string {
  const s = typeof value === 'number' ? String(value) : value;
  return s.replace('.', ',');
}

// The Kazakh case suffix after a numeral follows the sound of the numeral's last word.
const KK_UNITS = ['нөл', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
const KK_POWERS: Array<[number, string]> = [[1e9, 'миллиард'], [1e6, 'миллион'], [1000, 'мың'], [100, 'жүз']];

/** The last word of a Kazakh numeral as it is read aloud (4 -> "төрт", 3,99 -> "тоғыз"). */
function lastSpokenWord(n: string): string {
  const digits = n.replace(/[^0-9]/g, '');
  const v = Number(digits);
  if (v === 0) return KK_UNITS[0];
  if (v % 10 !== 0) return KK_UNITS[v % 10];
  if (v % 100 !== 0) return KK_TENS[(v % 100) / 10];
  for (const [p, word] of KK_POWERS) if (v % p === 0) return word;
  return KK_UNITS[0];
}

const BACK_VOWELS = /[аоұыя]/;
const FRONT_VOWELS = /[әеөүіэи]/;
const VOICELESS = /[пткқсшфхцчщ]$/;
const NASAL = /[мнң]$/;

/** Which suffix family a word takes: back or front vowel harmony, and its final sound. */
function harmony(word: string): { back: boolean; ending: 'vowel' | 'voiceless' | 'nasal' | 'voiced' } {
  const vowels = [...word].filter((c) => BACK_VOWELS.test(c) || FRONT_VOWELS.test(c));
  const back = BACK_VOWELS.test(vowels[vowels.length - 1] ?? 'а');
  const last = word[word.length - 1];
  const ending = BACK_VOWELS.test(last) || FRONT_VOWELS.test(last) ? 'vowel' : VOICELESS.test(word) ? 'voiceless' : NASAL.test(word) ? 'nasal' : 'voiced';
  return { back, ending };
}

/** Ablative suffix for a numeral: 4 -> "тен", 2 -> "ден", 10 -> "нан", 6 -> "дан". */
export function kkAblative(n: string): string {
  const { back, ending } = harmony(lastSpokenWord(n));
  const c = ending === 'voiceless' ? 'т' : ending === 'nasal' ? 'н' : 'д';
  return c + (back ? 'ан' : 'ен');
}

/** Dative suffix for a numeral: 5 -> "ке", 2 -> "ге", 6 -> "ға", 4 -> "ке". */
export function kkDative(n: string): string {
  const { back, ending } = harmony(lastSpokenWord(n));
  const c = ending === 'voiceless' ? (back ? 'қ' : 'к') : back ? 'ғ' : 'г';
  return c + (back ? 'а' : 'е');
}
