// The questions `metodika new` asks, in order: each names where its answer goes in the answers
// (so the answers file, the flags and the terminal fill the same thing), checks what is typed,
// and may offer an answer (a Russian form from the dictionary, the usual choice). Which questions
// there are depends on the answers so far: the earlier act only when there is one, the Kazakh
// forms only for a Kazakh act, each evaluator's names once the routing names it.
import type { Lang } from '../model/source.js';
import type { ResolvedAct } from '../resolve/index.js';
import { type Answers, getAt, type Paragraph17, type Path } from './answers.js';
import {
  type Checked, checkActNumber, checkBool, checkCategories, checkCategory, checkChoice, checkDate, checkLanguages, checkName, checkPerson,
  checkRegistration, checkText,
} from './checks.js';
import type { Morphology, RuCase } from './morphology.js';
import { evaluatorsUsed, HEAD_OF_APPARATUS, type NamedRole } from './names.js';
import { approvalTitle } from './envelope.js';
import { casesOf, draftVocabulary, type NameRole } from './vocabulary.js';

export interface Environment {
  morph: Morphology;
  today: Date;
  base: ResolvedAct;
}

export interface Question {
  path: Path;
  /** What to type, in English. */
  prompt: string;
  /** A sentence of the act with "___" where the answer goes. */
  context?: string;
  check(raw: unknown): Checked<unknown>;
  /** The answer offered: Enter takes it in a terminal, a script takes it when the file is silent. */
  offer?: unknown;
  /** The offer is the dictionary's guess: a script that takes it says so. */
  guess?: boolean;
  /** An empty answer leaves the field out. */
  optional?: boolean;
}

const CASE_NAMES: Record<Lang, Record<string, string>> = {
  ru: { nom: 'nominative (именительный)', gen: 'genitive (родительный)', dat: 'dative (дательный)', acc: 'accusative (винительный)', ins: 'instrumental (творительный)', pre: 'prepositional (предложный)' },
  kk: { nom: 'nominative (атау септік)', gen: 'genitive (ілік септік)', dat: 'dative (барыс септік)', acc: 'accusative (табыс септік)', ins: 'instrumental (көмектес септік)' },
};
const LANGUAGE_NAMES: Record<Lang, string> = { ru: 'Russian', kk: 'Kazakh' };

const ROLE_NAMES: Record<NamedRole, string> = {
  body: 'the body whose staff the act evaluates (e.g. государственное учреждение "Аппарат акима Тупкараганского района")',
  short: 'the short name the text uses for the body after "(далее – ...)" (e.g. аппарат акима)',
  head: 'the title of the head of the apparatus (e.g. руководитель аппарата акима)',
  issuer: 'who adopts the act (e.g. Мангистауский районный маслихат)',
  approver: 'who approves the methodology (point 2; e.g. первый руководитель Мангистауского районного маслихата)',
  controller: 'on whom control of the act\'s execution is placed (e.g. руководитель аппарата акима)',
};

const PARAGRAPHS: Record<Paragraph17, string> = {
  'listed-heads': 'paragraph 1 of point 17 (the heads the typical act lists, on the managerial sheet)',
  'other-heads': 'paragraph 2 of point 17 (other managerial positions, on the managerial sheet)',
  'listed-staff': 'paragraph 3 of point 17 (C-1 and D-3 officers who are not heads, on the non-managerial sheet)',
  others: 'paragraph 4 of point 17 (everyone else, on the non-managerial sheet)',
};

const KNOWN_EVALUATORS = ['direct-superior', HEAD_OF_APPARATUS, 'head-of-unit-or-body'];

/** The cases a role's name needs: the head of the apparatus also evaluates, so it needs an evaluator's too. */
function casesFor(lang: Lang, role: NameRole | 'head-evaluating'): string[] {
  if (role === 'head-evaluating') return [...new Set([...casesOf(lang, 'head'), ...casesOf(lang, 'evaluator')])];
  return casesOf(lang, role);
}

/** The questions for one name in one language: its nominative, then each form, Russian ones offered. */
function nameQuestions(a: Answers, env: Environment, path: Path, lang: Lang, what: string, cases: string[], contexts: Record<string, string> = {}, words = 1, knownNom?: string): Question[] {
  const nom = ((getAt(a, path) ?? {}) as Record<string, string>).nom ?? knownNom;
  return cases.map((c) => {
    const offer = lang === 'ru' && nom && c !== 'nom' ? env.morph.inflect(nom, c as RuCase) : undefined;
    return {
      path: [...path, c],
      prompt: `${what}: in ${LANGUAGE_NAMES[lang]}, ${CASE_NAMES[lang][c] ?? c}`,
      context: contexts[c],
      check: (raw: unknown) => checkName(raw, lang, c === 'nom' ? words : 1),
      offer,
      guess: offer !== undefined,
    };
  });
}

function roleQuestions(a: Answers, env: Environment, role: NamedRole, path: Path, lang: Lang, words = 1, vocabRole: NameRole | 'head-evaluating' = role): Question[] {
  const cases = casesFor(lang, vocabRole);
  const qs = nameQuestions(a, env, path, lang, ROLE_NAMES[role], cases, draftVocabulary(lang).forms[role] ?? {}, words);
  // A Russian name whose text needs no nominative is still asked for it, optionally: the
  // dictionary offers the other forms from it.
  if (cases.includes('nom') || lang !== 'ru') return qs;
  return [{ ...nameQuestions(a, env, path, lang, ROLE_NAMES[role], ['nom'])[0], optional: true, prompt: `${ROLE_NAMES[role]}: in Russian, nominative (именительный), to offer the other forms (Enter to type them yourself)` }, ...qs];
}

const yesNo = (path: Path, prompt: string, offer: boolean): Question => ({ path, prompt: `${prompt} (yes/no)`, check: checkBool, offer });

function evaluatorQuestion(path: Path, what: string, offer: string): Question {
  return {
    path,
    prompt: `Who evaluates under ${what}: ${KNOWN_EVALUATORS.join(', ')}, or an id of your own for another official (e.g. maslikhat-chairman, akim)`,
    check: (raw) => {
      const s = typeof raw === 'string' ? raw.trim() : '';
      return /^[a-z][a-z0-9-]*$/.test(s) ? { value: s } : { error: `"${s}" is not an evaluator id (lower-case letters and hyphens, e.g. direct-superior)` };
    },
    offer,
  };
}

/** Every question for the answers so far, in the order a terminal asks them. */
export function plan(a: Answers, env: Environment): Question[] {
  const qs: Question[] = [];
  const langs = a.language ?? [];
  qs.push({ path: ['language'], prompt: 'Languages the act is published in (ru, kk or ru,kk)', check: checkLanguages, offer: ['ru', 'kk'] });
  for (const lang of langs) qs.push(...roleQuestions(a, env, 'body', ['body', lang], lang, 2));
  for (const lang of langs) qs.push(...roleQuestions(a, env, 'short', ['short', lang], lang));

  qs.push({ path: ['issuer', 'kind'], prompt: 'The act that approves the methodology: decision (решение / шешім) or order (приказ / бұйрық)', check: (r) => checkChoice(r, ['decision', 'order']), offer: 'decision' });
  for (const lang of langs) qs.push(...roleQuestions(a, env, 'issuer', ['issuer', lang], lang, 2));
  for (const lang of langs) {
    qs.push({ path: ['issuer', 'region', lang], prompt: `The region printed after the issuer in the act's heading, in ${LANGUAGE_NAMES[lang]} (e.g. Мангистауской области; empty for none)`, check: checkText, optional: true });
  }
  for (const lang of langs) {
    qs.push({ path: ['signatory', 'position', lang], prompt: `The signatory's position, in ${LANGUAGE_NAMES[lang]} (e.g. Председатель районного маслихата)`, check: checkText });
    qs.push({ path: ['signatory', 'name', lang], prompt: `The signatory's name, in ${LANGUAGE_NAMES[lang]} (e.g. Е. Махмутов)`, check: checkPerson });
  }
  qs.push({ path: ['date'], prompt: 'The date of the act (2025-10-17 or 17.10.2025)', check: (r) => checkDate(r, env.today) });
  qs.push({ path: ['number'], prompt: 'The number of the act (e.g. 22/173)', check: checkActNumber });
  qs.push({
    path: ['mode'],
    prompt: 'Does the act approve a new methodology (new), restate an earlier one in new wording (new-wording), or approve one and repeal the earlier act (repeal)?',
    check: (r) => checkChoice(r, ['new', 'new-wording', 'repeal']),
    offer: 'new',
  });
  if (a.mode && a.mode !== 'new') {
    const what = a.mode === 'repeal' ? 'repealed' : 'restated';
    qs.push({ path: ['earlier', 'date'], prompt: `The date of the earlier act being ${what}`, check: (r) => checkDate(r, env.today) });
    qs.push({ path: ['earlier', 'number'], prompt: `The number of the earlier act being ${what}`, check: checkActNumber });
    qs.push({ path: ['earlier', 'registration'], prompt: 'Its number in the state register of legal acts (empty if it was not registered)', check: checkRegistration, optional: true });
    for (const lang of langs) {
      qs.push({ path: ['earlier', 'title', lang], prompt: `Its title, in ${LANGUAGE_NAMES[lang]}, without quotes`, check: checkText, offer: approvalTitle(a, lang) });
    }
  }
  qs.push({
    path: ['entry-into-force'],
    prompt: 'Entry into force: from the first official publication (publication) or ten calendar days after it (ten-days)',
    check: (r) => checkChoice(r, ['publication', 'ten-days']),
    offer: 'publication',
  });
  qs.push(yesNo(['legal-basis'], 'Print the legal basis (Law "On civil service", art. 33 p. 5, and Order No. 13) before the enacting words', a.mode !== 'new-wording'));
  qs.push(yesNo(['title-names-body'], 'Does the methodology\'s title name the body ("Методика оценки ... корпуса "Б" <body>")', true));

  qs.push({ path: ['head', 'category'], prompt: 'The category of the head of the apparatus (e.g. E-2)', check: checkCategory });
  for (const lang of langs) qs.push(...roleQuestions(a, env, 'head', ['head', lang], lang, 1, 'head-evaluating'));
  const head = a.head?.category;
  qs.push({ path: ['categories'], prompt: 'The categories of positions the body employs, comma-separated (e.g. E-2, E-3, E-4)', check: checkCategories, offer: head ? [head] : undefined });
  qs.push({ path: ['managerial'], prompt: 'Which of them are managerial positions (руководящие должности), comma-separated', check: checkCategories, offer: head ? [head] : undefined });

  qs.push({ path: ['routing', 'listed-heads', 'categories'], prompt: `The categories under ${PARAGRAPHS['listed-heads']}`, check: checkCategories, offer: head ? [head] : undefined });
  qs.push(evaluatorQuestion(['routing', 'listed-heads', 'evaluator'], PARAGRAPHS['listed-heads'], 'direct-superior'));
  const listed = new Set(a.routing?.['listed-heads']?.categories ?? []);
  const otherHeads = (a.managerial ?? []).some((c) => !listed.has(c));
  qs.push(yesNo(['routing', 'other-heads', 'applies'], `Does ${PARAGRAPHS['other-heads']} apply`, otherHeads));
  if (a.routing?.['other-heads']?.applies) qs.push(evaluatorQuestion(['routing', 'other-heads', 'evaluator'], PARAGRAPHS['other-heads'], HEAD_OF_APPARATUS));
  const staff = (a.categories ?? []).some((c) => c === 'C-1' || c === 'D-3');
  qs.push(yesNo(['routing', 'listed-staff', 'applies'], `Does ${PARAGRAPHS['listed-staff']} apply`, staff));
  if (a.routing?.['listed-staff']?.applies) qs.push(evaluatorQuestion(['routing', 'listed-staff', 'evaluator'], PARAGRAPHS['listed-staff'], 'direct-superior'));
  qs.push(yesNo(['routing', 'others', 'applies'], `Does ${PARAGRAPHS.others} apply`, true));
  if (a.routing?.others?.applies) qs.push(evaluatorQuestion(['routing', 'others', 'evaluator'], PARAGRAPHS.others, HEAD_OF_APPARATUS));
  // The typical act's evaluators have their words in the vocabulary; any other is the body's own.
  for (const id of evaluatorsUsed(a).filter((e) => e !== HEAD_OF_APPARATUS)) {
    for (const lang of langs) {
      const known = draftVocabulary(lang).evaluators[id] ?? {};
      const cases = casesOf(lang, 'evaluator').filter((c) => known[c] === undefined);
      qs.push(...nameQuestions(a, env, ['evaluators', id, lang], lang, `the evaluator "${id}"`, cases, draftVocabulary(lang).forms.evaluator ?? {}, 1, known.nom));
    }
  }

  qs.push(yesNo(['audit-commission'], 'Do the paragraphs on audit commissions (ревизионные комиссии) apply to this body', false));
  qs.push(yesNo(['chief-of-staff'], 'Does the paragraph on evaluation of the first head\'s direct subordinates by the head of the apparatus apply', false));
  qs.push(yesNo(['delegation'], 'Does the paragraph on more than twenty evaluated persons (the evaluator may involve other officers) apply', true));
  qs.push(yesNo(['approver', 'applies'], 'Keep point 2 (who approves the methodology, on the basis of the typical one)', false));
  if (a.approver?.applies) for (const lang of langs) qs.push(...roleQuestions(a, env, 'approver', ['approver', lang], lang));
  qs.push(yesNo(['control', 'applies'], 'Add a point on control of the act\'s execution', false));
  if (a.control?.applies) for (const lang of langs) qs.push(...roleQuestions(a, env, 'controller', ['control', lang], lang));
  return qs;
}
