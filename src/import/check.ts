// The draft must be an act the toolkit builds: it is validated and built as `metodika build` would
// build its YAML (a derived act composed with its base), and the built text is compared with the
// input word by word. Input words the build does not reproduce are reported with their
// lines, so that nothing is lost silently.
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import { measureFidelity } from '../fidelity/fidelity.js';
import type { Lang, MethodologyFile } from '../model/source.js';
import { renderText } from '../render/text.js';
import { buildTree, numberNodes } from '../resolve/build-tree.js';
import { compose } from '../resolve/compose.js';
import type { ResolvedAct } from '../resolve/index.js';
import { indexNodes } from '../resolve/nodes.js';
import { validateLoaded } from '../validate/validate.js';
import type { ImportReport } from './report.js';

export interface BuildCheck {
  diagnostics: Diagnostic[];
  /** The plain text of the built act (when it builds). */
  text?: string;
  /** The composed act (a derived act with its base applied). */
  source?: MethodologyFile;
}

/**
 * Builds the act as if it were the file `file` (a derived act needs its resolved base): validated
 * against the schema and built as the YAML the importer writes would be (the YAML is written from
 * this very object; the tests read the files back).
 */
export async function buildAct(act: MethodologyFile, file: string, lang: Lang, base?: ResolvedAct): Promise<BuildCheck> {
  // Plain data, as a YAML reader would give it (no undefined members, no shared objects).
  let source = JSON.parse(JSON.stringify(act)) as MethodologyFile;
  const at = { file, line: 1, column: 1 };
  const diagnostics = await validateLoaded({ file, value: source, positionOf: () => at, keyPositionOf: () => at });
  if (hasErrors(diagnostics)) return { diagnostics };
  indexNodes(source, file, diagnostics);
  let removed = new Set<string>();
  if (base) {
    const c = compose(base.source, source, file, diagnostics);
    source = c.source;
    removed = c.removed;
    indexNodes(source, file, diagnostics);
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  const built = buildTree(source, lang, numberNodes(source), removed);
  diagnostics.push(...built.errors, ...built.missing);
  if (hasErrors(diagnostics)) return { diagnostics };
  return { diagnostics, text: renderText(built.tree), source };
}

/**
 * Reports the input words the built text does not reproduce in order. `input` is the text the
 * act was read from, with the lines outside the act and the furniture already blank.
 */
export function reportUnreproduced(input: string, built: string, report: ImportReport): number {
  const f = measureFidelity(input, built);
  // Words a repair moved or joined are not where the input has them: the repair's entry says so.
  const covered = report.entries.filter((e) => e.kind === 'unplaced' || e.kind === 'placed' || e.kind === 'repaired');
  const inside = (line: number) => covered.some((e) => line >= e.line && line <= (e.to ?? e.line));
  for (const span of f.unmatched) {
    if (inside(span.line)) continue;
    const words = span.words.join(' ');
    report.add('not-reproduced', span.line, `not in the built act: "${words.length > 100 ? `${words.slice(0, 99)}…` : words}"`);
  }
  return f.recall;
}
