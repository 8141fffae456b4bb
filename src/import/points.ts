// Paragraphs into numbered points: "N." opens a point, "N)" a sub-point inside it, anything else
// is a paragraph ("часть") of the point, or of the sub-point before it when that sub-point
// announces a list (it ends with ":"). A number that does not follow its predecessor ("2018.",
// "12)" after "3)") is not a point: the paragraph stays wording. Each point keeps its number as
// published; ids are made from the numbers (curators rename them).
import type { Paragraph, Part, Point, Subpoint } from '../model/source.js';
import { type Context, from, say } from './context.js';
import type { Para } from './paragraphs.js';
import { excerpt } from './report.js';

const POINT = /^"?(\d+(?:\.\d+)*)\.\s+(\S[\s\S]*)$/;
const SUBPOINT = /^(\d+)\)\s+(\S[\s\S]*)$/;

export interface PointOptions {
  /** Id prefix: "point" in the methodology, "decision" in the enacting act. */
  prefix: string;
  /** Number of the last point before these (points run on through the chapters). */
  after?: string;
}

/** A point's published number follows the previous one (a gap of a few is a defect to keep). */
function follows(n: string, prev: string | undefined): boolean {
  if (prev === undefined) return true;
  const a = Number(n.split('.')[0]);
  const b = Number(prev.split('.')[0]);
  return n.includes('.') ? a === b || a === b + 1 : a > b && a <= b + 3;
}

export interface PointsResult {
  points: Point[];
  /** Paragraphs before the first point (nothing to attach them to). */
  before: Para[];
  last?: string;
}

export function buildPoints(paras: readonly Para[], ctx: Context, opts: PointOptions): PointsResult {
  const points: Point[] = [];
  const before: Para[] = [];
  let last = opts.after;
  let point: Point | undefined;
  let sub: Subpoint | undefined;
  let subNumber = 0;
  const ids = new Set<string>();
  const unique = (id: string) => {
    let out = id;
    for (let k = 2; ids.has(out); k++) out = `${id}-${k}`;
    ids.add(out);
    return out;
  };
  for (const p of paras) {
    const pm = POINT.exec(p.text);
    if (pm && follows(pm[1], last)) {
      if (p.text.startsWith('"')) ctx.report.add('repaired', p.from, `quotation mark before the point number dropped: ${excerpt(p.text, 40)}`);
      // The number the resolver would give (numberNodes): written out only when it differs.
      const generated = last !== undefined && /^\d+$/.test(last) ? String(Number(last) + 1) : '1';
      point = from(ctx, { point: unique(`${opts.prefix}-${pm[1].replace(/\./g, '-')}`), ...(generated === pm[1] ? {} : { number: pm[1] }), text: say(ctx, pm[2]) }, p.from, p.to);
      points.push(point);
      last = pm[1];
      sub = undefined;
      subNumber = 0;
      continue;
    }
    if (!point) {
      before.push(p);
      continue;
    }
    const sm = SUBPOINT.exec(p.text);
    const n = sm ? Number(sm[1]) : 0;
    if (sm && (n === subNumber + 1 || (n > subNumber && n <= subNumber + 2))) {
      const id = unique(`${point.point}-sub-${n}`);
      sub = from(ctx, { subpoint: id, ...(n === subNumber + 1 ? {} : { number: String(n) }), text: say(ctx, sm[2]) }, p.from, p.to);
      (point.parts ??= []).push(sub);
      subNumber = n;
      continue;
    }
    const owner: Point | Subpoint = sub && /:\s*$/.test(textOf(sub)) ? sub : point;
    if (owner === point) sub = undefined;
    const ownerId = 'point' in owner ? owner.point : owner.subpoint;
    const part = (owner.parts ??= []) as Part[];
    const k = part.filter((x) => 'paragraph' in x).length + 2;
    part.push(from(ctx, { paragraph: unique(`${ownerId}-part-${k}`), text: say(ctx, p.text) } as Paragraph, p.from, p.to));
  }
  return { points, before, last };
}

const textOf = (s: Subpoint) => Object.values(s.text).find((v) => typeof v === 'string') as string;
