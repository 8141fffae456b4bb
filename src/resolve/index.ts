// load -> validate -> compose (base + terms + changes) -> number -> Act tree per language.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import { posOfKey } from '../load/positions.js';
import type { Lang, MethodologyFile } from '../model/source.js';
import { loadValidated } from '../validate/load-validated.js';
import { type BuildResult, buildTree, numberNodes } from './build-tree.js';
import { compose } from './compose.js';
import { indexNodes } from './nodes.js';

export interface ResolvedAct {
  id: string;
  file: string;
  /** The complete act: for a derived act, the base's methodology and scoring with terms and changes applied. */
  source: MethodologyFile;
  /** As written in the file (for a derived act: its base, terms and changes). */
  own: MethodologyFile;
  languages: Lang[];
  numbers: Map<string, string>;
  removed: Set<string>;
  /** Ids a derived act replaced or inserted. */
  changedIds: Set<string>;
  base?: ResolvedAct;
  /** The Act tree of one language (built on first use). */
  tree(lang: Lang): BuildResult;
}

export interface ResolveResult {
  act?: ResolvedAct;
  diagnostics: Diagnostic[];
}

export type ResolveCache = Map<string, Promise<ResolveResult>>;

function at(file: string, obj: unknown, key: string): { file: string; line: number; column: number } {
  return posOfKey(obj, key) ?? { file, line: 1, column: 1 };
}

/** Resolves one methodology file. Share `cache` between calls that build several acts. */
export async function resolveFile(file: string, cache: ResolveCache = new Map(), stack: string[] = []): Promise<ResolveResult> {
  const key = existsSync(file) ? realpathSync(file) : file;
  if (stack.includes(key)) {
    const chain = [...stack.slice(stack.indexOf(key)), key].map((f) => basename(f)).join(' -> ');
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: `cycle of bases: ${chain}`, ruleId: 'base-cycle' }] };
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const pending = resolveUncached(file, cache, [...stack, key]);
  cache.set(key, pending);
  return pending;
}

async function resolveUncached(file: string, cache: ResolveCache, stack: string[]): Promise<ResolveResult> {
  const loaded = await loadValidated(file);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const diagnostics = [...loaded.diagnostics];
  const own = loaded.value as MethodologyFile;
  indexNodes(own, file, diagnostics);
  const expected = basename(file).replace(/\.ya?ml$/, '');
  if (own.id !== expected) {
    const p = at(file, own, 'id');
    diagnostics.push({ ...p, severity: 'warning', ruleId: 'id-filename', message: `id "${own.id}" differs from the file name "${expected}": a derived act finds its base by file name` });
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  let source = own;
  let base: ResolvedAct | undefined;
  let removed = new Set<string>();
  let changedIds = new Set<string>();
  if (own.base) {
    const baseFile = join(dirname(file), `${own.base}.yaml`);
    if (!existsSync(baseFile)) {
      diagnostics.push({ ...at(file, own, 'base'), severity: 'error', ruleId: 'missing-base', message: `base "${own.base}" not found (looked for ${baseFile})` });
      return { diagnostics };
    }
    const baseResult = await resolveFile(baseFile, cache, stack);
    if (!baseResult.act) {
      const cycle = baseResult.diagnostics.find((d) => d.ruleId === 'base-cycle');
      if (cycle) diagnostics.push({ ...at(file, own, 'base'), severity: 'error', ruleId: 'base-cycle', message: cycle.message });
      else diagnostics.push({ ...at(file, own, 'base'), severity: 'error', ruleId: 'bad-base', message: `base "${own.base}" has errors (run: metodika validate ${baseFile})` });
      return { diagnostics };
    }
    base = baseResult.act;
    const composition = compose(base.source, own, file, diagnostics);
    source = composition.source;
    removed = composition.removed;
    changedIds = composition.changedIds;
    indexNodes(source, file, diagnostics);
    if (hasErrors(diagnostics)) return { diagnostics };
  }

  const numbers = numberNodes(source);
  const trees = new Map<Lang, BuildResult>();
  const act: ResolvedAct = {
    id: own.id, file, source, own, languages: own.language, numbers, removed, changedIds, base,
    tree(lang) {
      let t = trees.get(lang);
      if (!t) {
        t = buildTree(source, lang, numbers, removed);
        trees.set(lang, t);
      }
      return t;
    },
  };
  // Every language the act is published in must expand cleanly; missing wording is reported
  // by the build of that language, which refuses to write a half-translated document.
  for (const lang of act.languages) diagnostics.push(...act.tree(lang).errors);
  return { act: hasErrors(diagnostics) ? undefined : act, diagnostics };
}
