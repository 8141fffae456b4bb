// Every kind of bad methodology file gets one clear diagnostic with file:line:column and exit 1.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actPath, cli, fixtureDir, typicalSource } from './helpers.js';

const ENVELOPE = 'act: {kind: decision, issuer: {ru: {nom: X, gen: Y}}, date: 2025-01-01, number: "1"}\n';

/** A copy of the typical act, edited, saved under its own id (so no id/file-name warning). */
function editedTypical(edit: (s: string) => string): string {
  const src = edit(typicalSource());
  expect(src).not.toBe(typicalSource());
  return fixtureDir({ 'typical-b-2025.yaml': src });
}

function expectOneError(dir: string, file: string, pattern: RegExp, where: RegExp = /:\d+:\d+: error: /) {
  const r = cli(['validate', join(dir, file)]);
  expect(r.code).toBe(1);
  const errors = r.stderr.split('\n').filter((l) => / error: /.test(l));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(where);
  expect(errors[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return errors[0];
}

describe('bad input', () => {
  it('malformed YAML', () => {
    const dir = fixtureDir({ 'x.yaml': 'id: x\nlanguage: [ru\nact: {}\n' });
    expectOneError(dir, 'x.yaml', /YAML syntax/, /x\.yaml:3:1: error:/);
  });

  it('an alias bomb', () => {
    let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) s += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const dir = fixtureDir({ 'x.yaml': s });
    expectOneError(dir, 'x.yaml', /alias bomb/, /x\.yaml:2:\d+: error:/);
  });

  it('collections nested too deeply for the parser', () => {
    const dir = fixtureDir({ 'x.yaml': `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    expectOneError(dir, 'x.yaml', /nests collections too deeply to read/, /x\.yaml:1:\d+: error:/);
  });

  it('a file over 5 MB', () => {
    const dir = fixtureDir({ 'x.yaml': 'id: x\n' + '#'.repeat(5 * 1024 * 1024 + 10) });
    expectOneError(dir, 'x.yaml', /at most 5 MB/, /x\.yaml:1:1: error:/);
  });

  it('an unknown key, at the key', () => {
    const dir = editedTypical((s) => s.replace(/^language: \[ru, kk\]$/m, 'language: [ru, kk]\nlanguages: [ru]'));
    const line = expectOneError(dir, 'typical-b-2025.yaml', /unknown key "languages"/);
    expect(line).toMatch(/:\d+:1: error:/);
  });

  it('a wrong type, with its YAML path', () => {
    const dir = editedTypical((s) => s.replace(/^  number: "13"$/m, '  number: 13'));
    expectOneError(dir, 'typical-b-2025.yaml', /wrong type: expected string \(at act\.number\)/);
  });

  it('a duplicate id, pointing at the second use and naming the first', () => {
    const dir = editedTypical((s) => s.replace('point: appeal', 'point: records'));
    expectOneError(dir, 'typical-b-2025.yaml', /duplicate id "records" \(point\); first used for a point at \d+:\d+/);
  });

  it('a reference to an id that does not exist', () => {
    const dir = editedTypical((s) => s.replace('{{ref "quarterly-deadline"}}', '{{ref "quarterly-deadlin"}}'));
    expectOneError(dir, 'typical-b-2025.yaml', /no numbered node has the id "quarterly-deadlin"/);
  });

  it('a base that does not exist', () => {
    const dir = fixtureDir({ 'd.yaml': `id: d\nbase: nothere\nlanguage: [ru]\n${ENVELOPE}` });
    expectOneError(dir, 'd.yaml', /base "nothere" not found/, /d\.yaml:2:7: error:/);
  });

  it('a change that targets a missing point', () => {
    const dir = fixtureDir({ 'd.yaml': `id: d\nbase: typical-b-2025\nlanguage: [ru]\n${ENVELOPE}changes:\n  - remove: no-such-point\n` });
    copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
    expectOneError(dir, 'd.yaml', /change targets "no-such-point", but no node of the base "typical-b-2025" has this id/, /d\.yaml:6:13: error:/);
  });

  it('a cycle of bases', () => {
    const dir = fixtureDir({
      'a.yaml': `id: a\nbase: b\nlanguage: [ru]\n${ENVELOPE}`,
      'b.yaml': `id: b\nbase: a\nlanguage: [ru]\n${ENVELOPE}`,
    });
    expectOneError(dir, 'a.yaml', /cycle of bases: a\.yaml -> b\.yaml -> a\.yaml/);
  });

  it('a template expression that names an unknown variable', () => {
    const dir = editedTypical((s) => s.replace('{{ref "quarterly-deadline"}}', '{{deadline}}'));
    expectOneError(dir, 'typical-b-2025.yaml', /unknown template variable "deadline"/);
  });

  it('a template expression that reaches for a prototype', () => {
    const dir = editedTypical((s) => s.replace('{{ref "quarterly-deadline"}}', '{{constructor.constructor}}'));
    expectOneError(dir, 'typical-b-2025.yaml', /unknown template variable/);
  });

  it('an unknown helper', () => {
    const dir = editedTypical((s) => s.replace('{{ref "quarterly-deadline"}}', '{{lookup "x" "y"}}'));
    expectOneError(dir, 'typical-b-2025.yaml', /unknown expression "lookup"/);
  });

  it('a non-UTF-8 file, recognising CP1251', () => {
    const cp1251 = Buffer.concat([Buffer.from('id: x\nlanguage: [ru]\n# '), Buffer.from([0xcf, 0xf0, 0xe8, 0xec, 0xe5, 0xf0]), Buffer.from('\n')]);
    const dir = fixtureDir({ 'x.yaml': cp1251 });
    expectOneError(dir, 'x.yaml', /not valid UTF-8: it looks like Windows-1251/, /x\.yaml:3:3: error:/);
  });

  it('a missing file and a usage error', () => {
    const r = cli(['validate', '/nonexistent/x.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x\.yaml:1:1: error: file not found/);
    const u = cli(['build', '--format', 'pdfx', actPath('typical-b-2025')]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown format "pdfx"/);
  });

  it('asking for kk where kk text is absent writes nothing and names each missing node', () => {
    const out = fixtureDir({});
    const r = cli(['build', actPath('typical-b-2025'), '--lang', 'kk', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/methodology title has no kk form "nom"/);
    expect(r.stderr).toMatch(/no kk document written/);
    expect(r.stdout).not.toMatch(/wrote/);
  });
});
