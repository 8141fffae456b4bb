// Streaming readers of evaluation records: CSV, JSON (an array, split element by element) and
// JSONL. Each yields records with the 1-based line they start on, or a per-row error. Memory does
// not grow with the number of rows.

import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { EvaluationRecord } from './types.js';

export type Item = { line: number; record: EvaluationRecord } | { line: number; error: string; person?: string; period?: string };

export type InputFormat = 'csv' | 'json' | 'jsonl';

export function formatOf(path: string): InputFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.csv') || p.endsWith('.tsv') || p.endsWith('.txt')) return 'csv';
  if (p.endsWith('.jsonl') || p.endsWith('.ndjson')) return 'jsonl';
  if (p.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * The text of a file, a chunk at a time. Read synchronously: the reader is the only thing a
 * command waits for, and a round trip through the thread pool per chunk only adds time. Chunks
 * are small (16 KB) so that the records of one, still held when the collector runs, are few. The
 * file is opened when the first chunk is asked for, so an error surfaces where the reading is.
 */
export async function* openText(path: string): AsyncGenerator<string> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 14);
    const decoder = new StringDecoder('utf8');
    for (let chunks = 1; ; chunks++) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const text = decoder.write(buf.subarray(0, n));
      if (text) yield text;
      // Every megabyte, let the event loop run (timers, and the runtime's own housekeeping).
      if (chunks % 64 === 0) await new Promise(setImmediate);
    }
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The fields a CSV column may name besides input ids. */
export const RECORD_FIELDS = new Set(['person', 'period', 'sheet', 'category', 'managerial', 'position', 'sanctions', 'appointed', 'dismissed', 'days_worked']);
const FIELD_ALIASES: Record<string, string> = { 'days-worked': 'days_worked', daysworked: 'days_worked', days: 'days_worked' };

/**
 * A CSV parser (RFC 4180: quoted fields, doubled quotes, CR/LF/CRLF, newlines inside quotes, a
 * UTF-8 BOM). The delimiter is `,`, `;` or a tab, detected from the header unless given.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** The rows of a CSV text, one at a time (a convenience over csvRowBatches). */
export async function* csvRows(src: AsyncIterable<string | Buffer>, delimiter?: string): AsyncGenerator<CsvRow> {
  for await (const batch of csvRowBatches(src, delimiter)) yield* batch;
}

/**
 * The rows of a CSV text, a batch per chunk read (fewer promises than one row at a time).
 * A line without a quote is split in one pass over it; a row with quotes (delimiters, doubled
 * quotes or line breaks inside a field) goes through a character-by-character parser. Line ends:
 * LF, CRLF or CR.
 */
export async function* csvRowBatches(src: AsyncIterable<string | Buffer>, delimiter?: string): AsyncGenerator<CsvRow[]> {
  let delim = delimiter ?? '';
  let buf = '';
  let line = 1; // the line the next row starts on
  let first = true;
  let crOnly = false;
  for await (const chunk of src) {
    let text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (first) {
      buf += text;
      const nl = buf.search(/\r|\n/);
      if (nl < 0 || (buf[nl] === '\r' && nl === buf.length - 1)) continue; // the header line is not complete yet
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      const at = buf.search(/\r|\n/);
      if (!delim) delim = detectDelimiter(buf.slice(0, at));
      crOnly = buf[at] === '\r' && buf[at + 1] !== '\n';
      if (crOnly) buf = buf.replace(/\r/g, '\n');
      text = '';
      first = false;
    }
    if (crOnly) text = text.replace(/\r/g, '\n');
    buf += text;
    const { rows, rest, lines } = parseComplete(buf, delim, line, false);
    buf = rest;
    line = lines;
    if (rows.length) yield rows;
  }
  if (first) {
    // Never saw a complete line end: the whole input is one line (or nothing).
    if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    if (!delim) delim = detectDelimiter(buf.replace(/[\r\n]+$/, ''));
    buf = buf.replace(/\r$/, '\n');
  }
  if (buf.length) {
    const { rows } = parseComplete(buf, delim, line, true);
    if (rows.length) yield rows;
  }
}

function detectDelimiter(head: string): string {
  const counts = [',', ';', '\t'].map((d) => head.split(d).length - 1);
  return [',', ';', '\t'][counts.indexOf(Math.max(...counts))];
}

/**
 * Parses the complete rows of `s`; returns them, the unparsed rest (an incomplete last row) and
 * the line the rest starts on. With `atEnd`, the rest is parsed too (an open quote is an error).
 */
function parseComplete(s: string, delim: string, line: number, atEnd: boolean): { rows: CsvRow[]; rest: string; lines: number } {
  const rows: CsvRow[] = [];
  const n = s.length;
  const d = delim.length === 1 ? delim.charCodeAt(0) : -1;
  let width = 0; // cells in the last row: the next one most likely has as many
  let pos = 0;
  let q = -2; // the next quote at or after pos (-1: none left), found once and reused
  while (pos < n) {
    let nl = s.indexOf('\n', pos);
    if (nl < 0) {
      if (!atEnd) break;
      nl = n;
    }
    if (q !== -1 && q < pos) q = s.indexOf('"', pos);
    if (q < 0 || q >= nl) {
      // Fast path: no quote on this line.
      const end = nl > pos && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (end > pos) {
        const cells = d < 0 ? s.slice(pos, end).split(delim) : splitLine(s, pos, end, d, width);
        width = cells.length;
        rows.push({ line, cells });
      }
      line++;
      pos = nl + 1;
      continue;
    }
    // Slow path: a row with quotes, possibly spanning lines.
    const r = parseQuotedRow(s, pos, delim, atEnd);
    if (!r) {
      if (atEnd) throw new CsvError(`line ${line}: a quoted field is not closed before the end of the file`);
      break;
    }
    if (!(r.cells.length === 1 && r.cells[0] === '')) rows.push({ line, cells: r.cells });
    line += 1 + r.breaks;
    pos = r.next;
  }
  return { rows, rest: pos < n ? s.slice(pos) : '', lines: line };
}

/**
 * The cells of s[from, to), a line without quotes, split at the delimiter `d` (a char code); the
 * same as slicing the line and splitting it, without the intermediate line and with the array
 * made at its likely size.
 */
function splitLine(s: string, from: number, to: number, d: number, width: number): string[] {
  const cells: string[] = new Array(width);
  let j = 0;
  let a = from;
  for (let k = from; k < to; k++) {
    if (s.charCodeAt(k) === d) {
      cells[j++] = s.slice(a, k);
      a = k + 1;
    }
  }
  cells[j++] = s.slice(a, to);
  if (j !== width) cells.length = j;
  return cells;
}

/** One row starting at `pos`; undefined when it is not complete within `s`. */
function parseQuotedRow(s: string, pos: number, delim: string, atEnd: boolean): { cells: string[]; next: number; breaks: number } | undefined {
  const cells: string[] = [];
  const d = delim.charCodeAt(0);
  const n = s.length;
  let field = '';
  let i = pos;
  let breaks = 0; // line breaks inside quoted fields
  let atFieldStart = true;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34 && atFieldStart) {
      // A quoted field: up to the closing quote ("" is a quote).
      i++;
      let start = i;
      for (;;) {
        const qi = s.indexOf('"', i);
        if (qi < 0) return undefined;
        for (let k = i; k < qi; k++) {
          const ck = s.charCodeAt(k);
          if (ck === 10 || (ck === 13 && s.charCodeAt(k + 1) !== 10)) breaks++;
        }
        if (qi + 1 >= n && !atEnd) return undefined; // cannot tell "" from the end yet
        if (s.charCodeAt(qi + 1) === 34) {
          field += s.slice(start, qi) + '"';
          i = qi + 2;
          start = i;
          continue;
        }
        field += s.slice(start, qi);
        i = qi + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (c === d) {
      cells.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      cells.push(field);
      const next = c === 13 && s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      if (c === 13 && i + 1 >= n && !atEnd) return undefined; // a CR at the end: maybe a CRLF split
      return { cells, next, breaks };
    }
    field += s[i];
    atFieldStart = false;
    i++;
  }
  // End of the text: the row is complete only at the end of the input.
  if (!atEnd) return undefined;
  cells.push(field);
  return { cells, next: n, breaks };
}

export class CsvError extends Error {}

/** CSV rows -> records, a batch at a time. The header names the fields and the input ids. */
export async function* csvRecordBatches(src: AsyncIterable<string | Buffer>, delimiter?: string): AsyncGenerator<Item[]> {
  let header: string[] | undefined;
  let kinds: Array<string | null> = []; // record field name, or null for an input column
  let make: ((cells: string[], line: number) => EvaluationRecord) | undefined;
  for await (const rows of csvRowBatches(src, delimiter)) {
    const items: Item[] = [];
    for (const { line, cells } of rows) {
      if (!header) {
        header = cells.map((h) => h.trim());
        const seen = new Set<string>();
        kinds = header.map((h) => {
          const k = FIELD_ALIASES[h.toLowerCase()] ?? h.toLowerCase();
          if (seen.has(h)) throw new CsvError(`line ${line}: column "${h}" appears twice in the header`);
          seen.add(h);
          return RECORD_FIELDS.has(k) ? k : null;
        });
        if (!kinds.includes('person')) throw new CsvError(`line ${line}: the header has no "person" column (columns: ${header.join(', ')})`);
        if (!kinds.includes('period')) throw new CsvError(`line ${line}: the header has no "period" column`);
        make = recordMaker(header, kinds);
        continue;
      }
      if (cells.length !== header.length) {
        const pi = kinds.indexOf('person');
        items.push({ line, error: `${cells.length} columns, the header has ${header.length}`, person: cells[pi]?.trim() });
        continue;
      }
      items.push({ line, record: make!(cells, line) });
    }
    if (items.length) yield items;
  }
  if (!header) throw new CsvError('the file is empty (no header line)');
}

/**
 * A function building a record from a row's cells, for one header: every record of the file then
 * has the same shape, which keeps property access fast. The column names enter the generated code
 * only as JSON string literals; cell values are never evaluated.
 */
function recordMaker(header: string[], kinds: Array<string | null>): (cells: string[], line: number) => EvaluationRecord {
  const fields: string[] = [];
  const scores: string[] = [];
  kinds.forEach((k, i) => {
    if (k === null) scores.push(`${JSON.stringify(header[i])}: c[${i}]`);
    else fields.push(`${JSON.stringify(k)}: c[${i}]`);
  });
  const body = `return { ${[...fields, 'line: line', `scores: { ${scores.join(', ')} }`].join(', ')} };`;
  return new Function('c', 'line', body) as (cells: string[], line: number) => EvaluationRecord;
}

/** CSV records one at a time (a convenience over csvRecordBatches). */
export async function* csvRecords(src: AsyncIterable<string | Buffer>, delimiter?: string): AsyncGenerator<Item> {
  for await (const batch of csvRecordBatches(src, delimiter)) yield* batch;
}

// ---------------------------------------------------------------------------------------------
// JSONL

/** One record from its JSON text, or the reason it is not one (`notObject` when it parses to something else). */
function jsonRecord(text: string, at: number, notObject: string): Item {
  try {
    const v = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { line: at, error: notObject };
    return { line: at, record: { ...(v as EvaluationRecord), line: at } };
  } catch (e) {
    return { line: at, error: `not valid JSON: ${(e as Error).message}` };
  }
}

export async function* jsonlRecords(src: AsyncIterable<string | Buffer>): AsyncGenerator<Item> {
  for await (const batch of jsonlRecordBatches(src)) yield* batch;
}

export async function* jsonlRecordBatches(src: AsyncIterable<string | Buffer>): AsyncGenerator<Item[]> {
  let rest = '';
  let line = 0;
  const handle = (text: string, at: number): Item | undefined => {
    const t = text.trim();
    return t ? jsonRecord(t, at, 'expected a JSON object (one record a line)') : undefined;
  };
  for await (const chunk of src) {
    const s = rest + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    let start = 0;
    let nl: number;
    const items: Item[] = [];
    while ((nl = s.indexOf('\n', start)) >= 0) {
      line++;
      const it = handle(line === 1 ? s.slice(start, nl).replace(/^\uFEFF/, '') : s.slice(start, nl), line);
      if (it) items.push(it);
      start = nl + 1;
    }
    rest = s.slice(start);
    if (items.length) yield items;
  }
  if (rest.trim()) {
    line++;
    const it = handle(rest, line);
    if (it) yield [it];
  }
}

// ---------------------------------------------------------------------------------------------
// JSON: a top-level array of records, split element by element without parsing the whole file.

export async function* jsonRecords(src: AsyncIterable<string | Buffer>): AsyncGenerator<Item> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let buf = '';
  let elemLine = 0;
  let line = 1;
  let started = false; // saw the opening '['
  let single = false; // the file is one object, not an array
  let capturing = false;
  let inScalar = false;
  const emit = (text: string, at: number): Item => jsonRecord(text, at, 'expected a JSON object for each record');
  for await (const chunk of src) {
    let s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (!started && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    let capStart = capturing ? 0 : -1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) {
        inString = true;
        if (!started) throw new CsvError(`line ${line}: expected a JSON array of records`);
        if (depth === 1 && !capturing && !single && !inScalar) {
          inScalar = true;
          yield { line, error: 'expected a JSON object for each record' };
        }
        continue;
      }
      if (!started) {
        if (c === 91) {
          started = true;
          depth = 1;
        } else if (c === 123) {
          started = true;
          single = true;
          depth = 1;
          capturing = true;
          capStart = i;
          elemLine = line;
        } else if (c > 32) throw new CsvError(`line ${line}: expected a JSON array of records`);
        continue;
      }
      if (c === 91 || c === 123) {
        if (depth === 1 && !capturing && !single) {
          capturing = true;
          capStart = i;
          elemLine = line;
        }
        depth++;
      } else if (c === 93 || c === 125) {
        depth--;
        if (single && depth === 0) {
          buf += s.slice(capStart, i + 1);
          yield emit(buf, elemLine);
          buf = '';
          capturing = false;
          capStart = -1;
        } else if (depth === 1 && capturing) {
          buf += s.slice(capStart, i + 1);
          yield emit(buf, elemLine);
          buf = '';
          capturing = false;
          capStart = -1;
        } else if (depth === 0) {
          started = true; // closing bracket of the array; ignore the rest
        }
      } else if (depth === 1 && !capturing) {
        if (c === 44) inScalar = false;
        else if (c > 32 && !inScalar) {
          // a scalar element of the array (reported once)
          inScalar = true;
          yield { line, error: 'expected a JSON object for each record' };
        }
      }
    }
    if (capturing && capStart >= 0) buf += s.slice(capStart);
  }
  if (capturing || (started && depth > 0 && !single)) throw new CsvError(`the JSON is not complete (unclosed array or object, line ${line})`);
  if (!started) throw new CsvError('the file is empty');
}

async function* batched(items: AsyncIterable<Item>, size = 512): AsyncGenerator<Item[]> {
  let batch: Item[] = [];
  for await (const it of items) {
    batch.push(it);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Records of a file in any of the formats, a batch at a time. */
export function readRecordBatches(src: AsyncIterable<string | Buffer>, format: InputFormat, delimiter?: string): AsyncGenerator<Item[]> {
  if (format === 'csv') return csvRecordBatches(src, delimiter);
  if (format === 'jsonl') return jsonlRecordBatches(src);
  return batched(jsonRecords(src));
}

/** Records of a file in any of the formats, one at a time. */
export async function* readRecords(src: AsyncIterable<string | Buffer>, format: InputFormat, delimiter?: string): AsyncGenerator<Item> {
  for await (const batch of readRecordBatches(src, format, delimiter)) yield* batch;
}
