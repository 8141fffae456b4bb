// metodika import FILE.txt: the published text of an act into a methodology file (docs/import.md).
// Writes nothing unless the import succeeds and the YAML builds; the report of every span removed,
// repaired or not placed goes beside the YAML (and its summary to stderr).
import { existsSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { ImportError, importText, readActFile } from '../import/index.js';
import { structureOf } from '../import/structure.js';
import { writeFileAtomic } from '../io/write.js';
import { LANGUAGES, type Lang } from '../model/source.js';
import { PACKAGE_ROOT } from '../paths.js';
import { numberNodes } from '../resolve/build-tree.js';
import { resolveFile, type ResolvedAct } from '../resolve/index.js';
import { guard, parse, UsageError } from './args.js';

const USAGE = [
  'usage: metodika import FILE.txt [--lang ru|kk] [--appendix N] [--derive BASE] [--id ID] [--out FILE.yaml] [--report FILE]',
  '  FILE.txt       the published text of an act (UTF-8; Windows-1251 and UTF-16 are converted)',
  '  --appendix N   the methodology that is appendix N of an order approving several',
  '  --derive BASE  write a derived act of BASE (an id in methodologies/, or a .yaml file): base, terms, changes',
  '  --out FILE     where to write the YAML (default: standard output); the report goes beside it',
].join('\n');

/** BASE as a file: a path, or an id looked up beside the output, in ./methodologies, then in the package's. */
function baseFile(base: string, out: string | undefined): string {
  if (/\.ya?ml$/i.test(base)) return base;
  const candidates = [out && join(dirname(out), `${base}.yaml`), join('methodologies', `${base}.yaml`), join(PACKAGE_ROOT, 'methodologies', `${base}.yaml`)];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new ImportError(`base "${base}" not found (looked for ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

async function loadBase(base: string, out: string | undefined): Promise<ResolvedAct> {
  const file = baseFile(base, out);
  const { act, diagnostics } = await resolveFile(file);
  if (!act || hasErrors(diagnostics)) {
    throw new ImportError(`the base ${file} does not resolve:\n${diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map(formatDiagnostic).join('\n')}`);
  }
  return act;
}

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, {
      lang: { type: 'string' },
      appendix: { type: 'string' },
      derive: { type: 'string' },
      id: { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('import needs one text file');
    if (values.lang && !(LANGUAGES as readonly string[]).includes(values.lang)) throw new UsageError(`unknown language "${values.lang}" (use ru or kk)`);
    if (values.appendix && !/^\d+$/.test(values.appendix)) throw new UsageError(`--appendix wants a number, not "${values.appendix}"`);
    if (values.id && !/^[a-z0-9][a-z0-9-]*$/.test(values.id)) throw new UsageError(`--id "${values.id}" is not an id (lower-case letters, digits and hyphens)`);
    if (values.out && !/\.ya?ml$/i.test(values.out)) throw new UsageError(`--out names the YAML file to write (FILE.yaml), not "${values.out}"`);
    const [file] = positionals;
    try {
      const input = await readActFile(file);
      const base = values.derive ? await loadBase(values.derive, values.out) : undefined;
      const result = await importText(input.text, {
        file,
        lang: values.lang as Lang | undefined,
        appendix: values.appendix,
        id: values.id,
        base,
        out: values.out ? resolvePath(values.out) : undefined,
      });
      if (input.converted) result.report.add('encoding', 1, `the file is in ${input.converted}, not UTF-8: converted`);
      const reportFile = values.report ?? (values.out ? values.out.replace(/\.ya?ml$/i, '.import-report.txt') : undefined);
      if (values.out) await writeFileAtomic(values.out, result.yaml);
      else process.stdout.write(result.yaml);
      if (reportFile) await writeFileAtomic(reportFile, `${result.report.format(file)}\n`);
      const s = structureOf(result.act.base ? base!.source : result.act, numberNodes(result.act.base ? base!.source : result.act));
      const what = result.act.base
        ? `derived from ${result.act.base}: ${result.act.terms?.length ?? 0} term(s), ${result.act.changes?.length ?? 0} change(s)`
        : `${s.chapters} chapter(s), ${s.points.reduce((a, b) => a + b, 0)} point(s), ${s.appendices} appendix(es)`;
      console.error(`${file}: ${result.lang}, ${what}; the build reproduces ${(result.recall * 100).toFixed(2)} % of the input's words`);
      if (input.converted) console.error(`${file}: note: converted from ${input.converted} to UTF-8`);
      console.error(`${file}: report: ${result.report.summary()}${reportFile ? ` (${reportFile})` : ''}`);
      if (values.out) console.error(`wrote ${values.out}`);
      if (result.act.base && values.out && !existsSync(join(dirname(values.out), `${result.act.base}.yaml`))) {
        console.error(`${file}: warning: ${result.act.base}.yaml is not beside ${values.out}; a derived act finds its base in its own folder`);
      }
      return 0;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      console.error(`metodika import: ${e.message}`);
      return 1;
    }
  }, 'import');
}
