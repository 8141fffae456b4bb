// Creating output folders. Node's `mkdir(dir, { recursive: true })` never returns when the file
// system refuses a folder with ENOENT although its parent exists (as /proc does): it creates the
// parent again and retries, forever. Creating one level at a time stops at the second refusal.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A folder that cannot be created where it was asked for (code EMKDIR, with its path). */
export class FolderError extends Error {
  readonly code = 'EMKDIR';
  constructor(readonly path: string) {
    super(`a folder cannot be created at ${path}`);
  }
}

/** Creates `dir` and any missing parent; a folder that already exists is fine. */
export function makeDir(dir: string): void {
  if (tryMake(dir)) return;
  const parent = dirname(dir);
  if (parent === dir) throw new FolderError(dir);
  makeDir(parent);
  if (!tryMake(dir)) throw new FolderError(dir);
}

/** Creates one folder: true when it exists afterwards, false when its parent is missing. */
function tryMake(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return true;
    if (code === 'EEXIST') throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: dir });
    throw e;
  }
}
