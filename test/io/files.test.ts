// Output folders are created one level at a time, so a folder the file system will not create is
// one error, not a command that never returns.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderError, makeDir } from '../../src/io/folders.js';
import { actPath, cli, ROOT, tempDir } from '../helpers.js';

const PROC = existsSync('/proc/self');

describe('makeDir', () => {
  it('creates missing parents, and accepts a folder that exists', () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    makeDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    makeDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('refuses a file in the way, naming it', () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, 'x');
    expect(() => makeDir(file)).toThrow(expect.objectContaining({ code: 'ENOTDIR', path: file }));
    expect(() => makeDir(join(file, 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // /proc answers ENOENT to mkdir although /proc exists: node's recursive mkdir retries forever.
  it.skipIf(!PROC)('stops with FolderError where the file system answers "no such file" for a folder whose parent exists', () => {
    expect(() => makeDir('/proc/metodika-x/y')).toThrow(FolderError);
    expect(() => makeDir('/proc/metodika-x')).toThrow(expect.objectContaining({ code: 'EMKDIR', path: '/proc/metodika-x' }));
  });
});

describe('commands given a folder that cannot be made or a folder for a file', () => {
  it.skipIf(!PROC)('build, compile and score --out /proc/...: one line, exit 1', () => {
    const b = cli(['build', actPath('typical-b-2025'), '--out', '/proc/metodika-x', '--format', 'md']);
    expect(b.code).toBe(1);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    expect(b.stderr).toMatch(/cannot write \/proc\/metodika-x\/typical-b-2025\.ru\.md: a folder cannot be created at \/proc\/metodika-x/);
    const c = cli(['compile', actPath('typical-b-2025'), '--out', '/proc/metodika-x']);
    expect(c.code).toBe(1);
    expect(c.stderr.trim()).toBe('metodika compile: /proc/metodika-x: a folder cannot be created there');
  });

  it('fidelity, score and forms given a folder where a file belongs: one line naming it, exit 1', () => {
    const dir = tempDir();
    const f = cli(['fidelity', actPath('typical-b-2025'), dir]);
    expect(f.code).toBe(1);
    expect(f.stderr.trim()).toBe(`metodika fidelity: ${dir}: a folder, where a file was expected`);
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, 'person,period\n');
    const s = cli(['score', '--config', dir, '--input', csv, '--out', join(dir, 'out')]);
    expect(s.code).toBe(1);
    expect(s.stderr.trim()).toBe(`metodika score: ${dir}: a folder, where a file was expected`);
    const r = cli(['forms', actPath('typical-b-2025'), '--roster', dir, '--period', '2025-Q3', '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`metodika forms: ${dir}: a folder, where a file was expected`);
  });
});

// /dev/zero never ends: a command that read it would never return (or run out of memory).
describe.skipIf(!existsSync('/dev/zero'))('commands given a device where a file belongs', () => {
  const ZERO = '/dev/zero';
  const NOT_REGULAR = `${ZERO}: not a regular file (a device, a pipe or a socket)`;
  it('score --config, score --input, route, deadlines: one line, exit 1', () => {
    const dir = tempDir();
    const csv = join(dir, 'in.csv');
    writeFileSync(csv, 'person,period\n');
    const config = join(ROOT, 'configs', 'typical-b-2025.scoring.json');
    for (const [name, args] of [
      ['score', ['--config', ZERO, '--input', csv, '--out', join(dir, 'a')]],
      ['score', ['--config', config, '--input', ZERO, '--format', 'jsonl', '--out', join(dir, 'b')]],
      ['route', ['--config', ZERO, '--category', 'C-4']],
      ['deadlines', ['--quarter', '2025-Q1', '--membership', ZERO]],
    ] as const) {
      const r = cli([name, ...args]);
      expect(r.code, `${name} ${args.join(' ')}`).toBe(1);
      expect(r.stderr.trim()).toBe(`metodika ${name}: ${NOT_REGULAR}`);
    }
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });

  it('forms --roster and fidelity: one line, exit 1', () => {
    const dir = tempDir();
    const f = cli(['forms', actPath('typical-b-2025'), '--roster', ZERO, '--period', '2025-Q3', '--out', join(dir, 'o')]);
    expect(f.code).toBe(1);
    expect(f.stderr.trim()).toBe(`metodika forms: ${NOT_REGULAR}`);
    const d = cli(['fidelity', actPath('typical-b-2025'), ZERO]);
    expect(d.code).toBe(1);
    expect(d.stderr.trim()).toBe(`metodika fidelity: ${NOT_REGULAR}`);
  });
});
