// `metodika lint FILE... [--format text|json]`: the act's defects, found on its Act tree.
import { hasErrors } from '../diagnostics.js';
import { formatLint, lintAct, type LintResult } from '../lint/index.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, UsageError } from './args.js';
import { printDiagnostics } from './report.js';

const USAGE = 'usage: metodika lint FILE... [--format text|json]';

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, { format: { type: 'string' } });
    if (!positionals.length) throw new UsageError('lint needs at least one FILE');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (use text or json)`);
    const cache = new Map();
    const results: LintResult[] = [];
    let failed = false;
    for (const file of positionals) {
      const { act, diagnostics } = await resolveFile(file, cache);
      if (!act) {
        // An act that does not resolve has no tree to lint: its resolve errors are the findings.
        printDiagnostics(diagnostics);
        console.error(`${file}: not linted (run: metodika validate ${file})`);
        failed = true;
        continue;
      }
      results.push({ file, diagnostics: lintAct(act) });
    }
    process.stdout.write(formatLint(results, format));
    return failed || results.some((r) => hasErrors(r.diagnostics)) ? 1 : 0;
  }, 'lint');
}
