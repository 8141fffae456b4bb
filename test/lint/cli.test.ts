// `metodika lint FILE... [--format json]`: one line a finding, grouped by act, a summary line;
// exit 1 on errors, 0 on warnings only, 2 on a usage error.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/lint.js';
import { actPath, fixtureDir } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

async function lint(args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((s) => void (stderr += `${s}\n`));
  const code = await run(args);
  return { code, stdout, stderr };
}

/** A fixture and its bases in a fresh directory. */
function fixtures(...names: string[]): string {
  const dir = fixtureDir({});
  for (const n of [...names, 'local-ru']) copyFileSync(join(FIXTURES, `${n}.yaml`), join(dir, `${n}.yaml`));
  copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
  return dir;
}

afterEach(() => vi.restoreAllMocks());

describe('metodika lint', () => {
  it('prints file:line:column  severity  message  rule-id, grouped by act, and exits 1 on errors', async () => {
    const r = await lint([actPath('zhanakorgan-district-2025'), actPath('typical-b-2025')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(actPath('zhanakorgan-district-2025'));
    expect(lines).toContainEqual(expect.stringMatching(/^\S+zhanakorgan-district-2025\.yaml:\d+:\d+ +error +point 2: sub-point "5\)" follows "3\)": "4\)" is missing {2}numbering$/));
    const typical = lines.indexOf(actPath('typical-b-2025'));
    expect(typical).toBeGreaterThan(1);
    expect(lines[typical - 1]).toBe('');
    expect(lines.at(-2)).toBe('10 problems (4 errors, 6 warnings) in 2 files');
  });

  it('exits 0 when there are warnings only', async () => {
    const dir = fixtures('quotes-not-ok');
    const r = await lint([join(dir, 'quotes-not-ok.yaml')]);
    expect(r.stdout).toContain('warning  decision title: 5 straight quotation marks');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 problem (0 errors, 1 warning) in 1 file');
    expect(r.code).toBe(0);
  });

  it('says so when an act is clean', async () => {
    const dir = fixtures('local-ru');
    const r = await lint([join(dir, 'local-ru.yaml')]);
    expect(r.stdout).toBe(`${join(dir, 'local-ru.yaml')}: no problems\n\nno problems in 1 file\n`);
    expect(r.code).toBe(0);
  });

  it('--format json gives the findings and the summary', async () => {
    const r = await lint(['--format', 'json', actPath('mangistau-district-2025')]);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ errors: 1, warnings: 6, files: 1 });
    expect(out.files[0].file).toBe(actPath('mangistau-district-2025'));
    expect(out.files[0].diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'self-reference', severity: 'error', line: expect.any(Number), column: expect.any(Number) }));
    expect(r.code).toBe(1);
  });

  it('an act that does not resolve is not linted: its errors are printed and the exit is 1', async () => {
    const dir = fixtureDir({ 'broken.yaml': 'id: broken\nlanguage: [ru\n' });
    const r = await lint([join(dir, 'broken.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not linted');
  });

  it('a usage error exits 2', async () => {
    expect((await lint([])).code).toBe(2);
    expect((await lint(['--format', 'xml', actPath('typical-b-2025')])).code).toBe(2);
  });
});
