// `metodika import` on the longest published act (001, 122 KB): the whole import of each of its two
// methodologies (read, repair, structure, scoring, YAML, and the check that the YAML validates,
// builds and reproduces the text), in process, after a warm-up.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importText } from '../src/import/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { type BenchRow, medianMs } from './types.js';

const TARGET_MS = 200;

export async function benchImport(): Promise<BenchRow[]> {
  const file = join(PACKAGE_ROOT, 'test', 'seeds', '001_bd87805fbc2ceb4a.txt');
  const text = await readFile(file, 'utf8');
  const kb = Math.round(Buffer.byteLength(text) / 1024);
  const rows: BenchRow[] = [];
  for (const appendix of ['1', '2']) {
    const ms = await medianMs(() => importText(text, { file, appendix }), 15, 3);
    rows.push({
      name: `import 001 (${kb} KB) --appendix ${appendix}, in process (median of 15)`,
      ours: `${ms.toFixed(1)} ms`,
      target: `< ${TARGET_MS} ms`,
      pass: ms < TARGET_MS,
      note: appendix === '1' ? 'corps A: 60 points, 10 appendices' : 'typical corps B: 24 points, 2 sheets',
    });
  }
  return rows;
}
