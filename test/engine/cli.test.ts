// The commands score, deadlines, route and compile, called as the CLI calls them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as compile } from '../../src/cli/compile.js';
import { run as deadlines } from '../../src/cli/deadlines.js';
import { run as route } from '../../src/cli/route.js';
import { run as score } from '../../src/cli/score.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TYPICAL = join(ROOT, 'configs', 'typical-b-2025.scoring.json');
let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const tmp = () => mkdtempSync(join(tmpdir(), 'metodika-cli-'));
const HEADER = 'person,period,category,managerial,nm-quality,nm-deadlines,nm-initiative,nm-discipline,nm-no-sanctions,days_worked';

describe('metodika score', () => {
  it('exit 0 when every row is scored', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.csv'), `${HEADER}\np1,2025-Q1,C-4,false,5,5,5,5,5,40\n`);
    expect(await score(['--config', TYPICAL, '--input', join(dir, 'in.csv'), '--out', join(dir, 'o')])).toBe(0);
    expect(out.join()).toMatch(/read 1, scored 1 \(evaluated 1, not evaluated 0, gap 0\), rejected 0/);
    expect(readFileSync(join(dir, 'o', 'results.csv'), 'utf8')).toMatch(/p1,2025-Q1,non-managerial,C-4,head-of-unit-or-body,evaluated,5.00,effective/);
  });
  it('reads a period worded as the sheets word it, writes its id, and sees the same quarter twice as a duplicate', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.csv'), `${HEADER}\np1,III квартал 2025 года,C-4,false,4,4,4,4,4,40\np2,2025 жылғы III тоқсан,C-4,false,5,5,5,5,5,40\np1,2025-Q3,C-4,false,3,3,3,3,3,40\n`);
    expect(await score(['--config', TYPICAL, '--input', join(dir, 'in.csv'), '--out', join(dir, 'o')])).toBe(3);
    const results = readFileSync(join(dir, 'o', 'results.csv'), 'utf8');
    expect(results).toMatch(/^2,p1,2025-Q3,non-managerial,C-4,head-of-unit-or-body,evaluated,4.00,effective/m);
    expect(results).toMatch(/^3,p2,2025-Q3,non-managerial,/m);
    expect(readFileSync(join(dir, 'o', 'rejects.csv'), 'utf8')).toMatch(/^4,p1,2025-Q3,person,duplicate record: p1 already has a record for 2025-Q3 \(line 2\)$/m);
  });
  it('exit 3 when rows are rejected; the rest is scored', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'in.csv'), `${HEADER}\np1,2025-Q1,C-4,false,5,5,5,5,5,40\np2,2025-Q1,C-4,false,6,5,5,5,5,40\n`);
    expect(await score(['--config', TYPICAL, '--input', join(dir, 'in.csv'), '--out', join(dir, 'o'), '--annual'])).toBe(3);
    expect(err.join()).toMatch(/1 row\(s\) rejected, see .*rejects\.csv/);
    expect(readFileSync(join(dir, 'o', 'rejects.csv'), 'utf8')).toMatch(/^3,p2,2025-Q1,nm-quality,/m);
  });
  it('exit 2 with the usage on bad arguments', async () => {
    expect(await score(['--config', TYPICAL])).toBe(2);
    expect(err.join()).toMatch(/--input is required[\s\S]*usage: metodika score/);
    expect(await score(['--config', TYPICAL, '--input', 'x.csv', '--bogus'])).toBe(2);
    expect(await score(['--config', TYPICAL, '--input', 'records.xlsx'])).toBe(2);
  });
  it('reads a CSV saved in CP1251 or UTF-16 as such, and says so; names keep their letters', async () => {
    const dir = tmp();
    const text = `${HEADER}\nЁлкина С.,2025-Q1,C-4,false,4,4,4,4,4,50\n`;
    const cp1251 = Buffer.from([...text].map((ch) => (ch === 'Ё' ? 0xa8 : ch.charCodeAt(0) >= 0x410 ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));
    writeFileSync(join(dir, 'cp.csv'), cp1251);
    writeFileSync(join(dir, 'u16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const [file, name] of [['cp.csv', 'Windows-1251 (CP1251)'], ['u16.csv', 'UTF-16']]) {
      expect(await score(['--config', TYPICAL, '--input', join(dir, file), '--out', join(dir, file + '.out')])).toBe(0);
      expect(out.pop()).toContain(`${file} (read as ${name}): read 1, scored 1`);
      expect(readFileSync(join(dir, file + '.out', 'results.csv'), 'utf8').split('\n')[1]).toMatch(/^2,Ёлкина С\.,2025-Q1,/);
    }
  });

  it('exit 1 for a file that is not text or not in an encoding it can tell', async () => {
    const dir = tmp();
    const damaged = Buffer.from(`${HEADER}\nЁлкина С.,2025-Q1,C-4,false,4,4,4,4,4,50\n`);
    damaged[HEADER.length + 2] = 0xff;
    writeFileSync(join(dir, 'damaged.csv'), damaged);
    writeFileSync(join(dir, 'records.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]));
    expect(await score(['--config', TYPICAL, '--input', join(dir, 'damaged.csv'), '--out', join(dir, 'o1')])).toBe(1);
    expect(await score(['--config', TYPICAL, '--input', join(dir, 'records.csv'), '--out', join(dir, 'o2')])).toBe(1);
    expect(await score(['--config', TYPICAL, '--input', dir, '--format', 'csv', '--out', join(dir, 'o3')])).toBe(1);
    expect(err).toEqual([
      `metodika score: ${join(dir, 'damaged.csv')} is not UTF-8 text, and not Windows-1251 (CP1251) either (a damaged file?); save it as UTF-8`,
      `metodika score: ${join(dir, 'records.csv')} is not a text file (it holds NUL bytes or control characters); export it from the spreadsheet as CSV`,
      `metodika score: ${dir}: a folder, where a file was expected`,
    ]);
  });

  it('exit 1 with one clear line for a missing file, a broken configuration', async () => {
    const out = join(tmp(), 'score');
    expect(await score(['--config', TYPICAL, '--input', '/nonexistent/in.csv', '--out', out])).toBe(1);
    expect(err).toEqual(['metodika score: /nonexistent/in.csv: no such file or folder']);
    // Nothing is written for an input that is not there, not even the output folder.
    expect(existsSync(out)).toBe(false);
    const dir = tmp();
    const bad = JSON.parse(readFileSync(TYPICAL, 'utf8'));
    bad.settings.rounding = 'nearest';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    err = [];
    expect(await score(['--config', join(dir, 'bad.json'), '--input', join(dir, 'bad.json')])).toBe(1);
    expect(err.join('\n')).toMatch(/bad\.json: settings\.rounding: must be equal to one of the allowed values/);
    expect(err.join('\n')).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });
});

describe('usage errors', () => {
  it('name the command, print its usage and exit 2', async () => {
    const cases: Array<[(a: string[]) => Promise<number>, string[], RegExp]> = [
      [score, ['--config', TYPICAL, '--input', 'x.csv', 'extra'], /^metodika score: Unexpected argument 'extra'[\s\S]*usage: metodika score/],
      [score, ['--config', TYPICAL, '--input', 'x.csv', '--outputs', 'csv,pdf'], /^metodika score: --outputs: unknown format "pdf" \(csv, json\)/],
      [route, ['--bogus'], /^metodika route: Unknown option '--bogus'[\s\S]*usage: metodika route/],
      [route, ['--config', TYPICAL, '--category', 'C-1', '--managerial', 'maybe'], /^metodika route: --managerial must be true or false, not "maybe"/],
      [deadlines, ['--at', 'x'], /^metodika deadlines: --at x: write EVENT=DATE[\s\S]*usage: metodika deadlines/],
      [compile, ['--bogus'], /^metodika compile: Unknown option '--bogus'[\s\S]*usage: metodika compile/],
    ];
    for (const [command, args, message] of cases) {
      err = [];
      expect(await command(args), args.join(' ')).toBe(2);
      expect(err.join('\n'), args.join(' ')).toMatch(message);
    }
  });
  it('--help prints the usage and exits 0', async () => {
    for (const command of [score, route, deadlines, compile]) expect(await command(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/usage: metodika score[\s\S]*usage: metodika route[\s\S]*usage: metodika deadlines[\s\S]*usage: metodika compile/);
  });
});

describe('metodika deadlines', () => {
  it('from a quarter: the evaluation and annual deadlines', async () => {
    expect(await deadlines(['--quarter', '2025-Q1', '--json'])).toBe(0);
    const j = JSON.parse(out.join('\n'));
    expect(j.deadlines.map((d: { id: string; date: string }) => [d.id, d.date])).toEqual([
      ['evaluation', '2025-04-21'],
      ['annual', '2026-01-30'],
    ]);
  });
  it('from the date results were received: request, decision, session', async () => {
    expect(await deadlines(['--received', '21.04.2025'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/calibration-request-deadline\s+2025-04-28 \(Mon\)/);
    expect(text).toMatch(/assumed filed on the last day allowed, 2025-04-28/);
  });
  it('a membership that breaks the rules: exit 1 with the reasons', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ evaluated: 'P', evaluator: 'E', members: [{ id: 'E', role: 'evaluator' }, { id: 'H', role: 'hr' }] }));
    expect(await deadlines(['--membership', join(dir, 'm.json')])).toBe(1);
    expect(out.join('\n')).toMatch(/INVALID[\s\S]*must be odd[\s\S]*E, who gave the score/);
  });
  it('bad dates and missing arguments: exit 2', async () => {
    expect(await deadlines(['--received', '2025-13-01'])).toBe(2);
    expect(await deadlines([])).toBe(2);
  });
});

describe('metodika route', () => {
  it('routes and explains', async () => {
    expect(await route(['--config', TYPICAL, '--category', 'D-3', '--position', 'head-of-unit'])).toBe(0);
    expect(out.join()).toMatch(/D-3: sheet managerial, evaluator direct-superior \(rule listed-heads, p\. 17\)/);
  });
  it('an unknown category: exit 1', async () => {
    expect(await route(['--config', TYPICAL, '--category', 'Q-1'])).toBe(1);
    expect(err.join()).toMatch(/unknown category "Q-1"/);
  });
});

describe('metodika compile', () => {
  it('writes output/<id>/scoring.json from the act', async () => {
    const dir = tmp();
    expect(await compile([join(ROOT, 'methodologies', 'typical-b-2025.yaml'), '--out', dir])).toBe(0);
    const c = JSON.parse(readFileSync(join(dir, 'typical-b-2025', 'scoring.json'), 'utf8'));
    expect(c).toMatchObject({ format: 'metodika-scoring/1', id: 'typical-b-2025', system: 'sheet-mean' });
    expect(c.points.eligibility).toBe('p. 6');
  });
  it('a file that does not resolve: exit 1', async () => {
    expect(await compile(['/nonexistent/act.yaml', '--out', tmp()])).toBe(1);
    expect(await compile([])).toBe(2);
  });
});
