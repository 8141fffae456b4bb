// The scoring engine's speed targets:
// - >= 1,000,000 quarterly sheets scored per second on one core with the trace off (library API);
// - the CLI on a 100,000-row CSV quarter plus the annual result in under 1 s end to end;
// - memory flat in the number of rows (streaming).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScoringConfig } from '../src/engine/config.js';
import { Engine } from '../src/engine/engine.js';
import type { EvaluationRecord } from '../src/engine/types.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { BenchRow } from './types.js';

const PARAMS = ['nm-quality', 'nm-deadlines', 'nm-initiative', 'nm-discipline', 'nm-no-sanctions'];
const MPARAMS = ['supervised-quality', 'supervised-deadlines', 'leadership', 'discipline', 'no-sanctions'];

/** Deterministic scores: two decimals, 0..5. */
const score = (i: number, j: number) => ((i * 7919 + j * 104729) % 501) / 100;

function records(n: number): EvaluationRecord[] {
  const out: EvaluationRecord[] = [];
  for (let i = 0; i < n; i++) {
    const managerial = i % 5 === 0;
    const ids = managerial ? MPARAMS : PARAMS;
    const scores: Record<string, number> = {};
    for (let j = 0; j < 5; j++) scores[ids[j]] = score(i, j);
    out.push({
      person: `P${i}`,
      period: `2025-Q${(i % 4) + 1}`,
      category: managerial ? 'D-1' : 'C-4',
      managerial,
      days_worked: 40 + (i % 20),
      sanctions: i % 10 === 0 ? ['remark'] : [],
      scores,
    });
  }
  return out;
}

/** A CSV quarter of `n` rows (distinct persons), with the columns of both sheets. */
export function quarterCsv(n: number, quarter = '2025-Q1'): string {
  const lines = [`person,period,category,managerial,${PARAMS.join(',')},${MPARAMS.join(',')},sanctions,appointed,days_worked`];
  for (let i = 0; i < n; i++) {
    const managerial = i % 5 === 0;
    const s = Array.from({ length: 5 }, (_, j) => score(i, j).toFixed(2)).join(',');
    const blanks = ',,,,';
    const cells = managerial ? `${blanks},${s}` : `${s},${blanks}`;
    const appointed = i % 97 === 0 ? '2025-03-20' : '';
    lines.push(`P${String(i).padStart(7, '0')},${quarter},${managerial ? 'D-1' : 'C-4'},${managerial},${cells},${i % 10 === 0 ? 'remark' : ''},${appointed},${40 + (i % 20)}`);
  }
  return `${lines.join('\n')}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the CLI's score command in a fresh process; returns wall ms, max RSS (MB) and stdout. */
function runCli(root: string, args: string[], nodeFlags: string[] = []): { ms: number; rssMb: number; out: string; code: number | null } {
  const bin = join(root, 'bin', 'metodika.js');
  // Report the peak RSS from inside the child, after it finishes.
  const probe = `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));`;
  const script = `${probe} process.argv.splice(1, 0, ${JSON.stringify(bin)}); await import(${JSON.stringify(new URL(`file://${bin}`).href)});`;
  const t = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', script, 'score', ...args], { encoding: 'utf8' });
  const ms = performance.now() - t;
  const m = /MAXRSS (\d+)/.exec(r.stderr ?? '');
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN, out: (r.stdout ?? '').trim(), code: r.status };
}

/**
 * A fixed CPU workload: its time says how fast and how busy the machine was while the figures
 * were taken. A native hash of 256 MB: a JavaScript loop is no good here, since its time depends
 * on how the compiler happened to optimize it (a loop of additions measured 165 ms or 1,233 ms on
 * the same idle machine from one run to the next).
 */
function calibration(): number {
  const block = Buffer.alloc(1 << 24, 7);
  const t = performance.now();
  const h = createHash('sha256');
  for (let i = 0; i < 16; i++) h.update(block);
  h.digest();
  return performance.now() - t;
}

export async function benchEngine(): Promise<BenchRow[]> {
  const root = PACKAGE_ROOT;
  const cal0 = calibration();
  const config: ScoringConfig = JSON.parse(readFileSync(join(root, 'configs', 'typical-b-2025.scoring.json'), 'utf8'));
  const rows: BenchRow[] = [];

  // 1. The library API, trace off, one thread.
  const engine = new Engine(config);
  const recs = records(200_000);
  let okCount = 0;
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let round = 0; round < 9; round++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    okCount = 0;
    for (let i = 0; i < recs.length; i++) if (engine.score(recs[i]).ok) okCount++;
    const ms = performance.now() - t;
    const c = process.cpuUsage(c0);
    if (round >= 2) {
      rates.push(recs.length / (ms / 1000));
      cpuRates.push(recs.length / ((c.user + c.system) / 1e6));
    }
  }
  const best = Math.max(...rates);
  // Peer: the same steps with decimal.js for every number (what a plain exact implementation does).
  const peerEngine = new Engine(config, { arithmetic: 'decimal' });
  const peerRecs = recs.slice(0, 50_000);
  const peerRates: number[] = [];
  for (let round = 0; round < 4; round++) {
    const t = performance.now();
    for (let i = 0; i < peerRecs.length; i++) peerEngine.score(peerRecs[i]);
    if (round >= 1) peerRates.push(peerRecs.length / ((performance.now() - t) / 1000));
  }
  const peer = Math.max(...peerRates);
  rows.push({
    name: 'scoring engine, typical B quarterly sheets, trace off, library API (one thread)',
    ours: `${(best / 1e6).toFixed(2)} M sheets/s (median ${(median(rates) / 1e6).toFixed(2)} M/s; per CPU-second ${(Math.max(...cpuRates) / 1e6).toFixed(2)} M)`,
    peer: `${(peer / 1e6).toFixed(3)} M sheets/s: the same engine with decimal.js for every number`,
    ratio: `${(best / peer).toFixed(1)}x`,
    target: '>= 1,000,000 sheets/s',
    pass: best >= 1e6 && okCount === recs.length,
    note: `best of 7 timed rounds over ${recs.length} prebuilt records (5 scores each, 10 % with a sanction, both sheets, routing and eligibility on); exact arithmetic on integer millionths, falling back to fractions and decimal.js only where needed`,
  });

  // 2. The CLI end to end: 100,000-row quarter + the annual result.
  const dir = mkdtempSync(join(tmpdir(), 'metodika-bench-score-'));
  try {
    const cfgPath = join(root, 'configs', 'typical-b-2025.scoring.json');
    const csv100 = join(dir, 'quarter-100k.csv');
    writeFileSync(csv100, quarterCsv(100_000));
    // Warm the validator and calendar caches (a first run after installation builds them).
    runCli(root, ['--config', cfgPath, '--input', csv100, '--out', join(dir, 'warm'), '--annual', '--quiet']);
    const runs = Array.from({ length: 5 }, (_, i) => runCli(root, ['--config', cfgPath, '--input', csv100, '--out', join(dir, `o${i}`), '--annual']));
    const ms = median(runs.map((r) => r.ms));
    const lines = readFileSync(join(dir, 'o0', 'results.csv'), 'utf8').split('\n').length - 2;
    rows.push({
      name: 'CLI `score --annual` on a 100,000-row CSV quarter, end to end (process start to exit)',
      ours: `${ms.toFixed(0)} ms (runs: ${runs.map((r) => r.ms.toFixed(0)).join(', ')})`,
      target: '< 1000 ms',
      pass: ms < 1000 && runs.every((r) => r.code === 0) && lines === 100_000,
      note: `node bin/metodika.js score; writes results.csv, results.json, rejects.csv, annual.csv, annual.json; ${runs[0].out.replace(/ -> .*/, '')}`,
    });

    // The same command's run(), in this process (no process start, code already warm).
    {
      const { run } = await import('../src/cli/score.js');
      const log = console.log;
      console.log = () => {};
      const times: number[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          await run(['--config', cfgPath, '--input', csv100, '--out', join(dir, `ip${i}`), '--annual', '--quiet']);
          times.push(performance.now() - t);
        }
      } finally {
        console.log = log;
      }
      rows.push({
        name: '`score --annual` run() in process on the same 100,000-row quarter (no process start)',
        ours: `${median(times).toFixed(0)} ms (runs: ${times.map((x) => x.toFixed(0)).join(', ')})`,
        target: 'informative',
        pass: true,
      });
    }
    const csvOnly = Array.from({ length: 3 }, (_, i) => runCli(root, ['--config', cfgPath, '--input', csv100, '--out', join(dir, `c${i}`), '--annual', '--outputs', 'csv', '--quiet']));
    rows.push({
      name: 'CLI `score --annual --outputs csv` on the same quarter (CSV results only), end to end',
      ours: `${median(csvOnly.map((r) => r.ms)).toFixed(0)} ms (runs: ${csvOnly.map((r) => r.ms.toFixed(0)).join(', ')})`,
      target: 'informative (the JSON files are about two thirds of the bytes written)',
      pass: true,
    });

    // 3. Memory: peak RSS for 100,000 and 400,000 rows (no --annual: that keeps one record per
    // person), with the old generation held to 32 MB so that the collector's pace (it lets the heap
    // grow while there is room) is not read as growth; the index is a typed array, outside it.
    const csv400 = join(dir, 'quarter-400k.csv');
    writeFileSync(csv400, quarterCsv(400_000));
    const CAP = ['--max-old-space-size=32'];
    const m100 = runCli(root, ['--config', cfgPath, '--input', csv100, '--out', join(dir, 'm100'), '--quiet'], CAP);
    const m400 = runCli(root, ['--config', cfgPath, '--input', csv400, '--out', join(dir, 'm400'), '--quiet'], CAP);
    const grows = m400.rssMb - m100.rssMb;
    const perRow = (grows * 1024 * 1024) / 300_000;
    rows.push({
      name: 'CLI `score` peak memory, 100,000 vs 400,000 rows, old generation held to 32 MB (streaming)',
      ours: `${m100.rssMb.toFixed(0)} MB vs ${m400.rssMb.toFixed(0)} MB: +${grows.toFixed(0)} MB for 300,000 more rows, ${perRow.toFixed(0)} bytes a row`,
      target: 'flat in the number of rows (apart from the duplicate index)',
      pass: perRow < 128 && m100.code === 0 && m400.code === 0,
      note: 'rows stream in and results stream out; what grows is the duplicate index (a 96-bit fingerprint and a line number per person-period, 16 bytes in a table kept at most half full) and, with --annual, one small record per person. Holding the records instead would cost about 380 bytes a row (measured on this CSV): 150 MB for these, which the 32 MB limit would refuse',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cal1 = calibration();
  rows.push({
    name: 'machine speed and load indicator: SHA-256 of 256 MB (node:crypto), before and after',
    ours: `${cal0.toFixed(0)} ms, ${cal1.toFixed(0)} ms`,
    target: 'informative (150 ms on an idle core of the machine of session 4)',
    pass: true,
    note: 'when these are well above the idle figure, other processes shared the core and the timings above are pessimistic',
  });
  return rows;
}

// Run directly: node dist/bench/engine.js
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchEngine().then((rows) => {
    for (const r of rows) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}\n      ours: ${r.ours}; target: ${r.target}${r.note ? `\n      ${r.note}` : ''}`);
  });
}
