// metodika's command line: one module a command; this file only dispatches.
import { run as runAll } from './all.js';
import { run as runBuild } from './build.js';
import { run as runDiff } from './diff.js';
import { run as runFidelity } from './fidelity.js';
import { run as runLint } from './lint.js';
import { run as runValidate } from './validate.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  validate: { run: runValidate, summary: 'validate FILE...                 check methodology files (schema, ids, references, bases)' },
  build: { run: runBuild, summary: 'build FILE... [--format docx,pdf,html,md,txt] [--lang ru|kk|all] [--out DIR]   write the act' },
  all: { run: runAll, summary: 'all [DIR] [--out DIR]            validate and build every act in methodologies/ (npm start)' },
  lint: { run: runLint, summary: 'lint FILE... [--format text|json]   find the defects real acts contain' },
  diff: { run: runDiff, summary: 'diff LOCAL [BASE] [--lang ru|kk] [--format ...] [--out DIR] [--all]   what a local act changes' },
  fidelity: { run: runFidelity, summary: 'fidelity ACT.yaml SEED.txt [--lang ru|kk] [--from N] [--to N]   share of the seed words the build reproduces' },
};

function usage(): string {
  return ['usage: metodika <command> [options]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`metodika: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(args);
}
