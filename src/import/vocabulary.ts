// The words by which the importer recognises the parts of an act, in each language. These are
// patterns for reading published text, never wording the toolkit writes (that lives in templates/).
import type { Lang } from '../model/source.js';

export interface Vocabulary {
  /** A chapter heading: [1] number, [2] title. */
  chapter: RegExp;
  /** A sub-heading inside a chapter ("Параграф 1. ..."), which the format has no node for. */
  section: RegExp;
  /** The publication line: kind and issuer, date and number (see envelope.ts for the groups). */
  publication: RegExp;
  /** The words that close the legal basis and enact the points. */
  enacts: RegExp;
  /** The kind of act from the word that names it. */
  kinds: Array<[RegExp, 'order' | 'decision']>;
  /** The footnote of a publication ("Сноска." / "Ескерту."). */
  footnote: RegExp;
  /** The reference bank's editorial note heading. */
  editorNote: RegExp;
  /** The approval stamp's lines. */
  stampAttachment: RegExp;
  stampApproved: RegExp;
  /** "Форма" / "Нысан" above a form. */
  formLabel: RegExp;
  /** The title of an evaluation sheet, and whether it is the managerial one. */
  sheetTitle: RegExp;
  nonManagerialSheet: RegExp;
  /** The first column heading of an evaluation sheet's table. */
  sheetHeader: RegExp;
  averageRow: RegExp;
  resultLabel: RegExp;
  signature: RegExp;
  signatureDate: RegExp;
  /** Months as dates print them. */
  months: string[];
  /** Numerals written as words in the rules (eligibility, deadlines). */
  numerals: Record<string, number>;
}

const RU: Vocabulary = {
  chapter: /^Глава\s+(\d+)\.\s*(\S.*)$/,
  section: /^Параграф\s+\d+\.?\s/,
  publication: /^(Приказ|Решение|Распоряжение|Постановление)\s+(.+?)\s+от\s+("?\d{1,2}"?\s+[а-я]+\s+\d{4}\s+года)\s+№\s*([0-9A-Za-zА-Яа-я/\-.]+?)\.?(?:\s+(.*))?$/,
  enacts: /(?:,\s*)?(РЕШИЛ|ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЕТ|ПОСТАНОВЛЯЮ)\s*:\s*$/,
  kinds: [[/^(приказ|распоряжени)/i, 'order'], [/^(решени|постановлени)/i, 'decision']],
  footnote: /^Сноска\.\s/,
  editorNote: /^Примечание ИЗПИ!?$/,
  stampAttachment: /^Приложение(?:\s+(\d+))?\s+к\s+(решению|приказу|распоряжению|постановлению)\s+(.+?)\s+от\s+("?\d{1,2}"?\s+[а-я]+\s+\d{4}\s+года)\s+№\s*(\S+?)\.?$/,
  stampApproved: /^Утвержден[аоы]?\s+(решением|приказом|распоряжением|постановлением)\s+(.+?)\s+(?:от\s+("?\d{1,2}"?\s+[а-я]+\s+\d{4}\s+года)\s+№\s*(\S+?)|№\s*(\S+?)\s+от\s+("?\d{1,2}"?\s+[а-я]+\s+\d{4}\s+года))\.?$/,
  formLabel: /^Форма$/,
  sheetTitle: /^Оценочный лист лица, занимающего/,
  nonManagerialSheet: /не руководящую/,
  sheetHeader: /^Параметры$/,
  averageRow: /^Средняя итоговая оценка$/,
  resultLabel: /^(Результат оценки:?)\s*(?:_{2,}\s*(.*))?$/,
  signature: /^(Подпись)\s*_*$/,
  signatureDate: /^(Дата)\s*_*$/,
  months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  numerals: {
    одного: 1, двух: 2, трех: 3, трёх: 3, четырех: 4, пяти: 5, шести: 6, семи: 7, восьми: 8, девяти: 9, десяти: 10,
    пятнадцати: 15, двадцати: 20, двадцатого: 20, десятого: 10, пятого: 5, тридцати: 30,
  },
};

const KK: Vocabulary = {
  chapter: /^(\d+)-тарау\.?\s+(["«\p{Lu}\d].*)$/u,
  section: /^\d+-параграф\.?\s/,
  publication: /^(Шешім|Бұйрық|Өкім|Қаулы)\s+(\d{2}\.\d{2}\.\d{4})\s+№\s*(\S+?),\s*(.+)$/,
  enacts: /(ШЕШІМ ҚАБЫЛДАДЫ|БҰЙЫРАМЫН|ҚАУЛЫ ЕТЕДІ)\s*:\s*$/,
  kinds: [[/^(бұйрық|өкім)/i, 'order'], [/^(шешім|қаулы)/i, 'decision']],
  footnote: /^Ескерту\.\s/,
  editorNote: /^ЗҚАИ-ның ескертпесі!?$/,
  stampAttachment: /^(.+?)\s+(\d{4}\s+жылғы\s+\d{1,2}\s+[а-яәғқңөұүһі]+)\s+№\s*(\S+?)\s+(шешіміне|бұйрығына|өкіміне|қаулысына)(?:\s+(\d+)-)?\s*қосымша$/,
  stampApproved: /^(.+?)\s+(\d{4}\s+жылғы\s+\d{1,2}\s+[а-яәғқңөұүһі]+)\s*№\s*(\S+?)\s+(шешімімен|бұйрығымен|өкімімен|қаулысымен)\s+бекітілген$/,
  formLabel: /^Нысан$/,
  sheetTitle: /^Басшы лауазымды атқар(атын|майтын) адамның бағалау парағы/,
  nonManagerialSheet: /атқармайтын/,
  sheetHeader: /^Параметрлер$/,
  averageRow: /^Орташа қорытынды баға$/,
  resultLabel: /^(Бағалау нәтижесі:?)\s*(?:_{2,}\s*(.*))?$/,
  signature: /^(Қолы)\s*_*$/,
  signatureDate: /^(Күні)\s*_*$/,
  months: ['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'],
  numerals: { бір: 1, екі: 2, үш: 3, төрт: 4, бес: 5, алты: 6, жеті: 7, сегіз: 8, тоғыз: 9, он: 10, 'он бес': 15, жиырма: 20, жиырмасыншы: 20, оныншы: 10, отыз: 30 },
};

export const VOCABULARY: Record<Lang, Vocabulary> = { ru: RU, kk: KK };

const KK_LETTERS = new Set('әғқңөұүһіӘҒҚҢӨҰҮҺІ');

/** Kazakh when its own letters are frequent among the Cyrillic ones; undefined when there is no Cyrillic text. */
export function detectLanguage(text: string): Lang | undefined {
  let cyr = 0;
  let kk = 0;
  const end = Math.min(text.length, 200_000);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x400 || c > 0x4ff) continue;
    cyr++;
    if (KK_LETTERS.has(text[i])) kk++;
  }
  if (cyr < 50) return undefined;
  return kk / cyr > 0.01 ? 'kk' : 'ru';
}

/** "17 октября 2025 года", "2025 жылғы 26 қарашадағы", "26.11.2025" -> "2025-10-17". */
export function parseDate(s: string, lang: Lang): string | undefined {
  const iso = (y: number, m: number, d: number) => (m >= 1 && m <= 12 && d >= 1 && d <= 31 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined);
  const numeric = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(s);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const months = VOCABULARY[lang].months;
  if (lang === 'kk') {
    const m = /(\d{4})\s+жылғы\s+(\d{1,2})\s+(\S+)/.exec(s);
    return m && months.includes(m[3]) ? iso(Number(m[1]), months.indexOf(m[3]) + 1, Number(m[2])) : undefined;
  }
  const m = /"?(\d{1,2})"?\s+([а-я]+)\s+(\d{4})/.exec(s);
  return m && months.includes(m[2]) ? iso(Number(m[3]), months.indexOf(m[2]) + 1, Number(m[1])) : undefined;
}
