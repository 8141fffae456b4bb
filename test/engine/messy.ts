// Generated evaluation records with everything a real HR export holds: several quarters and two
// years per person, duplicates, bad scores, short rows, quoted cells with commas and line breaks,
// Cyrillic names, sanctions, appointments within the quarter, unknown categories. Seeded, so the
// same on every run.
import { rng } from './fixtures.js';

const NM = ['nm-quality', 'nm-deadlines', 'nm-initiative', 'nm-discipline', 'nm-no-sanctions'];
const M = ['supervised-quality', 'supervised-deadlines', 'leadership', 'discipline', 'no-sanctions'];
const HEADER = ['person', 'period', 'category', 'managerial', ...NM, ...M, 'sanctions', 'appointed', 'days_worked'];
const NAMES = ['P', 'Иванов И.И. ', 'Әлиев Ғ.', 'Smith, J.', 'Quote "Q"', 'Line\nbreak'];

export interface MessyRecord {
  cells: string[];
  /** A record that is broken as a row (a short row) rather than in its values. */
  short: boolean;
}

export function messyRecords(n: number, seed: number): MessyRecord[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: MessyRecord[] = [];
  const persons = Math.max(1, Math.floor(n / 3));
  for (let i = 0; i < n; i++) {
    const p = Math.floor(r() * persons);
    const person = `${NAMES[p % NAMES.length]}${p}`;
    const year = r() < 0.15 ? 2024 : 2025;
    const period = `${year}-Q${1 + Math.floor(r() * 4)}`;
    const managerial = r() < 0.2;
    const score = () => {
      const x = r();
      if (x < 0.01) return pick(['6', '-1', 'abc', '']);
      return (Math.floor(r() * 501) / 100).toFixed(2).replace('.', r() < 0.1 ? ',' : '.');
    };
    const own = Array.from({ length: 5 }, score);
    const blank = ['', '', '', '', ''];
    const cells = [
      person,
      r() < 0.005 ? '2031-Q1' : period,
      r() < 0.01 ? 'Z-9' : managerial ? pick(['D-1', 'C-1']) : pick(['C-4', 'D-3', 'Е-2']),
      String(managerial),
      ...(managerial ? blank : own),
      ...(managerial ? own : blank),
      r() < 0.1 ? pick(['remark', 'reprimand', 'warning-of-incomplete-fitness']) : '',
      r() < 0.03 ? `${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 10)}` : r() < 0.005 ? '2025-13-40' : '',
      String(10 + Math.floor(r() * 50)),
    ];
    out.push({ cells, short: r() < 0.005 });
  }
  return out;
}

const csvCell = (s: string) => (/[",\n;]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s);

export function messyCsv(records: MessyRecord[]): string {
  const lines = [HEADER.join(',')];
  for (const { cells, short } of records) lines.push((short ? cells.slice(0, 5) : cells).map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

/** The same records as JSON objects (short rows lose their scores). */
export function messyObjects(records: MessyRecord[]): object[] {
  return records.map(({ cells, short }) => {
    const o: Record<string, unknown> = { person: cells[0], period: cells[1], category: cells[2], managerial: cells[3] === 'true' };
    const scores: Record<string, string> = {};
    if (!short) HEADER.forEach((h, k) => k >= 4 && k < 14 && cells[k] !== '' && (scores[h] = cells[k]));
    o.scores = scores;
    if (cells[14]) o.sanctions = [cells[14]];
    if (cells[15]) o.appointed = cells[15];
    o.days_worked = Number(cells[16]);
    return o;
  });
}
