// metodika score: scores evaluation records (CSV, JSON, JSONL) with a scoring configuration.

import { readFileSync } from 'node:fs';
import { regularFile } from '../io/files.js';
import { ENCODING_NAMES, fileText, strictUtf8, TextFileError } from '../io/encoding.js';
import { join } from 'node:path';
import { CalendarDataError, CalendarRangeError, loadCalendar } from '../calendar/index.js';
import { ConfigError, Engine } from '../engine/engine.js';
import { CsvError, formatOf, type InputFormat, openText } from '../engine/readers.js';
import { scoreFiles } from '../engine/stream.js';
import type { ScoringConfig } from '../engine/config.js';
import { guard, parse, UsageError } from './args.js';
import { fileErrorLine, withPath } from '../io/errors.js';

export const USAGE = `usage: metodika score --config SCORING.json --input FILE [options]

  --config FILE      scoring configuration (output/<id>/scoring.json or configs/*.scoring.json)
  --input FILE       records: .csv, .json (an array) or .jsonl, in UTF-8, UTF-16 or CP1251
                     (told from the bytes); "-" reads standard input (UTF-8)
  --format F         csv | json | jsonl (default: from the file name)
  --delimiter D      CSV delimiter: , ; or tab (default: detected from the header)
  --out DIR          where to write (default output/<config id>/score)
  --outputs LIST     csv,json (default both)
  --annual           also form the year's results (annual.csv, annual.json)
  --explain          put the trace of every step into results.json (and annual.json)
  --calendar DIR     a calendar/ folder with kz-YYYY.yaml (default: the package's)
  --quiet            print nothing but errors

writes results.csv, results.json, rejects.csv (every rejected row with its line and reason),
and with --annual annual.csv, annual.json. Exit code: 0 all rows scored; 3 some rows rejected
(the rest are scored); 1 error (bad configuration, unreadable input); 2 bad arguments.`;

/** A scoring configuration is tens of kilobytes; a file far larger is not one. */
const CONFIG_MAX_BYTES = 16 << 20;

/** Reads and parses a scoring configuration file; one clear line on failure. */
export function readConfig(path: string): ScoringConfig {
  let text: string;
  try {
    regularFile(path, CONFIG_MAX_BYTES);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw withPath(e, path);
  }
  try {
    return JSON.parse(text) as ScoringConfig;
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export function configErrorLines(path: string, e: ConfigError): string {
  const errs = e.diagnostics.filter((d) => d.severity === 'error');
  return errs.map((d) => `${path}: ${d.path ? `${d.path}: ` : ''}${d.message.replace(/^\/\S*: /, '')}`).join('\n');
}

const OPTIONS = {
  config: { type: 'string' },
  input: { type: 'string' },
  format: { type: 'string' },
  delimiter: { type: 'string' },
  out: { type: 'string' },
  outputs: { type: 'string' },
  annual: { type: 'boolean' },
  explain: { type: 'boolean' },
  calendar: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(args: string[]): Promise<number> {
  return guard(USAGE, () => command(args), 'score');
}

async function command(args: string[]): Promise<number> {
  const { values } = parse(args, OPTIONS, false);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config) throw new UsageError('--config is required');
  if (!values.input) throw new UsageError('--input is required');
  if (values.format && !['csv', 'json', 'jsonl'].includes(values.format)) throw new UsageError(`--format must be csv, json or jsonl, not "${values.format}"`);
  if (values.delimiter && ![',', ';', 'tab', '\t'].includes(values.delimiter)) throw new UsageError('--delimiter must be , ; or tab');
  if (values.outputs) {
    for (const o of values.outputs.split(',')) if (!['csv', 'json'].includes(o.trim())) throw new UsageError(`--outputs: unknown format "${o}" (csv, json)`);
  }
  const input = values.input;
  const format = (values.format as InputFormat | undefined) ?? (input === '-' ? 'csv' : formatOf(input));
  if (!format) throw new UsageError(`cannot tell the format of ${input}; give --format csv|json|jsonl`);
  try {
    const configPath = values.config;
    const config = readConfig(configPath);
    let engine: Engine;
    try {
      engine = new Engine(config, { calendar: values.calendar ? loadCalendar(values.calendar) : undefined });
    } catch (e) {
      if (e instanceof ConfigError) {
        console.error(configErrorLines(configPath, e));
        return 1;
      }
      throw e;
    }
    const outDir = values.out ?? join('output', config.id, 'score');
    // A file that is not there is reported before anything is written.
    let source: AsyncIterable<string>;
    let readAs = '';
    if (input === '-') source = strictUtf8(process.stdin, 'standard input');
    else {
      // A spreadsheet saves CSV in UTF-8, UTF-16 or (a Russian-language Windows) CP1251. UTF-8,
      // the common case, is read by the engine's own reader, the quickest.
      const { encoding, text } = await fileText(input);
      source = encoding === 'utf-8' ? openText(input) : text;
      if (encoding !== 'utf-8') readAs = ` (read as ${ENCODING_NAMES[encoding]})`;
    }
    const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
    const summary = await scoreFiles({
      engine,
      source,
      format,
      delimiter,
      outDir,
      annual: !!values.annual,
      explain: !!values.explain,
      outputs: values.outputs ? (values.outputs.split(',').map((s) => s.trim()) as Array<'csv' | 'json'>) : undefined,
    });
    if (!values.quiet) {
      const a = summary.annual;
      console.log(
        `${input}${readAs}: read ${summary.read}, scored ${summary.scored} (evaluated ${summary.evaluated}, not evaluated ${summary.notEvaluated}, gap ${summary.gaps}), rejected ${summary.rejected}${summary.duplicates ? ` (${summary.duplicates} duplicates)` : ''}` +
          (a ? `; annual ${a.results} (evaluated ${a.evaluated}, not evaluated ${a.notEvaluated}, gap ${a.gaps}, incomplete ${a.incomplete})` : '') +
          ` -> ${outDir}`,
      );
    }
    if (summary.rejected) {
      console.error(`metodika score: ${summary.rejected} row(s) rejected, see ${join(outDir, 'rejects.csv')}`);
      return 3;
    }
    return 0;
  } catch (e) {
    console.error(`metodika score: ${oneLine(e)}`);
    return 1;
  }
}

export function oneLine(e: unknown): string {
  if (e instanceof CalendarRangeError || e instanceof CalendarDataError || e instanceof CsvError || e instanceof TextFileError) return e.message;
  const err = e as NodeJS.ErrnoException;
  const file = fileErrorLine(e);
  if (file) return file;
  return (err?.message ?? String(e)).split('\n')[0];
}
