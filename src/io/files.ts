// A file named on the command line is read only when it is a regular file: a device (/dev/zero)
// or a pipe would be read without end, or consumed by a first pass that a second one needs.
import { statSync } from 'node:fs';

/** A file that is not a regular file, or larger than its command reads (a code and a path, as node's errors). */
export class FileKindError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Throws unless `path` is a regular file (symbolic links followed) of at most `maxBytes`. */
export function regularFile(path: string, maxBytes = Infinity): void {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR', path });
  if (!st.isFile()) throw new FileKindError('ENOTREG', path, `${path}: not a regular file (a device, a pipe or a socket)`);
  if (st.size > maxBytes) throw new FileKindError('EFBIG', path, `${path}: larger than ${maxBytes / (1 << 20)} MB`);
}
