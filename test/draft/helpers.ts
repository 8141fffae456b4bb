// Running `metodika new` in a test: a fresh folder holding the typical act (a derived act finds its
// base beside it), the command's streams captured, and a fixed "today" so dates check the same
// way on any day.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runNew } from '../../src/cli/new.js';
import { actPath, ROOT, tempDir } from '../helpers.js';

export const TODAY = new Date('2026-01-10T00:00:00Z');
export const fixture = (name: string) => join(ROOT, 'test', 'draft', 'fixtures', name);

/** A temporary methodologies/ folder with the typical act in it. */
export function workspace(): { dir: string; methodologies: string } {
  const dir = tempDir();
  const methodologies = join(dir, 'methodologies');
  mkdirSync(methodologies);
  copyFileSync(actPath('typical-b-2025'), join(methodologies, 'typical-b-2025.yaml'));
  return { dir, methodologies };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `metodika new` with `args`; `lines`, when given, are what a person types at the terminal. */
export async function metodikaNew(args: string[], lines?: string[]): Promise<Run> {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let stdout = '';
  let stderr = '';
  output.on('data', (d) => (stdout += d));
  errors.on('data', (d) => (stderr += d));
  if (lines) input.end(lines.map((l) => `${l}\n`).join(''));
  const code = await runNew(args, { input, output, errors, interactive: lines !== undefined, today: TODAY });
  return { code, stdout, stderr };
}
