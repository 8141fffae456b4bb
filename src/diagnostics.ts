// One diagnostic shape for every stage (load, validate, resolve, lint), modelled on vfile
// messages: a position in a source file, a stable rule id, and a message a person can act on.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** Stable id of the check that produced it, e.g. `yaml-syntax`, `schema`, `unknown-ref`. */
  ruleId: string;
  /** The YAML path of the offending node, e.g. `methodology.chapters[0].points[2]`. */
  path?: string;
}

/** A failure that stops a stage; carries the diagnostics that explain it. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? ` (at ${d.path})` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${where} [${d.ruleId}]`;
}

/** An error at a position of a file. */
export function errorAt(file: string, pos: { line: number; column: number }, message: string, ruleId: string, path?: string): Diagnostic {
  return { file, line: pos.line, column: pos.column, severity: 'error', message, ruleId, path };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Renders a YAML path array as `a.b[2].c`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
