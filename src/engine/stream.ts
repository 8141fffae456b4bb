// Scoring a file of records into result files: streaming in, streaming out, every file written
// to a temporary name and renamed into place when complete.

import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parsePeriod } from '../calendar/date.js';
import type { Engine } from './engine.js';
import { type InputFormat, readRecordBatches } from './readers.js';
import type { AnnualResult, Rejection, ScoreResult } from './types.js';

// ---------------------------------------------------------------------------------------------
// Output files

/**
 * A file written to `<path>.tmp-<pid>` and renamed to `path` by commit(). Text is encoded straight
 * into a buffer that is written out when full (synchronously: a command writes its own files, and
 * this avoids building and re-encoding large strings).
 */
export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;
  private buf = Buffer.allocUnsafe(1 << 17);
  private off = 0;
  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
  }
  /** Appends text (UTF-8). */
  append(s: string): void {
    if (this.off + s.length * 3 > this.buf.length) {
      this.flush();
      if (s.length * 3 > this.buf.length) {
        writeSync(this.fd!, s);
        return;
      }
    }
    this.off += this.buf.write(s, this.off);
  }
  private flush(): void {
    if (this.off > 0) {
      let done = 0;
      while (done < this.off) done += writeSync(this.fd!, this.buf, done, this.off - done);
      this.off = 0;
    }
  }
  /** Kept for callers that interleave awaits: the buffer is written whenever it fills. */
  async flushIfFull(): Promise<void> {}
  async write(s: string): Promise<void> {
    this.append(s);
  }
  async commit(): Promise<void> {
    this.flush();
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
  }
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    rmSync(this.tmp, { force: true });
  }
}

/** Writes a whole file atomically (temp file + rename). */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const f = new AtomicFile(path);
  try {
    await f.write(content);
    await f.commit();
  } catch (e) {
    f.abort();
    throw e;
  }
}

/** Whether a CSV cell must be quoted: a delimiter, a quote, a line break, or edge whitespace. */
function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 59 || c === 10 || c === 13) return true;
  }
  return false;
}

export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(cells: unknown[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i ? ',' : '') + csvCell(cells[i]);
  return `${out}\n`;
}

export const RESULT_COLUMNS = ['line', 'person', 'period', 'sheet', 'category', 'evaluator', 'status', 'final', 'grade', 'cap', 'cap_lowered', 'reason', 'warnings', 'details'];
export const ANNUAL_COLUMNS = ['person', 'year', 'status', 'final', 'grade', 'quarters', 'reason', 'details'];
export const REJECT_COLUMNS = ['line', 'person', 'period', 'fields', 'error'];

export function resultRow(r: ScoreResult): string {
  // Ids from the configuration and numbers need no quoting; free text does.
  return (
    (r.line === undefined ? '' : r.line) +
    ',' + csvCell(r.person) +
    ',' + r.period +
    ',' + csvCell(r.sheet) +
    ',' + (r.category === undefined ? '' : csvCell(r.category)) +
    ',' + (r.evaluator === undefined ? '' : csvCell(r.evaluator)) +
    ',' + r.status +
    ',' + (r.final ?? '') +
    ',' + (r.grade === undefined ? '' : csvCell(r.grade)) +
    ',' + (r.cap === undefined ? ',' : `${csvCell(r.cap)},${r.capLowered ? 'true' : 'false'}`) +
    ',' + (r.reason === undefined ? '' : csvCell(r.reason)) +
    ',' + (r.warnings === undefined ? '' : csvCell(r.warnings.join(' | '))) +
    ',' + (r.details === undefined ? '' : csvCell(r.details)) +
    '\n'
  );
}

/** A JSON string literal; JSON.stringify only when the text needs escaping. */
function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

function jsonValue(v: unknown): string {
  return typeof v === 'string' ? jsonString(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** JSON of a result (what JSON.stringify gives, with the wording left out unless asked for). */
export function resultJson(r: ScoreResult, withLabel: boolean): string {
  let out = r.line === undefined ? '{' : `{"line":${r.line},`;
  out += `"person":${jsonString(r.person)},"period":${jsonString(r.period)},"sheet":${jsonString(r.sheet)}`;
  if (r.category !== undefined) out += `,"category":${jsonString(r.category)}`;
  if (r.evaluator !== undefined) out += `,"evaluator":${jsonString(r.evaluator)}`;
  if (r.route !== undefined) out += `,"route":${jsonString(r.route)}`;
  out += `,"status":"${r.status}"`;
  if (r.final !== undefined) out += `,"final":"${r.final}"`;
  if (r.grade !== undefined) out += `,"grade":${jsonString(r.grade)}`;
  if (withLabel && r.gradeLabel !== undefined) out += `,"gradeLabel":${JSON.stringify(r.gradeLabel)}`;
  if (r.cap !== undefined) out += `,"cap":${jsonString(r.cap)},"capLowered":${r.capLowered ? 'true' : 'false'}`;
  if (r.reason !== undefined) out += `,"reason":${jsonString(r.reason)}`;
  if (r.reasonCode !== undefined) out += `,"reasonCode":${jsonString(r.reasonCode)}`;
  if (r.details !== undefined) out += `,"details":${JSON.stringify(r.details)}`;
  if (r.warnings !== undefined) out += `,"warnings":${JSON.stringify(r.warnings)}`;
  if (r.arithmetic !== undefined) out += `,"arithmetic":"${r.arithmetic}"`;
  if (r.trace !== undefined) out += `,"trace":${JSON.stringify(r.trace)}`;
  return `${out}}`;
}

/** JSON of an annual result. */
export function annualJson(a: AnnualResult, withLabel: boolean): string {
  let out = `{"person":${jsonString(a.person)},"year":${a.year},"status":"${a.status}"`;
  if (a.final !== undefined) out += `,"final":"${a.final}"`;
  if (a.grade !== undefined) out += `,"grade":${jsonString(a.grade)}`;
  if (withLabel && a.gradeLabel !== undefined) out += `,"gradeLabel":${JSON.stringify(a.gradeLabel)}`;
  out += ',"quarters":[';
  for (let i = 0; i < a.quarters.length; i++) out += (i ? ',"' : '"') + a.quarters[i] + '"';
  out += ']';
  if (a.reason !== undefined) out += `,"reason":${jsonString(a.reason)}`;
  if (a.details !== undefined) out += `,"details":${jsonValue(a.details)}`;
  if (a.trace !== undefined) out += `,"trace":${JSON.stringify(a.trace)}`;
  return `${out}}`;
}

export function annualRow(r: AnnualResult): string {
  return csvLine([r.person, r.year, r.status, r.final, r.grade, r.quarters.join(' '), r.reason, r.details]);
}

export function rejectRow(r: Rejection): string {
  return csvLine([r.line, r.person, r.period, [...new Set(r.errors.map((e) => e.field))].join(' '), r.errors.map((e) => e.message).join('; ')]);
}

// ---------------------------------------------------------------------------------------------
// Duplicate index: a 96-bit fingerprint and the line of every person-period seen, 16 bytes each
// (open addressing). Two different person-periods share a fingerprint with probability below
// 10^-17 for a million rows.

export class SeenIndex {
  private cap = 1 << 14;
  private fp = new Uint32Array(this.cap * 3);
  private lines = new Uint32Array(this.cap);
  private count = 0;

  /** Records the key; returns the line it was first seen on, or 0 when new. */
  add(key: string, line: number): number {
    return this.add2(key, '', line);
  }

  /** Records the key made of two parts (as if joined by a NUL); returns the first line, or 0. */
  add2(a: string, b: string, line: number): number {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    let h3 = 0x2545f491;
    for (let part = 0; part < 2; part++) {
      const key = part === 0 ? a : b;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        h3 = Math.imul((h3 << 5) | (h3 >>> 27), 33) ^ c;
      }
      if (part === 0 && b.length) {
        // the separator
        h1 = Math.imul(h1, 0x01000193);
        h2 = Math.imul(h2, 0x5bd1e995);
        h2 ^= h2 >>> 15;
        h3 = Math.imul((h3 << 5) | (h3 >>> 27), 33);
      }
    }
    h1 >>>= 0;
    h2 = (h2 ^ (h2 >>> 13)) >>> 0;
    h3 >>>= 0;
    if (this.count * 2 >= this.cap) this.grow();
    return this.insert(h1, h2, h3, line >>> 0 || 1);
  }

  private insert(h1: number, h2: number, h3: number, line: number): number {
    const mask = this.cap - 1;
    let i = (h1 ^ h3) & mask;
    for (;;) {
      const l = this.lines[i];
      if (l === 0) {
        this.fp[i * 3] = h1;
        this.fp[i * 3 + 1] = h2;
        this.fp[i * 3 + 2] = h3;
        this.lines[i] = line;
        this.count++;
        return 0;
      }
      if (this.fp[i * 3] === h1 && this.fp[i * 3 + 1] === h2 && this.fp[i * 3 + 2] === h3) return l;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldFp = this.fp;
    const oldLines = this.lines;
    this.cap *= 2;
    this.fp = new Uint32Array(this.cap * 3);
    this.lines = new Uint32Array(this.cap);
    this.count = 0;
    for (let i = 0; i < oldLines.length; i++) {
      if (oldLines[i]) this.insert(oldFp[i * 3], oldFp[i * 3 + 1], oldFp[i * 3 + 2], oldLines[i]);
    }
  }

  get size(): number {
    return this.count;
  }
}

// ---------------------------------------------------------------------------------------------
// The pipeline

export interface ScoreFilesOptions {
  engine: Engine;
  /** The records. */
  source: AsyncIterable<string | Buffer> | Readable;
  format: InputFormat;
  delimiter?: string;
  outDir: string;
  annual?: boolean;
  explain?: boolean;
  /** Which result formats to write (default both). */
  outputs?: Array<'csv' | 'json'>;
}

export interface ScoreSummary {
  read: number;
  scored: number;
  evaluated: number;
  notEvaluated: number;
  gaps: number;
  rejected: number;
  duplicates: number;
  annual?: { results: number; evaluated: number; notEvaluated: number; gaps: number; incomplete: number };
  files: string[];
}

const periodKeys = new Map<string, string>();

/** person and normalised period, or undefined when either is missing (the record is rejected anyway). */
export function duplicateKey(person: unknown, period: unknown): [string, string] | undefined {
  const p = typeof person === 'string' ? person.trim() : typeof person === 'number' ? String(person) : '';
  const t = typeof period === 'string' ? period.trim() : typeof period === 'number' ? String(period) : '';
  if (!p || !t) return undefined;
  let norm = periodKeys.get(t);
  if (norm === undefined) {
    norm = parsePeriod(t)?.id ?? t;
    if (periodKeys.size < 1000) periodKeys.set(t, norm);
  }
  return [p, norm];
}

/** Scores every record of `source`; writes results, rejects (and annual results) into outDir. */
export async function scoreFiles(o: ScoreFilesOptions): Promise<ScoreSummary> {
  mkdirSync(o.outDir, { recursive: true });
  const outputs = o.outputs ?? ['csv', 'json'];
  const files: AtomicFile[] = [];
  const open = (name: string) => {
    const f = new AtomicFile(join(o.outDir, name));
    files.push(f);
    return f;
  };
  const resCsv = outputs.includes('csv') ? open('results.csv') : undefined;
  const resJson = outputs.includes('json') ? open('results.json') : undefined;
  const rejCsv = open('rejects.csv');
  const annCsv = o.annual && outputs.includes('csv') ? open('annual.csv') : undefined;
  const annJson = o.annual && outputs.includes('json') ? open('annual.json') : undefined;
  const sum: ScoreSummary = { read: 0, scored: 0, evaluated: 0, notEvaluated: 0, gaps: 0, rejected: 0, duplicates: 0, files: [] };
  const seen = new SeenIndex();
  const acc = o.annual ? o.engine.annual({ trace: o.explain }) : undefined;
  const trace = !!o.explain;
  try {
    await resCsv?.write(RESULT_COLUMNS.join(',') + '\n');
    await resJson?.write('[');
    await rejCsv.write(REJECT_COLUMNS.join(',') + '\n');
    let firstJson = true;
    const reject = (r: Rejection) => {
      sum.rejected++;
      rejCsv.append(rejectRow(r));
    };
    for await (const batch of readRecordBatches(o.source as AsyncIterable<string>, o.format, o.delimiter)) {
      for (const item of batch) {
        sum.read++;
        if ('error' in item) {
          reject({ line: item.line, person: item.person, period: item.period, errors: [{ field: 'row', message: item.error }] });
          continue;
        }
        const rec = item.record;
        // A second record for the same person and period is rejected, whatever became of the first.
        const key = duplicateKey(rec.person, rec.period);
        if (key) {
          const first = seen.add2(key[0], key[1], item.line);
          if (first) {
            sum.duplicates++;
            reject({ line: item.line, person: String(rec.person).trim(), period: String(rec.period).trim(), errors: [{ field: 'person', message: `duplicate record: ${String(rec.person).trim()} already has a record for ${String(rec.period).trim()} (line ${first})` }] });
            continue;
          }
        }
        const out = o.engine.score(rec, { trace });
        if (!out.ok) {
          reject(out.rejection);
          continue;
        }
        const r = out.result;
        sum.scored++;
        if (r.status === 'evaluated') sum.evaluated++;
        else if (r.status === 'not-evaluated') sum.notEvaluated++;
        else sum.gaps++;
        if (resCsv) resCsv.append(resultRow(r));
        if (resJson) {
          // The grade's wording is the configuration's (tables.*.rows[].label): kept out of the
          // file, which would otherwise repeat it on every row, unless the trace is asked for.
          resJson.append((firstJson ? '\n' : ',\n') + resultJson(r, trace));
          firstJson = false;
        }
        acc?.add(r);
      }
      // Pass the buffers on once a batch is done (with back-pressure).
      await resCsv?.flushIfFull();
      await resJson?.flushIfFull();
      await rejCsv.flushIfFull();
    }
    await resJson?.write(firstJson ? ']\n' : '\n]\n');
    if (acc) {
      sum.annual = { results: 0, evaluated: 0, notEvaluated: 0, gaps: 0, incomplete: 0 };
      await annCsv?.write(ANNUAL_COLUMNS.join(',') + '\n');
      await annJson?.write('[');
      let firstA = true;
      let n = 0;
      for (const a of acc.results()) {
        sum.annual.results++;
        if (a.status === 'evaluated') sum.annual.evaluated++;
        else if (a.status === 'not-evaluated') sum.annual.notEvaluated++;
        else if (a.status === 'gap') sum.annual.gaps++;
        else sum.annual.incomplete++;
        annCsv?.append(annualRow(a));
        if (annJson) {
          annJson.append((firstA ? '\n' : ',\n') + annualJson(a, trace));
          firstA = false;
        }
        if (++n % 512 === 0) {
          await annCsv?.flushIfFull();
          await annJson?.flushIfFull();
        }
      }
      await annJson?.write(firstA ? ']\n' : '\n]\n');
    }
    for (const f of files) await f.commit();
  } catch (e) {
    for (const f of files) f.abort();
    throw e;
  }
  sum.files = files.map((f) => f.path);
  return sum;
}
