// Reading the published text of an act: refuses what is not text (empty, binary, too large) with
// a message a person can act on, and decodes the encodings such texts come in. CP1251 is common
// for files saved on Windows: it is converted, and the report says so.
import { fileErrorLine, withPath } from '../io/errors.js';
import { open, stat } from 'node:fs/promises';
import { controlShare, looksLikeCp1251 } from '../io/encoding.js';
import { ImportError } from './report.js';

/** The longest act in the seeds is 122 KB; 5 MB is generous and keeps a wrong file from being read whole. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and were converted. */
  converted?: string;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export async function readActFile(file: string): Promise<DecodedText> {
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new ImportError(`${file}: not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(fileErrorLine(withPath(e, file)) ?? `${file}: cannot read (${e})`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new ImportError(`${file}: the file is ${mb(size)}; the text of an act is at most ${mb(MAX_INPUT_BYTES)} (is this the right file?)`);
  }
  // Read only what stat promised: a file growing meanwhile cannot make us read more.
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return decodeActText(buf.subarray(0, bytesRead), file);
  } finally {
    await handle.close();
  }
}

export function decodeActText(buf: Buffer, file: string): DecodedText {
  if (buf.length === 0) throw new ImportError(`${file}: the file is empty; there is no act to import`);
  if (buf[0] === 0xff && buf[1] === 0xfe) return checked({ text: new TextDecoder('utf-16le').decode(buf.subarray(2)), converted: 'UTF-16 (little-endian)' }, file);
  if (buf[0] === 0xfe && buf[1] === 0xff) return checked({ text: new TextDecoder('utf-16be').decode(buf.subarray(2)), converted: 'UTF-16 (big-endian)' }, file);
  if (buf.includes(0) || controlShare(buf) > 0.01) {
    throw new ImportError(`${file}: this is a binary file, not text; copy the act's text (from the reference bank's page or its PDF) into a .txt file`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    if (looksLikeCp1251(buf)) return checked({ text: new TextDecoder('windows-1251').decode(buf), converted: 'Windows-1251 (CP1251)' }, file);
    throw new ImportError(`${file}: the text is neither UTF-8 nor Windows-1251; save it as UTF-8 and import again`);
  }
  return checked({ text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }, file);
}

function checked(d: DecodedText, file: string): DecodedText {
  if (!d.text.trim()) throw new ImportError(`${file}: the file holds only whitespace; there is no act to import`);
  return d;
}
