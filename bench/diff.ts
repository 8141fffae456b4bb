// metodika diff against the word diffs people would otherwise run on the acts' plain texts, side
// by side in one run: `git diff --no-index --word-diff` (and wdiff when installed). Ours is timed
// in process on resolved acts (pairing, classification, word-level changes, all of it); the peers
// are processes, so their figure includes their start-up, and they only compare words: no
// pairing of points, no classes, no localisation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareActs } from '../src/diff/compare.js';
import type { Lang } from '../src/model/source.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { renderText } from '../src/render/text.js';
import { resolveFile } from '../src/resolve/index.js';
import { type BenchRow, medianMs } from './types.js';

const TARGET_MS = 20;
const PAIRS: Array<{ local: string; lang: Lang; what: string; align?: 'similarity' }> = [
  { local: 'mangistau-district-2025', lang: 'ru', what: 'Mangistau (000) vs typical, ru, by id' },
  { local: 'zhanakorgan-district-2025', lang: 'kk', what: 'Zhanakorgan (002) vs typical, kk, by id' },
  { local: 'zhanakorgan-district-2025', lang: 'kk', what: 'Zhanakorgan (002) vs typical, kk, by similarity (as if no ids)', align: 'similarity' },
];

const ms = (n: number) => `${n.toFixed(1)} ms`;
/** True when the command is installed (it runs and exits 0). */
const installed = (command: string) => {
  const r = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
};

export async function benchDiff(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'metodika-bench-diff-'));
  const cache = new Map();
  const rows: BenchRow[] = [];
  const git = installed('git');
  const wdiff = installed('wdiff');
  try {
    for (const pair of PAIRS) {
      const { act: local } = await resolveFile(join(PACKAGE_ROOT, 'methodologies', `${pair.local}.yaml`), cache);
      if (!local?.base) throw new Error(`${pair.local} does not resolve: run metodika validate methodologies/${pair.local}.yaml`);
      const base = local.base;
      // Warmed up as a long-running process (an editor, a web page) would be; a one-off CLI call pays start-up anyway.
      const ours = await medianMs(() => compareActs(base, local, { lang: pair.lang, align: pair.align }), 51, 50);

      const a = join(dir, `${base.id}.${pair.lang}.txt`);
      const b = join(dir, `${local.id}.${pair.lang}.txt`);
      writeFileSync(a, renderText(base.tree(pair.lang).tree));
      writeFileSync(b, renderText(local.tree(pair.lang).tree));
      const peer = git
        ? await medianMs(() => spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', a, b], { stdio: 'ignore' }), 11, 2)
        : undefined;
      const other = wdiff ? await medianMs(() => spawnSync('wdiff', [a, b], { stdio: 'ignore' }), 11, 2) : undefined;
      rows.push({
        name: `diff ${pair.what}, in process, vs git diff --no-index --word-diff on the plain texts`,
        ours: ms(ours),
        ...(peer === undefined ? { peer: 'git not found' } : { peer: ms(peer), ratio: `${(peer / ours).toFixed(1)}x` }),
        target: `< ${TARGET_MS} ms`,
        pass: ours < TARGET_MS,
        note: [
          'ours pairs the elements, classes each pair and finds the changed words; the peer compares words only, and its figure includes its process start-up',
          other === undefined ? 'wdiff not installed' : `wdiff: ${ms(other)}`,
        ].join('; '),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
