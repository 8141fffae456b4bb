// What a printed reference can point at: the numbered nodes of the methodology (points,
// sub-points within their point, appendices, chapters) and of the enacting decision.
import type { Part, Point } from '../model/source.js';
import type { LintContext } from './context.js';
import type { TextRef } from './text/refs.js';
import type { Para } from './walk.js';

export interface Numbered {
  point: Map<string, string>;
  /** Point number -> sub-point number -> id. */
  subpoint: Map<string, Map<string, string>>;
  appendix: Map<string, string>;
  chapter: Map<string, string>;
}

function collect(ctx: LintContext, points: Point[]): Pick<Numbered, 'point' | 'subpoint'> {
  const n = ctx.act.numbers;
  const point = new Map<string, string>();
  const subpoint = new Map<string, Map<string, string>>();
  const subs = (parts: Part[] | undefined, into: Map<string, string>) => {
    for (const p of parts ?? []) if ('subpoint' in p) into.set(n.get(p.subpoint)!, p.subpoint);
  };
  for (const p of points) {
    point.set(n.get(p.point)!, p.point);
    const into = new Map<string, string>();
    subs(p.parts, into);
    subpoint.set(n.get(p.point)!, into);
  }
  return { point, subpoint };
}

/** number -> id, for the methodology and for the decision. */
export function numbered(ctx: LintContext): { methodology: Numbered; decision: Numbered } {
  const m = ctx.source.methodology;
  const n = ctx.act.numbers;
  const methodology: Numbered = {
    ...collect(ctx, (m?.chapters ?? []).flatMap((c) => c.points)),
    appendix: new Map((m?.appendices ?? []).map((a) => [n.get(a.appendix)!, a.appendix])),
    chapter: new Map((m?.chapters ?? []).map((c) => [n.get(c.chapter)!, c.chapter])),
  };
  const attachment = ctx.source.approval?.attachment?.number;
  const decision: Numbered = {
    ...collect(ctx, ctx.source.act.points ?? []),
    appendix: new Map(attachment ? [[attachment, 'approval']] : []),
    chapter: new Map(),
  };
  return { methodology, decision };
}

/** The id a reference in `para` lands on, or undefined; external references are not resolved. */
export function resolveRef(ref: TextRef, para: Para, all: { methodology: Numbered; decision: Numbered }): string | undefined {
  const t = ref.target === 'decision' || (ref.target === 'methodology' && para.scope === 'decision') ? all.decision : all.methodology;
  if (ref.kind !== 'subpoint') return t[ref.kind].get(ref.number);
  const point = ref.point ?? para.point?.number;
  return point === undefined ? undefined : t.subpoint.get(point)?.get(ref.number);
}

/** The whole wording of a point (or an appendix) in one language, for judging what it is about. */
export function wordingOf(paras: readonly Para[], id: string): string {
  return paras.filter((p) => p.point?.id === id || p.appendix?.id === id || p.subpoint?.id === id).map((p) => p.text).join(' ');
}
