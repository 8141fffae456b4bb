// metodika diff LOCAL | A B: what one act changes against another. Prints the summary; writes
// the reports, the redline and the comparative table asked for with --format (all of them when
// only --out is given).
import { mkdtemp, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { hasErrors } from '../diagnostics.js';
import { compareActs, DiffInputError } from '../diff/compare.js';
import type { ActDiff } from '../diff/diff.js';
import { renderRedline } from '../diff/redline/index.js';
import { renderDiffHtml } from '../diff/report/html.js';
import { renderDiffMarkdown } from '../diff/report/markdown.js';
import { renderSummary } from '../diff/report/summary.js';
import { renderTableDocx } from '../diff/table/docx.js';
import { renderTablePdf } from '../diff/table/pdf.js';
import { writeFileAtomic } from '../io/write.js';
import { LANGUAGES, type Lang } from '../model/source.js';
import { type ResolveCache, resolveFile, type ResolvedAct } from '../resolve/index.js';
import { guard, parse, splitList, UsageError } from './args.js';
import { printDiagnostics } from './report.js';

const USAGE = [
  'usage: metodika diff LOCAL.yaml            compare a derived act with its base',
  '       metodika diff A.yaml B.yaml         compare B with A (A: the typical act, or the current version)',
  '  [--format md,html,redline,table,table-pdf|all] [--out DIR] [--lang ru|kk] [--all]',
  '  [--align id|similarity] [--author NAME] [--date YYYY-MM-DD] [--exit-code]',
].join('\n');

interface Output {
  suffix: string;
  write: (diff: ActDiff, o: { author: string; date: string; all: boolean }) => Promise<string | Uint8Array> | string;
}

const OUTPUTS: Record<string, Output> = {
  md: { suffix: 'diff.md', write: (d) => renderDiffMarkdown(d) },
  html: { suffix: 'diff.html', write: (d) => renderDiffHtml(d) },
  redline: { suffix: 'redline.docx', write: (d, o) => renderRedline(d, { author: o.author, date: o.date }) },
  table: { suffix: 'table.docx', write: (d, o) => renderTableDocx(d, { all: o.all }) },
  'table-pdf': { suffix: 'table.pdf', write: (d, o) => renderTablePdf(d, { all: o.all }) },
};
const FORMATS = Object.keys(OUTPUTS);

/** A published text is imported (as `metodika import` would) into a temporary full act. */
async function importForDiff(file: string): Promise<string> {
  const { ImportError, importText, readActFile } = await import('../import/index.js');
  try {
    const { text } = await readActFile(file);
    const dir = await mkdtemp(join(tmpdir(), 'metodika-diff-'));
    const imported = await importText(text, { file, out: join(dir, 'imported.yaml') });
    const out = join(dir, `${imported.act.id}.yaml`);
    await writeFile(out, imported.yaml);
    return out;
  } catch (e) {
    if (e instanceof ImportError) throw new DiffInputError(e.message);
    throw e;
  }
}

/** Resolves one act, or says in one line why the file cannot be compared. */
async function load(file: string, cache: ResolveCache): Promise<ResolvedAct> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new DiffInputError(`${file}: ${info ? 'a folder, where a file was expected' : 'no such file'}`);
  if (!(await readFile(file, 'utf8')).trim()) throw new DiffInputError(`${file}: the file is empty, there is no act to compare`);
  const yamlFile = /^\.ya?ml$/i.test(extname(file)) ? file : await importForDiff(file);
  const { act, diagnostics } = await resolveFile(yamlFile, cache);
  if (!act || hasErrors(diagnostics)) {
    printDiagnostics(diagnostics.filter((d) => d.severity === 'error').slice(0, 5));
    throw new DiffInputError(`${file}: not a methodology act that resolves (run: metodika validate ${file})`);
  }
  return act;
}

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      all: { type: 'boolean' },
      align: { type: 'string' },
      author: { type: 'string' },
      date: { type: 'string' },
      'exit-code': { type: 'boolean' },
    });
    if (positionals.length < 1 || positionals.length > 2) throw new UsageError('diff needs one derived act, or two acts');
    if (values.lang && !(LANGUAGES as readonly string[]).includes(values.lang)) throw new UsageError(`unknown language "${values.lang}" (use ru or kk)`);
    if (values.align && values.align !== 'id' && values.align !== 'similarity') throw new UsageError(`unknown alignment "${values.align}" (use id or similarity)`);
    if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date wants YYYY-MM-DD, not "${values.date}"`);
    const formats = values.format === 'all' ? FORMATS : splitList(values.format, FORMATS, values.out ? FORMATS : []);

    try {
      const cache: ResolveCache = new Map();
      let base: ResolvedAct;
      let local: ResolvedAct;
      if (positionals.length === 1) {
        local = await load(positionals[0], cache);
        if (!local.base) throw new DiffInputError(`${positionals[0]}: ${local.id} has no base to compare with; give two acts: metodika diff A.yaml B.yaml`);
        base = local.base;
      } else {
        const [a, b] = positionals;
        const [ra, rb] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
        if (ra === rb) throw new DiffInputError(`${a}: an act compared with itself has no differences; give two different acts`);
        base = await load(a, cache);
        local = await load(b, cache);
        if ((await readFile(ra, 'utf8')) === (await readFile(rb, 'utf8'))) throw new DiffInputError(`${a} and ${b} are the same act (identical files)`);
      }
      const diff = compareActs(base, local, { lang: values.lang as Lang | undefined, align: values.align as 'id' | 'similarity' | undefined });
      if (!diff.units.local.some((u) => u.area === 'methodology' && u.missing.some((m) => !m))) {
        throw new DiffInputError(`${local.file}: the act has no ${diff.lang} text to compare`);
      }
      process.stdout.write(renderSummary(diff));

      const outDir = values.out ?? join('output', local.id);
      const options = { author: values.author ?? 'metodika', date: `${values.date ?? local.source.act.date}T00:00:00Z`, all: !!values.all };
      for (const format of formats) {
        const o = OUTPUTS[format];
        const path = join(outDir, `${local.id}.vs.${base.id}.${diff.lang}.${o.suffix}`);
        await writeFileAtomic(path, await o.write(diff, options));
        console.log(`wrote ${path}`);
      }
      const changed = diff.counts.substance + diff.counts.added + diff.counts.removed + diff.counts.moved + diff.counts['no-text'];
      return values['exit-code'] && changed > 0 ? 1 : 0;
    } catch (e) {
      if (!(e instanceof DiffInputError)) throw e;
      console.error(`metodika diff: ${e.message}`);
      return 1;
    }
  }, 'diff');
}
