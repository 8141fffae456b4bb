// Lint output: for people, one line a finding, `file:line:column  severity  message  rule-id`,
// grouped by the act linted, with a summary line; for tools, the same as JSON.
import type { Diagnostic } from '../diagnostics.js';

export interface LintResult {
  /** The act file linted (a derived act's findings may lie in its base's file). */
  file: string;
  diagnostics: Diagnostic[];
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function tally(results: readonly LintResult[]) {
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  return { errors, warnings: all.length - errors, files: results.length };
}

function formatText(results: readonly LintResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.diagnostics.length) {
      out.push(`${r.file}: no problems`, '');
      continue;
    }
    out.push(r.file);
    const where = r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`);
    const w = Math.max(...where.map((s) => s.length));
    r.diagnostics.forEach((d, i) => out.push(`${where[i].padEnd(w)}  ${d.severity.padEnd(7)}  ${d.message}  ${d.ruleId}`));
    out.push('');
  }
  const t = tally(results);
  const problems = t.errors + t.warnings;
  out.push(problems ? `${count(problems, 'problem')} (${count(t.errors, 'error')}, ${count(t.warnings, 'warning')}) in ${count(t.files, 'file')}` : `no problems in ${count(t.files, 'file')}`);
  return out.join('\n') + '\n';
}

function formatJson(results: readonly LintResult[]): string {
  const files = results.map((r) => ({ file: r.file, diagnostics: r.diagnostics }));
  return JSON.stringify({ files, summary: tally(results) }, null, 2) + '\n';
}

export function formatLint(results: readonly LintResult[], format: 'text' | 'json' = 'text'): string {
  return format === 'json' ? formatJson(results) : formatText(results);
}
