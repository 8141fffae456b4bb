// The texts of an act's two languages side by side: each text by its place in the act (scope,
// appendix, point, sub-point, sheet row and column, own id, role, and its rank among texts of the
// same place), a table cell's lines joined into one text. The trees of one act are built from
// one source, so a place names the same text in both languages.
import type { Lang } from '../model/source.js';
import type { LintContext } from './context.js';
import type { Para } from './walk.js';

export interface Unit {
  text: string;
  /** Its first paragraph: where it is reported. */
  first: Para;
}

function units(paras: readonly Para[]): Map<string, Unit> {
  const out = new Map<string, Unit>();
  const seen = new Map<string, number>();
  for (const p of paras) {
    const place = [p.scope, p.appendix?.id, p.point?.id, p.subpoint?.id, p.row?.id ?? p.row?.role, p.cell, p.own ?? ('id' in p.node ? p.node.id : ''), p.role].join('|');
    const cell = p.row ? out.get(place) : undefined;
    if (cell) {
      cell.text += `\n${p.text}`;
      continue;
    }
    const n = (seen.get(place) ?? 0) + 1;
    seen.set(place, n);
    out.set(p.row ? place : `${place}|${n}`, { text: p.text, first: p });
  }
  return out;
}

/** The texts that exist in both languages, as [text in a, text in b]. */
export function aligned(ctx: LintContext, a: Lang, b: Lang): Array<[Unit, Unit]> {
  const ua = units(ctx.paragraphs(a));
  return [...units(ctx.paragraphs(b))].flatMap(([place, ub]) => {
    const other = ua.get(place);
    return other ? [[other, ub] as [Unit, Unit]] : [];
  });
}
