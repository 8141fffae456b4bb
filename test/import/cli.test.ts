// `metodika import` as the command line calls it: what it writes, and what it refuses with a clear
// message, a non-zero exit and no YAML written (an empty, binary, oversized or foreign-encoded file,
// a text that is not an act, a wrong argument).
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/import.js';
import { resolveFile } from '../../src/resolve/index.js';
import { renderText } from '../../src/render/text.js';
import { actPath, SEEDS, seed } from '../helpers.js';

let err: string[];
let out: string[];
beforeEach(() => {
  err = [];
  out = [];
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const tmp = () => mkdtempSync(join(tmpdir(), 'metodika-import-'));
const SEED000 = join(SEEDS, '000_4cfb7ede7e01f99a.txt');

/** Runs the command on a file holding `content`; the YAML would go to <dir>/act.yaml. */
async function refuse(content: Buffer | string, message: RegExp): Promise<void> {
  const dir = tmp();
  const file = join(dir, 'input.txt');
  writeFileSync(file, content);
  const yaml = join(dir, 'act.yaml');
  writeFileSync(yaml, 'sentinel');
  expect(await run([file, '--out', yaml])).toBe(1);
  expect(err.join('\n')).toMatch(message);
  expect(err.join('\n')).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  // The file that was there is untouched, and no report was written.
  expect(readFileSync(yaml, 'utf8')).toBe('sentinel');
  expect(existsSync(join(dir, 'act.import-report.txt'))).toBe(false);
}

describe('metodika import: bad input', () => {
  it('an empty file, or one of whitespace', async () => {
    await refuse('', /input\.txt: the file is empty; there is no act to import/);
    await refuse('  \n\t\n', /input\.txt: the file holds only whitespace/);
  });

  it('a binary file', async () => {
    await refuse(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /this is a binary file, not text/);
  });

  it('a file of 50 MB: refused from its size, without reading it', async () => {
    const dir = tmp();
    const file = join(dir, 'huge.txt');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    expect(await run([file, '--out', join(dir, 'act.yaml')])).toBe(1);
    expect(err.join('\n')).toMatch(/huge\.txt: the file is 50\.0 MB; the text of an act is at most 5\.0 MB/);
    expect(existsSync(join(dir, 'act.yaml'))).toBe(false);
  });

  it('a text that is not an act, a text in another language', async () => {
    await refuse('Вчера в Актау прошёл форум молодых специалистов.\n\nУчастники обсудили цифровизацию государственной службы и новые подходы к обучению.\n'.repeat(3), /this does not read as an act: no chapters \("Глава 1\."\) and no numbered points/);
    await refuse('The quick brown fox jumps over the lazy dog.\n'.repeat(20), /no Russian or Kazakh text found; this is not the text of an act/);
  });

  it('an act without its chapters, an act printed without date and number', async () => {
    const points = seed('000_4cfb7ede7e01f99a.txt').replace(/^Глава \d+\..*$/gm, '');
    await refuse(points, /no chapter heading \("Глава 1\."\) found; the format needs the methodology's chapters/);
    const undated = seed('000_4cfb7ede7e01f99a.txt').split('\n').filter((_, i) => i + 1 < 7 || i + 1 > 8).filter((_, i) => i + 1 < 22 || i + 1 > 29).join('\n');
    await refuse(undated, /the enacting act's date and number are printed nowhere/);
  });

  it('a file that is not there, a folder', async () => {
    expect(await run(['/nonexistent/act.txt'])).toBe(1);
    expect(err.join()).toMatch(/\/nonexistent\/act\.txt: no such file/);
    expect(await run([tmp()])).toBe(1);
    expect(err.join()).toMatch(/not a regular file/);
  });

  it('an order with two methodologies needs --appendix; a wrong one is named', async () => {
    const dir = tmp();
    expect(await run([join(SEEDS, '001_bd87805fbc2ceb4a.txt'), '--out', join(dir, 'a.yaml')])).toBe(1);
    expect(err.join()).toMatch(/the order approves 2 methodologies: appendix 1 \(line 58\), appendix 2 \(line 1580\); choose one with --appendix N/);
    expect(await run([join(SEEDS, '001_bd87805fbc2ceb4a.txt'), '--appendix', '3', '--out', join(dir, 'a.yaml')])).toBe(1);
    expect(err.join()).toMatch(/no methodology is appendix 3/);
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect(await run([])).toBe(2);
    expect(await run([SEED000, '--lang', 'en'])).toBe(2);
    expect(await run([SEED000, '--appendix', 'two'])).toBe(2);
    expect(await run([SEED000, '--out', 'act.json'])).toBe(2);
    expect(await run([SEED000, '--bogus'])).toBe(2);
    expect(err.join('\n')).toMatch(/usage: metodika import FILE\.txt/);
  });

  it('a derive base that is not there', async () => {
    expect(await run([SEED000, '--derive', 'no-such-act', '--out', join(tmp(), 'a.yaml')])).toBe(1);
    expect(err.join()).toMatch(/base "no-such-act" not found/);
  });
});

describe('metodika import: encodings', () => {
  it('Windows-1251 is detected and converted, with a note; the act is the same', async () => {
    // CP1251 has no Kazakh letters: the one the seed has ("Е-қызмет") is written as its Russian look-alike.
    const text = seed('000_4cfb7ede7e01f99a.txt').replace(/қ/g, 'к');
    const cp1251 = Buffer.from([...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      if (c === 0x2116) return 0xb9;
      if (c === 0xa0) return 0xa0;
      if (c === 0x2013) return 0x96;
      return 0x3f;
    }));
    const dir = tmp();
    writeFileSync(join(dir, '000.txt'), cp1251);
    expect(await run([join(dir, '000.txt'), '--id', 'same', '--out', join(dir, 'cp.yaml')])).toBe(0);
    expect(err.join('\n')).toMatch(/note: converted from Windows-1251 \(CP1251\) to UTF-8/);
    expect(readFileSync(join(dir, 'cp.import-report.txt'), 'utf8')).toMatch(/000\.txt:1: encoding: the file is in Windows-1251 \(CP1251\), not UTF-8: converted/);
    writeFileSync(join(dir, '000-utf8.txt'), text);
    expect(await run([join(dir, '000-utf8.txt'), '--id', 'same', '--out', join(dir, 'utf8.yaml')])).toBe(0);
    const act = (file: string) => readFileSync(join(dir, file), 'utf8').replace(/^\s*#.*$/gm, '');
    expect(act('cp.yaml')).toBe(act('utf8.yaml'));
  });

  it('UTF-16 with its byte-order mark is converted (Kazakh letters kept)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '002.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed('002_5d21611e60522768.txt'), 'utf16le')]));
    expect(await run([join(dir, '002.txt'), '--out', join(dir, 'kk.yaml')])).toBe(0);
    expect(readFileSync(join(dir, 'kk.yaml'), 'utf8')).toContain('Жаңақорған ауданы мәслихатының аппараты');
    expect(err.join('\n')).toMatch(/converted from UTF-16 \(little-endian\)/);
  });
});

describe('metodika import: what it writes', () => {
  it('the YAML and the report beside it; a summary on stderr', async () => {
    const dir = tmp();
    expect(await run([join(SEEDS, '003_fecf19c758279eb6.txt'), '--id', 'sjc-import', '--out', join(dir, 'sjc-import.yaml')])).toBe(0);
    expect(err[0]).toMatch(/003_fecf19c758279eb6\.txt: ru, 8 chapter\(s\), 45 point\(s\), 4 appendix\(es\); the build reproduces 9\d\.\d\d % of the input's words/);
    const report = readFileSync(join(dir, 'sjc-import.import-report.txt'), 'utf8');
    expect(report).toMatch(/^.*003_fecf19c758279eb6\.txt:2-21: furniture: /m);
    const { act, diagnostics } = await resolveFile(join(dir, 'sjc-import.yaml'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(act!.id).toBe('sjc-import');
  });

  it('to standard output without --out', async () => {
    expect(await run([SEED000])).toBe(0);
    expect(out.join('')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/methodology\.schema\.json/);
  });

  it('--derive: a derived act beside its base that builds like the curated one', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'm'));
    copyFileSync(actPath('typical-b-2025'), join(dir, 'm', 'typical-b-2025.yaml'));
    const file = join(dir, 'm', 'mangistau-district-2025.yaml');
    expect(await run([SEED000, '--derive', 'typical-b-2025', '--id', 'mangistau-district-2025', '--out', file])).toBe(0);
    expect(err[0]).toMatch(/derived from typical-b-2025: 2 term\(s\), 20 change\(s\)/);
    const mine = await resolveFile(file);
    const curated = await resolveFile(actPath('mangistau-district-2025'));
    expect(renderText(mine.act!.tree('ru').tree)).toBe(renderText(curated.act!.tree('ru').tree));
  });
});
