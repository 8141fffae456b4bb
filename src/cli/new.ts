// metodika new --base typical-b-2025 --out methodologies/<id>.yaml [--answers FILE] [--force]:
// drafts a body's local act from the typical one. In a terminal it asks for what the act needs
// (an answers file and flags fill in answers beforehand); in a script it takes them from the
// answers file and flags, and fails with every problem at once. Then it writes the derived act,
// lints it, builds it in each language to DOCX and PDF, and writes the comparative table.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { type Answers, AnswersFileError, readAnswersFile, setAt } from '../draft/answers.js';
import { checkId } from '../draft/checks.js';
import { draftAct, DraftError } from '../draft/draft.js';
import { gather } from '../draft/gather.js';
import { interview, InterviewEnded } from '../draft/interview.js';
import { loadMorphology } from '../draft/morphology.js';
import { ExistsError, publish } from '../draft/publish.js';
import type { Environment } from '../draft/questions.js';
import { formatLint } from '../lint/index.js';
import { resolveFile } from '../resolve/index.js';
import { guard, parse, UsageError } from './args.js';

const USAGE = [
  'usage: metodika new --out methodologies/<id>.yaml [--base typical-b-2025] [--answers FILE] [--force]',
  '  [--lang ru,kk] [--date YYYY-MM-DD] [--number N] [--mode new|new-wording|repeal] [--body NAME] [--body-kk NAME]',
  '  [--set QUESTION=ANSWER]... [--build-dir DIR] [--no-build]',
].join('\n');

/** Flags that answer a question, and where the answer goes. */
const FLAG_PATHS: Record<string, string[]> = {
  lang: ['language'], date: ['date'], number: ['number'], mode: ['mode'], body: ['body', 'ru', 'nom'], 'body-kk': ['body', 'kk', 'nom'],
};

export interface NewIo {
  input: Readable;
  output: Writable;
  errors: Writable;
  /** Whether the input is a terminal a person answers at. */
  interactive: boolean;
  today?: Date;
}

export function run(args: string[]): Promise<number> {
  return runNew(args, { input: process.stdin, output: process.stdout, errors: process.stderr, interactive: !!process.stdin.isTTY });
}

export function runNew(args: string[], io: NewIo): Promise<number> {
  return guard(USAGE, async () => {
    const { values } = parse(args, {
      base: { type: 'string' }, out: { type: 'string' }, answers: { type: 'string' }, force: { type: 'boolean' },
      'build-dir': { type: 'string' }, 'no-build': { type: 'boolean' }, set: { type: 'string', multiple: true },
      ...Object.fromEntries(Object.keys(FLAG_PATHS).map((k) => [k, { type: 'string' as const }])),
    });
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('new needs --out methodologies/<id>.yaml');
    if (!/\.ya?ml$/.test(out)) throw new UsageError(`--out ${out}: the act is a .yaml file`);
    if (!io.interactive && !values.answers) throw new UsageError('the input is not a terminal: give the answers with --answers FILE (see docs/new.md)');
    const say = (s: string) => io.output.write(`${s}\n`);
    const complain = (s: string) => io.errors.write(`${s}\n`);

    const id = basename(out).replace(/\.ya?ml$/, '');
    const idOk = checkId(id);
    if ('error' in idOk) throw new UsageError(`--out ${out}: ${idOk.error}; the file is named <id>.yaml`);
    if (existsSync(out) && !values.force) return fail(complain, [`${out} exists; \`metodika new\` does not overwrite an act without --force`]);
    const baseId = (values.base as string | undefined) ?? 'typical-b-2025';
    const baseFile = join(dirname(out), `${baseId}.yaml`);
    if (!existsSync(baseFile)) return fail(complain, [`the base "${baseId}" must be beside the new act: a derived act finds its base in its own folder (looked for ${baseFile})`]);
    const { act: base, diagnostics } = await resolveFile(baseFile);
    if (!base || hasErrors(diagnostics)) return fail(complain, [`the base ${baseFile} has errors (run: metodika validate ${baseFile})`, ...diagnostics.map(formatDiagnostic)]);

    let answers: Answers;
    try {
      answers = values.answers ? await readAnswersFile(values.answers as string) : {};
    } catch (e) {
      if (e instanceof AnswersFileError) return fail(complain, [e.message]);
      throw e;
    }
    const flags = values as Record<string, unknown>;
    for (const [flag, path] of Object.entries(FLAG_PATHS)) if (flags[flag] !== undefined) setAt(answers, path, flags[flag]);
    for (const pair of (values.set as string[] | undefined) ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 1) throw new UsageError(`--set ${pair}: write QUESTION=ANSWER, e.g. --set head.category=E-2`);
      setAt(answers, pair.slice(0, eq).split('.'), pair.slice(eq + 1));
    }
    if (answers.id !== undefined && answers.id !== id) return fail(complain, [`the answers name the act "${answers.id}", but --out names it "${id}" (the file is named <id>.yaml)`]);

    const env: Environment = { morph: await loadMorphology(), today: io.today ?? new Date(), base };
    try {
      if (io.interactive) {
        answers = await interview(answers, env, io, id);
      } else {
        const g = gather(answers, env);
        if (g.problems.length) return fail(complain, g.problems.map((p) => `${values.answers}: ${p}`));
        if (g.guesses.length) say(`forms taken from the dictionary (check them, or give them in the answers file):\n${g.guesses.map((x) => `  ${x}`).join('\n')}`);
        answers = g.answers;
      }
      const draft = draftAct(answers, base, id);
      const problems = [
        ...draft.unusedWording.map((k) => `wording.${k}: no text of this act takes it (the act removes the node, or the base has no node "${k}")`),
        ...draft.missing.map((m) => `wording.${m.key}.${m.lang}: ${m.what} has no ${m.lang} wording; no template words it, so the drafter supplies it${m.other ? ` (the ${m.other.lang} text: ${m.other.text})` : ''}`),
        ...draft.mismatches,
      ];
      if (problems.length) return fail(complain, problems);
      const buildDir = values['no-build'] ? undefined : ((values['build-dir'] as string | undefined) ?? join('output', id));
      const header = [`${id}: drafted by \`metodika new\` from ${base.id} on ${(io.today ?? new Date()).toISOString().slice(0, 10)}.`];
      const result = await publish(draft, { file: out, force: !!values.force, buildDir, header });
      for (const w of result.written) say(`wrote ${w}`);
      for (const d of [...result.resolve, ...result.notBuilt]) complain(formatDiagnostic(d));
      if (hasErrors(result.resolve)) complain(`${out}: the drafted act does not resolve; not linted nor built`);
      else say(result.lint.length ? formatLint([{ file: out, diagnostics: result.lint }]).trimEnd() : 'lint: no errors, no warnings');
      return hasErrors([...result.resolve, ...result.lint]) || result.notBuilt.length ? 1 : 0;
    } catch (e) {
      if (e instanceof InterviewEnded || e instanceof DraftError || e instanceof ExistsError) return fail(complain, [e.message]);
      throw e;
    }
  }, 'new');
}

function fail(complain: (s: string) => void, problems: string[]): number {
  complain(`metodika new: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.map((p) => `  ${p}`).join('\n')}`}`);
  return 1;
}
