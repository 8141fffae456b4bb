// Answers without a terminal (an answers file, flags): every question is answered from them, by
// its offer where they are silent (the usual choice; a Russian form from the dictionary, which is
// reported so the drafter can check it), or reported missing. Nothing is asked; every problem is
// collected, so a script sees them all at once.
import type { Answers } from './answers.js';
import { getAt, setAt } from './answers.js';
import { incoherences } from './coherence.js';
import { type Environment, plan, type Question } from './questions.js';

export interface Gathered {
  answers: Answers;
  problems: string[];
  /** Forms taken from the dictionary unconfirmed: "body.ru.gen = ...". */
  guesses: string[];
}

/** The top-level answers a file may hold. */
const KNOWN = new Set([
  'id', 'language', 'body', 'short', 'issuer', 'signatory', 'date', 'number', 'mode', 'earlier', 'entry-into-force', 'legal-basis', 'title-names-body',
  'approver', 'control', 'head', 'categories', 'managerial', 'routing', 'evaluators', 'audit-commission', 'chief-of-staff', 'delegation', 'terms', 'wording',
]);

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));

export function gather(given: Answers, env: Environment): Gathered {
  const answers = structuredClone(given);
  const problems: string[] = [];
  const guesses: string[] = [];
  for (const key of Object.keys(answers)) if (!KNOWN.has(key)) problems.push(`${key}: not a question \`metodika new\` asks (see docs/new.md)`);
  const done = new Set<string>();
  // The questions depend on the answers: plan again after each one.
  for (;;) {
    const q = plan(answers, env).find((x) => !done.has(x.path.join('.')));
    if (!q) break;
    done.add(q.path.join('.'));
    answer(answers, q, problems, guesses);
  }
  for (const i of incoherences(answers, env.base)) problems.push(i.message);
  return { answers, problems, guesses };
}

function answer(answers: Answers, q: Question, problems: string[], guesses: string[]): void {
  const key = q.path.join('.');
  const raw = getAt(answers, q.path);
  if (raw === undefined || raw === null || raw === '') {
    if (q.offer !== undefined) {
      setAt(answers, q.path, q.offer);
      if (q.guess) guesses.push(`${key} = ${show(q.offer)}`);
    } else if (!q.optional) problems.push(`${key}: no answer (${q.prompt})`);
    else setAt(answers, q.path, undefined);
    return;
  }
  const checked = q.check(raw);
  if ('error' in checked) {
    problems.push(`${key}: ${checked.error}`);
    setAt(answers, q.path, undefined);
  } else setAt(answers, q.path, checked.value);
}
