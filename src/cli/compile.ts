// metodika compile: an act's scoring section -> output/<id>/scoring.json.

import { join } from 'node:path';
import type { MethodologyFile } from '../model/source.js';
import { compileActScoring, configText, formatConfigDiagnostic } from '../scoring/compile.js';
import { writeFileAtomic } from '../engine/stream.js';
import { guard, parse, UsageError } from './args.js';
import { oneLine } from './score.js';
import { makeDir } from '../io/folders.js';

export const USAGE = `usage: metodika compile ACT.yaml... [--out DIR]

  Compiles the act's scoring section (after its base and changes are applied) into a scoring
  configuration, validated by schemas/scoring.schema.json, written to DIR/<id>/scoring.json
  (default DIR: output). Gaps in the act's own range tables are reported as warnings.
Exit code: 0 compiled; 1 errors; 2 bad arguments.`;

interface ResolveApi {
  resolveFile(file: string, cache?: Map<string, unknown>): Promise<{
    act?: { id: string; source: MethodologyFile };
    diagnostics: Array<{ file: string; line: number; column: number; severity: 'error' | 'warning' | 'info'; message: string; ruleId: string }>;
  }>;
}

export async function run(args: string[]): Promise<number> {
  return guard(USAGE, () => command(args), 'compile');
}

async function command(args: string[]): Promise<number> {
  const { values, positionals: files } = parse(args, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!files.length) throw new UsageError('compile needs an ACT.yaml');
  const outRoot = values.out ?? 'output';
  let failed = false;
  try {
    // The resolver is the document side's; loaded here only (the engine never imports it).
    const resolver = (await import('../resolve/index.js')) as unknown as ResolveApi;
    const cache = new Map<string, unknown>();
    for (const file of files) {
      const { act, diagnostics } = await resolver.resolveFile(file, cache);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      for (const d of errors) console.error(`${d.file}:${d.line}:${d.column}: error: ${d.message} [${d.ruleId}]`);
      if (!act || errors.length) {
        console.error(`${file}: not compiled (${errors.length} error(s))`);
        failed = true;
        continue;
      }
      const r = compileActScoring(act.source, act.id);
      if (!r) {
        console.error(`${file}: the act has no scoring section`);
        failed = true;
        continue;
      }
      for (const d of r.diagnostics) console.error(`${file}: ${formatConfigDiagnostic(d)}`);
      if (!r.config) {
        console.error(`${file}: not compiled`);
        failed = true;
        continue;
      }
      const dir = join(outRoot, act.id);
      makeDir(dir);
      const path = join(dir, 'scoring.json');
      await writeFileAtomic(path, configText(r.config));
      console.log(`${file}: ${path}`);
    }
  } catch (e) {
    console.error(`metodika compile: ${oneLine(e)}`);
    return 1;
  }
  return failed ? 1 : 0;
}
