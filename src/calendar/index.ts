// The working-day calendar: data files calendar/kz-YYYY.yaml, loaded once.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Calendar, CalendarDataError, type YearData } from './calendar.js';

export * from './calendar.js';
export * from './date.js';
export * from './deadlines.js';

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

export function readYearFile(path: string): YearData {
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'), { maxAliasCount: 0 });
  } catch (e) {
    throw new CalendarDataError(`${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object') throw new CalendarDataError(`${path}: not a calendar file`);
  const d = data as YearData;
  d.transfers ??= [];
  d.religious ??= [];
  return d;
}

const cache = new Map<string, Calendar>();

/** Loads every calendar/kz-YYYY.yaml of `dir` (default: the package's calendar/). */
export function loadCalendar(dir?: string): Calendar {
  const root = dir ?? defaultCalendarDir();
  const hit = cache.get(root);
  if (hit) return hit;
  const files = readdirSync(root).filter((f) => /^kz-\d{4}\.yaml$/.test(f));
  if (files.length === 0) throw new CalendarDataError(`${root}: no kz-YYYY.yaml files`);
  const cal = new Calendar(files.sort().map((f) => readYearFile(join(root, f))));
  cache.set(root, cal);
  return cal;
}
