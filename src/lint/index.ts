// `lintAct`: runs every rule on a resolved act and returns its diagnostics, sorted by place.
import type { Diagnostic } from '../diagnostics.js';
import { posOf, type SourcePos } from '../load/positions.js';
import type { ResolvedAct } from '../resolve/index.js';
import { createContext } from './context.js';
import { RULES } from './rules/index.js';
import type { At, Rule } from './types.js';

export { RULES } from './rules/index.js';
export { formatLint, type LintResult } from './format.js';

function placeOf(at: At, fallback: SourcePos): SourcePos {
  if (!at || typeof at !== 'object') return fallback;
  if ('pos' in at) return (at as { pos: SourcePos }).pos;
  if ('line' in at && 'file' in at) return at as SourcePos;
  const loaded = posOf(at);
  if (loaded) return loaded;
  const node = at as { position?: { start: { line: number; column: number } }; data?: { file?: string } };
  if (node.position) return { file: node.data?.file ?? fallback.file, line: node.position.start.line, column: node.position.start.column };
  return fallback;
}

/** Lints one act with `rules` (all of them by default). */
export function lintAct(act: ResolvedAct, rules: readonly Rule[] = RULES): Diagnostic[] {
  const ctx = createContext(act);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const fallback: SourcePos = { file: act.file, line: 1, column: 1 };
  for (const rule of rules) {
    rule.check(ctx, (message, at, severity = rule.severity) => {
      const p = placeOf(at, fallback);
      const d: Diagnostic = { file: p.file, line: p.line, column: p.column, severity, message, ruleId: rule.id };
      // The same finding reached twice (a text shared by two sheets) is one finding.
      const key = `${d.file}:${d.line}:${d.column}:${d.ruleId}:${d.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(d);
      }
    });
  }
  // The act's own file first; then what it inherits from its base's file.
  const rank = (d: Diagnostic) => (d.file === act.file ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
