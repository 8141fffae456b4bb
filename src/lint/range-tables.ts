// The range tables of an act, in the engine's shape (src/engine/config.ts RangeTable), so that the
// linter finds gaps and overlaps exactly as the engine reads the table: the grade bands, the
// tables of `scoring.settings.tables` and `scoring.settings.engine.tables`, and the tables the act
// prints whose first (or second) column reads as ranges.
import type { RangeRow, RangeTable } from '../engine/config.js';
import type { ActNode, TableNode } from '../model/tree.js';
import { textOf } from '../render/plain.js';
import type { LintContext } from './context.js';
import { decimalsOf, parsePrintedRange } from './text/printed-range.js';
import type { At } from './types.js';

export interface CheckedTable {
  id: string;
  /** How messages name it: "appendix 4, table "kci-execution"". */
  label: string;
  table: RangeTable;
  /** Where row `i` is written. */
  at: (row: number) => At;
}

/** "44.50" -> "44,50", in messages as the acts print numbers. */
export const comma = (s: string) => s.replace(/(\d)\.(\d)/g, '$1,$2');

type Given = Record<string, Partial<RangeTable>>;

/** The columns of a printed table that read as ranges; `given` may set their resolution and domain. */
function printedColumns(node: TableNode, where: string, given: Partial<RangeTable>): CheckedTable[] {
  const body = node.children.filter((r) => r.role === 'body');
  const out: CheckedTable[] = [];
  for (const col of [0, 1]) {
    const rows = body.map((r) => (r.children[col] ? parsePrintedRange(textOf(r.children[col])) : undefined));
    // A second column of single values ("4,75") is a lookup result, not a range to cover.
    if (rows.length < 2 || rows.some((r) => !r) || (col === 1 && !rows.some((r) => r!.min !== r!.max))) continue;
    const decimals = Math.max(...rows.map((r) => decimalsOf(r!)));
    const table: RangeTable = { resolution: given.resolution ?? `${10 ** -decimals}`, ...(given.domain ? { domain: given.domain } : {}), rows: rows as RangeRow[] };
    const at = (i: number) => ({ ...body[i], data: { file: body[i].data?.file ?? node.data?.file } });
    out.push({ id: node.id!, label: `${where}, table "${node.id}"${col ? ' (column 2)' : ''}`, table, at });
  }
  return out;
}

function printed(root: ActNode, given: Given): CheckedTable[] {
  const out: CheckedTable[] = [];
  const walk = (node: ActNode, where: string) => {
    if (node.type === 'table' && node.id) out.push(...printedColumns(node, where, given[node.id] ?? {}));
    const here = node.type === 'point' ? `point ${node.number}` : node.type === 'appendix' ? `appendix ${node.number}` : where;
    if ('children' in node) for (const c of node.children as ActNode[]) walk(c, here);
  };
  walk(root, 'the act');
  return out;
}

export function rangeTables(ctx: LintContext): CheckedTable[] {
  const s = ctx.source.scoring;
  const out: CheckedTable[] = [];
  const grades = s?.grades ?? [];
  if (grades.length) {
    out.push({
      id: 'grades', label: 'the grade bands (scoring.grades)', at: (i) => ctx.place(grades[i]),
      table: {
        resolution: `${10 ** -(s?.decimals ?? 2)}`,
        ...(s?.scale ? { domain: { min: s.scale.min, max: s.scale.max } } : {}),
        rows: grades.map((g) => ({ min: g.min, max: g.max, printed: `${g.grade} ${comma(String(g.min))}-${comma(String(g.max))}` })),
      },
    });
  }
  const settings = (s?.settings ?? {}) as { tables?: Given; engine?: { tables?: Given } };
  for (const [where, tables] of [['scoring.settings.tables', settings.tables], ['scoring.settings.engine.tables', settings.engine?.tables]] as const) {
    for (const [id, t] of Object.entries(tables ?? {})) {
      // Without rows, an entry only sets the resolution and domain of a printed table of that id.
      if (!Array.isArray(t.rows)) continue;
      const rows = t.rows;
      out.push({ id, label: `table "${id}" (${where})`, table: t as RangeTable, at: (i) => ctx.place(rows[i]) });
    }
  }
  const lang = ctx.languages[0];
  if (lang) out.push(...printed(ctx.act.tree(lang).tree, settings.tables ?? {}));
  return out;
}
