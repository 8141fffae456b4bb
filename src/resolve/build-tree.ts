// Builds the Act tree of one language from a composed methodology file: numbers everything,
// expands the expressions, words the rules from scoring data and fills in the fixed wording.
import type { Position } from 'unist';
import type { Diagnostic } from '../diagnostics.js';
import { posOf, posOfKey, type SourcePos } from '../load/positions.js';
import { formatDate, formatDateNumeric } from '../lang/dates.js';
import type { Appendix, Chapter, Form, Lang, MethodologyFile, NameForms, Part, Point, Table, Text } from '../model/source.js';
import type {
  ActRoot, AppendixNode, BlankNode, ChapterNode, DecisionNode, FormNode, HeadingNode, MethodologyNode, ParagraphNode,
  ParagraphRole, PartNode, PointNode, SubpointNode, TableCellNode, TableNode, TableRowNode,
} from '../model/tree.js';
import { ExpansionError, expand, type ExpandContext, helpersFor } from './expand.js';
import { renderTemplate, words } from './templates.js';

export interface BuildResult {
  tree: ActRoot;
  /** Nodes with no wording in this language (the build must not write a half-translated document). */
  missing: Diagnostic[];
  errors: Diagnostic[];
}

/** The number after `prev`: after an inserted "5-1" (or "5.1") comes "6", as Kazakhstan acts number them. */
const nextNumber = (prev: string | undefined) => {
  const lead = prev ? /^\d+/.exec(prev) : null;
  return lead ? String(Number(lead[0]) + 1) : '1';
};

/** Numbers chapters, points (continuously), sub-points (within their point) and appendices. */
export function numberNodes(source: MethodologyFile): Map<string, string> {
  const numbers = new Map<string, string>();
  const numberParts = (parts: Part[] | undefined) => {
    let prev: string | undefined;
    for (const part of parts ?? []) {
      if ('subpoint' in part) {
        prev = part.number ?? nextNumber(prev);
        numbers.set(part.subpoint, prev);
        numberParts(part.parts);
      }
    }
  };
  const numberPoints = (points: Point[] | undefined, prev?: string) => {
    for (const p of points ?? []) {
      prev = p.number ?? nextNumber(prev);
      numbers.set(p.point, prev);
      numberParts(p.parts);
    }
    return prev;
  };
  let chapter: string | undefined;
  let point: string | undefined;
  for (const c of source.methodology?.chapters ?? []) {
    chapter = c.number ?? nextNumber(chapter);
    numbers.set(c.chapter, chapter);
    point = numberPoints(c.points, point);
  }
  let appendix: string | undefined;
  for (const a of source.methodology?.appendices ?? []) {
    appendix = a.number ?? nextNumber(appendix);
    numbers.set(a.appendix, appendix);
  }
  numberPoints(source.act.points);
  return numbers;
}

function position(pos: SourcePos | undefined): Position | undefined {
  return pos ? { start: { line: pos.line, column: pos.column }, end: { line: pos.line, column: pos.column } } : undefined;
}

export function buildTree(source: MethodologyFile, lang: Lang, numbers: Map<string, string>, removed: Set<string>): BuildResult {
  const missing: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const ctx: ExpandContext = { lang, source, numbers, removed };
  const helpers = helpersFor(ctx);
  const missingWord = `[${words(lang).missing}]`;

  const where = (owner: unknown, key?: string): SourcePos | undefined => (key ? posOfKey(owner, key) : undefined) ?? posOf(owner);
  const diag = (pos: SourcePos | undefined, message: string, ruleId: string): Diagnostic => ({
    file: pos?.file ?? '', line: pos?.line ?? 1, column: pos?.column ?? 1, severity: 'error', message, ruleId,
  });

  /** The wording of a text in this language, expanded; records what is missing or broken. */
  const say = (text: Text | undefined, what: string): string => {
    if (!text) return '';
    const s = text[lang];
    if (s === undefined) {
      missing.push(diag(where(text), `${what} has no ${lang} text`, 'missing-translation'));
      return missingWord;
    }
    try {
      return expand(s, ctx, helpers);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      errors.push(diag(where(text, lang), `${what}: ${e.message}`, 'template'));
      return s;
    }
  };
  const nameForm = (forms: NameForms | undefined, form: string, what: string): string => {
    const s = forms?.[lang]?.[form];
    if (s === undefined) missing.push(diag(where(forms), `${what} has no ${lang} form "${form}"`, 'missing-translation'));
    return s ?? missingWord;
  };
  const provenanceOf = (text: Text | undefined) => text?.provenance?.[lang];
  const para = (text: Text | undefined, what: string, role: ParagraphRole, id?: string, value?: string): ParagraphNode => {
    const pos = where(text, lang);
    const prov = provenanceOf(text);
    return {
      type: 'paragraph', ...(id ? { id } : {}), role,
      children: [{ type: 'text', value: value ?? say(text, what) }],
      position: position(pos), data: { file: pos?.file, ...(prov ? { provenance: prov } : {}) },
    };
  };
  const fixed = (value: string, role: ParagraphRole, owner?: unknown): ParagraphNode => {
    const pos = where(owner);
    return { type: 'paragraph', role, children: [{ type: 'text', value }], position: position(pos), data: { file: pos?.file } };
  };
  const heading = (value: string, depth: 1 | 2 | 3, owner: unknown, id?: string): HeadingNode => {
    const pos = where(owner);
    return { type: 'heading', depth, ...(id ? { id } : {}), children: [{ type: 'text', value }], position: position(pos), data: { file: pos?.file } };
  };

  // A cell's position is its wording's: a derived act that rewords a row points at its own change.
  const cell = (lines: string[], owner?: unknown): TableCellNode => {
    const pos = where(owner, lang);
    return {
      type: 'tableCell',
      children: lines.map((value) => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value }], position: position(pos), data: { file: pos?.file } })),
    };
  };

  const table = (t: Table, label: string): PartNode[] => {
    const what = `${label} table "${t.table}"`;
    const headerRows = t['header-rows'] ?? 1;
    const rows: TableRowNode[] = t.rows.map((row, r) => ({
      type: 'tableRow', role: r < headerRows ? 'header' : 'body',
      children: row.map((c, i) => cell(say(c, `${what} row ${r + 1} cell ${i + 1}`).split('\n'), c)),
      position: position(where(row)),
    }));
    const node: TableNode = { type: 'table', id: t.table, children: rows, position: position(where(t)), data: { file: where(t)?.file } };
    return t.title ? [para(t.title, `${what} title`, 'caption'), node] : [node];
  };

  const parts = (list: Part[] | undefined, label: string): PartNode[] =>
    (list ?? []).flatMap((part): PartNode[] => {
      if ('table' in part) return table(part, label);
      if ('subpoint' in part) {
        const number = numbers.get(part.subpoint)!;
        const what = `${label} sub-point ${number}) "${part.subpoint}"`;
        const node: SubpointNode = {
          type: 'subpoint', id: part.subpoint, number,
          children: [para(part.text, what, 'body', part.subpoint), ...parts(part.parts, `${label} sub-point ${number})`)],
          position: position(where(part)), data: { file: where(part)?.file },
        };
        return [node];
      }
      return [para(part.text, `${label} paragraph "${part.paragraph}"`, 'body', part.paragraph)];
    });

  const point = (p: Point, label: string): PointNode => {
    const number = numbers.get(p.point)!;
    const what = `${label} ${number}. "${p.point}"`;
    return {
      type: 'point', id: p.point, number,
      children: [...(p.text ? [para(p.text, what, 'body', undefined)] : []), ...parts(p.parts, `${label} ${number}.`)],
      position: position(where(p)), data: { file: where(p)?.file },
    };
  };

  const chapter = (c: Chapter): ChapterNode => {
    const number = numbers.get(c.chapter)!;
    const title = renderTemplate(lang, 'chapter-heading', { number, title: say(c.title, `chapter ${number} "${c.chapter}" title`) });
    return {
      type: 'chapter', id: c.chapter, number,
      children: [heading(title, 2, c.title ?? c, c.chapter), ...c.points.map((p) => point(p, 'point'))],
      position: position(where(c)), data: { file: where(c)?.file },
    };
  };

  const form = (f: Form, label: string): FormNode => {
    const sheet = source.scoring?.sheets?.[f.sheet];
    const children: FormNode['children'] = [];
    children.push(fixed(renderTemplate(lang, 'form-label', {}), 'form-label', f));
    children.push(heading(say(f.title, `${label} title`), 2, f.title));
    for (const b of f.blanks) {
      const pos = where(b);
      const blank: BlankNode = { type: 'blank', id: b.blank, children: [{ type: 'text', value: say(b.label, `${label} blank "${b.blank}"`) }], position: position(where(b.label, lang) ?? pos), data: { file: (where(b.label, lang) ?? pos)?.file } };
      children.push(blank);
    }
    for (const p of f.preamble ?? []) children.push(para(p.text, `${label} preamble "${p.paragraph}"`, 'preamble', p.paragraph));
    const rows: TableRowNode[] = [];
    const cols = f.columns;
    rows.push({
      type: 'tableRow', role: 'header',
      children: [cols.parameter, cols.score, cols.comment, cols.guidance].map((t, i) => cell([say(t, `${label} column ${i + 1} heading`)], t)),
    });
    if (!sheet) errors.push(diag(where(f, 'sheet'), `${label}: form.sheet "${f.sheet}" is not a key of scoring.sheets`, 'unknown-sheet'));
    sheet?.parameters.forEach((prm, i) => {
      const name = renderTemplate(lang, 'sheet-row', { number: i + 1, name: say(prm.name, `sheet "${f.sheet}" parameter ${i + 1} "${prm.parameter}" name`) });
      const guidance = say(prm.guidance, `sheet "${f.sheet}" parameter ${i + 1} "${prm.parameter}" guidance`);
      rows.push({
        type: 'tableRow', id: prm.parameter, role: 'parameter',
        children: [cell([name], prm.name), cell([]), cell([]), cell(guidance.split('\n'), prm.guidance)],
        position: position(where(prm.name, lang)), data: { file: where(prm.name, lang)?.file },
      });
    });
    rows.push({ type: 'tableRow', role: 'average', children: [cell([say(f['average-row'], `${label} average row`)], f['average-row']), cell([]), cell([]), cell([])] });
    children.push({ type: 'table', children: rows, position: position(where(f)) });
    for (const n of f.notes ?? []) children.push(para(n.text, `${label} note "${n.paragraph}"`, 'note', n.paragraph));
    children.push(para(f.result.label, `${label} result label`, 'result-label'));
    const grades = (source.scoring?.grades ?? []).map((g) => {
      const s = say(g.wording, `grade "${g.grade}" wording`);
      return s.charAt(0).toLowerCase() + s.slice(1);
    });
    children.push(fixed(renderTemplate(lang, 'result-options', { grades }), 'result-options', source.scoring?.grades));
    for (const p of f.result.parts ?? []) children.push(para(p.text, `${label} result "${p.paragraph}"`, 'note', p.paragraph));
    children.push(para(f.signature.label, `${label} signature label`, 'signature'));
    if (f.signature.note) children.push(para(f.signature.note, `${label} signature note`, 'signature'));
    children.push(para(f.signature.date, `${label} signature date`, 'signature'));
    return { type: 'form', sheet: f.sheet, children, position: position(where(f)), data: { file: where(f)?.file } };
  };

  const titleDat = () => nameForm(source.methodology?.title, 'dat', 'methodology title');
  const appendix = (a: Appendix): AppendixNode => {
    const number = numbers.get(a.appendix)!;
    const caption = a.caption
      ? para(a.caption, `appendix ${number} caption`, 'caption')
      : fixed(renderTemplate(lang, 'appendix-caption', { number, methodology: titleDat() }), 'caption', a);
    const label = `appendix ${number}`;
    const own: AppendixNode['children'] = [];
    if (a['form-label']) own.push(fixed(renderTemplate(lang, 'form-label', {}), 'form-label', a));
    if (a.title) own.push(heading(say(a.title, `${label} title`), 2, a.title));
    own.push(...parts(a.parts, label));
    return {
      type: 'appendix', id: a.appendix, number,
      children: [caption, ...own, ...(a.form ? [form(a.form, label)] : [])],
      position: position(where(a)), data: { file: where(a)?.file },
    };
  };

  const act = source.act;
  const kind = words(lang).kind[act.kind];
  const issuer = { nom: nameForm(act.issuer, 'nom', 'act issuer'), gen: nameForm(act.issuer, 'gen', 'act issuer') };
  const children: ActRoot['children'] = [];

  if (act.points?.length) {
    const decision: DecisionNode = { type: 'decision', children: [], position: position(where(act)), data: { file: where(act)?.file } };
    if (act.title) decision.children.push(heading(say(act.title, 'act title'), 1, act.title));
    decision.children.push(fixed(renderTemplate(lang, 'decision-publication', {
      kind, issuer, region: act.region ? say(act.region, 'act region') : '', date: formatDate(act.date, lang), dateNumeric: formatDateNumeric(act.date), number: act.number,
    }), 'publication', act));
    if (act.registration) {
      decision.children.push(fixed(renderTemplate(lang, 'registration', {
        date: act.registration.date ? formatDate(act.registration.date, lang, 'date-on') : '', number: act.registration.number,
      }), 'publication', act.registration));
    }
    for (const f of act.footnotes ?? []) decision.children.push(para(f.text, `act footnote "${f.footnote}"`, 'footnote', f.footnote));
    decision.children.push(fixed(renderTemplate(lang, 'decision-enacts', { kind, issuer, preamble: act.preamble ? say(act.preamble, 'act preamble') : '' }), 'enacts', act.preamble ?? act));
    for (const p of act.points) decision.children.push(point(p, 'decision point'));
    if (act.signatory) {
      decision.children.push(fixed(renderTemplate(lang, 'signatory', {
        position: say(act.signatory.position, 'signatory position'), name: say(act.signatory.name, 'signatory name'),
      }), 'signatory', act.signatory));
    }
    children.push(decision);
  }

  const approval = source.approval;
  if (approval?.attachment) {
    children.push(fixed(renderTemplate(lang, 'stamp-attachment', {
      appendixNumber: approval.attachment.number, kind, issuer, date: formatDate(act.date, lang), number: act.number,
    }), 'stamp', approval));
  }
  if (approval?.approved) {
    const by = approval.approved === true ? { date: act.date, number: act.number } : approval.approved;
    const byKind = words(lang).kind[(approval.approved !== true && approval.approved.kind) || act.kind];
    const byIssuer = approval.approved !== true && approval.approved.issuer
      ? { gen: nameForm(approval.approved.issuer, 'gen', 'approving issuer') }
      : issuer;
    children.push(fixed(renderTemplate(lang, 'stamp-approved', { kind: byKind, issuer: byIssuer, date: formatDate(by.date, lang), number: by.number }), 'stamp', approval));
  }

  const m = source.methodology!;
  const methodology: MethodologyNode = { type: 'methodology', children: [], position: position(where(m)), data: { file: where(m)?.file } };
  methodology.children.push(heading(nameForm(m.title, 'nom', 'methodology title'), 1, m.title));
  for (const f of m.footnotes ?? []) methodology.children.push(para(f.text, `footnote "${f.footnote}"`, 'footnote', f.footnote));
  for (const c of m.chapters ?? []) methodology.children.push(chapter(c));
  for (const a of m.appendices ?? []) methodology.children.push(appendix(a));
  children.push(methodology);

  const tree: ActRoot = { type: 'root', id: source.id, lang, children, position: position(where(source)), data: { file: where(source)?.file } };
  return { tree, missing, errors };
}

