import { join } from 'node:path';
import { buildAct, diagnosticsOf, FORMATS, OutputError } from '../build/build-act.js';
import { hasErrors } from '../diagnostics.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, pickLanguages, splitList, UsageError } from './args.js';
import { printDiagnostics } from './report.js';

const USAGE = `usage: metodika build FILE... [--format ${FORMATS.join(',')}] [--lang ru|kk|all] [--out DIR]`;

/**
 * Reports an error that stopped the build of one file (an output that cannot be written, a
 * broken template) in one clear line each; rethrows anything unexpected.
 */
export function printBuildError(file: string, e: unknown): void {
  if (e instanceof OutputError) {
    console.error(`metodika: error: ${e.message}`);
    return;
  }
  const diagnostics = diagnosticsOf(e);
  if (!diagnostics) throw e;
  printDiagnostics(diagnostics);
  console.error(`${file}: not built`);
}

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
    });
    if (!positionals.length) throw new UsageError('build needs at least one FILE');
    const formats = splitList(values.format, FORMATS, FORMATS);
    const cache = new Map();
    let failed = false;
    for (const file of positionals) {
      try {
        const { act, diagnostics } = await resolveFile(file, cache);
        printDiagnostics(diagnostics);
        if (!act || hasErrors(diagnostics)) {
          failed = true;
          continue;
        }
        const langs = pickLanguages(values.lang, act.languages);
        const outDir = values.out ?? join('output', act.id);
        const report = await buildAct(act, langs, formats, outDir);
        for (const [lang, missing] of report.incomplete) {
          failed = true;
          printDiagnostics(missing);
          console.error(`${file}: ${missing.length} node(s) have no ${lang} text; no ${lang} document written`);
        }
        for (const [lang, problems] of report.failed) {
          failed = true;
          printDiagnostics(problems);
          console.error(`${file}: no ${lang} document written`);
        }
        for (const w of report.written) console.log(`wrote ${w}`);
      } catch (e) {
        printBuildError(file, e);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  }, 'build');
}
