// The evaluation sheets of an act, as the resolved Act tree holds them (appendix > form), and
// one sheet as a tree of its own: the appendix alone, so every renderer lays it out exactly as it
// lays out that appendix of the act. What varies from person to person (the header blanks, the
// scores, the average) is put into that tree as a token, one private-use character per
// variable, which the PDF and DOCX writers find in their layout and replace for each person.
import type { ActRoot, AppendixNode, BlankNode, FormNode, ParagraphNode, TableNode } from '../model/tree.js';
import { textOf } from '../render/plain.js';

export interface SheetForm {
  /** The sheet's key in scoring.sheets (managerial, non-managerial). */
  key: string;
  appendix: AppendixNode;
  form: FormNode;
}

export class FormsError extends Error {}

export function sheetForms(root: ActRoot): SheetForm[] {
  const out: SheetForm[] = [];
  for (const top of root.children) {
    if (top.type !== 'methodology') continue;
    for (const a of top.children) {
      if (a.type !== 'appendix') continue;
      const form = a.children.find((c): c is FormNode => c.type === 'form');
      if (form) out.push({ key: form.sheet, appendix: a, form });
    }
  }
  return out;
}

/** `--form`: a sheet's scoring key, its appendix id, or its appendix number. */
export function pickForms(forms: SheetForm[], requested: string | undefined): SheetForm[] {
  if (!forms.length) throw new FormsError('the act has no evaluation sheet (no appendix with a form)');
  if (!requested) return forms;
  return requested.split(',').map((r) => {
    const name = r.trim();
    const hit = forms.find((f) => f.key === name || f.appendix.id === name || f.appendix.number === name);
    if (!hit) {
      const known = forms.map((f) => `${f.key} (appendix ${f.appendix.number}, ${f.appendix.id})`).join(', ');
      throw new FormsError(`no sheet "${name}" in the act; its sheets: ${known}`);
    }
    return hit;
  });
}

/** What a variable of the sheet holds. */
export type VariableName =
  | 'person' // the evaluated person's blank: name, position, body
  | 'period'
  | 'evaluator'
  | `score:${number}` // a parameter's score (1-based row)
  | `comment:${number}`
  | 'average'
  | 'cap-note'; // why the final score is below the average (a sanction's cap)

export interface Variable {
  name: VariableName;
  /** value: text drawn for each person; field: a place for a fillable PDF field, nothing drawn. */
  kind: 'value' | 'field';
  token: string;
  /** What a field is for, in the sheet's own words (its column and row): a viewer shows it as a tooltip. */
  tip?: string;
}

export interface SheetSpec {
  /** Fill the header blanks (a roster). */
  blanks: boolean;
  /** Print scores, the average and the cap note (results). */
  scores: boolean;
  /** Leave places for PDF form fields: scores, comments, the average. */
  fields: boolean;
}

export interface SheetTree {
  root: ActRoot;
  variables: Variable[];
  /** The parameters' ids, in the order of the table's rows. */
  parameters: string[];
  /** The text of the result's options ("(выполняет ... эффективно, ...).") as the tree holds it. */
  options?: string;
  /** The text of the signature's date line ("Дата"). */
  date?: string;
}

const BLANK_ROLES = ['person', 'period', 'evaluator'] as const;

/**
 * Which header blank is which: by its id (…evaluated, …period, …evaluator, as the acts name
 * them), and otherwise by its place (the sheet's first blank is the evaluated person, the second
 * the period, the third the evaluator, as every sheet of the typical methodology orders them).
 */
function blankRoles(form: FormNode): Map<BlankNode, (typeof BLANK_ROLES)[number]> {
  const blanks = form.children.filter((c): c is BlankNode => c.type === 'blank');
  const byId = (b: BlankNode) => (/evaluated$/.test(b.id) ? 'person' : /period$/.test(b.id) ? 'period' : /evaluator$/.test(b.id) ? 'evaluator' : undefined);
  const roles = new Map<BlankNode, (typeof BLANK_ROLES)[number]>();
  const ids = blanks.map(byId);
  const distinct = new Set(ids.filter(Boolean)).size === blanks.length;
  blanks.forEach((b, i) => {
    const role = distinct ? ids[i] : BLANK_ROLES[i];
    if (role) roles.set(b, role);
  });
  return roles;
}

const para = (value: string): ParagraphNode => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value }] });

/** The sheet alone as an Act tree, with a token wherever the spec asks for a variable. */
export function sheetTree(root: ActRoot, sheet: SheetForm, spec: SheetSpec): SheetTree {
  const appendix = structuredClone(sheet.appendix);
  const form = appendix.children.find((c): c is FormNode => c.type === 'form')!;
  const variables: Variable[] = [];
  const token = (name: VariableName, kind: Variable['kind'], tip?: string): string => {
    // U+E0FF is the DOCX writer's own token (docx.ts).
    if (variables.length >= 0xff) throw new FormsError(`sheet "${sheet.key}" has more than 255 places to fill`);
    const t = String.fromCharCode(0xe000 + variables.length);
    variables.push({ name, kind, token: t, ...(tip && kind === 'field' ? { tip } : {}) });
    return t;
  };
  if (spec.blanks) for (const [blank, role] of blankRoles(form)) blank.value = token(role, 'value');

  const parameters: string[] = [];
  const table = form.children.find((c): c is TableNode => c.type === 'table');
  const heading = table?.children.find((r) => r.role === 'header')?.children.map((c) => textOf(c).replace(/\s+/g, ' '));
  const tip = (col: number, row: TableNode['children'][number]) => `${heading?.[col] ?? ''}: ${textOf(row.children[0]).replace(/\s+/g, ' ')}`;
  for (const row of table?.children ?? []) {
    if (row.role === 'parameter') {
      parameters.push(row.id ?? String(parameters.length + 1));
      const n = parameters.length;
      if (spec.scores) row.children[1].children = [para(token(`score:${n}`, 'value'))];
      else if (spec.fields) row.children[1].children = [para(token(`score:${n}`, 'field', tip(1, row)))];
      if (spec.fields) row.children[2].children = [para(token(`comment:${n}`, 'field', tip(2, row)))];
    }
    if (row.role === 'average') {
      if (spec.scores) {
        row.children[1].children = [para(token('average', 'value'))];
        row.children[2].children = [para(token('cap-note', 'value'))];
      } else if (spec.fields) row.children[1].children = [para(token('average', 'field', tip(1, row)))];
    }
  }
  const options = form.children.find((c): c is ParagraphNode => c.type === 'paragraph' && c.role === 'result-options');
  const date = form.children.filter((c): c is ParagraphNode => c.type === 'paragraph' && c.role === 'signature').at(-1);
  const methodology = { type: 'methodology' as const, children: [appendix] };
  return {
    root: { type: 'root', id: root.id, lang: root.lang, children: [methodology], data: root.data },
    variables,
    parameters,
    ...(options ? { options: textOf(options) } : {}),
    ...(date ? { date: textOf(date) } : {}),
  };
}

/** The grade wordings as the result's options print them, with where each stands in the text. */
export function optionRanges(options: string, wordings: string[]): Array<[number, number] | undefined> {
  let from = 0;
  return wordings.map((w) => {
    const lowered = w.charAt(0).toLowerCase() + w.slice(1);
    const at = options.indexOf(lowered, from);
    if (at < 0) return undefined;
    from = at + lowered.length;
    return [at, at + lowered.length];
  });
}
