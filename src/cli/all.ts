// `npm start`: validate, lint and build every act in methodologies/ into output/<id>/, in every
// format, with the scoring configuration of each act that has a scoring section. Lint findings
// are written and counted but do not fail the run: the published acts are kept faithful, defects
// included, and lint is how they are reported.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAct, FORMATS } from '../build/build-act.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { writeFileAtomic } from '../io/write.js';
import { formatLint, lintAct } from '../lint/index.js';
import { resolveFile } from '../resolve/index.js';
import { compileActScoring, configText, formatConfigDiagnostic } from '../scoring/compile.js';
import { guard, parse } from './args.js';
import { printBuildError } from './build.js';
import { printDiagnostics, summariseMissing } from './report.js';

const USAGE = 'usage: metodika all [DIR] [--out DIR]';

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, { out: { type: 'string' } });
    const dir = positionals[0] ?? 'methodologies';
    const outRoot = values.out ?? 'output';
    const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
    const cache = new Map();
    let failed = 0;
    const started = performance.now();
    for (const file of files) {
      try {
        const { act, diagnostics } = await resolveFile(file, cache);
        printDiagnostics(diagnostics);
        if (!act || hasErrors(diagnostics)) {
          failed++;
          console.error(`${file}: not built`);
          continue;
        }
        const outDir = join(outRoot, act.id);
        const report = await buildAct(act, act.languages, FORMATS, outDir);
        const notes = [...report.incomplete].map(([lang, missing]) => summariseMissing(file, lang, missing));
        for (const n of notes) console.error(n);
        for (const [lang, problems] of report.failed) {
          printDiagnostics(problems);
          console.error(`${file}: no ${lang} document written`);
        }
        if (report.failed.size) failed++;
        // The scoring configuration the engine runs (metodika score --config), from the same data
        // as the act's wording of its rules.
        const scoring = compileActScoring(act.source, act.id);
        if (scoring?.config) {
          const path = join(outDir, 'scoring.json');
          await writeFileAtomic(path, configText(scoring.config));
          report.written.push(path);
        } else if (scoring) {
          for (const d of scoring.diagnostics) console.error(`${file}: ${formatConfigDiagnostic(d)}`);
          console.error(`${file}: the scoring section does not compile`);
          failed++;
        }
        const reportText = [
          `act: ${act.id}${act.base ? ` (derived from ${act.base.id})` : ''}`,
          `languages: ${act.languages.join(', ')}`,
          ...report.written.map((w) => `wrote: ${w}`),
          ...diagnostics.map(formatDiagnostic),
          ...(scoring?.diagnostics ?? []).map(formatConfigDiagnostic),
          ...[...report.incomplete].flatMap(([lang, missing]) => [`${lang}: not built, ${missing.length} node(s) have no ${lang} text:`, ...missing.map(formatDiagnostic)]),
          ...[...report.failed].flatMap(([lang, problems]) => [`${lang}: not built:`, ...problems.map(formatDiagnostic)]),
        ].join('\n');
        await writeFileAtomic(join(outDir, 'build-report.txt'), reportText + '\n');
        const findings = lintAct(act);
        await writeFileAtomic(join(outDir, 'lint.txt'), formatLint([{ file, diagnostics: findings }]));
        const count = (s: string) => findings.filter((d) => d.severity === s).length;
        console.log(`${act.id}: ${report.written.length} file(s) in ${outDir}; lint: ${count('error')} error(s), ${count('warning')} warning(s) (lint.txt)`);
      } catch (e) {
        printBuildError(file, e);
        failed++;
      }
    }
    console.log(`${files.length - failed} of ${files.length} act(s) built in ${Math.round(performance.now() - started)} ms`);
    return failed ? 1 : 0;
  }, 'all');
}
