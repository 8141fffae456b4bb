// Writes an act's documents: each requested language that is complete, in each format. All the
// formats of a language are rendered before any is written, so a language that fails (a glyph
// the PDF font lacks) leaves no file behind; each file is written atomically.
import { join } from 'node:path';
import { fileErrorMeaning } from '../io/errors.js';
import { FolderError } from '../io/folders.js';
import { type Diagnostic, DiagnosticError } from '../diagnostics.js';
import { writeFileAtomic } from '../io/write.js';
import type { Lang } from '../model/source.js';
import type { ActRoot } from '../model/tree.js';
import { TemplateError } from '../resolve/templates.js';
import type { ResolvedAct } from '../resolve/index.js';

type Renderer = (tree: ActRoot) => string | Uint8Array | Promise<string | Uint8Array>;

// Renderers are loaded when first asked for: a Markdown build need not load pdf-lib and docx.
const RENDERERS: Record<string, { ext: string; load: () => Promise<Renderer> }> = {
  txt: { ext: 'txt', load: async () => (await import('../render/text.js')).renderText },
  md: { ext: 'md', load: async () => (await import('../render/markdown.js')).renderMarkdown },
  html: { ext: 'html', load: async () => (await import('../render/html.js')).renderHtml },
  docx: { ext: 'docx', load: async () => (await import('../render/docx.js')).renderDocx },
  pdf: { ext: 'pdf', load: async () => (await import('../render/pdf/index.js')).renderPdf },
};
export const FORMATS = Object.keys(RENDERERS);

export interface BuildReport {
  written: string[];
  /** Languages not written because some nodes lack their wording. */
  incomplete: Map<Lang, Diagnostic[]>;
  /** Languages not written because a renderer refused the text (a glyph the font lacks, a broken template). */
  failed: Map<Lang, Diagnostic[]>;
}

/** An output that could not be written: the message names the file and the reason. */
export class OutputError extends Error {}

/** The diagnostics a failed render or resolve carries, or undefined for an unexpected error. */
export function diagnosticsOf(e: unknown): Diagnostic[] | undefined {
  if (e instanceof DiagnosticError) return e.diagnostics;
  if (e instanceof TemplateError) {
    const line = Number(/on line (\d+)/.exec(e.message)?.[1] ?? 1);
    return [{ file: e.file, line, column: 1, severity: 'error', message: e.message.slice(e.file.length + 2), ruleId: 'template' }];
  }
  return undefined;
}

export async function buildAct(act: ResolvedAct, langs: Lang[], formats: string[], outDir: string): Promise<BuildReport> {
  const report: BuildReport = { written: [], incomplete: new Map(), failed: new Map() };
  for (const lang of langs) {
    const { tree, missing } = act.tree(lang);
    if (missing.length) {
      report.incomplete.set(lang, missing);
      continue;
    }
    const outputs: Array<{ path: string; data: string | Uint8Array }> = [];
    try {
      for (const format of formats) {
        const r = RENDERERS[format];
        outputs.push({ path: join(outDir, `${act.id}.${lang}.${r.ext}`), data: await (await r.load())(tree) });
      }
    } catch (e) {
      const diagnostics = diagnosticsOf(e);
      if (!diagnostics) throw e;
      report.failed.set(lang, diagnostics);
      continue;
    }
    for (const { path, data } of outputs) {
      try {
        await writeFileAtomic(path, data);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        throw new OutputError(`cannot write ${path}: ${e instanceof FolderError ? e.message : (fileErrorMeaning(code) ?? (e as Error).message)}${code ? ` (${code})` : ''}`);
      }
      report.written.push(path);
    }
  }
  return report;
}
