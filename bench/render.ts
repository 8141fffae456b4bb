// The document renderers against the tools people would otherwise use, side by side in one run:
// a decision with its methodology and both forms (the Mangistau act, ru) to PDF, ours against
// LibreOffice converting our own DOCX; to DOCX, ours against pandoc converting our Markdown.
// Ours is timed in process (the tree already resolved) and as a CLI call (Node start-up, module
// loading, resolve and render), with the parse cache warm (the usual case: an act built again)
// and off. Node's own start-up is timed in the same run: it is the floor of any CLI call, and the
// peer's time over it is the best ratio a Node command line could reach. A peer that is not
// installed is said so, not guessed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { renderDocx } from '../src/render/docx.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { resolveFile } from '../src/resolve/index.js';
import { type BenchRow, medianMs } from './types.js';

const ACT = 'mangistau-district-2025';
const LANG = 'ru';
const WHAT = 'Mangistau act (decision + methodology + 2 forms, ru)';

/** The first of the commands that runs, or undefined. */
function detect(...commands: string[]): string | undefined {
  return commands.find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
}

const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);

function row(name: string, ours: number, peer: number | undefined, target: number, missing: string): BenchRow {
  if (peer === undefined) return { name, ours: ms(ours), peer: 'not installed', target: `>= ${target}x`, pass: false, note: missing };
  const ratio = peer / ours;
  return { name, ours: ms(ours), peer: ms(peer), ratio: `${ratio.toFixed(1)}x`, target: `>= ${target}x`, pass: ratio >= target };
}

export async function benchRender(): Promise<BenchRow[]> {
  const file = join(PACKAGE_ROOT, 'methodologies', `${ACT}.yaml`);
  const { act } = await resolveFile(file);
  if (!act) throw new Error(`${file} does not resolve: run metodika validate ${file}`);
  const { tree } = act.tree(LANG);
  const dir = mkdtempSync(join(tmpdir(), 'metodika-bench-render-'));
  try {
    const cli = (format: string, cache = 'on') => () => {
      const env = { ...process.env, METODIKA_CACHE: cache };
      const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'metodika.js'), 'build', file, '--format', format, '--lang', LANG, '--out', dir], { stdio: 'ignore', env });
      if (r.status !== 0) throw new Error(`metodika build --format ${format} failed`);
    };
    const nodeFloor = await medianMs(() => {
      spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    }, 7, 1);
    const pdfIn = await medianMs(() => renderPdf(tree));
    const pdfCli = await medianMs(cli('pdf'), 5, 1);
    const pdfCold = await medianMs(cli('pdf', 'off'), 5, 1);
    const docxIn = await medianMs(() => renderDocx(tree));
    const docxCli = await medianMs(cli('docx'), 5, 1);
    const docxCold = await medianMs(cli('docx', 'off'), 5, 1);

    const soffice = detect('soffice', 'libreoffice');
    let lo: number | undefined;
    if (soffice) {
      const docx = join(dir, 'lo.docx');
      writeFileSync(docx, await renderDocx(tree));
      const profile = `file://${join(dir, 'lo-profile')}`;
      lo = await medianMs(() => {
        spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore' });
        if (!existsSync(join(dir, 'lo.pdf'))) throw new Error('LibreOffice wrote no PDF');
      }, 3, 1);
    }
    const pandoc = detect('pandoc');
    let pd: number | undefined;
    if (pandoc) {
      const md = join(dir, 'act.md');
      writeFileSync(md, renderMarkdown(tree));
      pd = await medianMs(() => {
        const r = spawnSync(pandoc, [md, '-o', join(dir, 'pandoc.docx')], { stdio: 'ignore' });
        if (r.status !== 0) throw new Error('pandoc failed');
      }, 5, 1);
    }
    const noLo = 'LibreOffice not found: apt-get install -y libreoffice-writer-nogui';
    const noPandoc = 'pandoc not found: apt-get install -y pandoc';
    const ceiling = (peer: number | undefined) => (peer === undefined ? '' : `; no Node CLI can beat ${(peer / nodeFloor).toFixed(1)}x here, the peer's time over Node's bare start-up`);
    const coldNote = 'parse cache off: YAML parse and schema validation of both files included';
    return [
      row(`${WHAT} to PDF, in process, vs LibreOffice DOCX -> PDF`, pdfIn, lo, 30, noLo),
      { ...row(`${WHAT} to PDF, CLI call, vs LibreOffice DOCX -> PDF`, pdfCli, lo, 30, noLo), note: `Node start-up, module loading, resolve (parse cache warm) and render${ceiling(lo)}` },
      { ...row(`${WHAT} to PDF, CLI call, cold, vs LibreOffice DOCX -> PDF`, pdfCold, lo, 30, noLo), target: 'informative', pass: true, note: coldNote },
      row(`${WHAT} to DOCX, in process, vs pandoc Markdown -> DOCX`, docxIn, pd, 5, noPandoc),
      { ...row(`${WHAT} to DOCX, CLI call, vs pandoc Markdown -> DOCX`, docxCli, pd, 5, noPandoc), note: `Node start-up, module loading, resolve (parse cache warm) and render${ceiling(pd)}` },
      { ...row(`${WHAT} to DOCX, CLI call, cold, vs pandoc Markdown -> DOCX`, docxCold, pd, 5, noPandoc), target: 'informative', pass: true, note: coldNote },
      { name: 'Node start-up alone (`node -e 0`): the floor under any CLI call', ours: ms(nodeFloor), target: 'informative', pass: true },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
