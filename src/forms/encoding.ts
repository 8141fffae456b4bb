// The text encoding of a roster. Spreadsheets save CSV in UTF-8 (often with a byte order mark),
// in UTF-16 ("Unicode text"), or, in a Russian-language Windows, in the ANSI code page CP1251.
// A byte order mark says which; without one, the file is UTF-8 if it decodes as UTF-8 from end
// to end (text in CP1251 almost never does), and CP1251 otherwise. CP1251 has no Kazakh letters
// beyond І/і: a Kazakh roster in CP1251 has already lost them, and the sheets will show it.
import { createReadStream } from 'node:fs';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface Sniffed {
  encoding: Encoding;
  /** The file starts with a byte order mark. */
  bom: boolean;
  /** Line feeds in the file: a roster's rows, near enough, for a progress indicator. */
  lines: number;
}

/** Reads the file once (in chunks: memory stays flat) to tell its encoding and count its lines. */
export async function sniff(path: string): Promise<Sniffed> {
  let encoding: Encoding | undefined;
  let bom = false;
  let lines = 0;
  let first = true;
  let utf8: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) [encoding, bom] = ['utf-8', true];
      else if (chunk[0] === 0xff && chunk[1] === 0xfe) [encoding, bom] = ['utf-16le', true];
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) [encoding, bom] = ['utf-16be', true];
    }
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    if (!encoding && utf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        utf8 = undefined;
      }
    }
  }
  if (!encoding && utf8) {
    try {
      utf8.decode();
    } catch {
      utf8 = undefined;
    }
  }
  return { encoding: encoding ?? (utf8 ? 'utf-8' : 'windows-1251'), bom, lines };
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
