import { hasErrors } from '../diagnostics.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, UsageError } from './args.js';
import { printDiagnostics, summariseMissing } from './report.js';

const USAGE = 'usage: metodika validate FILE...';

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { positionals } = parse(args, {});
    if (!positionals.length) throw new UsageError('validate needs at least one FILE');
    const cache = new Map();
    let failed = false;
    for (const file of positionals) {
      const { act, diagnostics } = await resolveFile(file, cache);
      printDiagnostics(diagnostics);
      if (!act || hasErrors(diagnostics)) {
        failed = true;
        console.error(`${file}: invalid (${diagnostics.filter((d) => d.severity === 'error').length} error(s))`);
        continue;
      }
      for (const lang of act.languages) {
        const { missing } = act.tree(lang);
        if (missing.length) console.error(summariseMissing(file, lang, missing));
      }
      console.log(`${file}: valid (${act.id}${act.base ? `, derived from ${act.base.id}` : ''}; ${act.languages.join(', ')})`);
    }
    return failed ? 1 : 0;
  }, 'validate');
}
