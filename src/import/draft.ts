// The published text of an act into a full methodology file (a draft for legal staff to curate):
// lines -> furniture removed -> the enacting act, the approval stamp and title, the chapters, the
// appendices -> the scoring rules the text states -> cross-references linked.
import { basename } from 'node:path';
import type { Appendix, Lang, MethodologyFile, Scoring, SheetParameter } from '../model/source.js';
import { parseAppendix } from './appendix.js';
import { parseBody } from './body.js';
import { findAppendices, titleStems } from './captions.js';
import { type Context, createContext, from } from './context.js';
import { parseEnvelope } from './envelope.js';
import { parseFront, sectionStart } from './front.js';
import { removeFurniture } from './furniture.js';
import { type Line, toLines } from './lines.js';
import { linkReferences } from './refs.js';
import { Lexicon, Repairer } from './repair.js';
import { ImportError, ImportReport } from './report.js';
import { readScoring } from './scoring.js';
import { detectLanguage, VOCABULARY } from './vocabulary.js';

export interface DraftOptions {
  /** The input's name, for messages and the default id. */
  file: string;
  lang?: Lang;
  /** Which methodology of an order that approves several ("Приложение N к приказу"). */
  appendix?: string;
  id?: string;
}

export interface Draft {
  act: MethodologyFile;
  lang: Lang;
  report: ImportReport;
  /** Input lines of each node (for the YAML's comments). */
  origin: WeakMap<object, [number, number]>;
  /** Input line ranges [from, to] the act was read from (another methodology of the order excluded). */
  extent: Array<[number, number]>;
}

/** A stable id from the file name: "003_fecf19c758279eb6.txt" -> "003-fecf19c758279eb6". */
export function idFromFile(file: string): string {
  const id = basename(file).replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id || 'imported-act';
}

interface Section {
  /** Index of the first chapter heading. */
  chapter: number;
  /** Index where the section (its stamp) starts. */
  start: number;
  /** The number of "Приложение N к приказу" above it, when the order approves several. */
  number?: string;
}

export function draftAct(text: string, opts: DraftOptions): Draft {
  const report = new ImportReport();
  const lang = opts.lang ?? detectLanguage(text);
  if (!lang) throw new ImportError(`${opts.file}: no Russian or Kazakh text found; this is not the text of an act`);
  const lines = removeFurniture(toLines(text), report);
  const repair = new Repairer(new Lexicon(lines, lang), report);
  const ctx = createContext(lang, repair, report);
  const vocab = VOCABULARY[lang];

  const chapterOnes = lines.map((l, i) => (vocab.chapter.exec(l.text)?.[1] === '1' ? i : -1)).filter((i) => i >= 0);
  if (!chapterOnes.length) {
    const points = lines.filter((l) => /^"?\d+\.\s+\S/.test(l.text)).length;
    throw new ImportError(points >= 3
      ? `${opts.file}: no chapter heading ("${lang === 'ru' ? 'Глава 1.' : '1-тарау.'}") found; the format needs the methodology's chapters${opts.lang ? '' : ` (read as ${lang}; is --lang right?)`}`
      : `${opts.file}: this does not read as an act: no chapters ("${lang === 'ru' ? 'Глава 1.' : '1-тарау.'}") and no numbered points`);
  }
  const sections: Section[] = chapterOnes.map((chapter, k) => {
    const start = k === 0 ? -1 : sectionStart(lines, chapter);
    const number = k === 0 ? undefined : /^Приложение\s+(\d+)/.exec(lines[start]?.text ?? '')?.[1];
    return { chapter, start, ...(number ? { number } : {}) };
  });
  const envelope = parseEnvelope(lines, chapterOnes[0], ctx);
  sections[0].start = envelope.end;
  if (sections.length > 1) {
    // The first methodology's number is the one its stamp gives.
    sections[0].number = /^Приложение\s+(\d+)/.exec(lines.slice(sections[0].start, sections[0].chapter).find((l) => /^Приложение\s+\d+/.test(l.text))?.text ?? '')?.[1];
  }
  const which = pickSection(sections, opts, lines);
  const k = sections.indexOf(which);
  const end = k + 1 < sections.length ? sections[k + 1].start : lines.length;

  const act: MethodologyFile = { id: opts.id ?? idFromFile(opts.file), language: [lang], act: {} as MethodologyFile['act'] };
  const front = parseFront(lines.slice(which.start, which.chapter), envelope.act, ctx);
  Object.assign(act.act, envelope.act);
  if (front.approval) act.approval = front.approval;
  if (!front.title) throw new ImportError(`${opts.file}:${lines[which.chapter].no}: the methodology's title is missing before its first chapter`);
  const stems = titleStems(front.title);
  const zones = findAppendices(lines, which.chapter, end, ctx, stems);
  const bodyEnd = zones[0]?.from ?? end;
  const chapters = parseBody(lines.slice(which.chapter, bodyEnd), ctx);

  // The methodology's name in the dative, as most captions print it.
  const dats = zones.map((z) => z.dat).filter((d): d is string => !!d);
  const dat = mostCommon(dats);
  const appendices: Appendix[] = [];
  const sheets: Record<string, { appendix: string; parameters: SheetParameter[] }> = {};
  let prevNumber: string | undefined;
  for (const z of zones) {
    const generated = prevNumber && /^\d+$/.test(prevNumber) ? String(Number(prevNumber) + 1) : '1';
    const { appendix, sheet } = parseAppendix(lines, z, Number(generated), dat, ctx);
    prevNumber = appendix.number ?? generated;
    appendices.push(appendix);
    if (sheet) {
      const key = sheets[sheet.key] ? `${sheet.key}-${appendices.length}` : sheet.key;
      sheet.form.sheet = key;
      sheets[key] = { appendix: appendix.appendix, parameters: sheet.parameters.map((p, i) => ({ ...p, parameter: `${key}-${i + 1}` })) };
      sheet.parameters.forEach((p, i) => ctx.origin.set(sheets[key].parameters[i], ctx.origin.get(p) ?? [0, 0]));
    }
  }
  act.methodology = from(ctx, {
    title: { [lang]: { nom: front.title, ...(dat ? { dat } : {}) } },
    ...(front.footnotes.length ? { footnotes: front.footnotes } : {}),
    chapters,
    ...(appendices.length ? { appendices } : {}),
  }, front.titleLines?.[0] ?? 0, front.titleLines?.[1] ?? 0);
  completeAct(act, ctx, opts.file);
  linkReferences(act, lang);
  act.scoring = readScoring(act, sheets, ctx) as Scoring;
  const last = lines[end - 1]?.no ?? lines.length;
  const extent: Array<[number, number]> = k === 0 ? [[1, last]] : [[1, lines[envelope.end - 1]?.no ?? 0], [lines[which.start].no, last]];
  return { act, lang, report, origin: ctx.origin, extent };
}

function pickSection(sections: Section[], opts: DraftOptions, lines: readonly Line[]): Section {
  if (sections.length === 1) {
    if (opts.appendix && sections[0].number && sections[0].number !== opts.appendix) {
      throw new ImportError(`${opts.file}: the text holds one methodology (appendix ${sections[0].number}), not appendix ${opts.appendix}`);
    }
    return sections[0];
  }
  const list = sections.map((s) => `appendix ${s.number ?? '?'} (line ${lines[s.chapter].no})`).join(', ');
  if (!opts.appendix) throw new ImportError(`${opts.file}: the order approves ${sections.length} methodologies: ${list}; choose one with --appendix N`);
  const found = sections.find((s) => s.number === opts.appendix);
  if (!found) throw new ImportError(`${opts.file}: no methodology is appendix ${opts.appendix}; the order has ${list}`);
  return found;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The schema needs the act's kind, issuer (its nominative), date and number. */
function completeAct(act: MethodologyFile, ctx: Context, file: string): void {
  const a = act.act;
  const lang = ctx.lang;
  const missing = [!a.date && 'date', !a.number && 'number'].filter(Boolean);
  if (missing.length) {
    throw new ImportError(`${file}: the enacting act's ${missing.join(' and ')} are printed nowhere (no publication line such as "${lang === 'ru' ? 'Решение ... от 17 октября 2025 года № 22/173' : 'Шешім 26.11.2025 №442, ...'}", no approval stamp)`);
  }
  if (!a.kind) {
    a.kind = 'decision';
    ctx.report.add('supplied', 1, 'the kind of the enacting act is printed nowhere: taken as a decision');
  }
  const forms = ((a.issuer ??= {})[lang] ??= {} as Record<string, string>);
  if (!forms.nom) {
    forms.nom = forms.gen ?? '?';
    ctx.report.add('supplied', 1, `the issuer's name in the nominative is printed nowhere: "${forms.nom}" written for it; correct act.issuer.${lang}.nom`);
  }
  // Keys in the order docs/format.md writes them.
  const order = ['kind', 'issuer', 'region', 'date', 'number', 'title', 'amends', 'repeals', 'registration', 'preamble', 'points', 'signatory', 'footnotes'];
  const sorted = Object.fromEntries(order.filter((k) => k in a).map((k) => [k, (a as unknown as Record<string, unknown>)[k]]));
  act.act = sorted as unknown as MethodologyFile['act'];
}
