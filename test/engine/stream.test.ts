// Reading records (CSV, JSON, JSONL) and scoring files: line numbers, chunk boundaries, totals.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoringConfig } from '../../src/engine/config.js';
import { Engine } from '../../src/engine/engine.js';
import { CsvError, type Item, csvRecords, csvRows, jsonRecords, jsonlRecords, openText } from '../../src/engine/readers.js';
import { SeenIndex, csvCell, scoreFiles } from '../../src/engine/stream.js';
import type { ScoreResult } from '../../src/engine/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const typical: ScoringConfig = JSON.parse(readFileSync(join(ROOT, 'configs', 'typical-b-2025.scoring.json'), 'utf8'));

async function* chunks(text: string, size: number | number[]): AsyncGenerator<string> {
  if (Array.isArray(size)) {
    let at = 0;
    for (const s of size) {
      yield text.slice(at, s);
      at = s;
    }
    yield text.slice(at);
    return;
  }
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect<T>(g: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
}

describe('CSV', () => {
  const text = '\uFEFFperson,period,note\r\np1,2025-Q1,"a, ""quoted""\r\nvalue"\r\n\r\np2,2025-Q2,plain\nlast,2025-Q3,"x"\n';
  const want = [
    { line: 1, cells: ['person', 'period', 'note'] },
    { line: 2, cells: ['p1', '2025-Q1', 'a, "quoted"\r\nvalue'] },
    { line: 5, cells: ['p2', '2025-Q2', 'plain'] },
    { line: 6, cells: ['last', '2025-Q3', 'x'] },
  ];
  it('parses quotes, doubled quotes, CRLF, newlines inside quotes, blank lines and a BOM', async () => {
    expect(await collect(csvRows(chunks(text, 1 << 16)))).toEqual(want);
  });
  it('gives the same rows whatever the chunk boundaries', async () => {
    expect(await collect(csvRows(chunks(text, 1)))).toEqual(want);
    for (let cut = 1; cut < text.length; cut++) {
      expect(await collect(csvRows(chunks(text, [cut]))), `cut at ${cut}`).toEqual(want);
    }
  });
  it('detects ; and tab delimiters (Excel in ru/kk locales writes ;)', async () => {
    expect(await collect(csvRows(chunks('person;period;x\np;2025-Q1;"3,5"\n', 4)))).toEqual([
      { line: 1, cells: ['person', 'period', 'x'] },
      { line: 2, cells: ['p', '2025-Q1', '3,5'] },
    ]);
    expect((await collect(csvRows(chunks('a\tb\n1\t2', 100))))[1].cells).toEqual(['1', '2']);
  });
  it('an unclosed quote is an error with its line', async () => {
    await expect(collect(csvRows(chunks('a,b\n1,"open\n', 3)))).rejects.toThrow(/line 2: a quoted field is not closed/);
  });
  it('records: a row with the wrong number of columns is a row error with its line', async () => {
    const items = await collect(csvRecords(chunks('person,period,nm-quality\np1,2025-Q1,4\np2,2025-Q1\n', 5)));
    expect(items).toEqual([
      { line: 2, record: { person: 'p1', period: '2025-Q1', line: 2, scores: { 'nm-quality': '4' } } },
      { line: 3, error: '2 columns, the header has 3', person: 'p2' },
    ]);
  });
  it('records: a header without person or period is an error', async () => {
    await expect(collect(csvRecords(chunks('name,period\nx,2025-Q1\n', 100)))).rejects.toThrow(CsvError);
    await expect(collect(csvRecords(chunks('', 100)))).rejects.toThrow(/empty/);
  });
  it('writes cells that survive a round trip', async () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'semi;colon', 'two\nlines', ' padded '];
    const line = cells.map(csvCell).join(',') + '\n';
    expect((await collect(csvRows(chunks(line, 3), ',')))[0].cells).toEqual(cells);
  });
});

describe('JSON and JSONL', () => {
  const json = '[\n  {"person": "a", "period": "2025-Q1", "note": "x]}[{"},\n  {"person": "b",\n   "period": "2025-Q2", "scores": {"s": [1, 2]}},\n  42,\n  {"person": "c", "period": "2025-Q3"}, "stray, string"\n]\n';
  const summary = (items: Item[]) => items.map((i) => ('error' in i ? `${i.line}:error` : `${i.line}:${i.record.person}`));
  it('splits a top-level array element by element, whatever the chunk boundaries', async () => {
    const want = ['2:a', '3:b', '5:error', '6:c', '6:error'];
    expect(summary(await collect(jsonRecords(chunks(json, 1 << 16))))).toEqual(want);
    for (let cut = 1; cut < json.length; cut++) expect(summary(await collect(jsonRecords(chunks(json, [cut])))), `cut ${cut}`).toEqual(want);
  });
  it('accepts a single object, rejects what is not JSON', async () => {
    expect(summary(await collect(jsonRecords(chunks('{"person": "x", "period": "2025"}', 4))))).toEqual(['1:x']);
    await expect(collect(jsonRecords(chunks('[{"person": "x"', 4)))).rejects.toThrow(/not complete/);
    await expect(collect(jsonRecords(chunks('hello', 4)))).rejects.toThrow(/expected a JSON array/);
  });
  it('JSONL: one record a line, a bad line is a row error with its number', async () => {
    const items = await collect(jsonlRecords(chunks('{"person":"a","period":"2025-Q1"}\n\n{oops}\n[1]\n{"person":"d","period":"2025-Q1"}', 7)));
    expect(summary(items)).toEqual(['1:a', '3:error', '4:error', '5:d']);
  });
});

describe('the duplicate index', () => {
  it('finds every repeat and no false one among 300,000 keys', () => {
    const s = new SeenIndex();
    for (let i = 0; i < 300000; i++) expect(s.add(`P${i}\u00002025-Q${(i % 4) + 1}`, i + 2)).toBe(0);
    expect(s.add('P17\u00002025-Q2', 999999)).toBe(19);
    expect(s.add('P17\u00002025-Q3', 999999)).toBe(0);
    expect(s.size).toBe(300001);
  });
});

describe('scoring a file', () => {
  const csv = [
    'person,period,category,managerial,nm-quality,nm-deadlines,nm-initiative,nm-discipline,nm-no-sanctions,sanctions,days_worked',
    'p1,2025-Q1,C-4,false,5,4,4.5,5,"3,5",,50',
    'p2,2025-Q1,C-4,false,6,4,4,4,4,,50',
    'p3,2025-Q1,C-4,false,abc,4,4,4,4,,50',
    'p4,2025-Q1,C-4,false,,4,4,4,4,,50',
    'p1,2025-Q1,C-4,false,5,5,5,5,5,,50',
    'p5,2025-Q1,X-1,false,5,5,5,5,5,,50',
    'p6,2025-Q1,C-4,false,5,5,5,5,5,remark,abc',
    'p7,2023-Q4,C-4,false,5,5,5,5,5,,50',
    'p8,2025-Q1,C-4,false,5,5,5,5,5,,50,extra',
    'p9,2025-Q2,C-4,false,4,4,4,4,4,,50',
    'p1,2025-Q2,C-4,false,4,4,4,4,4,other,50',
  ].join('\n');

  it('every row is accounted for: read = scored + rejected; rejects carry their line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metodika-score-'));
    const engine = new Engine(typical);
    const sum = await scoreFiles({ engine, source: chunks(csv, 37), format: 'csv', outDir: dir, annual: true });
    expect(sum.read).toBe(11);
    expect(sum.scored + sum.rejected).toBe(sum.read);
    expect(sum).toMatchObject({ scored: 3, evaluated: 3, rejected: 8, duplicates: 1 });
    const rejects = readFileSync(join(dir, 'rejects.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rejects.map((l) => l.split(',')[0])).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rejects[3]).toMatch(/duplicate record: p1 already has a record for 2025-Q1 \(line 2\)/);
    expect(rejects[7]).toMatch(/12 columns, the header has 11/);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.map((r: { person: string; final: string }) => [r.person, r.final])).toEqual([['p1', '4.40'], ['p9', '4.00'], ['p1', '1.99']]);
    const annual = readFileSync(join(dir, 'annual.csv'), 'utf8').trim().split('\n');
    expect(annual).toEqual(['person,year,status,final,grade,quarters,reason,details', 'p1,2025,evaluated,3.20,proper,2025-Q1 2025-Q2,,', 'p9,2025,evaluated,4.00,effective,2025-Q2,,']);
    expect(readdirSync(dir).sort()).toEqual(['annual.csv', 'annual.json', 'rejects.csv', 'results.csv', 'results.json']);
  });

  it('a fatal read error leaves no partial files behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metodika-score-'));
    await expect(scoreFiles({ engine: new Engine(typical), source: chunks('person,period\np,"open', 4), format: 'csv', outDir: dir })).rejects.toThrow(CsvError);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'results.csv'))).toBe(false);
  });

  it('JSONL input with --explain writes the trace into results.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metodika-score-'));
    const jsonl = JSON.stringify({ person: 'a', period: '2025-Q1', category: 'C-4', managerial: false, days_worked: 40, scores: { 'nm-quality': 4, 'nm-deadlines': 4, 'nm-initiative': 4, 'nm-discipline': 4, 'nm-no-sanctions': 4 } });
    await scoreFiles({ engine: new Engine(typical), source: chunks(jsonl, 10), format: 'jsonl', outDir: dir, explain: true, outputs: ['json'] });
    const [r] = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(r.trace.map((t: { step: string }) => t.step)).toContain('grade');
    expect(readdirSync(dir).sort()).toEqual(['rejects.csv', 'results.json']);
  });
});

describe('CSV rows split by chunks inside quotes', () => {
  it('a quoted field followed by unquoted text at a chunk end is not cut', async () => {
    const text = 'a,b\n"x"y,z\n"p""q",r';
    const want = [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['xy', 'z'] }, { line: 3, cells: ['p"q', 'r'] }];
    for (let cut = 1; cut < text.length; cut++) expect(await collect(csvRows(chunks(text, [cut]))), `cut ${cut}`).toEqual(want);
    expect(await collect(csvRows(chunks(text, 1)))).toEqual(want);
  });
  it('old Mac line ends (CR only)', async () => {
    expect(await collect(csvRows(chunks('a,b\r1,2\r3,"4\r5"\r', 3)))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4\n5'] },
    ]);
  });
});

describe('CSV lines without quotes', () => {
  it('split as String.prototype.split does, whatever the cells and line ends', async () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pieces = ['', '', 'a', '4.50', ' x ', 'Иванов', 'C-4', '\t'];
    for (const [d, eol] of [[',', '\n'], [';', '\r\n'], ['\t', '\n']]) {
      const lines: string[] = [];
      for (let i = 0; i < 300; i++) {
        const line = Array.from({ length: 1 + next(25) }, () => pieces[next(pieces.length)].replace(d, '')).join(d);
        lines.push(line === '' ? 'x' : line);
      }
      const rows = await collect(csvRows(chunks(`h${d}h${eol}${lines.join(eol)}${eol}`, 97), d));
      expect(rows.slice(1).map((r) => r.cells)).toEqual(lines.map((l) => l.split(d)));
    }
  });
});

describe('reading a file', () => {
  it('decodes characters split across chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metodika-read-'));
    const path = join(dir, 'in.csv');
    const text = Array.from({ length: 40000 }, (_, k) => `${k},Қожахметов Әлібек,€${k % 7}`).join('\n');
    writeFileSync(path, text);
    expect((await collect(openText(path))).join('')).toBe(text);
  });
  it('a missing file is an error where the reading is', async () => {
    const g = openText('/nonexistent/in.csv');
    await expect(collect(g)).rejects.toMatchObject({ code: 'ENOENT', path: '/nonexistent/in.csv' });
  });
});

describe('JSON writers', () => {
  // The JSON element a result (or annual result) is written as.
  const element = (write: (json: { append(text: string): void }) => void): string => {
    let text = '';
    write({ append: (t) => void (text += t) });
    return text.replace(/^\n/, '');
  };
  it('give exactly what JSON.stringify gives (without the wording unless asked)', async () => {
    const { appendAnnual, appendResult } = await import('../../src/engine/outputs.js');
    const resultJson = (r: ScoreResult, withLabel: boolean) => element((json) => appendResult(r, withLabel, undefined, json, true));
    const r = {
      line: 7, person: 'П "7"\\x', period: '2025-Q1', sheet: 'non-managerial', category: 'C-4', evaluator: 'head', route: 'others',
      status: 'evaluated' as const, final: '2.99', grade: 'satisfactory', gradeLabel: { ru: 'удовл.' }, cap: 'minor-sanction', capLowered: true,
      reason: 'line\nbreak', reasonCode: 'x', details: { b: '4.20' }, warnings: ['w'], arithmetic: 'decimal' as const, trace: [{ step: 's', op: 'o' }],
    };
    expect(JSON.parse(resultJson(r, true))).toEqual(r);
    const { gradeLabel: _, ...noLabel } = r;
    expect(resultJson(r, false)).toBe(JSON.stringify(noLabel));
    const minimal = { person: 'p', period: '2025', sheet: 's', status: 'not-evaluated' as const };
    expect(resultJson(minimal, false)).toBe(JSON.stringify(minimal));
    const a = { person: 'p\u0001', year: 2025, status: 'evaluated' as const, final: '4.00', grade: 'effective', quarters: ['2025-Q1', '2025-Q2'], details: { x: '1' } };
    expect(element((json) => appendAnnual(a, false, undefined, json, true))).toBe(JSON.stringify(a));
  });
});
