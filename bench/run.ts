// `npm run bench`: every benchmark side by side with the peer a user would otherwise use, in one
// run, printed as a Markdown table (and written to output/benchmarks.md) for BENCHMARKS.md.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/io/write.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { benchDiff } from './diff.js';
import { benchEngine } from './engine.js';
import { benchForms } from './forms.js';
import { benchFoundation } from './foundation.js';
import { benchImport } from './import.js';
import { benchRender } from './render.js';
import type { BenchRow } from './types.js';

const SECTIONS: Array<[string, () => Promise<BenchRow[]>]> = [
  ['Foundation: load, validate, resolve, text (issue 3)', benchFoundation],
  ['Render: PDF and DOCX (issue 4)', benchRender],
  ['Scoring engine (issue 5)', benchEngine],
  ['Diff (issue 7)', benchDiff],
  ['Evaluation sheets (issue 9)', benchForms],
  ['Import (issue 8)', benchImport],
];

const only = process.argv.slice(2);
const lines: string[] = [
  `Run ${new Date().toISOString()} on ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
  '',
];
let failed = 0;
for (const [title, bench] of SECTIONS) {
  if (only.length && !only.some((o) => title.toLowerCase().includes(o.toLowerCase()))) continue;
  process.stderr.write(`bench: ${title} ...\n`);
  lines.push(`### ${title}`, '', '| benchmark | ours | peer | ratio | target | met | note |', '|---|---|---|---|---|---|---|');
  try {
    for (const r of await bench()) {
      if (!r.pass) failed++;
      lines.push(`| ${r.name} | ${r.ours} | ${r.peer ?? ''} | ${r.ratio ?? ''} | ${r.target} | ${r.pass ? 'yes' : 'NO'} | ${r.note ?? ''} |`);
    }
  } catch (e) {
    failed++;
    lines.push(`| (failed) | | | | | NO | ${(e as Error).message.split('\n')[0]} |`);
  }
  lines.push('');
}
const table = lines.join('\n');
console.log(table);
await writeFileAtomic(join(PACKAGE_ROOT, 'output', 'benchmarks.md'), table + '\n');
console.error(`bench: ${failed ? `${failed} target(s) not met` : 'every target met'}; table in output/benchmarks.md`);
