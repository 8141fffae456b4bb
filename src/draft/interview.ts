// The terminal interview: each question in turn, with the act's sentence that uses the answer and
// the offered answer (Enter takes it: a Russian form from the dictionary, the usual choice); a
// wrong answer is explained and asked again; answers the file or flags gave are kept when they
// are right. Then, for every text no template words in a language, the other language's text is
// shown and the drafter types the wording.
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline/promises';
import { type Answers, getAt, type Path, setAt } from './answers.js';
import { checkWording } from './checks.js';
import { incoherences } from './coherence.js';
import { draftAct } from './draft.js';
import { type Environment, plan, type Question } from './questions.js';

export interface Io {
  input: Readable;
  output: Writable;
}

/** The input ended before the interview did. */
export class InterviewEnded extends Error {}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const LANGUAGE_NAMES = { ru: 'Russian', kk: 'Kazakh' } as const;

export async function interview(given: Answers, env: Environment, io: Io, id: string): Promise<Answers> {
  const a = structuredClone(given);
  const rl = createInterface({ input: io.input, crlfDelay: Infinity, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const say = (s: string) => io.output.write(`${s}\n`);
  const read = async (prompt: string, what: string): Promise<string> => {
    io.output.write(prompt);
    const next = await lines.next();
    if (next.done) throw new InterviewEnded(`the input ended before the answer to: ${what}`);
    return next.value.trim();
  };

  const ask = async (q: Question): Promise<unknown> => {
    for (;;) {
      const offer = q.offer === undefined ? '' : ` [${show(q.offer)}]`;
      const context = q.context ? `\n  in the act: ${q.context}` : '';
      const line = await read(`\n${q.prompt}${context}${offer}${q.optional ? ' (Enter: none)' : ''}\n> `, q.prompt);
      if (!line) {
        if (q.offer !== undefined) return q.offer;
        if (q.optional) return undefined;
        say('  ! an answer is needed');
        continue;
      }
      const checked = q.check(line);
      if (!('error' in checked)) return checked.value;
      say(`  ! ${checked.error}`);
    }
  };

  try {
    say(`Drafting ${id} from ${env.base.id}. Answers in [brackets] are offered: Enter takes them.`);
    const done = new Set<string>();
    const forget = (paths: Path[]) => {
      for (const p of paths) {
        setAt(a, p, undefined);
        const prefix = p.join('.');
        for (const k of [...done]) if (k === prefix || k.startsWith(`${prefix}.`)) done.delete(k);
      }
    };
    for (;;) {
      const q = plan(a, env).find((x) => !done.has(x.path.join('.')));
      if (!q) break;
      done.add(q.path.join('.'));
      const given = getAt(a, q.path);
      const checked = given === undefined ? undefined : q.check(given);
      if (checked && !('error' in checked)) {
        setAt(a, q.path, checked.value);
      } else {
        if (checked) say(`\n  ! ${q.path.join('.')}: ${checked.error}`);
        setAt(a, q.path, await ask(q));
      }
      for (const i of incoherences(a, env.base)) {
        say(`\n  ! ${i.message}; please answer again`);
        forget(i.paths);
      }
    }
    for (let missing = draftAct(a, env.base, id).missing; missing.length; missing = draftAct(a, env.base, id).missing) {
      say(`\n${missing.length} text(s) have no wording yet: no template words them in that language. Type each; keep the {{...}} expressions as they are.`);
      for (const m of missing) {
        const other = m.other ? `\n  ${LANGUAGE_NAMES[m.other.lang]}: ${m.other.text}` : '';
        const q: Question = {
          path: ['wording', m.key, m.lang],
          prompt: `${m.what}: in ${LANGUAGE_NAMES[m.lang]}${other}`,
          check: (raw) => checkWording(raw, m.lang, m.other?.text),
        };
        setAt(a, q.path, await ask(q));
      }
    }
    return a;
  } finally {
    rl.close();
  }
}
