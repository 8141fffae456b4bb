// metodika diff on the command line: the summary, the files asked for, and one clear line and a
// non-zero exit for what cannot be compared, never a stack trace.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/diff.js';
import { actPath, fixtureDir, ROOT, tempDir, typicalSource } from '../helpers.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  vi.spyOn(console, 'log').mockImplementation((...a) => void (out += `${a.join(' ')}\n`));
  vi.spyOn(console, 'error').mockImplementation((...a) => void (err += `${a.join(' ')}\n`));
});
afterEach(() => vi.restoreAllMocks());

async function refused(args: string[], message: RegExp) {
  const code = await run(args);
  expect(code).toBe(1);
  expect(err).toMatch(message);
  expect(err).not.toMatch(/\n\s+at /);
  expect(out).toBe('');
}

describe('metodika diff', () => {
  it('prints the summary of a derived act against its base', async () => {
    expect(await run([actPath('mangistau-district-2025')])).toBe(0);
    expect(out).toMatch(/^typical-b-2025 -> mangistau-district-2025 \(ru\): a derived act against its base, aligned by id/);
    expect(out).toMatch(/Changes of substance \(12\):/);
  });

  it('compares an act with a published plain text, imported on the fly', async () => {
    expect(await run([actPath('typical-b-2025'), join(ROOT, 'test', 'seeds', '000_4cfb7ede7e01f99a.txt')])).toBe(0);
    expect(out).toMatch(/^typical-b-2025 -> 000-4cfb7ede7e01f99a \(ru\): two unrelated acts, aligned by similarity/);
    expect(out).toMatch(/point 17[^\n]*: changed in substance/);
  });

  it('writes every format to --out', async () => {
    const dir = tempDir();
    expect(await run([actPath('zhanakorgan-district-2025'), '--out', dir])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'zhanakorgan-district-2025.vs.typical-b-2025.kk.diff.html',
      'zhanakorgan-district-2025.vs.typical-b-2025.kk.diff.md',
      'zhanakorgan-district-2025.vs.typical-b-2025.kk.redline.docx',
      'zhanakorgan-district-2025.vs.typical-b-2025.kk.table.docx',
      'zhanakorgan-district-2025.vs.typical-b-2025.kk.table.pdf',
    ]);
  });

  it('compares two acts given in order, in the language asked for', async () => {
    const dir = tempDir();
    expect(await run([actPath('typical-b-2025'), actPath('zhanakorgan-district-2025'), '--lang', 'kk', '--format', 'md', '--out', dir])).toBe(0);
    expect(existsSync(join(dir, 'zhanakorgan-district-2025.vs.typical-b-2025.kk.diff.md'))).toBe(true);
  });

  it('--exit-code: 1 when there are changes, as git diff does', async () => {
    expect(await run([actPath('mangistau-district-2025'), '--exit-code'])).toBe(1);
  });

  it('refuses two acts in different languages without a shared base', async () => {
    const dir = fixtureDir({ 'other.yaml': typicalSource().replace('id: typical-b-2025', 'id: other').replace('language: [ru, kk]', 'language: [kk]') });
    await refused([actPath('mangistau-district-2025'), join(dir, 'other.yaml')], /no language in common: mangistau-district-2025 is in ru, other in kk and share no base/);
  });

  it('refuses two acts in different languages, and says to compare each with their base', async () => {
    await refused([actPath('mangistau-district-2025'), actPath('zhanakorgan-district-2025')], /no language in common.*both derive from "typical-b-2025"/);
  });

  it('refuses an act compared with itself, or with an identical copy', async () => {
    await refused([actPath('typical-b-2025'), actPath('typical-b-2025')], /compared with itself/);
    const dir = tempDir();
    copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
    await refused([actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml')], /are the same act/);
  });

  it('refuses an empty file', async () => {
    const dir = fixtureDir({ 'empty.yaml': '\n' });
    await refused([actPath('typical-b-2025'), join(dir, 'empty.yaml')], /empty\.yaml: the file is empty/);
  });

  it('refuses a file that is not an act', async () => {
    const dir = fixtureDir({ 'x.yaml': 'hello: world\n', 'act.txt': 'Методика оценки ...' });
    await refused([actPath('typical-b-2025'), join(dir, 'x.yaml')], /x\.yaml: not a methodology act that resolves/);
    await refused([actPath('typical-b-2025'), join(dir, 'act.txt')], /act\.txt: no Russian or Kazakh text found; this is not the text of an act/);
    await refused([actPath('typical-b-2025'), join(dir, 'missing.yaml')], /missing\.yaml: no such file/);
  });

  it('refuses an act that is not derived, alone', async () => {
    await refused([actPath('typical-b-2025')], /typical-b-2025 has no base to compare with/);
  });

  it('says how to use it when the arguments are wrong', async () => {
    expect(await run([])).toBe(2);
    expect(await run([actPath('typical-b-2025'), '--format', 'pdf'])).toBe(2);
    expect(err).toMatch(/unknown format "pdf"/);
  });
});
