// metodika explain ACT.yaml [--lang ru|kk]: what the act decides where the typical act leaves the
// choice to the body (routing, evaluators, deadlines, caps), in plain words, for review.
import { hasErrors } from '../diagnostics.js';
import { explainAct } from '../explain/explain.js';
import { LANGUAGES, type Lang } from '../model/source.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, UsageError } from './args.js';
import { printDiagnostics } from './report.js';

const USAGE = 'usage: metodika explain ACT.yaml [--lang ru|kk]';

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, { lang: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('explain needs one act');
    if (values.lang && !(LANGUAGES as readonly string[]).includes(values.lang)) throw new UsageError(`unknown language "${values.lang}" (use ru or kk)`);
    const { act, diagnostics } = await resolveFile(positionals[0]);
    if (!act || hasErrors(diagnostics)) {
      printDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
      console.error(`metodika explain: ${positionals[0]} does not resolve (run: metodika validate ${positionals[0]})`);
      return 1;
    }
    const lang = (values.lang as Lang | undefined) ?? act.languages[0];
    if (!act.languages.includes(lang)) {
      console.error(`metodika explain: ${act.id} is not published in ${lang} (its languages: ${act.languages.join(', ')})`);
      return 1;
    }
    process.stdout.write(explainAct(act, lang));
    return 0;
  }, 'explain');
}
