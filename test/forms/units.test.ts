// The small parts of metodika forms: the result's underline, the roster's encoding and columns,
// the progress line, which sheet --form names, and the PDF's structure read by a second parser.
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/io/encoding.js';
import { underline } from '../../src/forms/pdf/marks.js';
import { Progress } from '../../src/forms/progress.js';
import { readRoster, RosterError, type RosterItem } from '../../src/forms/roster.js';
import { FormsError, pickForms, sheetForms } from '../../src/forms/sheets.js';
import { program } from '../../src/render/pdf/fonts.js';
import { resolveFile } from '../../src/resolve/index.js';
import { fixtureDir, tempDir } from '../helpers.js';
import { cp1251, forms, HEADER, MANGISTAU, row } from './helpers.js';

describe('the result\'s underline', () => {
  const w = (s: string) => program('regular').width(s, 14);
  const line = (words: string[], hyphenated = false, gap = 0, x = 100) => ({ page: 0, x, baseline: 200, gap, words, hyphenated, face: 'regular' as const, size: 14 });

  it('runs under the chosen words only, punctuation left out', () => {
    const text = '(один два, три четыре).';
    const [s] = underline([line(['(один', 'два,', 'три', 'четыре).'])], text, [text.indexOf('три'), text.indexOf('три') + 'три четыре'.length]);
    expect(s.x1).toBeCloseTo(100 + w('(один') + w(' ') + w('два,') + w(' '), 6);
    expect(s.x2).toBeCloseTo(100 + w('(один два, три четыре'), 6);
    expect(s.y).toBeGreaterThan(200);
  });

  it('follows a justified line\'s stretched spaces and a word broken across lines', () => {
    const text = 'альфа бета гамма';
    const strokes = underline([line(['альфа', 'бе-'], true, 5), line(['та', 'гамма'])], text, [6, 16]);
    expect(strokes).toHaveLength(2);
    expect(strokes[0].x1).toBeCloseTo(100 + w('альфа') + w(' ') + 5, 6);
    expect(strokes[0].x2).toBeCloseTo(strokes[0].x1 + w('бе'), 6);
    expect(strokes[1].x1).toBe(100);
    expect(strokes[1].x2).toBeCloseTo(100 + w('та гамма'), 6);
  });
});

async function collect(path: string, roles: string[] = []): Promise<RosterItem[]> {
  const { encoding } = await sniff(path);
  const out: RosterItem[] = [];
  for await (const batch of readRoster(path, { encoding, roles, required: ['name', 'position', 'category'] })) out.push(...batch);
  return out;
}

describe('the roster', () => {
  it('tells UTF-8, CP1251 and UTF-16 apart and counts lines', async () => {
    const text = 'name,position,category\nЁлкина Светлана,специалист,E-4\n';
    const dir = fixtureDir({ utf8: text, cp: cp1251(text), u16: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(await sniff(join(dir, 'utf8'))).toEqual({ encoding: 'utf-8', bom: false, lines: 2, binary: false, unknown: false });
    expect(await sniff(join(dir, 'cp'))).toEqual({ encoding: 'windows-1251', bom: false, lines: 2, binary: false, unknown: false });
    expect((await sniff(join(dir, 'u16'))).encoding).toBe('utf-16le');
    for (const f of ['utf8', 'cp', 'u16']) {
      const [first] = await collect(join(dir, f));
      expect('row' in first && first.row.name, f).toBe('Ёлкина Светлана');
    }
  });

  it('refuses a binary file and a damaged UTF-8 one, rather than reading them as CP1251', async () => {
    const text = 'name,position,category\nЁлкина Светлана,специалист,E-4\n';
    const utf8 = Buffer.from(text);
    const damaged = Buffer.concat([utf8.subarray(0, 30), Buffer.from([0xff]), utf8.subarray(31)]);
    const dir = fixtureDir({ 'damaged.csv': damaged, 'x.xlsx': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]) });
    const r = await forms(MANGISTAU, '--roster', join(dir, 'damaged.csv'), '--period', '2025-Q3', '--out', tempDir());
    expect(r).toMatchObject({ code: 1, err: `metodika forms: ${join(dir, 'damaged.csv')} is not UTF-8 text, and not Windows-1251 (CP1251) either (a damaged file?); save it as UTF-8` });
    expect((await sniff(join(dir, 'damaged.csv'))).unknown).toBe(true);
    expect((await sniff(join(dir, 'x.xlsx'))).binary).toBe(true);
  });

  it('a CP1251 byte deep in a large file still makes it CP1251', async () => {
    const big = Buffer.concat([Buffer.from(`name,position,category\n${'Abai,specialist,E-4\n'.repeat(20_000)}`), cp1251('Ёлкина,специалист,E-4\n')]);
    const dir = fixtureDir({ 'big.csv': big });
    expect((await sniff(join(dir, 'big.csv'))).encoding).toBe('windows-1251');
  });

  it('reads the evaluators\' columns by the routing\'s ids, in any case and with spaces or hyphens', async () => {
    const dir = fixtureDir({ 'r.csv': 'Name,Position,Category,Head of Apparatus,EVALUATOR\nА,б,E-4,Сериков,Махмутов\n' });
    const [item] = await collect(join(dir, 'r.csv'), ['head-of-apparatus']);
    expect('row' in item && [...item.row.evaluators]).toEqual([['head-of-apparatus', 'Сериков']]);
    expect('row' in item && item.row.evaluator).toBe('Махмутов');
  });

  it('refuses a header that gives a field twice', async () => {
    const dir = fixtureDir({ 'r.csv': 'name,ФИО,position,category\n' });
    await expect(collect(join(dir, 'r.csv'))).rejects.toThrow(new RosterError('line 1: columns 1 and 2 both give name'));
  });

  it('an empty file', async () => {
    const dir = fixtureDir({ 'r.csv': '' });
    await expect(collect(join(dir, 'r.csv'))).rejects.toThrow(/the roster is empty/);
  });
});

describe('the progress line', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (s: string) => written.push(s) };
  };

  it('on a terminal, for a batch of more than a few hundred rows, redrawn a few times a second', () => {
    const s = stream(true);
    let t = 0;
    const p = new Progress(1000, 'forms', s, () => t);
    for (let i = 0; i < 1000; i++) {
      t += 1;
      p.tick();
    }
    p.end();
    expect(s.written.length).toBeGreaterThan(2);
    expect(s.written.length).toBeLessThan(10);
    expect(s.written[0]).toMatch(/^\rforms: 200 of ~1000 rows \(20 %, 1000\/s\)/);
    expect(s.written.at(-1)).toBe('\r\u001b[K');
  });

  it('quiet off a terminal, and for a small batch', () => {
    for (const [tty, total] of [[false, 10_000], [true, 300]] as const) {
      const s = stream(tty);
      let t = 0;
      const p = new Progress(total, 'forms', s, () => (t += 1000));
      for (let i = 0; i < total; i++) p.tick();
      p.end();
      expect(s.written).toEqual([]);
    }
  });
});

describe('--form', () => {
  it('names a sheet by key, appendix id or number', async () => {
    const { act } = await resolveFile(MANGISTAU);
    const all = sheetForms(act!.tree('ru').tree);
    expect(pickForms(all, 'managerial').map((f) => f.key)).toEqual(['managerial']);
    expect(pickForms(all, 'non-managerial-sheet').map((f) => f.key)).toEqual(['non-managerial']);
    expect(pickForms(all, '2,1').map((f) => f.key)).toEqual(['non-managerial', 'managerial']);
    expect(pickForms(all, undefined)).toHaveLength(2);
    expect(() => pickForms(all, '3')).toThrow(FormsError);
  });
});

describe('the PDF of a roster', () => {
  it('parses with pdf-lib too: its pages, its fields, its cross-reference table', async () => {
    const dir = fixtureDir({ 'staff.csv': [HEADER, row('1', 'Абаев Абай'), row('2', 'Бекова Бота'), row('3', 'Ержанов Ерлан', 'E-2', { managerial: 'да', evaluator: 'Махмутов Е.' })].join('\n') });
    const out = tempDir();
    expect((await forms(MANGISTAU, '--roster', join(dir, 'staff.csv'), '--period', '2025-Q3', '--fillable', '--out', out)).code).toBe(0);
    const bytes = readFileSync(join(out, 'sheets-2025-Q3.ru.pdf'));
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(9);
    const names = doc.getForm().getFields().map((f) => f.getName());
    expect(names.filter((n) => n.endsWith('.average'))).toEqual(['s1.average', 's2.average', 's3.average']);
    expect(names).toHaveLength(3 * 12);
    // Filled in by pdf-lib and saved, the sheet keeps the values typed.
    doc.getForm().getTextField('s2.score3').setText('4,5');
    const again = await PDFDocument.load(await doc.save());
    expect(again.getForm().getTextField('s2.score3').getText()).toBe('4,5');
    writeFileSync(join(out, 'again.pdf'), await again.save());
  });

  it('shares the fixed content of a sheet between persons: a thousand sheets weigh little more than one', async () => {
    const few = [HEADER, row('1', 'Абаев Абай')].join('\n');
    const many = [HEADER, ...Array.from({ length: 1000 }, (_, i) => row(String(i + 1), `Абаев${i} Абай`))].join('\n');
    const dir = fixtureDir({ 'few.csv': few, 'many.csv': many });
    const a = tempDir();
    const b = tempDir();
    expect((await forms(MANGISTAU, '--roster', join(dir, 'few.csv'), '--period', '2025-Q3', '--out', a)).code).toBe(0);
    expect((await forms(MANGISTAU, '--roster', join(dir, 'many.csv'), '--period', '2025-Q3', '--out', b)).code).toBe(0);
    const one = readFileSync(join(a, 'sheets-2025-Q3.ru.pdf')).length;
    const thousand = readFileSync(join(b, 'sheets-2025-Q3.ru.pdf')).length;
    expect((thousand - one) / 999).toBeLessThan(2000);
  });
});
