// The names a drafted act uses, in the form a sentence needs: the body's, its short name, the head
// of its apparatus, the issuer, the evaluators (the typical act's own from the vocabulary, the
// body's from the answers), and the methodology's title.
import type { Forms, Lang } from '../model/source.js';
import type { Answers } from './answers.js';
import { draftVocabulary } from './vocabulary.js';
import { capitalise, draftText } from './wording.js';

/** The evaluator whose names are the head of the apparatus's. */
export const HEAD_OF_APPARATUS = 'head-of-apparatus';

/** Where each role's forms are in the answers. */
const ROLE_KEY = { body: 'body', short: 'short', head: 'head', issuer: 'issuer', approver: 'approver', controller: 'control' } as const;
export type NamedRole = keyof typeof ROLE_KEY;

export function roleForm(a: Answers, role: NamedRole, lang: Lang, form: string): string | undefined {
  return (a[ROLE_KEY[role]] as Partial<Record<Lang, Forms>> | undefined)?.[lang]?.[form];
}

export function evaluatorForm(a: Answers, id: string, lang: Lang, form: string): string | undefined {
  if (id === HEAD_OF_APPARATUS) return roleForm(a, 'head', lang, form);
  return a.evaluators?.[id]?.[lang]?.[form] ?? draftVocabulary(lang).evaluators[id]?.[form];
}

/**
 * The methodology's title in every case the language's vocabulary has; with the body's name when
 * the drafter chose so, or always (`named`: the decision names the body whose methodology it is).
 */
export function titleForms(a: Answers, lang: Lang, named = a['title-names-body'] ?? true): Forms | undefined {
  const body = a.body?.[lang]?.gen;
  if (named && !body) return undefined;
  const out: Forms = { nom: '' };
  for (const [form, head] of Object.entries(draftVocabulary(lang).title)) out[form] = draftText(lang, 'title', { head, body: named ? body : '' })!;
  return out;
}

/** The evaluators the routing uses, in the order of point 17's paragraphs. */
export function evaluatorsUsed(a: Answers): string[] {
  const order = ['listed-heads', 'other-heads', 'listed-staff', 'others'] as const;
  const ids = order.filter((p) => p === 'listed-heads' || a.routing?.[p]?.applies).map((p) => a.routing?.[p]?.evaluator).filter((e): e is string => !!e);
  return [...new Set(ids)];
}

/** What the methodology's sentences may say of the body in one language. */
export function sentenceContext(a: Answers, lang: Lang): Record<string, unknown> {
  const head = a.head?.[lang] ?? {};
  return {
    body: a.body?.[lang] ?? {},
    short: a.short?.[lang] ?? {},
    head: { ...head, ...(head.acc ? { Acc: capitalise(head.acc) } : {}) },
    category: a.head?.category,
    approver: roleForm(a, 'approver', lang, 'ins'),
    bareTitle: titleForms(a, lang, false)?.nom,
    evaluators: evaluatorsUsed(a).map((id) => evaluatorForm(a, id, lang, 'nom')),
  };
}
