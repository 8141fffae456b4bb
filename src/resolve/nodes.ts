// Finding the id-bearing nodes of a methodology file: every mapping whose type key
// (chapter, point, paragraph ...) carries its stable id.
import type { Diagnostic } from '../diagnostics.js';
import { posOf, posOfKey } from '../load/positions.js';
import type { Text } from '../model/source.js';

// Order matters: a node may name another node in a field (a cap names its sheet rows in
// `parameters`, a sheet its `appendix`), so the kinds that carry such fields are tried first.
export const NODE_KEYS = ['cap', 'grade', 'route', 'deadline', 'footnote', 'blank', 'chapter', 'point', 'subpoint', 'paragraph', 'table', 'appendix', 'parameter'] as const;
export type NodeKind = (typeof NODE_KEYS)[number];

/** Kinds that may stand side by side in one list (a paragraph may be inserted among sub-points). */
const SIBLING_GROUP: Record<NodeKind, string> = {
  chapter: 'chapter', point: 'point', paragraph: 'part', subpoint: 'part', table: 'part', appendix: 'appendix', blank: 'blank',
  footnote: 'footnote', parameter: 'parameter', cap: 'cap', grade: 'grade', route: 'route', deadline: 'deadline',
};

export function siblingsCompatible(a: NodeKind, b: NodeKind): boolean {
  return SIBLING_GROUP[a] === SIBLING_GROUP[b];
}

export type AnyNode = Record<string, unknown>;

export interface NodeEntry {
  id: string;
  kind: NodeKind;
  node: AnyNode;
  /** The list that holds it (all id-bearing nodes sit in lists). */
  list: AnyNode[];
}

export function nodeKind(obj: unknown): NodeKind | undefined {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  for (const k of NODE_KEYS) if (typeof (obj as AnyNode)[k] === 'string') return k;
  return undefined;
}

/** Indexes every id-bearing node under `root`; reports a duplicate id at its second occurrence. */
export function indexNodes(root: unknown, file: string, diagnostics?: Diagnostic[]): Map<string, NodeEntry> {
  const index = new Map<string, NodeEntry>();
  const walk = (value: unknown, list: AnyNode[] | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, value as AnyNode[]);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const kind = nodeKind(value);
    if (kind && list) {
      const id = (value as AnyNode)[kind] as string;
      const prior = index.get(id);
      if (prior && diagnostics) {
        const pos = posOfKey(value, kind) ?? posOf(value);
        const was = posOfKey(prior.node, prior.kind);
        diagnostics.push({
          file: pos?.file ?? file, line: pos?.line ?? 1, column: pos?.column ?? 1, severity: 'error', ruleId: 'duplicate-id',
          message: `duplicate id "${id}" (${kind}); first used for a ${prior.kind}${was ? ` at ${was.line}:${was.column}` : ''}`,
        });
      } else if (!prior) index.set(id, { id, kind, node: value as AnyNode, list });
    }
    // scoring.settings holds engine steps whose own ids (a table named "grades" used by two
    // steps) are not nodes of the act.
    for (const [k, v] of Object.entries(value)) if (k !== 'settings') walk(v, undefined);
  };
  walk(root, undefined);
  return index;
}

export function isText(value: unknown): value is Text {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'ru' || k === 'kk' || k === 'provenance') && (typeof (value as Text).ru === 'string' || typeof (value as Text).kk === 'string');
}

/** Calls `fn` on every Text object under `root`. */
export function eachText(root: unknown, fn: (text: Text) => void): void {
  if (Array.isArray(root)) {
    for (const v of root) eachText(v, fn);
  } else if (root && typeof root === 'object') {
    if (isText(root)) fn(root);
    else for (const v of Object.values(root)) eachText(v, fn);
  }
}
