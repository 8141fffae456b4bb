// Routing by category (point 17 of the typical act; the Mangistau act narrows it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoutingConfig } from '../../src/engine/config.js';
import { CORPS_B_CATEGORIES } from '../../src/engine/register.js';
import { normalizeCategory, route } from '../../src/engine/routing.js';

const ROOT = join(import.meta.dirname, '..', '..');
const typical = JSON.parse(readFileSync(join(ROOT, 'configs', 'typical-b-2025.scoring.json'), 'utf8'));
const rules: RoutingConfig = typical.routing;
const codes = CORPS_B_CATEGORIES.codes;
const go = (category: string, managerial?: boolean, position?: string, precedence?: 'first-match' | 'most-specific') =>
  route(rules, { category, managerial, position }, codes, precedence);

describe('normalising category codes', () => {
  it('maps Cyrillic look-alikes and spacing to the Latin code', () => {
    expect(normalizeCategory('С-О-1')).toBe('C-O-1'); // Cyrillic С and О
    expect(normalizeCategory(' е - 2 ')).toBe('E-2');
    expect(normalizeCategory('D–R–1')).toBe('D-R-1'); // en dashes
    expect(normalizeCategory('в-1')).toBe('B-1');
    expect(normalizeCategory('Е-Р-1')).toBe('E-R-1'); // Cyrillic Р is the R of district-level codes
  });
});

describe('point 17 of the typical act', () => {
  it('every category listed in its first paragraph goes to the managerial sheet and the direct superior', () => {
    for (const c of ['B-1', 'D-1', 'C-O-1', 'D-O-1', 'D-R-1', 'C-R-1', 'E-1', 'E-2', 'E-R-1']) {
      const r = go(c);
      expect(r, c).toMatchObject({ ok: true, sheet: 'managerial', evaluator: 'direct-superior', rule: 'listed-heads' });
    }
    expect(go('C-1', undefined, 'deputy-committee-chairman')).toMatchObject({ sheet: 'managerial', evaluator: 'direct-superior' });
    expect(go('D-3', undefined, 'head-of-unit')).toMatchObject({ sheet: 'managerial', evaluator: 'direct-superior' });
  });
  it('C-1 and D-3 in other positions: non-managerial sheet, direct superior (part 3)', () => {
    expect(go('C-1', false, 'adviser')).toMatchObject({ ok: true, sheet: 'non-managerial', evaluator: 'direct-superior', rule: 'listed-staff' });
    expect(go('D-3', true, 'chief-specialist')).toMatchObject({ ok: true, sheet: 'non-managerial', evaluator: 'direct-superior' });
  });
  it('other managerial positions: managerial sheet, head of unit or body (part 2)', () => {
    for (const c of ['B-3', 'C-2', 'C-O-2', 'D-2', 'E-3', 'E-G-1']) expect(go(c, true), c).toMatchObject({ ok: true, sheet: 'managerial', evaluator: 'head-of-unit-or-body', rule: 'other-heads' });
  });
  it('everyone else: non-managerial sheet, head of unit or body (part 4)', () => {
    for (const c of ['C-4', 'C-O-5', 'D-5', 'E-4', 'E-R-4']) expect(go(c, false), c).toMatchObject({ ok: true, sheet: 'non-managerial', evaluator: 'head-of-unit-or-body', rule: 'others' });
  });
  it('an unknown category is an error, not a guess', () => {
    for (const c of ['F-1', 'C-9', 'A-1', '', 'D-6']) expect(go(c, false).ok, c).toBe(false);
  });
  it('missing facts are errors naming what is needed', () => {
    expect(go('C-1')).toMatchObject({ ok: false, field: 'position' });
    expect(go('C-4')).toMatchObject({ ok: false, field: 'managerial' });
  });
  it('the trace names every rule that matched and the precedence in force', () => {
    const r = go('D-1', true);
    expect(r.ok && r.alsoMatched).toEqual(['other-heads', 'others']);
    expect(r.ok && r.reading).toMatch(/first-match/);
  });
  it('precedence decides the overlap of part 2 and part 3 when the act lists them in its own order', () => {
    // The act's order: listed heads, other managerial positions (part 2), C-1/D-3 staff (part 3), others.
    const actOrder: RoutingConfig = { rules: [rules.rules[0], rules.rules[2], rules.rules[1], rules.rules[3]] };
    const input = { category: 'C-1', managerial: true, position: 'deputy-director' };
    expect(route(actOrder, input, codes, 'first-match')).toMatchObject({ sheet: 'managerial', rule: 'other-heads' });
    expect(route(actOrder, input, codes, 'most-specific')).toMatchObject({ sheet: 'non-managerial', rule: 'listed-staff' });
  });
});

describe('the Mangistau district act narrows point 17', () => {
  const narrowed: RoutingConfig = {
    rules: [
      { route: 'head-of-apparatus', categories: ['E-2'], sheet: 'managerial', evaluator: 'direct-superior' },
      { route: 'others', otherwise: true, sheet: 'non-managerial', evaluator: 'head-of-apparatus' },
    ],
  };
  it('E-2 by the direct superior on the managerial sheet; all others by the head of apparatus', () => {
    expect(route(narrowed, { category: 'Е-2' }, codes)).toMatchObject({ ok: true, sheet: 'managerial', evaluator: 'direct-superior' });
    expect(route(narrowed, { category: 'E-4', managerial: true }, codes)).toMatchObject({ ok: true, sheet: 'non-managerial', evaluator: 'head-of-apparatus' });
    expect(route(narrowed, { category: 'E-9' }, codes).ok).toBe(false);
  });
});
