import { readFile } from 'node:fs/promises';
import { regularFile } from '../io/files.js';
import { hasErrors } from '../diagnostics.js';
import { formatFidelity, measureFidelity } from '../fidelity/fidelity.js';
import { renderText } from '../render/text.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, pickLanguages, UsageError } from './args.js';
import { printDiagnostics } from './report.js';

const USAGE = 'usage: metodika fidelity ACT.yaml SEED.txt [--lang ru|kk] [--from LINE] [--to LINE] [--spans N]';

/** The source acts are 30-120 KB of text. */
const SEED_MAX_BYTES = 16 << 20;

export function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => {
    const { values, positionals } = parse(args, {
      lang: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      spans: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError('fidelity needs ACT.yaml and SEED.txt');
    const [file, seedFile] = positionals;
    const { act, diagnostics } = await resolveFile(file);
    printDiagnostics(diagnostics);
    if (!act || hasErrors(diagnostics)) return 1;
    const [lang] = pickLanguages(values.lang, act.languages);
    regularFile(seedFile, SEED_MAX_BYTES);
    const lines = (await readFile(seedFile, 'utf8')).split('\n');
    const from = values.from ? Number(values.from) : 1;
    const to = values.to ? Number(values.to) : lines.length;
    // Keep the seed's own line numbers in the report: blank out the lines outside the range.
    const seed = lines.map((l, i) => (i + 1 >= from && i + 1 <= to ? l : '')).join('\n');
    const f = measureFidelity(seed, renderText(act.tree(lang).tree));
    console.log(formatFidelity(`${act.id} (${lang}) vs ${seedFile}`, f, values.spans ? Number(values.spans) : 40));
    return 0;
  }, 'fidelity');
}
