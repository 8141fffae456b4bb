// Node's file errors from a read on an open file (EISDIR, EIO) carry no path; the commands report
// a file error as "<path>: <meaning>", so the path is put on where the file is known.

/** Returns `e` with `path` set when it is a file system error that names no path. */
export function withPath(e: unknown, path: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string' && !err.path) err.path = path;
  return e;
}
