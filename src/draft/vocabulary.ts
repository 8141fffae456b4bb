// The words `metodika new` drafts with, per language (templates/<lang>/draft-vocabulary.yaml): the
// methodology title's head word by case, the act's kind in the forms its points use, how the
// typical act names itself, the forms of each name the text uses (with a sentence showing each),
// and the typical act's own evaluators. Data, so a language's gaps are visible in one file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Forms, Lang } from '../model/source.js';
import { TEMPLATES_DIR } from '../paths.js';

/** The names a drafted act uses: each with the forms its sentences need. */
export type NameRole = 'body' | 'short' | 'head' | 'evaluator' | 'issuer' | 'approver' | 'controller';

export interface DraftVocabulary {
  title: Forms;
  /** By act kind (decision, order); a kind the language does not attest is absent. */
  kind: Partial<Record<'decision' | 'order', Record<string, string>>>;
  /** The typical act's name for itself, as a pattern whose group 1 is the word to keep. */
  typical: RegExp;
  /** Role -> case -> a sentence showing the form in context ("___" stands for it). */
  forms: Partial<Record<NameRole, Record<string, string>>>;
  /** The typical act's evaluators in the words of its point 17 (the attested forms only). */
  evaluators: Record<string, Forms>;
}

interface Raw {
  title: Forms;
  kind: DraftVocabulary['kind'];
  typical: { pattern: string };
  forms: DraftVocabulary['forms'];
  evaluators: Record<string, Forms>;
}

const cache = new Map<Lang, DraftVocabulary>();

export function draftVocabulary(lang: Lang): DraftVocabulary {
  const hit = cache.get(lang);
  if (hit) return hit;
  const raw = parse(readFileSync(join(TEMPLATES_DIR, lang, 'draft-vocabulary.yaml'), 'utf8')) as Raw;
  const v: DraftVocabulary = {
    title: raw.title,
    kind: raw.kind ?? {},
    typical: new RegExp(raw.typical.pattern, 'gu'),
    forms: raw.forms ?? {},
    evaluators: raw.evaluators ?? {},
  };
  cache.set(lang, v);
  return v;
}

/** The cases a role's name needs in a language: those its sentences use. */
export function casesOf(lang: Lang, role: NameRole): string[] {
  return Object.keys(draftVocabulary(lang).forms[role] ?? {});
}
