// metodika forms: an act's evaluation sheets, blank or for a roster (pre-filled, fillable, or
// filled from the results of metodika score). The work is in src/forms/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarDataError, loadCalendar, parsePeriod } from '../calendar/index.js';
import { ConfigError, Engine } from '../engine/engine.js';
import { CsvError } from '../engine/readers.js';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { FormsError, pickForms, sheetForms } from '../forms/sheets.js';
import { actFacts, blankPaths, type Format, rosterPaths, writeBlank, writeRoster } from '../forms/produce.js';
import { readResults, readScores } from '../forms/results.js';
import { RosterError } from '../forms/roster.js';
import { TextFileError } from '../io/encoding.js';
import { LANGUAGES, type Lang } from '../model/source.js';
import { textOf } from '../render/plain.js';
import { resolveFile } from '../resolve/index.js';
import { words } from '../resolve/templates.js';
import { compileActScoring } from '../scoring/compile.js';
import { diagnosticsOf } from '../build/build-act.js';
import { fileErrorLine } from '../io/errors.js';
import { parse, splitList, UsageError } from './args.js';

export const USAGE = `usage: metodika forms ACT.yaml --blank [--form KEY] [options]
       metodika forms ACT.yaml --roster STAFF.csv --period 2025-Q3 [--results results.json --scores RECORDS] [options]

  --blank            the act's sheets, unfilled, each on its own pages
  --form KEY[,KEY]   which sheets (--blank): managerial, non-managerial, an appendix id or number
                     (default: every sheet of the act)
  --roster FILE      one row per evaluated person (CSV; columns in docs/forms.md)
  --period P         the quarter evaluated, e.g. 2025-Q3
  --results FILE     results.json of metodika score: print the scores, the final score and the result
  --scores FILE      the records metodika score read (.csv, .json, .jsonl): the parameter scores
  --format LIST      pdf, docx (default pdf); for a roster, docx is one DOCX per person in a ZIP
  --fillable         PDF form fields for the scores (0 to 5), the comments and the date
  --lang ru|kk       the sheets' language (default: the act's first)
  --calendar DIR     a calendar/ folder with kz-YYYY.yaml (default: the package's)
  --out DIR          where to write (default output/<act-id>/forms, and /<period> for a roster)
  --force            overwrite files that exist
  --quiet            print nothing but errors and warnings

Exit code: 0 done; 3 some roster rows rejected (the rest are produced, see rejects-<period>.csv);
1 error; 2 bad arguments.`;

const say = (s: string) => console.error(`metodika forms: ${s}`);

export async function run(args: string[]): Promise<number> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    say(`${e.message}\n${USAGE}`);
    return 2;
  }
  if (opts === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    return await produce(opts);
  } catch (e) {
    const diagnostics = diagnosticsOf(e);
    if (diagnostics) {
      for (const d of diagnostics) console.error(formatDiagnostic(d));
      say(`${opts.file}: no sheet written`);
      return 1;
    }
    if (e instanceof UsageError) {
      say(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof FormsError || e instanceof RosterError || e instanceof CsvError || e instanceof CalendarDataError || e instanceof TextFileError) {
      say(e.message);
      return 1;
    }
    const line = fileErrorLine(e);
    if (line) {
      say(line);
      return 1;
    }
    throw e;
  }
}

function options(args: string[]) {
  const { values: v, positionals } = parse(args, {
    blank: { type: 'boolean' },
    form: { type: 'string' },
    roster: { type: 'string' },
    period: { type: 'string' },
    results: { type: 'string' },
    scores: { type: 'string' },
    format: { type: 'string' },
    fillable: { type: 'boolean' },
    lang: { type: 'string' },
    calendar: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) return 'help' as const;
  if (positionals.length !== 1) throw new UsageError('forms needs one ACT.yaml');
  if (!v.blank === !v.roster) throw new UsageError('give either --blank or --roster FILE');
  if (v.roster && !v.period) throw new UsageError('--roster needs --period (e.g. 2025-Q3)');
  if (v.blank && (v.period || v.results || v.scores)) throw new UsageError('--period, --results and --scores go with --roster');
  if (v.roster && v.form) throw new UsageError('--form goes with --blank: for a roster, the act\'s routing picks each person\'s sheet');
  if (!v.results !== !v.scores) throw new UsageError('--results and --scores go together: results hold the final scores, the records the parameter scores');
  if (v.results && v.fillable) throw new UsageError('--fillable is for sheets still to fill; a sheet filled from --results is the record');
  const formats = splitList(v.format, ['pdf', 'docx'], ['pdf']) as Format[];
  if (!formats.length) throw new UsageError('--format needs pdf, docx or both');
  if (v.fillable && !formats.includes('pdf')) throw new UsageError('--fillable makes PDF form fields: give --format pdf');
  if (v.lang && !(LANGUAGES as readonly string[]).includes(v.lang)) throw new UsageError(`unknown language "${v.lang}" (use ru or kk)`);
  return { file: positionals[0], ...v, formats };
}

async function produce(o: Exclude<ReturnType<typeof options>, 'help'>): Promise<number> {
  const { act, diagnostics } = await resolveFile(o.file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) console.error(formatDiagnostic(d));
  if (!act || hasErrors(diagnostics)) {
    say(`${o.file}: not resolved (metodika validate ${o.file} says why)`);
    return 1;
  }
  const lang = (o.lang as Lang | undefined) ?? act.languages[0];
  const compiled = compileActScoring(act.source, act.id);
  if (!compiled) throw new FormsError(`${o.file}: the act has no scoring section (its sheets, grades and routing)`);
  if (!compiled.config) throw new FormsError(`${o.file}: the scoring section does not compile (metodika compile ${o.file} says why)`);
  let engine: Engine;
  try {
    engine = new Engine(compiled.config, o.calendar ? { calendar: loadCalendar(o.calendar) } : {});
  } catch (e) {
    if (e instanceof ConfigError) throw new FormsError(`${o.file}: ${e.message}`);
    throw e;
  }

  const { tree, missing } = act.tree(lang);
  const all = sheetForms(tree);
  const forms = o.blank ? pickForms(all, o.form) : pickForms(all, undefined);
  // A sheet in a language the act lacks would print "[текст отсутствует]" where its words are.
  const marker = `[${words(lang).missing}]`;
  const incomplete = forms.filter((f) => textOf(f.appendix).includes(marker));
  if (incomplete.length) {
    throw new FormsError(`${o.file}: the ${incomplete.map((f) => f.key).join(', ')} sheet has no ${lang} text in places (${missing.length} node(s) of the act lack it: metodika build ${o.file} --lang ${lang} lists them)`);
  }
  const facts = actFacts(act, tree, lang, engine);
  const quiet = !!o.quiet;

  if (o.blank) {
    const outDir = o.out ?? join('output', act.id, 'forms');
    refuseOverwrite(blankPaths(facts, forms, o.formats, !!o.fillable, outDir), !!o.force);
    const written = await writeBlank(facts, forms, o.formats, !!o.fillable, outDir);
    if (!quiet) for (const w of written) console.log(`wrote ${w}`);
    return 0;
  }

  const period = parsePeriod(o.period!);
  if (!period) throw new UsageError(`--period "${o.period}" is not a period (write 2025-Q3)`);
  if (engine.config.period === 'quarter' && period.kind !== 'quarter') throw new UsageError(`the act evaluates by quarter: give --period ${period.year}-Q1 .. ${period.year}-Q4`);
  const outDir = o.out ?? join('output', act.id, 'forms', period.id);
  const paths = rosterPaths({ outDir, formats: o.formats, period, facts });
  refuseOverwrite(Object.values(paths), !!o.force);
  const results = o.results
    ? { file: o.results, index: await readResults(o.results, period.id), scoresFile: o.scores!, scores: await readScores(o.scores!, period.id) }
    : undefined;
  const s = await writeRoster({ facts, engine, period, roster: o.roster!, formats: o.formats, fillable: !!o.fillable, ...(results ? { results } : {}), outDir, progress: process.stderr });
  for (const w of s.warnings) say(`warning: ${w}`);
  for (const r of s.rejections) console.error(r);
  if (s.rejected > s.rejections.length) console.error(`... and ${s.rejected - s.rejections.length} more`);
  if (!quiet) {
    const sheets = [...s.bySheet].map(([k, n]) => `${k} ${n}`).join(', ');
    const pages = o.formats.includes('pdf') ? `, ${s.pages} pages` : '';
    console.log(`${o.roster}: read ${s.read} (${s.encoding}), printed ${s.printed}${sheets ? ` (${sheets}${pages})` : ''}, not evaluated ${s.notEvaluated}, rejected ${s.rejected}`);
    for (const f of s.files) console.log(`wrote ${f}`);
  }
  if (s.rejected) {
    say(`${s.rejected} row(s) rejected, see ${paths.rejects}`);
    return 3;
  }
  return 0;
}

/** Nothing is overwritten without --force: every file the run would write is checked first. */
function refuseOverwrite(paths: string[], force: boolean): void {
  if (force) return;
  const there = paths.filter((p) => existsSync(p));
  if (there.length) throw new FormsError(`${there.join(', ')} ${there.length > 1 ? 'exist' : 'exists'}; give --force to overwrite`);
}
