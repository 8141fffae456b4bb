// The ZIP writer, read back by jszip (an independent reader): names in UTF-8, stored and
// deflated entries, and the ZIP64 end records once an archive holds 65,535 entries or more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/forms/sink.js';
import { pack, readZip, StampedEntry, ZipWriter, zipBytes } from '../../src/forms/zip.js';
import { tempDir } from '../helpers.js';

describe('zip', () => {
  it('writes what jszip reads, and reads what it writes', async () => {
    const text = 'Бағалау парағы '.repeat(200);
    const bytes = zipBytes([pack('word/document.xml', Buffer.from(text)), pack('0001 Әлиева Гүлнұр.docx', Buffer.from([1, 2, 3]), false)]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['word/document.xml', '0001 Әлиева Гүлнұр.docx']);
    expect(await zip.file('word/document.xml')!.async('string')).toBe(text);
    expect([...(await zip.file('0001 Әлиева Гүлнұр.docx')!.async('uint8array'))]).toEqual([1, 2, 3]);
    expect(readZip(bytes).map((e) => [e.name, Buffer.from(e.content).toString()])).toEqual([
      ['word/document.xml', text],
      ['0001 Әлиева Гүлнұр.docx', '\u0001\u0002\u0003'],
    ]);
    const theirs = await new JSZip().file('a.txt', 'Қазақ').file('b/c.txt', 'x'.repeat(1000)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(readZip(theirs).map((e) => [e.name, Buffer.from(e.content).toString()])).toEqual([['a.txt', 'Қазақ'], ['b/', ''], ['b/c.txt', 'x'.repeat(1000)]]);
  });

  it('stores an entry that compression would not shrink', () => {
    expect(pack('x', Buffer.from('ab')).method).toBe(0);
    expect(pack('x', Buffer.from('a'.repeat(100))).method).toBe(8);
  });

  it('an archive of 65,535 entries and more ends with the ZIP64 records', async () => {
    const path = join(tempDir(), 'many.zip');
    const sink = await ByteSink.open(path);
    const zip = new ZipWriter(sink);
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      zip.add(pack(`${i}.txt`, Buffer.from(String(i)), false));
      if (i % 4096 === 0) await sink.flushIfFull();
    }
    zip.finish();
    await sink.commit();
    const bytes = readFileSync(path);
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    const read = await JSZip.loadAsync(bytes);
    expect(Object.keys(read.files)).toHaveLength(n);
    expect(await read.file('69999.txt')!.async('string')).toBe('69999');
  });
});

describe('a stamped entry', () => {
  it('inflates to the fixed text with each gap in place, long gaps and empty ones included', async () => {
    const pieces = ['<a>' + 'фикс '.repeat(500), '</a><b>', '</b><c>', '</c>'];
    const gaps = ['Әлиева & Co', '', 'х'.repeat(70_000)];
    const stamped = new StampedEntry('word/document.xml', pieces);
    const entry = stamped.entry(gaps);
    const want = pieces[0] + gaps[0] + pieces[1] + gaps[1] + pieces[2] + gaps[2] + pieces[3];
    expect(entry.size).toBe(Buffer.byteLength(want));
    const zip = await JSZip.loadAsync(zipBytes([entry]), { checkCRC32: true });
    expect(await zip.file('word/document.xml')!.async('string')).toBe(want);
    expect(Buffer.from(readZip(zipBytes([entry]))[0].content).toString()).toBe(want);
  });
});
