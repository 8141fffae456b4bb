// The working-day calendar: data files calendar/kz-YYYY.yaml, loaded once.
//
// Parsing YAML (and loading the yaml library) costs more than scoring a few thousand records, so
// the parsed files are also kept as JSON in a cache (node_modules/.cache/metodika/, else the
// system's temporary folder) under a hash of the files' contents; the YAML files stay the source.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Calendar, CalendarDataError, type YearData } from './calendar.js';
import { makeDir } from '../io/folders.js';

export * from './calendar.js';
export * from './date.js';
export * from './deadlines.js';

const require = createRequire(import.meta.url);

/** The calendar/ folder of the package: found by walking up from this module (src/ or dist/src/). */
export function defaultCalendarDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'calendar');
    if (existsSync(join(candidate, 'kz-2025.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new CalendarDataError('calendar data not found (expected a calendar/ folder with kz-YYYY.yaml next to the package)');
}

function parseYearText(text: string, path: string): YearData {
  let data: unknown;
  try {
    const yaml = require('yaml') as { parse(src: string, opts: object): unknown };
    data = yaml.parse(text, { maxAliasCount: 0 });
  } catch (e) {
    throw new CalendarDataError(`${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object') throw new CalendarDataError(`${path}: not a calendar file`);
  const d = data as YearData;
  d.transfers ??= [];
  d.religious ??= [];
  return d;
}

export function readYearFile(path: string): YearData {
  return parseYearText(readFileSync(path, 'utf8'), path);
}

function cacheDirs(root: string, own: boolean): string[] {
  // The package's own calendar caches beside the package; another folder only in the temp folder.
  return own ? [join(dirname(root), 'node_modules', '.cache', 'metodika'), join(tmpdir(), 'metodika-cache')] : [join(tmpdir(), 'metodika-cache')];
}

const cache = new Map<string, Calendar>();

/** Loads every calendar/kz-YYYY.yaml of `dir` (default: the package's calendar/). */
export function loadCalendar(dir?: string): Calendar {
  const own = dir === undefined;
  const root = dir ?? defaultCalendarDir();
  const hit = cache.get(root);
  if (hit) return hit;
  const files = readdirSync(root)
    .filter((f) => /^kz-\d{4}\.yaml$/.test(f))
    .sort();
  if (files.length === 0) throw new CalendarDataError(`${root}: no kz-YYYY.yaml files`);
  const texts = files.map((f) => readFileSync(join(root, f), 'utf8'));
  const hash = createHash('sha256');
  files.forEach((f, i) => hash.update(f).update('\0').update(texts[i]).update('\0'));
  const name = `calendar-${hash.digest('hex').slice(0, 16)}.json`;
  let years: YearData[] | undefined;
  for (const d of cacheDirs(root, own)) {
    try {
      years = JSON.parse(readFileSync(join(d, name), 'utf8')) as YearData[];
      break;
    } catch {
      // not cached there
    }
  }
  if (!years) {
    years = files.map((f, i) => parseYearText(texts[i], join(root, f)));
    for (const d of cacheDirs(root, own)) {
      try {
        makeDir(d);
        const tmp = join(d, `${name}.tmp-${process.pid}`);
        writeFileSync(tmp, JSON.stringify(years));
        renameSync(tmp, join(d, name));
        break;
      } catch {
        // not writable: try the next place
      }
    }
  }
  // The data are checked (sources, the weekend-move rule) every time they are built.
  const cal = new Calendar(years);
  cache.set(root, cal);
  return cal;
}
