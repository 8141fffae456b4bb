import { FileKindError } from './files.js';

// Node's file errors from a read on an open file (EISDIR, EIO) carry no path; the commands report
// a file error as "<path>: <meaning>", so the path is put on where the file is known.

/** Returns `e` with `path` set when it is a file system error that names no path. */
export function withPath(e: unknown, path: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string' && !err.path) err.path = path;
  return e;
}

/** What a file system error means for the file it names. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EISDIR: 'a folder, where a file was expected',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EROFS: 'on a read-only file system',
  ENOSPC: 'no space left on the device',
  EMKDIR: 'a folder cannot be created there',
};

/** What a file system error's code means, for the codes a command may meet; undefined for others. */
export function fileErrorMeaning(code: string | undefined): string | undefined {
  return code ? FILE_ERRORS[code] : undefined;
}

/** A file system error as "<path>: <meaning>"; undefined for any other error. */
export function fileErrorLine(e: unknown): string | undefined {
  if (e instanceof FileKindError) return e.message;
  const err = e as NodeJS.ErrnoException;
  const meaning = fileErrorMeaning(err?.code);
  if (!meaning) return undefined;
  return err.path ? `${err.path}: ${meaning}` : meaning;
}
