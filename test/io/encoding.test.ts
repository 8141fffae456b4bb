// Standard input cannot be read twice to tell its encoding: it must be UTF-8, and bytes that are
// not stop the reading with a clear message instead of turning into replacement characters.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniff, strictUtf8 } from '../../src/io/encoding.js';
import { fixtureDir } from '../helpers.js';

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  yield* parts;
}

async function text(src: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const t of src) s += t;
  return s;
}

describe('standard input', () => {
  it('keeps a letter split between two chunks whole', async () => {
    const bytes = Buffer.from('person\nӘлиев Ғ.\n');
    expect(await text(strictUtf8(chunks(bytes.subarray(0, 8), bytes.subarray(8)), 'standard input'))).toBe('person\nӘлиев Ғ.\n');
  });

  it('stops at bytes that are not UTF-8 (a CP1251 file piped in)', async () => {
    const cp1251 = Buffer.from([0x70, 0x0a, 0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x0a]); // "p\nИванов\n"
    await expect(text(strictUtf8(chunks(cp1251), 'standard input'))).rejects.toThrow(
      'standard input is not UTF-8 text; save it as UTF-8, or give the file by name (files in Windows-1251 or UTF-16 are then read as such)',
    );
  });

  it('stops at a letter cut off at the end', async () => {
    await expect(text(strictUtf8(chunks(Buffer.from('p\n'), Buffer.from([0xd0])), 'standard input'))).rejects.toThrow(/not UTF-8 text/);
  });
});

describe('telling a file\'s encoding', () => {
  it('a letter across the boundary of the 64 KB the file is read in is still UTF-8', async () => {
    for (const at of [65535, 65534, 65533]) {
      const dir = fixtureDir({ 'x.csv': Buffer.concat([Buffer.from('a'.repeat(at)), Buffer.from('Әлиев 𝄞\n')]) });
      expect(await sniff(join(dir, 'x.csv')), `at ${at}`).toMatchObject({ encoding: 'utf-8', unknown: false, lines: 1 });
    }
  });

  it('a letter cut off at the end of the file is not UTF-8, nor CP1251', async () => {
    const dir = fixtureDir({ 'x.csv': Buffer.concat([Buffer.from('person\nӘлиев\n'), Buffer.from([0xd0])]) });
    expect(await sniff(join(dir, 'x.csv'))).toMatchObject({ unknown: true });
  });

  it('a UTF-8 file with a byte order mark and a damaged letter is not read as UTF-8', async () => {
    const dir = fixtureDir({ 'x.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('person\nӘл'), Buffer.from([0xff]), Buffer.from('иев\n')]) });
    expect(await sniff(join(dir, 'x.csv'))).toMatchObject({ encoding: 'utf-8', bom: true, unknown: true });
  });
});
