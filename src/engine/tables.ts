// Range tables: rows of intervals that yield a number, a range or a band. Checked for gaps and
// overlaps at the table's resolution when a configuration is loaded.

import { Decimal } from 'decimal.js';
import type { Arith } from './arith.js';
import type { Num, RangeRow, RangeTable } from './config.js';

export interface ConfigDiagnostic {
  severity: 'error' | 'warning';
  /** Where in the configuration, e.g. `tables.kci-max.rows[12]`. */
  path: string;
  code: string;
  message: string;
}

export function numText(n: Num): string {
  return typeof n === 'number' ? String(n) : n.trim().replace(',', '.');
}

const DX = Decimal.clone({ precision: 64 });

function dec(n: Num): InstanceType<typeof DX> {
  return new DX(numText(n));
}

/** How a row is printed in messages: the act's wording when known, else the interval. */
export function rowText(r: RangeRow): string {
  if (r.printed) return `"${r.printed}"`;
  const lo = r.min === undefined ? '' : `${r['min-exclusive'] ? '>' : ''}${numText(r.min)}`;
  const hi = r.max === undefined ? '' : `${r['max-exclusive'] ? '<' : ''}${numText(r.max)}`;
  if (r.min === undefined) return `${r['max-exclusive'] ? 'below' : 'up to'} ${numText(r.max!)}`;
  if (r.max === undefined) return `${r['min-exclusive'] ? 'above' : 'from'} ${numText(r.min)}`;
  return `${lo}–${hi}`;
}

export interface Gap {
  /** First and last uncovered value at the table's resolution. */
  from: string;
  to: string;
  after?: string;
  before?: string;
}

/** Checks a table; returns diagnostics and the gaps found (at the table's resolution). */
export function checkTable(id: string, t: RangeTable): { diagnostics: ConfigDiagnostic[]; gaps: Gap[] } {
  const diagnostics: ConfigDiagnostic[] = [];
  const gaps: Gap[] = [];
  const path = `tables.${id}`;
  const r = dec(t.resolution);
  if (!(r.gt(0))) {
    diagnostics.push({ severity: 'error', path: `${path}.resolution`, code: 'table-resolution', message: `table "${id}": resolution must be positive` });
    return { diagnostics, gaps };
  }
  const places = r.decimalPlaces();
  const fmt = (u: InstanceType<typeof DX>) => u.times(r).toFixed(places);
  // Each row as an inclusive interval of integer units of the resolution (±Infinity unbounded).
  type U = { lo: InstanceType<typeof DX> | null; hi: InstanceType<typeof DX> | null; i: number };
  const units: U[] = [];
  t.rows.forEach((row, i) => {
    let lo: InstanceType<typeof DX> | null = null;
    let hi: InstanceType<typeof DX> | null = null;
    if (row.min !== undefined) {
      const x = dec(row.min).div(r);
      lo = x.ceil();
      if (row['min-exclusive'] && x.isInteger()) lo = lo.plus(1);
    }
    if (row.max !== undefined) {
      const x = dec(row.max).div(r);
      hi = x.floor();
      if (row['max-exclusive'] && x.isInteger()) hi = hi.minus(1);
    }
    if (lo && hi && lo.gt(hi)) {
      diagnostics.push({
        severity: 'error',
        path: `${path}.rows[${i}]`,
        code: 'table-empty-row',
        message: `table "${id}": row ${rowText(row)} contains no value at resolution ${numText(t.resolution)}`,
      });
      return;
    }
    if (row.range && dec(row.range.min).gt(dec(row.range.max))) {
      diagnostics.push({ severity: 'error', path: `${path}.rows[${i}].range`, code: 'table-range', message: `table "${id}": row ${rowText(row)} has an empty range` });
    }
    units.push({ lo, hi, i });
  });
  units.sort((a, b) => (a.lo === null ? -1 : b.lo === null ? 1 : a.lo.cmp(b.lo)));
  const domLo = t.domain?.min !== undefined ? dec(t.domain.min).div(r).ceil() : null;
  const domHi = t.domain?.max !== undefined ? dec(t.domain.max).div(r).floor() : null;
  let covered: InstanceType<typeof DX> | null | 'inf' = null; // highest unit covered so far
  let lastRow: U | null = null;
  for (const u of units) {
    if (lastRow === null) {
      if (u.lo !== null && domLo !== null && u.lo.gt(domLo)) {
        gaps.push({ from: fmt(domLo), to: fmt(u.lo.minus(1)), before: rowText(t.rows[u.i]) });
      }
    } else if (covered === 'inf') {
      diagnostics.push({
        severity: 'error',
        path: `${path}.rows[${u.i}]`,
        code: 'table-overlap',
        message: `table "${id}": rows ${rowText(t.rows[lastRow.i])} and ${rowText(t.rows[u.i])} overlap`,
      });
    } else if (covered !== null) {
      const lo = u.lo!; // only the first row can be unbounded below, else it overlaps
      if (u.lo === null || lo.lte(covered)) {
        diagnostics.push({
          severity: 'error',
          path: `${path}.rows[${u.i}]`,
          code: 'table-overlap',
          message: `table "${id}": rows ${rowText(t.rows[lastRow.i])} and ${rowText(t.rows[u.i])} overlap (from ${fmt(u.lo ?? covered)})`,
        });
      } else if (lo.gt(covered.plus(1))) {
        gaps.push({ from: fmt(covered.plus(1)), to: fmt(lo.minus(1)), after: rowText(t.rows[lastRow.i]), before: rowText(t.rows[u.i]) });
      }
    }
    const hi: InstanceType<typeof DX> | 'inf' = u.hi === null ? 'inf' : u.hi;
    if (covered === null || hi === 'inf' || (covered !== 'inf' && hi.gt(covered))) covered = hi;
    lastRow = u;
  }
  if (domHi !== null && covered !== 'inf' && covered !== null && covered.lt(domHi) && lastRow) {
    gaps.push({ from: fmt(covered.plus(1)), to: fmt(domHi), after: rowText(t.rows[lastRow.i]) });
  }
  for (const g of gaps) {
    const where = g.after && g.before ? ` between rows ${g.after} and ${g.before}` : g.after ? ` after row ${g.after}` : ` before row ${g.before}`;
    diagnostics.push({
      severity: 'warning',
      path,
      code: 'table-gap',
      message: `table "${id}": ${g.to !== g.from ? `values ${g.from}–${g.to} fall` : `value ${g.from} falls`} in no row${where}; such a value gives an explicit "gap" result`,
    });
  }
  return { diagnostics, gaps };
}

/** A table ready for lookups on one arithmetic backend. */
export interface CompiledTable<V> {
  id: string;
  def: RangeTable;
  rows: Array<{
    lo?: V;
    loEx: boolean;
    hi?: V;
    hiEx: boolean;
    value?: V;
    range?: { min: V; max: V };
    band?: string;
    row: RangeRow;
  }>;
  gaps: Gap[];
  yields: 'number' | 'range' | 'band';
}

export function compileTable<V>(A: Arith<V>, id: string, def: RangeTable, gaps: Gap[]): CompiledTable<V> {
  const p = (n: Num): V => {
    const v = A.parse(numText(n));
    if (v === undefined) throw new Error(`table "${id}": "${n}" is not a number`);
    return v;
  };
  const rows = def.rows.map((row) => ({
    lo: row.min === undefined ? undefined : p(row.min),
    loEx: !!row['min-exclusive'],
    hi: row.max === undefined ? undefined : p(row.max),
    hiEx: !!row['max-exclusive'],
    value: row.value === undefined ? undefined : p(row.value),
    range: row.range ? { min: p(row.range.min), max: p(row.range.max) } : undefined,
    band: row.band,
    row,
  }));
  const yields = def.rows.every((r) => r.band !== undefined)
    ? 'band'
    : def.rows.every((r) => r.range !== undefined)
      ? 'range'
      : 'number';
  return { id, def, rows, gaps, yields };
}

/** The row containing v, or undefined (a gap). */
export function findRow<V>(A: Arith<V>, t: CompiledTable<V>, v: V): CompiledTable<V>['rows'][number] | undefined {
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.lo !== undefined) {
      const c = A.cmp(v, r.lo);
      if (c < 0 || (c === 0 && r.loEx)) continue;
    }
    if (r.hi !== undefined) {
      const c = A.cmp(v, r.hi);
      if (c > 0 || (c === 0 && r.hiEx)) continue;
    }
    return r;
  }
  return undefined;
}

/** Describes where a value that falls in no row lies. */
export function describeGap<V>(A: Arith<V>, t: CompiledTable<V>, v: V): string {
  const text = A.show(v);
  let below: RangeRow | undefined;
  let above: RangeRow | undefined;
  for (const r of t.rows) {
    if (r.hi !== undefined && A.cmp(r.hi, v) <= 0 && (!below || A.cmp(r.hi, parseOr(A, below.max)) > 0)) below = r.row;
    if (r.lo !== undefined && A.cmp(r.lo, v) >= 0 && (!above || A.cmp(r.lo, parseOr(A, above.min)) < 0)) above = r.row;
  }
  const where =
    below && above ? `between rows ${rowText(below)} and ${rowText(above)}` : below ? `above the last row ${rowText(below)}` : above ? `below the first row ${rowText(above)}` : 'outside every row';
  return `${text} falls in no row of table "${t.id}"${t.def.title ? ` (${t.def.title})` : ''}: ${where}`;
}

function parseOr<V>(A: Arith<V>, n: Num | undefined): V {
  return A.parse(numText(n ?? 0))!;
}
