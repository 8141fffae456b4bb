// The reference bank's page furniture, which is not the act: the banner repeated at the top of
// each page of its PDF ("Дата редакции", "Эталонный контрольный банк ..."), the QR-code notes,
// the "Утратил силу" watermark broken into fragments, page numbers in the footer, and the web
// page's bookmarks. Such lines
// become blank (a page break, for the paragraph builder) and the report names each group.
import { excerpt, type ImportReport } from './report.js';
import { isBlank, type Line } from './lines.js';

/** Whole lines (after trimming) that are furniture by themselves. */
const SINGLE: RegExp[] = [
  /^(Редакциялау күні|Сақтау күні|Дата редакции|Дата скачивания)\s+\d{2}\.\d{2}\.\d{4}$/,
  /^QR-код (содержит|құрамында).*$/,
  /^данный документ в ЭКБ НПА РК$/,
  /^\[bookmark: [^\]]*\]$/,
  // A page's number as a PDF footer prints it ("Страница 3 из 12", "3-бет", "Бет 3").
  /^(Страница|Стр\.)\s*\d+\s*(из|\/)\s*\d+$/,
  /^(\d+-бет|Бет\s+\d+(\s*\/\s*\d+)?)$/,
];

/** Banners printed on two lines: [first line, second line]. */
const PAIRS: Array<[RegExp, RegExp]> = [
  [/^Қазақстан Республикасының электронды нысандағы нормативтік құқықтық$/, /^актілердің эталонды бақылау банкі$/],
  [/^Эталонный контрольный банк нормативных правовых актов$/, /^Республики Казахстан в электронном виде$/],
];

/** The watermark of a repealed act, letters run together (its fragments are a few letters each). */
const WATERMARKS = ['утратилсилу', 'утратиласилу', 'утратилосилу', 'күшіжойылған'];

export function removeFurniture(lines: Line[], report: ImportReport): Line[] {
  const out = lines.map((l) => ({ ...l }));
  const furniture = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const t = out[i].text;
    if (SINGLE.some((re) => re.test(t))) furniture.add(i);
    for (const [a, b] of PAIRS) {
      if (a.test(t) && b.test(out[i + 1]?.text ?? '')) {
        furniture.add(i);
        furniture.add(i + 1);
      }
    }
    watermarkAt(out, i)?.forEach((k) => furniture.add(k));
  }
  // One report entry per run of furniture (blank lines between its lines included).
  const indexes = [...furniture].sort((a, b) => a - b);
  let start = -1;
  let prev = -1;
  const flush = () => {
    if (start < 0) return;
    const words = indexes.filter((k) => k >= start && k <= prev).map((k) => out[k].text).join(' ');
    report.add('furniture', out[start].no, `the reference bank's page furniture, not the act: ${excerpt(words, 100)}`, out[prev].no);
  };
  for (const k of indexes) {
    const onlyBlanksBetween = prev >= 0 && out.slice(prev + 1, k).every(isBlank);
    if (!onlyBlanksBetween) {
      flush();
      start = k;
    }
    prev = k;
  }
  flush();
  for (const k of indexes) out[k] = { ...out[k], text: '', pipe: undefined, cell: false, tabbed: false };
  return out;
}

/** Indexes of the watermark's fragments starting at line i, if they spell a watermark. */
function watermarkAt(lines: Line[], i: number): number[] | undefined {
  const short = (l: Line | undefined) => !!l && !l.pipe && /^[\p{L} ]{1,4}$/u.test(l.text);
  if (!short(lines[i]) || (i > 0 && short(lines[i - 1]))) return undefined;
  const taken: number[] = [];
  let letters = '';
  for (let k = i; k < lines.length && letters.length < 14; k++) {
    if (short(lines[k])) {
      taken.push(k);
      letters += lines[k].text.replace(/ /g, '').toLowerCase();
      if (WATERMARKS.includes(letters)) return taken;
    } else if (!isBlank(lines[k])) return undefined;
  }
  return undefined;
}
