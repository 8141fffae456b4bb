import { join } from 'node:path';
import { buildAct, FORMATS } from '../build/build-act.js';
import { hasErrors } from '../diagnostics.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, pickLanguages, splitList, UsageError } from './args.js';
import { printDiagnostics } from './report.js';

const USAGE = `usage: metodika build FILE... [--format ${FORMATS.join(',')}] [--lang ru|kk|all] [--out DIR]`;

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
      for (const w of report.written) console.log(`wrote ${w}`);
    }
    return failed ? 1 : 0;
  });
}
