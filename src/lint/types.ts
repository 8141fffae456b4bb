// The linter's contract, modelled on remark-lint: a rule has a stable id, a default severity and
// a check that visits the act and reports a message at a node; the position comes from the node.
import type { Severity } from '../diagnostics.js';
import type { SourcePos } from '../load/positions.js';
import type { LintContext } from './context.js';

/**
 * What a message is reported at: a paragraph of the walk (`{pos}`), a node of the Act tree, a
 * loaded YAML object (its position rides on it), or a position.
 */
export type At = { pos: SourcePos } | SourcePos | object | undefined;

export type Report = (message: string, at: At, severity?: Exclude<Severity, 'info'>) => void;

export interface Rule {
  /** Stable id, printed after every message and used in docs/lint.md. */
  id: string;
  /** Default severity: error when the act is wrong, warning for style or suspicion. */
  severity: Exclude<Severity, 'info'>;
  check(ctx: LintContext, report: Report): void;
}
