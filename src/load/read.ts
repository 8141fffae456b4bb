// Reads a methodology file's bytes, refusing what is not a regular file or is too large to be
// an act before reading it. Kept apart from the YAML parser so that a cached parse (see
// parse-cache.ts) never loads the parser at all.
import { readFile, stat } from 'node:fs/promises';
import { type Diagnostic, errorAt } from '../diagnostics.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; diagnostics: Diagnostic[] };

const START = { line: 1, column: 1 };

export async function readSource(file: string): Promise<ReadResult> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return { ok: false, diagnostics: [errorAt(file, START, 'not a regular file', 'io')] };
    if (st.size > MAX_FILE_BYTES) {
      const message = `file is ${(st.size / 1048576).toFixed(1)} MB; a methodology is at most ${MAX_FILE_BYTES / 1048576} MB`;
      return { ok: false, diagnostics: [errorAt(file, START, message, 'too-large')] };
    }
    return { ok: true, bytes: await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? e})`;
    return { ok: false, diagnostics: [errorAt(file, START, why, 'io')] };
  }
}
