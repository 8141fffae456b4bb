// Scoring a file of records into result files: streaming in, streaming out, every file written
// to a temporary name and renamed into place when complete.

import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parsePeriod } from '../calendar/date.js';
import type { AnnualAccumulator } from './annual.js';
import type { Engine } from './engine.js';
import { trimmed } from './inputs.js';
import { type InputFormat, type Item, readRecordBatches } from './readers.js';
import { ANNUAL_COLUMNS, type Lines, REJECT_COLUMNS, RESULT_COLUMNS, appendAnnual, appendResult, rejectRow } from './outputs.js';
import type { Rejection } from './types.js';
import { makeDir } from '../io/folders.js';

export { csvCell } from './outputs.js';

// ---------------------------------------------------------------------------------------------
// Output files

/**
 * A file written to `<path>.tmp-<pid>` and renamed to `path` by commit(). Appended text is
 * gathered and encoded a few kilobytes at a time into a buffer that is written out when full
 * (synchronously: a command writes its own files, and this avoids many small writes and
 * encodings).
 */
export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;
  private buf = Buffer.allocUnsafe(1 << 17);
  private off = 0;
  /** Text appended and not yet encoded. */
  private pending = '';
  constructor(readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
  }
  /** Appends text (UTF-8). */
  append(s: string): void {
    this.pending += s;
    if (this.pending.length >= 1 << 14) this.encode();
  }
  private encode(): void {
    const s = this.pending;
    this.pending = '';
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
    writeAll(this.fd!, this.buf, 0, this.off);
    this.off = 0;
  }
  async write(s: string): Promise<void> {
    this.append(s);
  }
  async commit(): Promise<void> {
    this.encode();
    this.flush();
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.tmp, this.path);
  }
  abort(): void {
    this.pending = '';
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

function writeAll(fd: number, b: Buffer, start: number, end: number): void {
  while (start < end) start += writeSync(fd, b, start, end - start);
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

// ---------------------------------------------------------------------------------------------
// Duplicate index: a 96-bit fingerprint and the line of every person-period seen, 16 bytes each
// side by side (open addressing: a probe reads one cache line). Two different person-periods
// share a fingerprint with probability below 10^-17 for a million rows.

export class SeenIndex {
  private cap = 1 << 14;
  /** Per slot: the fingerprint's three words and the line (0: empty). */
  private slots = new Uint32Array(this.cap * 4);
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
    const slots = this.slots;
    const mask = this.cap - 1;
    let i = (h1 ^ h3) & mask;
    for (;;) {
      const at = i * 4;
      const l = slots[at + 3];
      if (l === 0) {
        slots[at] = h1;
        slots[at + 1] = h2;
        slots[at + 2] = h3;
        slots[at + 3] = line;
        this.count++;
        return 0;
      }
      if (slots[at] === h1 && slots[at + 1] === h2 && slots[at + 2] === h3) return l;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.cap *= 2;
    this.slots = new Uint32Array(this.cap * 4);
    this.count = 0;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 3]) this.insert(old[at], old[at + 1], old[at + 2], old[at + 3]);
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

/** The text a person or a period is known by in the duplicate index: trimmed; '' when absent. */
function keyText(v: unknown): string {
  return typeof v === 'string' ? trimmed(v) : typeof v === 'number' ? String(v) : '';
}

const periodKeys = new Map<string, string>();
let lastPeriodText: string | undefined;
let lastPeriodKey = '';

/** A period's key: its id when it is a period (so "2025-q1" and "2025-Q1" are one), else the text. */
function periodKey(text: string): string {
  // A file's rows mostly name the period of the row before: compared before it is looked up.
  if (text === lastPeriodText) return lastPeriodKey;
  let key = periodKeys.get(text);
  if (key === undefined) {
    key = parsePeriod(text)?.id ?? text;
    if (periodKeys.size < 1000) periodKeys.set(text, key);
  }
  lastPeriodText = text;
  lastPeriodKey = key;
  return key;
}

/** Where the rows of a scoring go. */
export interface Sinks {
  resCsv?: Lines;
  resJson?: Lines;
  rejCsv: Lines;
  annCsv?: Lines;
  annJson?: Lines;
}

/** The files of a scoring in `outDir`, each with its header written. */
export function openOutputs(outDir: string, outputs: ReadonlyArray<'csv' | 'json'>, annual: boolean): { files: AtomicFile[]; sinks: Sinks } {
  makeDir(outDir);
  const files: AtomicFile[] = [];
  const open = (name: string, head: string) => {
    const f = new AtomicFile(join(outDir, name));
    files.push(f);
    f.append(head);
    return f;
  };
  try {
    const sinks: Sinks = {
      resCsv: outputs.includes('csv') ? open('results.csv', RESULT_COLUMNS.join(',') + '\n') : undefined,
      resJson: outputs.includes('json') ? open('results.json', '[') : undefined,
      rejCsv: open('rejects.csv', REJECT_COLUMNS.join(',') + '\n'),
      annCsv: annual && outputs.includes('csv') ? open('annual.csv', ANNUAL_COLUMNS.join(',') + '\n') : undefined,
      annJson: annual && outputs.includes('json') ? open('annual.json', '[') : undefined,
    };
    return { files, sinks };
  } catch (e) {
    for (const f of files) f.abort();
    throw e;
  }
}

/** Closes the JSON arrays (`empty`: no element was written) and puts every file in place. */
export async function commitOutputs(files: AtomicFile[], sinks: Sinks, sum: ScoreSummary): Promise<void> {
  sinks.resJson?.append(sum.scored ? '\n]\n' : ']\n');
  sinks.annJson?.append(sum.annual?.results ? '\n]\n' : ']\n');
  for (const f of files) await f.commit();
  sum.files = files.map((f) => f.path);
}

/** Scores every record of `source`; writes results, rejects (and annual results) into outDir. */
export async function scoreFiles(o: ScoreFilesOptions): Promise<ScoreSummary> {
  const { files, sinks } = openOutputs(o.outDir, o.outputs ?? ['csv', 'json'], !!o.annual);
  const run = new FileScoring(o.engine, sinks, o);
  try {
    for await (const batch of readRecordBatches(o.source as AsyncIterable<string>, o.format, o.delimiter)) {
      for (const item of batch) run.take(item);
    }
    if (o.annual) run.annual();
    await commitOutputs(files, sinks, run.sum);
  } catch (e) {
    for (const f of files) f.abort();
    throw e;
  }
  return run.sum;
}

/**
 * The scoring of a file's records into sinks: the duplicate check, the scores, the counts and the
 * annual results. Each record is taken by a method of its own (rather than in a loop), which the
 * compiler optimizes on its own, early.
 */
export class FileScoring {
  readonly sum: ScoreSummary = { read: 0, scored: 0, evaluated: 0, notEvaluated: 0, gaps: 0, rejected: 0, duplicates: 0, files: [] };
  readonly acc: AnnualAccumulator | undefined;
  private readonly seen = new SeenIndex();
  private readonly trace: boolean;
  private readonly scoreOptions: { trace: boolean };

  constructor(
    private readonly engine: Engine,
    private readonly out: Sinks,
    o: { annual?: boolean; explain?: boolean },
  ) {
    this.acc = o.annual ? engine.annual({ trace: o.explain }) : undefined;
    this.trace = !!o.explain;
    this.scoreOptions = { trace: this.trace };
  }

  take(item: Item): void {
    const sum = this.sum;
    sum.read++;
    if ('error' in item) {
      this.reject({ line: item.line, person: item.person, period: item.period, errors: [{ field: 'row', message: item.error }] });
      return;
    }
    const rec = item.record;
    // A second record for the same person and period is rejected, whatever became of the
    // first. Without a person or a period the record is rejected anyway.
    const person = keyText(rec.person);
    const period = keyText(rec.period);
    if (person && period) {
      const first = this.seen.add2(person, periodKey(period), item.line);
      if (first) {
        sum.duplicates++;
        this.reject({ line: item.line, person, period, errors: [{ field: 'person', message: `duplicate record: ${person} already has a record for ${period} (line ${first})` }] });
        return;
      }
    }
    const out = this.engine.score(rec, this.scoreOptions);
    if (!out.ok) {
      this.reject(out.rejection);
      return;
    }
    const r = out.result;
    // The grade's wording is the configuration's (tables.*.rows[].label): kept out of the JSON,
    // which would otherwise repeat it on every row, unless the trace is asked for.
    appendResult(r, this.trace, this.out.resCsv, this.out.resJson, sum.scored === 0);
    sum.scored++;
    if (r.status === 'evaluated') sum.evaluated++;
    else if (r.status === 'not-evaluated') sum.notEvaluated++;
    else sum.gaps++;
    this.acc?.add(r);
  }

  private reject(r: Rejection): void {
    this.sum.rejected++;
    this.out.rejCsv.append(rejectRow(r));
  }

  /** Forms the annual results. */
  annual(): void {
    const counts = (this.sum.annual = { results: 0, evaluated: 0, notEvaluated: 0, gaps: 0, incomplete: 0 });
    const { annCsv, annJson } = this.out;
    for (const a of this.acc!.results()) {
      appendAnnual(a, this.trace, annCsv, annJson, counts.results === 0);
      counts.results++;
      if (a.status === 'evaluated') counts.evaluated++;
      else if (a.status === 'not-evaluated') counts.notEvaluated++;
      else if (a.status === 'gap') counts.gaps++;
      else counts.incomplete++;
    }
  }
}
