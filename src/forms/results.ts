// What a filled sheet prints, from the scoring's own files: results.json (`metodika score`: the
// sheet, the evaluator, the status, the final score and grade, the cap) and the records it read
// (the parameter scores: results hold the outcome, not the inputs). Both are read with the
// engine's readers and kept by person, for the quarter printed: a few hundred bytes a person.
import { parsePeriod } from '../calendar/index.js';
import { CsvError, formatOf, type Item, readRecords } from '../engine/readers.js';
import { fileText } from '../io/encoding.js';
import { FormsError } from './sheets.js';

export interface ResultEntry {
  line: number;
  sheet?: string;
  evaluator?: string;
  /** The routing rule that chose the sheet and the evaluator. */
  route?: string;
  status?: string;
  final?: string;
  grade?: string;
  cap?: string;
  capLowered?: boolean;
  reason?: string;
}

export interface Indexed<T> {
  byPerson: Map<string, T>;
  /** Entries that could not be read, with their lines. */
  problems: string[];
}

const periodId = (p: unknown) => (typeof p === 'string' || typeof p === 'number' ? parsePeriod(String(p).trim())?.id : undefined);
const personOf = (p: unknown) => (typeof p === 'string' ? p.trim() : typeof p === 'number' ? String(p) : '');

async function index<T>(path: string, period: string, pick: (rec: Record<string, unknown>, line: number) => T): Promise<Indexed<T>> {
  const format = formatOf(path);
  if (!format) throw new FormsError(`${path}: cannot tell the format (use .json, .jsonl or .csv)`);
  const byPerson = new Map<string, T>();
  const problems: string[] = [];
  try {
    for await (const item of readRecords((await fileText(path)).text, format)) collect(item);
  } catch (e) {
    // The CSV reader's messages say the line; with several files about, the file is said too.
    if (e instanceof CsvError) throw new CsvError(`${path}: ${e.message}`);
    throw e;
  }
  return { byPerson, problems };

  function collect(item: Item): void {
    if ('error' in item) {
      problems.push(`${path}:${item.line}: ${item.error}`);
      return;
    }
    const rec = item.record as unknown as Record<string, unknown>;
    if (periodId(rec.period) !== period) return;
    const person = personOf(rec.person);
    if (!person) {
      problems.push(`${path}:${item.line}: no person`);
      return;
    }
    if (byPerson.has(person)) {
      problems.push(`${path}:${item.line}: a second entry for ${person} in ${period}; the first is used`);
      return;
    }
    byPerson.set(person, pick(rec, item.line));
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** results.json (or .jsonl) of `metodika score`: the results of one period, by person. */
export function readResults(path: string, period: string): Promise<Indexed<ResultEntry>> {
  return index(path, period, (r, line) => {
    const e: ResultEntry = { line: typeof r.line === 'number' ? r.line : line };
    for (const k of ['sheet', 'evaluator', 'route', 'status', 'final', 'grade', 'cap', 'reason'] as const) {
      const v = str(r[k]);
      if (v !== undefined) e[k] = v;
    }
    if (typeof r.capLowered === 'boolean') e.capLowered = r.capLowered;
    return e;
  });
}

/** The records `metodika score` read: each person's parameter scores, as entered. */
export function readScores(path: string, period: string): Promise<Indexed<Record<string, string>>> {
  return index(path, period, (r) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.scores ?? {}) as Record<string, unknown>)) {
      const s = str(v)?.trim();
      if (s) out[k] = s;
    }
    return out;
  });
}
