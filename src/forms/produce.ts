// `metodika forms`, the work: blank sheets of an act's forms; or, for a roster, every person's
// sheet, read row by row and written as it is decided (one PDF with every sheet, and on request
// one DOCX per person in a ZIP), with the persons not evaluated and the rows rejected listed
// beside them. Every output is written under a temporary name and renamed when complete; an
// error leaves none of them behind.
import { join } from 'node:path';
import type { Period } from '../calendar/index.js';
import type { Engine } from '../engine/engine.js';
import { AtomicFile, csvCell } from '../engine/stream.js';
import type { FieldError } from '../engine/types.js';
import { sniff, unreadable } from '../io/encoding.js';
import { writeFileAtomic } from '../io/write.js';
import type { Lang } from '../model/source.js';
import type { ActRoot } from '../model/tree.js';
import { renderDocx } from '../render/docx.js';
import { textOf } from '../render/plain.js';
import type { ResolvedAct } from '../resolve/index.js';
import { DocxSheet } from './docx.js';
import { FormsPdf } from './pdf/document.js';
import type { ScoreRule } from './pdf/fields.js';
import type { SheetLayout } from './pdf/layout.js';
import { Planner, type Printed } from './plan.js';
import { Progress } from './progress.js';
import type { Indexed, ResultEntry } from './results.js';
import { readRoster, RosterError } from './roster.js';
import { type SheetForm, sheetForms, sheetTree, type SheetTree } from './sheets.js';
import { ByteSink } from './sink.js';
import { bookmarkText, invalidScoreText, periodText, sheetValues, titleText } from './values.js';
import { pack, ZipWriter } from './zip.js';
import { makeDir } from '../io/folders.js';

export type Format = 'pdf' | 'docx';

/** Rejections shown on the terminal; the rejects file has them all. */
const SHOWN = 10;

/** What the act says about its sheets: the grades' wordings, the caps, the scale and rounding. */
export interface ActFacts {
  act: ResolvedAct;
  tree: ActRoot;
  lang: Lang;
  grades: string[];
  /** Grade ids, in the same order. */
  gradeIds: string[];
  caps: Map<string, number>;
  rule: ScoreRule;
}

export function actFacts(act: ResolvedAct, tree: ActRoot, lang: Lang, engine: Engine): ActFacts {
  const scoring = act.source.scoring;
  const grades = scoring?.grades ?? [];
  // A score's range and decimals as the engine reads the act (every parameter alike in a sheet-mean act).
  const input = Object.values(engine.config.sheets)[0]?.inputs[0];
  return {
    act, tree, lang,
    grades: grades.map((g) => g.wording[lang] ?? ''),
    gradeIds: grades.map((g) => g.grade),
    caps: new Map((scoring?.caps ?? []).map((c) => [c.cap, c.max])),
    rule: {
      min: Number(input?.min ?? 0),
      max: Number(input?.max ?? 5),
      decimals: input?.decimals ?? engine.settings.decimals,
      averageDecimals: engine.settings.decimals,
      rounding: engine.settings.rounding,
    },
  };
}

const fillable = (f: ActFacts) => ({ rule: f.rule, alert: invalidScoreText(f.lang, f.rule.min, f.rule.max, f.rule.decimals) });

export function blankPaths(facts: ActFacts, forms: SheetForm[], formats: Format[], isFillable: boolean, outDir: string): string[] {
  return forms.flatMap((f) => formats.map((fmt) => join(outDir, `${facts.act.id}.${f.key}${fmt === 'pdf' && isFillable ? '.fillable' : ''}.${facts.lang}.${fmt}`)));
}

/** Blank sheets: each form on its own pages, as the act's appendix prints it. */
export async function writeBlank(facts: ActFacts, forms: SheetForm[], formats: Format[], isFillable: boolean, outDir: string): Promise<string[]> {
  const paths = blankPaths(facts, forms, formats, isFillable, outDir);
  let i = 0;
  for (const form of forms) {
    const tree = sheetTree(facts.tree, form, { blanks: false, scores: false, fields: isFillable });
    for (const fmt of formats) {
      const path = paths[i++];
      if (fmt === 'docx') {
        await writeFileAtomic(path, await renderDocx(sheetTree(facts.tree, form, { blanks: false, scores: false, fields: false }).root));
        continue;
      }
      const heading = form.form.children.find((c) => c.type === 'heading');
      const pdf = await FormsPdf.open(path, { lang: facts.lang, title: heading ? textOf(heading) : form.key, grades: facts.grades, ...(isFillable ? { fillable: fillable(facts) } : {}) });
      try {
        pdf.add({ layout: pdf.layout(tree), values: [] });
        await pdf.close();
      } catch (e) {
        pdf.abort();
        throw e;
      }
    }
  }
  return paths;
}

export interface RosterJob {
  facts: ActFacts;
  engine: Engine;
  period: Period;
  roster: string;
  formats: Format[];
  fillable: boolean;
  results?: { file: string; index: Indexed<ResultEntry>; scoresFile: string; scores: Indexed<Record<string, string>> };
  outDir: string;
  /** Where the progress line goes (stderr; it stays quiet off a terminal). */
  progress?: NodeJS.WriteStream;
}

export interface RosterSummary {
  encoding: string;
  read: number;
  printed: number;
  bySheet: Map<string, number>;
  pages: number;
  notEvaluated: number;
  rejected: number;
  /** The first rejections, as lines to show (all of them are in the rejects file). */
  rejections: string[];
  warnings: string[];
  files: string[];
}

export function rosterPaths(job: Pick<RosterJob, 'outDir' | 'formats' | 'period' | 'facts'>) {
  const { outDir, period, facts } = job;
  return {
    ...(job.formats.includes('pdf') ? { pdf: join(outDir, `sheets-${period.id}.${facts.lang}.pdf`) } : {}),
    ...(job.formats.includes('docx') ? { zip: join(outDir, `sheets-${period.id}.${facts.lang}.docx.zip`) } : {}),
    notEvaluated: join(outDir, `not-evaluated-${period.id}.csv`),
    rejects: join(outDir, `rejects-${period.id}.csv`),
  };
}

/** A file name for a person's DOCX in the archive: their number, then their name. */
function entryName(seq: number, width: number, name: string): string {
  const safe = name.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '_').slice(0, 100).trim() || 'sheet';
  return `${String(seq).padStart(width, '0')} ${safe}.docx`;
}

export async function writeRoster(job: RosterJob): Promise<RosterSummary> {
  const { facts, engine, period } = job;
  const paths = rosterPaths(job);
  const sniffed = await sniff(job.roster);
  const why = unreadable(job.roster, sniffed);
  if (why) throw new RosterError(why);
  const forms = new Map(sheetForms(facts.tree).map((f) => [f.key, f]));
  const spec = { blanks: true, scores: !!job.results, fields: job.fillable };
  const trees = new Map<string, SheetTree>([...forms].map(([k, f]) => [k, sheetTree(facts.tree, f, spec)]));
  const summary: RosterSummary = {
    encoding: sniffed.encoding + (sniffed.bom ? ' with a byte order mark' : ''), read: 0, printed: 0, bySheet: new Map(), pages: 0,
    notEvaluated: 0, rejected: 0, rejections: [], warnings: [], files: [],
  };
  if (sniffed.encoding === 'windows-1251') summary.warnings.push(`${job.roster}: not UTF-8; read as Windows-1251 (CP1251)`);
  if (job.results) summary.warnings.push(...job.results.index.problems, ...job.results.scores.problems);

  const periodWords = periodText(facts.lang, period);
  makeDir(job.outDir);
  let pdf: FormsPdf | undefined;
  let zipSink: ByteSink | undefined;
  let zip: ZipWriter | undefined;
  const notEvaluated = new AtomicFile(paths.notEvaluated);
  const rejects = new AtomicFile(paths.rejects);
  const layouts = new Map<string, SheetLayout>();
  const docxSheets = new Map<string, DocxSheet>();
  const width = Math.max(4, String(sniffed.lines).length);
  const progress = new Progress(Math.max(1, sniffed.lines - 1), 'forms', job.progress);
  const reject = (line: number, person: string | undefined, name: string | undefined, errors: FieldError[]) => {
    summary.rejected++;
    if (summary.rejections.length < SHOWN) summary.rejections.push(`${job.roster}:${line}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    rejects.append([line, person, name, [...new Set(errors.map((e) => e.field))].join(' '), errors.map((e) => e.message).join('; ')].map(csvCell).join(',') + '\n');
  };
  const planner = new Planner({
    engine, period,
    sheets: new Map([...trees].map(([k, t]) => [k, t.parameters])),
    body: facts.act.source.body?.[facts.lang]?.nom,
    ...(job.results ? { results: job.results.index.byPerson, scores: job.results.scores.byPerson, resultsFile: job.results.file, scoresFile: job.results.scoresFile } : {}),
  });
  let matched = 0;

  try {
    if (paths.pdf) pdf = await FormsPdf.open(paths.pdf, { lang: facts.lang, title: titleText(facts.lang, period), grades: facts.grades, ...(job.fillable ? { fillable: fillable(facts) } : {}) });
    if (paths.zip) {
      zipSink = await ByteSink.open(paths.zip);
      zip = new ZipWriter(zipSink);
      for (const [key, tree] of trees) docxSheets.set(key, await DocxSheet.create(tree, facts.grades));
    }
    await notEvaluated.write('line,person,name,position,reason\n');
    await rejects.write('line,person,name,fields,error\n');
    const roles = [...new Set((engine.config.routing?.rules ?? []).map((r) => r.evaluator))];
    const required = job.results ? (['name', 'position'] as const) : (['name', 'position', 'category'] as const);
    for await (const batch of readRoster(job.roster, {
      encoding: sniffed.encoding, roles, required: [...required],
      onHeader: (c) => {
        if (c.unused.length) summary.warnings.push(`${job.roster}: column(s) not used: ${c.unused.join(', ')}`);
      },
    })) {
      for (const item of batch) {
        summary.read++;
        progress.tick();
        if ('error' in item) {
          reject(item.line, item.person, item.name, [{ field: 'row', message: item.error }]);
          continue;
        }
        const o = planner.decide(item.row);
        if (o.kind === 'rejected') {
          reject(o.line, o.person, o.name, o.errors);
          continue;
        }
        if (job.results) matched++;
        if (o.kind === 'not-evaluated') {
          summary.notEvaluated++;
          notEvaluated.append([o.row.line, o.row.person, o.row.name, o.row.position, o.reason].map(csvCell).join(',') + '\n');
          continue;
        }
        const problem = print(o);
        if (problem) reject(o.row.line, o.row.person, o.row.name, [problem]);
      }
      await pdf?.flushIfFull();
      await zipSink?.flushIfFull();
    }
    progress.end();
    if (job.results && job.results.index.byPerson.size > matched) {
      summary.warnings.push(`${job.results.file}: ${job.results.index.byPerson.size - matched} result(s) for ${period.id} have no row in the roster`);
    }
    summary.pages = pdf?.pageCount ?? 0;
    await pdf?.close();
    if (zip && zipSink) {
      zip.finish();
      await zipSink.commit();
    }
    await notEvaluated.commit();
    await rejects.commit();
  } catch (e) {
    progress.end();
    pdf?.abort();
    zipSink?.abort();
    notEvaluated.abort();
    rejects.abort();
    throw e;
  }
  summary.files = [paths.pdf, paths.zip, paths.notEvaluated, paths.rejects].filter((p): p is string => !!p);
  return summary;

  /** A person's sheet into each output; a value the PDF font cannot draw rejects the row instead. */
  function print(o: Printed): FieldError | undefined {
    const tree = trees.get(o.sheet)!;
    const values = sheetValues(tree.variables, o, tree.parameters, { lang: facts.lang, period: periodWords, caps: facts.caps });
    const grade = o.result?.grade === undefined ? undefined : facts.gradeIds.indexOf(o.result.grade);
    const g = grade !== undefined && grade >= 0 ? grade : undefined;
    if (pdf) {
      let layout = layouts.get(o.sheet);
      if (!layout) layouts.set(o.sheet, (layout = pdf.layout(tree)));
      for (let v = 0; v < values.length; v++) {
        const problem = values[v] && layout.checkValue(v, values[v]);
        if (problem) return { field: tree.variables[v].name.split(':')[0], message: `${problem}: "${values[v]}"` };
      }
      pdf.add({ layout, values, ...(g !== undefined ? { grade: g } : {}), bookmark: bookmarkText(facts.lang, o) });
    }
    summary.printed++;
    summary.bySheet.set(o.sheet, (summary.bySheet.get(o.sheet) ?? 0) + 1);
    if (zip) {
      const docx = docxSheets.get(o.sheet)!;
      zip.add(pack(entryName(summary.printed, width, o.row.name), docx.build(values, g), false));
    }
    return undefined;
  }
}
