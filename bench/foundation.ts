// The foundation: load + validate + resolve + plain text and Markdown of the three card acts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderText } from '../src/render/text.js';
import { resolveFile } from '../src/resolve/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { type BenchRow, medianMs } from './types.js';

const ACTS = ['typical-b-2025', 'mangistau-district-2025', 'zhanakorgan-district-2025'];

export async function benchFoundation(): Promise<BenchRow[]> {
  const files = ACTS.map((id) => join(PACKAGE_ROOT, 'methodologies', `${id}.yaml`));
  const inProcess = await medianMs(async () => {
    const cache = new Map();
    for (const f of files) {
      const { act } = await resolveFile(f, cache);
      for (const lang of act!.languages) {
        const { tree, missing } = act!.tree(lang);
        if (missing.length) continue;
        renderText(tree);
        renderMarkdown(tree);
      }
    }
  });
  const out = mkdtempSync(join(tmpdir(), 'metodika-bench-'));
  const cli = await medianMs(() => spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'metodika.js'), 'all', join(PACKAGE_ROOT, 'methodologies'), '--out', out], { stdio: 'ignore' }), 5, 1);
  return [
    { name: 'resolve + text + Markdown of the 3 card acts, in process', ours: `${inProcess.toFixed(1)} ms`, target: 'informative', pass: true },
    { name: '`metodika all` (npm start without tsc) on methodologies/, CLI', ours: `${cli.toFixed(0)} ms`, target: 'informative', pass: true },
  ];
}
