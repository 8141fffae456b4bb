// Where each appendix begins: its caption ("Приложение N к Методике ..."; in Kazakh the
// methodology's name in the dative, then "N-қосымша"), or, where the act forgot the caption, the
// title of a second evaluation sheet right after the first.
import type { Context } from './context.js';
import { isBlank, type Line } from './lines.js';

export interface Zone {
  /** Index of the caption's first line (the zone's first line). */
  from: number;
  /** Index of the first line after the caption. */
  start: number;
  /** Index after the zone's last line. */
  end: number;
  number?: string;
  /** The caption's words after "Приложение N к" (ru) or before "N-қосымша" (kk). */
  dat?: string;
  /** Wording that followed the caption in the same cell of a web-page layout table. */
  rest?: string;
  /** The act prints no caption here (the caption is generated). */
  missing?: boolean;
}

const ORDER_STAMP = /^к\s+(приказу|решению|распоряжению|постановлению)(?![а-я])/;

/** Finds the appendices in lines[from, to); `titleWords` are the methodology title's words (kk captions repeat them). */
export function findAppendices(lines: readonly Line[], from: number, to: number, ctx: Context, titleWords: ReadonlySet<string>): Zone[] {
  const zones: Zone[] = [];
  let sheets = 0;
  for (let i = from; i < to; i++) {
    const z = ctx.lang === 'ru' ? ruCaption(lines, i, to, titleWords) : kkCaption(lines, i, to, titleWords, zones.length ? zones[zones.length - 1].start : from, ctx);
    if (z) {
      zones.push(z);
      sheets = 0;
      i = z.start - 1;
      continue;
    }
    if (ctx.vocab.sheetTitle.test(lines[i].text) && zones.length) {
      // A second sheet in one appendix: the act left out the caption of the next appendix.
      if (++sheets > 1) {
        zones.push({ from: i, start: i, end: to, missing: true });
        sheets = 1;
      }
    }
  }
  zones.forEach((z, k) => (z.end = k + 1 < zones.length ? zones[k + 1].from : to));
  return zones;
}

function ruCaption(lines: readonly Line[], i: number, to: number, titleWords: ReadonlySet<string>): Zone | undefined {
  const m = /^Приложение\s+(\d+)(?:\s+(.*))?$/.exec(lines[i].text);
  if (!m) return undefined;
  const parts: string[] = m[2] ? [m[2]] : [];
  let k = i + 1;
  for (; k < to; k++) {
    const l = lines[k];
    if (l.cell || /^(Форма|Нысан)$/.test(l.text)) break;
    // The PDF may break the caption with blank lines: it goes on with the methodology's name.
    if (isBlank(l)) {
      const next = lines.slice(k + 1, to).find((x) => !isBlank(x));
      if (!next || !likeTitle(next.text, titleWords)) break;
      continue;
    }
    parts.push(l.text);
  }
  const caption = parts.join(' ').replace(/\s+/g, ' ').trim();
  // "Приложение 2 к приказу ..." opens another methodology of the order, not an appendix.
  if (!/^к\s/.test(caption) || ORDER_STAMP.test(caption) || !/методик/i.test(caption)) return undefined;
  return { from: i, start: k, end: to, number: m[1], dat: caption.replace(/^к\s+/, '') };
}

const stem = (w: string) => w.toLowerCase().slice(0, 5);

/** Most of the line's words are words of the methodology's title (a caption repeats its name). */
function likeTitle(t: string, titleWords: ReadonlySet<string>): boolean {
  const words = t.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && words.filter((w) => titleWords.has(stem(w))).length / words.length >= 0.6;
}

/** kk: "... Әдістемесіне" lines, then "N-қосымша"; or one web-page cell holding both and "Нысан". */
function kkCaption(lines: readonly Line[], i: number, to: number, titleWords: ReadonlySet<string>, floor: number, ctx: Context): Zone | undefined {
  const l = lines[i];
  if (l.pipe) {
    const text = ctx.repair.unglue(l.text, l.no);
    const m = /^(.*?)\s*(\d+)-қосымша\s*(.*)$/.exec(text);
    if (!m) return undefined;
    return { from: i, start: i + 1, end: to, number: m[2], dat: m[1].trim(), ...(m[3] ? { rest: m[3].trim() } : {}) };
  }
  const m = /^(?:(.*?)\s+)?(\d+)-қосымша$/.exec(l.text);
  if (!m) return undefined;
  let k = i;
  while (k - 1 >= floor && (isBlank(lines[k - 1]) || likeTitle(lines[k - 1].text, titleWords))) k--;
  while (k < i && isBlank(lines[k])) k++;
  const dat = [...lines.slice(k, i).map((x) => x.text).filter(Boolean), ...(m[1] ? [m[1]] : [])].join(' ').replace(/\s+/g, ' ').trim();
  let start = i + 1;
  while (start < to && isBlank(lines[start])) start++;
  return { from: k, start, end: to, number: m[2], ...(dat ? { dat } : {}) };
}

/** The stems the kk caption matcher compares. */
export function titleStems(title: string): Set<string> {
  return new Set((title.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
}
