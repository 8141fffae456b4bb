// After the answers: the derived act written (never over an existing file without --force),
// resolved and linted as any act is, built in each of its languages to DOCX and PDF, and compared
// with the typical act in the comparative table ("Сравнительная таблица"), DOCX and PDF.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAct } from '../build/build-act.js';
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import { compareActs } from '../diff/compare.js';
import { renderTableDocx } from '../diff/table/docx.js';
import { renderTablePdf } from '../diff/table/pdf.js';
import { writeFileAtomic } from '../io/write.js';
import { lintAct } from '../lint/index.js';
import { resolveFile } from '../resolve/index.js';
import type { Draft } from './draft.js';
import { draftYaml } from './emit.js';

export interface PublishOptions {
  /** Where the act's YAML goes. */
  file: string;
  force: boolean;
  /** Where the documents go; none are built when undefined. */
  buildDir?: string;
  header: string[];
}

export interface Published {
  /** Files written, the act first. */
  written: string[];
  /** What resolving the act as written reported (an error means it was not linted nor built). */
  resolve: Diagnostic[];
  lint: Diagnostic[];
  /** Why a language was not built (missing wording, a glyph the PDF font lacks). */
  notBuilt: Diagnostic[];
}

/** The file exists and --force was not given: nothing is written. */
export class ExistsError extends Error {}

export async function publish(draft: Draft, o: PublishOptions): Promise<Published> {
  if (existsSync(o.file) && !o.force) throw new ExistsError(`${o.file} exists; \`metodika new\` does not overwrite an act without --force`);
  await writeFileAtomic(o.file, draftYaml(draft.act, o.file, o.header));
  const { act, diagnostics } = await resolveFile(o.file);
  const out: Published = { written: [o.file], resolve: diagnostics, lint: [], notBuilt: [] };
  if (!act || hasErrors(diagnostics)) return out;
  out.lint = lintAct(act);
  if (!o.buildDir) return out;

  const report = await buildAct(act, act.languages, ['docx', 'pdf'], o.buildDir);
  out.written.push(...report.written);
  for (const problems of [...report.incomplete.values(), ...report.failed.values()]) out.notBuilt.push(...problems);
  for (const lang of act.languages) {
    const diff = compareActs(act.base!, act, { lang });
    for (const [suffix, bytes] of [['table.docx', await renderTableDocx(diff)], ['table.pdf', await renderTablePdf(diff)]] as const) {
      const path = join(o.buildDir, `${act.id}.vs.${act.base!.id}.${lang}.${suffix}`);
      await writeFileAtomic(path, bytes);
      out.written.push(path);
    }
  }
  return out;
}
