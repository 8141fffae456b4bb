// Range tables: gaps and overlaps found at the table's resolution; lookups exact on the bounds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rational } from '../../src/engine/arith.js';
import type { RangeTable } from '../../src/engine/config.js';
import { checkTable, compileTable, describeGap, findRow } from '../../src/engine/tables.js';

const ROOT = join(import.meta.dirname, '..', '..');
const cfg = (id: string) => JSON.parse(readFileSync(join(ROOT, 'configs', `${id}.scoring.json`), 'utf8'));

describe('gap and overlap check', () => {
  it('finds the "40-44,49" gap of 001 Appendices 4 and 5: 44.50-44.99', () => {
    const c = cfg('corps-a-2025');
    for (const t of ['kci-max', 'kci-range']) {
      const r = checkTable(t, c.tables[t]);
      expect(r.gaps).toEqual([{ from: '44.50', to: '44.99', after: expect.stringContaining('40-44,49'), before: expect.stringContaining('45-49,99') }]);
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('finds the 2017 scales\' gaps: 80 (whole points), 80.00-80.99 and 105.01-105.99 (a mean), 3.91-3.99 and 4.91-4.99', () => {
    const c = cfg('sjc-2017');
    expect(checkTable('q', c.tables['quarterly-bands']).gaps.map((g) => [g.from, g.to])).toEqual([['80', '80']]);
    expect(checkTable('m', c.tables['quarterly-bands-for-mean']).gaps.map((g) => [g.from, g.to])).toEqual([['80.00', '80.99'], ['105.01', '105.99']]);
    expect(checkTable('a', c.tables['annual-bands']).gaps.map((g) => [g.from, g.to])).toEqual([['3.91', '3.99'], ['4.91', '4.99']]);
  });

  it('the typical grade bands have no gap and no overlap over 0..5', () => {
    const c = cfg('typical-b-2025');
    const r = checkTable('grades', c.tables.grades);
    expect(r.gaps).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports overlaps as errors, including an open-ended row', () => {
    const t: RangeTable = { resolution: '0.01', rows: [{ min: 0, max: 3, band: 'a' }, { min: '2.99', max: 5, band: 'b' }] };
    const r = checkTable('t', t);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'table-overlap']]);
    const open: RangeTable = { resolution: 1, rows: [{ min: 10, value: 1 }, { min: 20, max: 30, value: 2 }] };
    expect(checkTable('o', open).diagnostics.map((d) => d.code)).toEqual(['table-overlap']);
    // Touching bounds: "up to 3 exclusive" and "from 3" do not overlap; "up to 3" and "from 3" do.
    expect(checkTable('x', { resolution: '0.01', rows: [{ max: 3, 'max-exclusive': true, band: 'a' }, { min: 3, band: 'b' }] }).diagnostics).toEqual([]);
    expect(checkTable('y', { resolution: '0.01', rows: [{ max: 3, band: 'a' }, { min: 3, band: 'b' }] }).diagnostics.map((d) => d.code)).toEqual(['table-overlap']);
  });

  it('reports gaps at the edges of the domain and empty rows', () => {
    const t: RangeTable = { resolution: '0.1', domain: { min: 0, max: 10 }, rows: [{ min: 1, max: 9, band: 'a' }] };
    expect(checkTable('t', t).gaps.map((g) => [g.from, g.to])).toEqual([['0.0', '0.9'], ['9.1', '10.0']]);
    const e: RangeTable = { resolution: 1, rows: [{ min: 5, max: 5, 'max-exclusive': true, band: 'a' }] };
    expect(checkTable('e', e).diagnostics.map((d) => d.code)).toEqual(['table-empty-row']);
  });

  it('the same rows have a gap or not depending on the resolution', () => {
    const rows = [{ min: 3, max: '3.9', band: 's' }, { min: 4, max: '4.9', band: 'e' }];
    expect(checkTable('t', { resolution: '0.1', rows }).gaps).toEqual([]);
    expect(checkTable('t', { resolution: '0.01', rows }).gaps.map((g) => g.from)).toEqual(['3.91']);
  });
});

describe('lookup', () => {
  const c = cfg('corps-a-2025');
  const t4 = compileTable(rational, 'kci-max', c.tables['kci-max'], checkTable('kci-max', c.tables['kci-max']).gaps);
  const at = (s: string) => findRow(rational, t4, rational.parse(s)!);
  it('row bounds are inclusive as printed', () => {
    expect(at('95')!.row.printed).toBe('95-99,99');
    expect(at('99.99')!.row.printed).toBe('95-99,99');
    expect(at('100')!.row.printed).toBe('100 и выше');
    expect(at('1000')!.row.printed).toBe('100 и выше');
    expect(at('0')!.row.printed).toBe('0-4,99');
    expect(at('44.49')!.row.printed).toBe('40-44,49');
  });
  it('a value between rows is a gap, described with its neighbours', () => {
    expect(at('44.5')).toBeUndefined();
    expect(at('44.99')).toBeUndefined();
    expect(at('99.995')).toBeUndefined(); // between 99.99 and 100: inputs are cut to two decimals before the lookup
    expect(at('-1')).toBeUndefined();
    expect(describeGap(rational, t4, rational.parse('44.7')!)).toMatch(/44\.7 falls in no row .*between rows "40-44,49" and "45-49,99"/);
  });
  it('exclusive bounds ("менее 80", "свыше 130")', () => {
    const s = cfg('sjc-2017');
    const q = compileTable(rational, 'q', s.tables['quarterly-bands'], []);
    const band = (v: string) => findRow(rational, q, rational.parse(v)!)?.band;
    expect(band('79')).toBe('unsatisfactory');
    expect(band('79.99')).toBe('unsatisfactory');
    expect(band('80')).toBeUndefined();
    expect(band('81')).toBe('satisfactory');
    expect(band('130')).toBe('effective');
    expect(band('130.01')).toBe('excellent');
  });
});
