// Acts to compare: the real ones, derived acts written for a test, and versions of the typical
// act edited in place.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { compareActs, type CompareOptions } from '../../src/diff/compare.js';
import type { ActDiff, DiffClass, Pair } from '../../src/diff/diff.js';
import { quote } from '../../src/diff/tokens.js';
import { resolveFile, type ResolvedAct } from '../../src/resolve/index.js';
import { actPath, fixtureDir, typicalSource } from '../helpers.js';

export async function act(file: string): Promise<ResolvedAct> {
  const { act: a, diagnostics } = await resolveFile(file);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return a!;
}

/** A real act diffed against its base. */
export async function diffOf(id: string, opts: CompareOptions = {}): Promise<ActDiff> {
  const local = await act(actPath(id));
  return compareActs(local.base!, local, opts);
}

const ENVELOPE = 'act: {kind: decision, issuer: {ru: {nom: "Районный маслихат", gen: "Районного маслихата"}}, date: 2025-10-17, number: "1/2"}\n';

/** A derived act of the typical one (ru), written for a test. */
export async function derived(body: string): Promise<ResolvedAct> {
  const dir = fixtureDir({ 'local.yaml': `id: local\nbase: typical-b-2025\nlanguage: [ru]\n${ENVELOPE}${body}` });
  copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
  return act(join(dir, 'local.yaml'));
}

/** The typical act, edited: another version of the same act (same id, another folder). */
export async function typicalVersion(edit: (s: string) => string): Promise<ResolvedAct> {
  const src = edit(typicalSource());
  expect(src).not.toBe(typicalSource());
  return act(join(fixtureDir({ 'typical-b-2025.yaml': src }), 'typical-b-2025.yaml'));
}

/** The pair a unit key is in, on either side. */
export function pairOf(diff: ActDiff, key: string): Pair {
  const p = diff.pairs.find((x) => x.base.some((u) => u.key === key) || x.local.some((u) => u.key === key));
  expect(p, `a pair for "${key}"`).toBeDefined();
  return p!;
}

/** Keys of the methodology's pairs of a class, by their base key (or local key when added). */
export function keysOf(diff: ActDiff, cls: DiffClass): string[] {
  return diff.pairs
    .filter((p) => p.cls === cls && (p.local[0] ?? p.base[0]).area === 'methodology')
    .map((p) => (p.base[0] ?? p.local[0]).key);
}

/** The changed words of a pair, as "old -> new", of the given natures. */
export function hunks(pair: Pair, natures = ['substance']): string[] {
  return pair.segments.flatMap((s) => s.ops.flatMap((op) => (op.type === 'change' && natures.includes(op.nature) ? [`${quote(op.base)} -> ${quote(op.local)}`] : [])));
}
