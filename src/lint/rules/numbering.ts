/**
 * @rule numbering
 * Chapters, points (continuous through the chapters), sub-points (within their point), appendices
 * and the decision's own points are numbered 1, 2, 3 ... in the numbering the act publishes (a
 * node's `number:` and the numbers that follow it), with no number skipped and none repeated.
 * A point inserted after "5" as "5-1", "5-2" (`number: "5.1"` in the YAML) is the legislative
 * way to add a point without renumbering and is accepted.
 *
 * @ok numbering-ok.yaml
 *   a point "5.1" inserted after point 5 (the next point carries number: "6")
 * @not-ok numbering-not-ok.yaml
 *   002's gap (def-unit-head removed, def-evaluated printed "5)") and a point printed "11." twice
 *   8:13  error  point 3: sub-point "5)" follows "3)": "4)" is missing
 *   10:13  error  point "11." is printed twice (the previous point is "11.")
 */
import type { Part, Point } from '../../model/source.js';
import type { Rule } from '../types.js';

type Kind = 'point' | 'sub-point' | 'chapter' | 'appendix' | 'decision point';
const show = (kind: Kind, n: string) => (kind === 'sub-point' ? `"${n})"` : kind === 'point' || kind === 'decision point' ? `"${n}."` : `${n}`);
const parse = (n: string) => /^(\d+)(?:[-.](\d+))?$/.exec(n)?.slice(1).map((x) => (x === undefined ? 0 : Number(x)));

/** Whether `cur` may follow `prev` ("5" -> "6", "5" -> "5-1", "5-1" -> "5-2", "5-2" -> "6"). */
function follows(prev: number[] | undefined, cur: number[]): boolean {
  if (!prev) return cur[0] === 1 && cur[1] === 0;
  return cur[1] === 0 ? cur[0] === prev[0] + 1 : cur[0] === prev[0] && cur[1] === prev[1] + 1;
}

export const numbering: Rule = {
  id: 'numbering',
  severity: 'error',
  check(ctx, report) {
    const { numbers } = ctx.act;
    const sequence = (kind: Kind, nodes: Array<{ node: object; id: string }>, owner = '') => {
      let prev: string | undefined;
      for (const { node, id } of nodes) {
        const n = numbers.get(id)!;
        const cur = parse(n);
        const at = ctx.place(node, 'number');
        const what = `${owner}${kind} ${show(kind, n)}`;
        if (!cur) report(`${owner}${kind} "${n}" is not a number (1, 2 ... or an inserted 5.1)`, at);
        else if (!follows(prev ? parse(prev) : undefined, cur)) {
          const p = prev ? parse(prev) : undefined;
          if (!prev) report(`${owner}the first ${kind} is ${show(kind, n)}, not ${show(kind, '1')}`, at);
          else if (p && cur[1] === 0 && cur[0] > p[0] + 1) {
            const gap = cur[0] - p[0] - 1 === 1 ? show(kind, String(p[0] + 1)) : `${show(kind, String(p[0] + 1))} to ${show(kind, String(cur[0] - 1))}`;
            report(`${owner}${kind} ${show(kind, n)} follows ${show(kind, prev)}: ${gap} ${cur[0] - p[0] - 1 === 1 ? 'is' : 'are'} missing`, at);
          } else report(`${what} is printed ${n === prev ? 'twice' : 'out of order'} (the previous ${kind} is ${show(kind, prev)})`, at);
        }
        prev = n;
      }
    };
    const parts = (list: Part[] | undefined, owner: string) => {
      const subs = (list ?? []).filter((p) => 'subpoint' in p);
      sequence('sub-point', subs.map((s) => ({ node: s, id: s.subpoint })), owner);
      for (const s of subs) parts(s.parts, `${owner}sub-point ${numbers.get(s.subpoint)}): `);
    };
    const points = (list: Point[], kind: Kind) => {
      sequence(kind, list.map((p) => ({ node: p, id: p.point })));
      for (const p of list) parts(p.parts, `${kind} ${numbers.get(p.point)}: `);
    };
    const m = ctx.source.methodology;
    sequence('chapter', (m?.chapters ?? []).map((c) => ({ node: c, id: c.chapter })));
    points((m?.chapters ?? []).flatMap((c) => c.points), 'point');
    sequence('appendix', (m?.appendices ?? []).map((a) => ({ node: a, id: a.appendix })));
    points(ctx.source.act.points ?? [], 'decision point');
  },
};
