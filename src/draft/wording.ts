// The drafted wording: templates/<lang>/draft-<name>.hbs rendered with the answers. A language
// that has no template for a sentence (Kazakh, where the seeds attest none) gets no wording: the
// drafter supplies it, and nothing is made up here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../model/source.js';
import { TEMPLATES_DIR } from '../paths.js';
import { renderTemplate } from '../resolve/templates.js';

function hasTemplate(lang: Lang, name: string): boolean {
  return existsSync(join(TEMPLATES_DIR, lang, `draft-${name}.hbs`));
}

/** The sentence `name` in `lang`, or undefined when the language has none for these answers. */
export function draftText(lang: Lang, name: string, context: Record<string, unknown>): string | undefined {
  if (!hasTemplate(lang, name)) return undefined;
  const s = renderTemplate(lang, `draft-${name}`, context).trim();
  return s || undefined;
}

/** Why the act makes a change (the comparative table's last column), by the change's key. */
export function reasonText(lang: Lang, key: string, context: Record<string, unknown>): string | undefined {
  return draftText(lang, 'reason', { ...context, [key]: true });
}

/** "руководителя" -> "Руководителя": a name that opens a sentence. */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
