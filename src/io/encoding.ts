// The text encoding of a spreadsheet's CSV (a roster, evaluation records). Spreadsheets save CSV in UTF-8 (often with a byte order mark),
// in UTF-16 ("Unicode text"), or, in a Russian-language Windows, in the ANSI code page CP1251.
// A byte order mark says which; without one, the file is UTF-8 if it decodes as UTF-8 from end
// to end (text in CP1251 almost never does), and CP1251 otherwise. CP1251 has no Kazakh letters
// beyond І/і: a Kazakh roster in CP1251 has already lost them, and the sheets will show it.
import { isUtf8 } from 'node:buffer';
import { regularFile } from './files.js';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { withPath } from './errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface Sniffed {
  encoding: Encoding;
  /** The file starts with a byte order mark. */
  bom: boolean;
  /** Line feeds in the file (0 when not counted): a roster's rows, near enough, for a progress indicator. */
  lines: number;
  /** The file holds NUL bytes or more than 1 % other control characters at its start: not text. */
  binary: boolean;
  /** Not UTF-8, and its bytes beyond ASCII are not those of Cyrillic in CP1251 either: a damaged UTF-8 file, say. */
  unknown: boolean;
}

/**
 * Why a file cannot be read as text (binary, or an encoding that is neither UTF-8 nor CP1251),
 * or undefined when it can.
 */
export function unreadable(path: string, s: Sniffed): string | undefined {
  if (s.binary) return `${path} is not a text file (it holds NUL bytes or control characters); export it from the spreadsheet as CSV`;
  if (s.unknown) return `${path} is not UTF-8 text, and not Windows-1251 (CP1251) either (a damaged file?); save it as UTF-8`;
  return undefined;
}

/**
 * Counts the bytes beyond ASCII and those of them that are Cyrillic letters in CP1251 (0xC0-0xFF,
 * Ё and ё). In CP1251 text nearly all are; in UTF-8 Cyrillic only the lead bytes, about half.
 */
class Cp1251Bytes {
  private high = 0;
  private cyrillic = 0;
  count(chunk: Buffer): void {
    for (const b of chunk) {
      if (b < 0x80) continue;
      this.high++;
      if (b >= 0xc0 || b === 0xa8 || b === 0xb8) this.cyrillic++;
    }
  }
  likely(): boolean {
    return this.high > 0 && this.cyrillic / this.high > 0.8;
  }
}

/** Whether the bytes beyond ASCII in `buf` are those of Cyrillic text in CP1251. */
export function looksLikeCp1251(buf: Buffer): boolean {
  const c = new Cp1251Bytes();
  c.count(buf);
  return c.likely();
}

/** Reads the file once (in chunks: memory stays flat) to tell its encoding and (unless `countLines` is false) count its lines. */
export async function sniff(path: string, { countLines = true } = {}): Promise<Sniffed> {
  let bom: Encoding | undefined;
  let lines = 0;
  let binary = false;
  let utf8 = true;
  /** The bytes of a letter cut off at the end of the last chunk. */
  let carry: Buffer | undefined;
  const cp1251 = new Cp1251Bytes();
  // Read synchronously into one buffer: the file is read to its end before anything else happens.
  regularFile(path);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let n = readSync(fd, buf), first = true; n > 0; n = readSync(fd, buf), first = false) {
      const chunk = buf.subarray(0, n);
      if (first) {
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) bom = 'utf-8';
        else if (chunk[0] === 0xff && chunk[1] === 0xfe) bom = 'utf-16le';
        else if (chunk[0] === 0xfe && chunk[1] === 0xff) bom = 'utf-16be';
        binary = !bom?.startsWith('utf-16') && controlShare(chunk) > 0.01;
      }
      if (countLines) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
      if (bom?.startsWith('utf-16')) continue;
      if (utf8) {
        const data = carry ? Buffer.concat([carry, chunk]) : chunk;
        const cut = cutOff(data);
        utf8 = isUtf8(data.subarray(0, data.length - cut));
        carry = cut ? Buffer.from(data.subarray(data.length - cut)) : undefined;
      }
      // Once the text is known not to be UTF-8: are its bytes beyond ASCII those of CP1251 Cyrillic?
      if (!utf8) cp1251.count(chunk);
    }
  } catch (e) {
    throw withPath(e, path);
  } finally {
    closeSync(fd);
  }
  if (carry) utf8 = false;
  const encoding: Encoding = bom ?? (utf8 ? 'utf-8' : 'windows-1251');
  const unknown = (bom === 'utf-8' && !utf8) || (!bom && !utf8 && !cp1251.likely());
  return { encoding, bom: !!bom, lines, binary, unknown };
}

/** How many bytes at the end of `b` begin a UTF-8 sequence that the next chunk completes (0-3). */
function cutOff(b: Buffer): number {
  for (let k = 1; k <= Math.min(4, b.length); k++) {
    const c = b[b.length - k];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** In the first 64 KB: the share of control characters other than tab, line feed, form feed and carriage return. */
export function controlShare(buf: Buffer): number {
  const sample = buf.subarray(0, 65536);
  let n = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) n++;
  return sample.length ? n / sample.length : 0;
}

/** A file that cannot be read as text. */
export class TextFileError extends Error {}

/**
 * The text of a file in the encoding its bytes show, chunk by chunk; a file that is not text, or
 * not in an encoding it can tell, is refused (TextFileError) before anything is read from it.
 */
export async function fileText(path: string): Promise<{ encoding: Encoding; text: AsyncIterable<string> }> {
  const s = await sniff(path, { countLines: false });
  const why = unreadable(path, s);
  if (why) throw new TextFileError(why);
  return { encoding: s.encoding, text: decoded(path, s.encoding) };
}

/** The file's text, chunk by chunk (a byte order mark is dropped). */
export async function* decoded(path: string, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The names the encodings are known by to the people who save the files. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1251': 'Windows-1251 (CP1251)',
};

/**
 * Text that must be UTF-8 (standard input, which cannot be read twice to tell its encoding):
 * bytes that are not UTF-8 stop the reading with a message saying so, rather than becoming
 * replacement characters in a person's name.
 */
export async function* strictUtf8(src: AsyncIterable<Buffer | string>, what: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of src) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new Error(`${what} is not UTF-8 text; save it as UTF-8, or give the file by name (files in Windows-1251 or UTF-16 are then read as such)`);
    }
    throw e;
  }
}
