// Writes an act's documents: each requested language that is complete, in each format.
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../io/write.js';
import type { Lang } from '../model/source.js';
import type { ActRoot } from '../model/tree.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import type { ResolvedAct } from '../resolve/index.js';

const RENDERERS: Record<string, { ext: string; render: (tree: ActRoot) => string | Uint8Array }> = {
  txt: { ext: 'txt', render: renderText },
  md: { ext: 'md', render: renderMarkdown },
};
export const FORMATS = Object.keys(RENDERERS);

export interface BuildReport {
  written: string[];
  /** Languages not written because some nodes lack their wording. */
  incomplete: Map<Lang, Diagnostic[]>;
}

export async function buildAct(act: ResolvedAct, langs: Lang[], formats: string[], outDir: string): Promise<BuildReport> {
  const written: string[] = [];
  const incomplete = new Map<Lang, Diagnostic[]>();
  for (const lang of langs) {
    const { tree, missing } = act.tree(lang);
    if (missing.length) {
      incomplete.set(lang, missing);
      continue;
    }
    for (const format of formats) {
      const r = RENDERERS[format];
      const path = join(outDir, `${act.id}.${lang}.${r.ext}`);
      await writeFileAtomic(path, r.render(tree));
      written.push(path);
    }
  }
  return { written, incomplete };
}
