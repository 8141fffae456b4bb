// `importText`: the published text of an act in, a methodology file out (full, or derived from a
// base act), with the report of everything removed, repaired or not placed. Pure but for reading
// the base act; writing the files is the command's business.
import { basename } from 'node:path';
import { formatDiagnostic } from '../diagnostics.js';
import type { Lang, MethodologyFile } from '../model/source.js';
import type { ResolvedAct } from '../resolve/index.js';
import { buildAct, reportUnreproduced } from './check.js';
import { deriveAct } from './derive.js';
import { type Draft, draftAct } from './draft.js';
import { emitYaml } from './emit.js';
import { ImportError, type ImportReport } from './report.js';

export { ImportError, ImportReport } from './report.js';
export { decodeActText, readActFile } from './read.js';

export interface ImportOptions {
  /** The input's name (messages, the default id, the YAML's comments). */
  file: string;
  lang?: Lang;
  appendix?: string;
  id?: string;
  /** Derive from this resolved act: write base, terms and changes only. */
  base?: ResolvedAct;
  /** Where the YAML will live (a derived act finds its base beside it); default: beside the input. */
  out?: string;
}

export interface ImportResult {
  yaml: string;
  act: MethodologyFile;
  lang: Lang;
  report: ImportReport;
  /** Share of the input's words the built act reproduces in order. */
  recall: number;
  /** The built plain text. */
  text: string;
}

export async function importText(text: string, opts: ImportOptions): Promise<ImportResult> {
  const draft = draftAct(text, opts);
  const source = basename(opts.file);
  const header = [
    `Imported by \`metodika import\` from ${source}${opts.appendix ? ` (appendix ${opts.appendix})` : ''}, lines ${draft.extent.map(([a, b]) => `${a}-${b}`).join(', ')}.`,
    'A draft: the ids are made from the published numbers, and the import report lists what was',
    'repaired, removed or not placed. Curate it by hand (docs/import.md).',
  ];
  const act = opts.base ? deriveAct(draft, opts.base) : draft.act;
  const yaml = emitYaml(act, { origin: draft.origin, header, source });
  const file = opts.out ?? `${draft.act.id}.yaml`;
  const built = await buildAct(act, file, draft.lang, opts.base);
  if (built.text === undefined) {
    const why = built.diagnostics.filter((d) => d.severity === 'error').slice(0, 8).map(formatDiagnostic).join('\n');
    throw new ImportError(`${opts.file}: the imported act does not build:\n${why}`);
  }
  const recall = reportUnreproduced(measuredInput(text, draft), built.text, draft.report);
  return { yaml, act, lang: draft.lang, report: draft.report, recall, text: built.text };
}

/** The input as the act was read: lines outside it and the publisher's furniture blank. */
function measuredInput(text: string, draft: Draft): string {
  const furniture = draft.report.entries.filter((e) => e.kind === 'furniture');
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l, i) => {
      const no = i + 1;
      const out = !draft.extent.some(([a, b]) => no >= a && no <= b) || furniture.some((e) => no >= e.line && no <= (e.to ?? e.line));
      return out ? '' : l;
    })
    .join('\n');
}
