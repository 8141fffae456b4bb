// Printing diagnostics: grouped by file, errors and warnings, with a summary line.
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream = process.stderr): void {
  for (const d of diagnostics) stream.write(formatDiagnostic(d) + '\n');
}

/** Many nodes lacking one language are one finding: say how many and name the first few. */
export function summariseMissing(file: string, lang: string, missing: readonly Diagnostic[], shown = 5): string {
  const names = missing.slice(0, shown).map((d) => `  ${d.file}:${d.line}:${d.column}: ${d.message}`);
  const more = missing.length > shown ? [`  ... and ${missing.length - shown} more (metodika build ${file} --lang ${lang} lists them all)`] : [];
  return [`${file}: warning: ${missing.length} node(s) have no ${lang} text; the ${lang} document is not built`, ...names, ...more].join('\n');
}
