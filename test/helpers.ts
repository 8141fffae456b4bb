import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const METHODOLOGIES = join(ROOT, 'methodologies');
export const SEEDS = join(ROOT, 'test', 'seeds');
export const actPath = (id: string) => join(METHODOLOGIES, `${id}.yaml`);
export const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'metodika-test-'));
}

/** Writes files into a fresh temp dir; returns the dir. */
export function fixtureDir(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export function cli(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'metodika.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const typicalSource = () => readFileSync(actPath('typical-b-2025'), 'utf8');
