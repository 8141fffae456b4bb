// A derived act = a copy of its base's methodology and scoring, with the body's terms
// substituted into the inherited wording and the changes applied by id.
import type { Diagnostic } from '../diagnostics.js';
import { cloneWithPositions, posOf, posOfKey, type SourcePos } from '../load/positions.js';
import type { Appendix, Change, MethodologyFile, Term, Text } from '../model/source.js';
import { type AnyNode, eachText, indexNodes, nodeKind, type NodeKind, siblingsCompatible } from './nodes.js';

/** Fields a `replace` may set, by the kind of node it targets. */
const REPLACEABLE: Record<NodeKind, string[]> = {
  chapter: ['title', 'number'],
  point: ['text', 'number', 'parts'],
  paragraph: ['text'],
  subpoint: ['text', 'number', 'parts'],
  table: ['rows', 'title'],
  appendix: ['caption', 'number', 'title', 'parts', 'result-label'],
  blank: ['label'],
  footnote: ['text'],
  parameter: ['name', 'guidance', 'implements'],
  cap: [],
  grade: ['wording'],
  route: ['categories', 'sheet', 'evaluator', 'managerial', 'otherwise', 'implements'],
  deadline: [],
};

/**
 * An appendix's title or result label: a sheet's are its form's (its title heads the form, its
 * result label stands before the grade wordings); another appendix has a title of its own and no
 * result label (`missing` is called).
 */
function setFormField(a: Appendix, key: 'title' | 'result-label', value: Text, missing: () => void): void {
  if (a.form) {
    if (key === 'title') a.form.title = value;
    else a.form.result = { ...a.form.result, label: value };
  } else if (key === 'title') a.title = value;
  else missing();
}

export interface Composition {
  source: MethodologyFile;
  /** Ids the changes removed, so a dangling reference can say so. */
  removed: Set<string>;
  /** Ids the derived act itself wrote (changed or inserted), for the diff and the linter. */
  changedIds: Set<string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Substitutes the terms, whole words only, into every inherited text; returns how often each matched. */
export function applyTerms(root: unknown, terms: readonly Term[]): number[] {
  const counts = terms.map(() => 0);
  const patterns = terms.map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t.from)}(?![\\p{L}\\p{N}])`, 'gu'));
  eachText(root, (text) => {
    terms.forEach((t, i) => {
      const s = text[t.lang];
      if (typeof s !== 'string') return;
      text[t.lang] = s.replace(patterns[i], () => {
        counts[i]++;
        return t.to;
      });
    });
  });
  return counts;
}

export function compose(base: MethodologyFile, derived: MethodologyFile, derivedFile: string, diagnostics: Diagnostic[]): Composition {
  const methodology = cloneWithPositions(base.methodology!);
  const scoring = cloneWithPositions(base.scoring);
  const inherited = { methodology, scoring };
  const at = (obj: unknown, key?: string): SourcePos => (key ? posOfKey(obj, key) : posOf(obj)) ?? { file: derivedFile, line: 1, column: 1 };
  const report = (pos: SourcePos, message: string, ruleId: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ file: pos.file, line: pos.line, column: pos.column, severity, message, ruleId });

  const terms = derived.terms ?? [];
  const counts = applyTerms(inherited, terms);
  terms.forEach((t, i) => {
    if (counts[i] === 0) report(at(t), `term "${t.from}" -> "${t.to}" (${t.lang}) matches nothing in the base text`, 'unused-term', 'warning');
  });

  const removed = new Set<string>();
  const changedIds = new Set<string>();
  for (const change of derived.changes ?? []) applyChange(change);

  if (derived.methodology?.title) methodology.title = derived.methodology.title;
  if (derived.methodology?.footnotes) methodology.footnotes = derived.methodology.footnotes;

  // The composed act is a full act: its changes are applied (they stay readable in the own file).
  const source: MethodologyFile = { ...derived, methodology, scoring };
  delete source.base;
  delete source.changes;
  return { source, removed, changedIds };

  function applyChange(change: Change): void {
    const c = change as Record<string, unknown>;
    const op = (['replace', 'remove', 'insert-after', 'insert-before'] as const).find((k) => typeof c[k] === 'string')!;
    const targetId = c[op] as string;
    const index = indexNodes(inherited, derivedFile);
    const entry = index.get(targetId);
    if (!entry) {
      const why = removed.has(targetId) ? 'it was removed by an earlier change' : `no node of the base "${base.id}" has this id`;
      report(at(change, op), `change targets "${targetId}", but ${why}`, 'missing-target');
      return;
    }
    const i = entry.list.indexOf(entry.node);
    if (op === 'remove') {
      entry.list.splice(i, 1);
      removed.add(targetId);
      return;
    }
    if (op === 'replace') {
      const allowed = REPLACEABLE[entry.kind];
      for (const [key, value] of Object.entries(c)) {
        if (key === 'replace' || key === 'reason') continue;
        if (!allowed.includes(key)) {
          report(at(change, key), `a ${entry.kind} has no "${key}" to replace (it may change: ${allowed.join(', ') || 'nothing'})`, 'bad-change');
          continue;
        }
        // A new wording replaces the text in every language: keeping the base's wording in a
        // language the change does not give would publish a translation of the old rule.
        if (entry.kind === 'appendix' && (key === 'title' || key === 'result-label')) setFormField(entry.node as unknown as Appendix, key, value as Text, () => report(at(change, key), `appendix "${targetId}" is not an evaluation sheet: it has no result label`, 'bad-change'));
        else entry.node[key] = value;
      }
      changedIds.add(targetId);
      return;
    }
    const node = c.node as AnyNode;
    const kind = nodeKind(node)!;
    if (!siblingsCompatible(kind, entry.kind)) {
      report(at(change, 'node'), `cannot insert a ${kind} next to the ${entry.kind} "${targetId}"`, 'bad-change');
      return;
    }
    const newId = node[kind] as string;
    if (index.has(newId)) {
      report(at(node, kind), `inserted ${kind} "${newId}" reuses an id the base already has`, 'duplicate-id');
      return;
    }
    entry.list.splice(op === 'insert-after' ? i + 1 : i, 0, node);
    changedIds.add(newId);
  }
}
