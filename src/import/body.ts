// The methodology's chapters and their points. What the format has no node for is kept where it
// stands, as a paragraph of the point before it, and reported: a sub-heading inside a chapter
// ("Параграф 1. ..."), a footnote in the body, the reference bank's editorial note
// ("Примечание ИЗПИ!" and the note after it).
import type { Chapter, Paragraph, Point } from '../model/source.js';
import { type Context, from, say } from './context.js';
import type { Line } from './lines.js';
import { buildParagraphs, type Para } from './paragraphs.js';
import { buildPoints } from './points.js';
import { excerpt } from './report.js';

export function parseBody(lines: readonly Line[], ctx: Context): Chapter[] {
  const paras = buildParagraphs(lines, ctx.repair);
  const groups: Array<{ heading: Para; number: string; title: string; paras: Para[] }> = [];
  for (const p of paras) {
    const m = ctx.vocab.chapter.exec(p.text);
    if (m) groups.push({ heading: p, number: m[1], title: m[2], paras: [] });
    else if (groups.length) groups[groups.length - 1].paras.push(p);
  }
  const chapters: Chapter[] = [];
  let last: string | undefined;
  let lastPoint: Point | undefined;
  let prevChapter: string | undefined;
  for (const g of groups) {
    const generated = prevChapter !== undefined && /^\d+$/.test(prevChapter) ? String(Number(prevChapter) + 1) : '1';
    const marked = g.paras.map((p) => ({ p, note: noteKind(p.text, ctx) }));
    // Notes of the editor come in two paragraphs: the heading and the note itself.
    marked.forEach((x, i) => {
      if (x.note === 'editor' && marked[i + 1] && !marked[i + 1].note) marked[i + 1].note = 'editor-text';
    });
    const { points, before, last: newLast } = buildPoints(marked.filter((x) => !x.note).map((x) => x.p), ctx, { prefix: 'point', after: last });
    // Notes go back in their place, as paragraphs of the point they follow.
    for (const x of marked.filter((y) => y.note)) {
      const owner = [...points].reverse().find((pt) => (ctx.origin.get(pt)?.[0] ?? 0) < x.p.from) ?? lastPoint;
      if (!owner) {
        ctx.report.add('unplaced', x.p.from, `${x.note} before the first point: ${excerpt(x.p.text)}`, x.p.to);
        continue;
      }
      insertInOrder(owner, from(ctx, { paragraph: `${owner.point}-note-${x.p.from}`, text: say(ctx, x.p.text) } as Paragraph, x.p.from, x.p.to), ctx);
      ctx.report.add('placed', x.p.from, `${describe(x.note!)} kept as a paragraph of point ${owner.number ?? owner.point}: ${excerpt(x.p.text)}`, x.p.to);
    }
    for (const p of before) {
      const owner = lastPoint;
      if (!owner) {
        ctx.report.add('unplaced', p.from, `wording before the chapter's first point: ${excerpt(p.text)}`, p.to);
        continue;
      }
      insertInOrder(owner, from(ctx, { paragraph: `${owner.point}-tail-${p.from}`, text: say(ctx, p.text) } as Paragraph, p.from, p.to), ctx);
      ctx.report.add('placed', p.from, `wording between a chapter heading and its first point kept as a paragraph of point ${owner.point}: ${excerpt(p.text)}`, p.to);
    }
    chapters.push(from(ctx, {
      chapter: `chapter-${g.number}`,
      ...(generated === g.number ? {} : { number: g.number }),
      title: say(ctx, g.title),
      points,
    }, g.heading.from, g.heading.to));
    last = newLast;
    lastPoint = points[points.length - 1] ?? lastPoint;
    prevChapter = g.number;
  }
  return chapters;
}

type Note = 'section' | 'footnote' | 'editor' | 'editor-text';

function noteKind(text: string, ctx: Context): Note | undefined {
  if (ctx.vocab.section.test(text)) return 'section';
  if (ctx.vocab.footnote.test(text)) return 'footnote';
  if (ctx.vocab.editorNote.test(text)) return 'editor';
  return undefined;
}

function describe(note: Note): string {
  return note === 'section' ? 'a sub-heading inside a chapter (the format has no node for it)'
    : note === 'footnote' ? 'a footnote inside the methodology'
      : "the reference bank's editorial note";
}

/** Puts a paragraph among a point's parts after the parts that come before it in the input. */
function insertInOrder(point: Point, para: Paragraph, ctx: Context): void {
  const parts = (point.parts ??= []);
  const at = ctx.origin.get(para)?.[0] ?? 0;
  const k = parts.findIndex((x) => (ctx.origin.get(x)?.[0] ?? 0) > at);
  parts.splice(k < 0 ? parts.length : k, 0, para);
}
