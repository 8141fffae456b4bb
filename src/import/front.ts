// Between the enacting act and the first chapter: the approval stamp ("Приложение N к приказу
// ...", "Утверждена решением ...", "... шешімімен бекітілген"), the methodology's title and the
// footnotes under it.
import type { Act, Approval, Footnote, Lang } from '../model/source.js';
import { type Context, from, say } from './context.js';
import type { Line } from './lines.js';
import { buildParagraphs, type Para } from './paragraphs.js';
import { excerpt } from './report.js';
import { parseDate } from './vocabulary.js';

export interface Front {
  approval?: Approval;
  title?: string;
  titleLines?: [number, number];
  footnotes: Footnote[];
}

/** Words that mark a paragraph as part of a stamp. */
const STAMP_LIKE = /(^Приложение(?![а-я])|^к\s+(приказу|решению|распоряжению|постановлению)(?![а-я])|^Утвержден|(?<![а-я])от\s+"?\d{1,2}"?\s+\p{Ll}+\s+\d{4}\s+года|№\s*\d[\d/-]*\s*(от|$)|бекітілген$|қосымша$|жылғы\s+\d{1,2}\s+\p{Ll}+$)/u;

/** Reads lines from the stamp's start to the first chapter heading. */
export function parseFront(lines: readonly Line[], act: Partial<Act>, ctx: Context): Front {
  const paras = buildParagraphs(lines, ctx.repair).map((p) => (p.lines[0].pipe ? { ...p, text: ctx.repair.unglue(p.text, p.from) } : p));
  const footnotes: Footnote[] = [];
  let k = paras.length;
  while (k > 0 && ctx.vocab.footnote.test(paras[k - 1].text)) k--;
  paras.slice(k).forEach((p, i) => footnotes.push(from(ctx, { footnote: `footnote-${i + 1}`, text: say(ctx, p.text) }, p.from, p.to)));
  // The title runs back to the last paragraph of the stamp.
  let t = k;
  while (t > 0 && !STAMP_LIKE.test(paras[t - 1].text)) t--;
  const titleParas = paras.slice(t, k);
  const stampParas = paras.slice(0, t);
  const front: Front = { footnotes };
  if (titleParas.length) {
    front.title = titleParas.map((p) => p.text).join(' ');
    front.titleLines = [titleParas[0].from, titleParas[titleParas.length - 1].to];
  }
  if (stampParas.length) front.approval = parseStamp(stampParas, act, ctx);
  return front;
}

/** The lines of a section's stamp start at "Приложение N" to the order (a second methodology of one order). */
export function sectionStart(lines: readonly Line[], chapterLine: number): number {
  for (let i = chapterLine - 1; i > 0; i--) {
    const t = lines[i].text;
    if (/^Приложение\s+\d+$/.test(t) && /^к\s+(приказу|решению|распоряжению|постановлению)(?![а-я])/.test(nextText(lines, i))) return i;
    if (/^Приложение\s+\d+\s+к\s+(приказу|решению|распоряжению|постановлению)(?![а-я])/.test(t)) return i;
  }
  return -1;
}

const nextText = (lines: readonly Line[], i: number) => lines.slice(i + 1).find((l) => l.text)?.text ?? '';

/** Reads the stamp's one or two statements; fills the act's kind, issuer, date and number when the text has no publication line. */
function parseStamp(paras: readonly Para[], act: Partial<Act>, ctx: Context): Approval | undefined {
  const text = paras.map((p) => p.text).join(' ').replace(/\s+/g, ' ').trim();
  const approval: Approval = {};
  const lang: Lang = ctx.lang;
  const line = paras[0].from;
  const kindOf = (word: string) => ctx.vocab.kinds.find(([re]) => re.test(word))?.[1];
  const fill = (kind: string, gen: string, date: string | undefined, number: string) => {
    act.kind ??= kindOf(kind);
    const forms = ((act.issuer ??= {})[lang] ??= {} as Record<string, string>);
    forms.gen ??= gen;
    act.date ??= date;
    act.number ??= number;
  };
  let matched = false;
  if (lang === 'ru') {
    const [attachmentText, approvedText] = splitAt(text, /Утвержден[аоы]?\s/);
    const a = attachmentText ? ctx.vocab.stampAttachment.exec(attachmentText) : null;
    if (a) {
      fill(a[2], a[3], parseDate(a[4], lang), a[5]);
      approval.attachment = a[1] ? { number: a[1] } : {};
      matched = true;
    }
    const b = approvedText ? ctx.vocab.stampApproved.exec(approvedText) : null;
    if (b) {
      const date = parseDate(b[3] ?? b[6], lang);
      const number = b[4] ?? b[5];
      fill(b[1], b[2], date, number);
      approval.approved = date === act.date && number === act.number ? true : { date: date!, number };
      matched = true;
    }
  } else {
    const b = ctx.vocab.stampApproved.exec(text);
    if (b) {
      const date = parseDate(b[2], lang);
      fill(b[4], b[1], date, b[3]);
      approval.approved = date === act.date && b[3] === act.number ? true : { date: date!, number: b[3] };
      matched = true;
    }
    const a = ctx.vocab.stampAttachment.exec(text);
    if (a) {
      fill(a[4], a[1], parseDate(a[2], lang), a[3]);
      approval.attachment = a[5] ? { number: a[5] } : {};
      matched = true;
    }
  }
  if (!matched) {
    ctx.report.add('unplaced', line, `approval stamp not understood: ${excerpt(text, 120)}`, paras[paras.length - 1].to);
    return undefined;
  }
  return from(ctx, approval, line, paras[paras.length - 1].to);
}

function splitAt(text: string, re: RegExp): [string, string] {
  const m = re.exec(text);
  return m ? [text.slice(0, m.index).trim(), text.slice(m.index).trim()] : [text, ''];
}
