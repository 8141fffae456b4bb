// metodika's command line: one module a command; this file only dispatches. Each command's
// module is loaded only when it runs, so `metodika score` does not load the document renderers.
type Command = (args: string[]) => Promise<number>;
type Module = { run: Command };

const COMMANDS: Record<string, { load: () => Promise<Module>; summary: string }> = {
  validate: { load: () => import('./validate.js'), summary: 'validate FILE...                     check methodology files (schema, ids, references, bases)' },
  build: { load: () => import('./build.js'), summary: 'build FILE... [--format txt,md,html,docx,pdf] [--lang ru|kk|all] [--out DIR]   write the act' },
  all: { load: () => import('./all.js'), summary: 'all [DIR] [--out DIR]                validate, lint, build and compile every act in methodologies/ (npm start)' },
  lint: { load: () => import('./lint.js'), summary: 'lint FILE... [--format text|json]    find the defects real acts contain' },
  diff: { load: () => import('./diff.js'), summary: 'diff LOCAL [BASE] [--lang ru|kk] [--format ...] [--out DIR] [--all]   what a local act changes' },
  import: { load: () => import('./import.js'), summary: 'import FILE.txt [--lang ru|kk] [--appendix N] [--derive BASE] [--id ID] [--out FILE.yaml]   a published text into a methodology file' },
  new: { load: () => import('./new.js'), summary: 'new --base typical-b-2025 --out FILE.yaml [--answers FILE] [--force]   draft a local act' },
  explain: { load: () => import('./explain.js'), summary: 'explain ACT.yaml                     what the act decides that the typical one leaves open' },
  forms: { load: () => import('./forms.js'), summary: 'forms ACT.yaml --blank | --roster staff.csv --period 2025-Q3 [--fillable | --results R.json --scores S.csv]   evaluation sheets' },
  compile: { load: () => import('./compile.js'), summary: 'compile ACT.yaml [--out DIR]         the act\'s scoring configuration (scoring.json)' },
  score: { load: () => import('./score.js'), summary: 'score --config scoring.json --input FILE [--annual] [--explain]   score evaluation records' },
  deadlines: { load: () => import('./deadlines.js'), summary: 'deadlines --quarter 2025-Q3 | --received DATE ...   the act\'s deadlines in working days' },
  route: { load: () => import('./route.js'), summary: 'route --config scoring.json --category C-1 [--managerial]   which sheet and evaluator' },
  fidelity: { load: () => import('./fidelity.js'), summary: 'fidelity ACT.yaml SEED.txt [--lang ru|kk] [--from N] [--to N]   share of the seed words the build reproduces' },
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
  return (await command.load()).run(args);
}
