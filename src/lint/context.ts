// What every rule is given: the resolved act, its paragraphs in each published language, the
// id-bearing nodes of the composed source (and of the base, for a derived act), and `place`,
// which says where in the YAML a node or one of its fields is written.
import { type SourcePos, posOf, posOfKey } from '../load/positions.js';
import type { Lang, MethodologyFile, Text } from '../model/source.js';
import { indexNodes, type NodeEntry, nodeKind } from '../resolve/nodes.js';
import type { ResolvedAct } from '../resolve/index.js';
import { type Para, paragraphs } from './walk.js';

export interface LintContext {
  act: ResolvedAct;
  /** The complete act (a derived act's base with its terms and changes applied). */
  source: MethodologyFile;
  languages: Lang[];
  paragraphs(lang: Lang): Para[];
  /** The paragraphs of every published language. */
  all(): Para[];
  /** Id-bearing nodes of the complete act. */
  index: Map<string, NodeEntry>;
  /** Id-bearing nodes of the base act, for a derived act. */
  baseIndex?: Map<string, NodeEntry>;
  /** Where a node (or its field `key`) is written: in the derived act's change when it set it. */
  place(node: object, key?: string): SourcePos;
  /** Where the derived act removes one of these nodes, if it does. */
  removal(ids: readonly string[]): SourcePos | undefined;
}

export function createContext(act: ResolvedAct): LintContext {
  const index = indexNodes(act.source, act.file);
  const baseIndex = act.base ? indexNodes(act.base.source, act.base.file) : undefined;
  const changes = (act.own.changes ?? []) as Array<Record<string, unknown>>;
  const fallback: SourcePos = { file: act.file, line: 1, column: 1 };

  const textPos = (lang: Lang, kind: 'parameter' | 'blank', id: string, cell?: number) => {
    const node = index.get(id)?.node;
    const text = (kind === 'blank' ? node?.label : cell === 0 ? node?.name : node?.guidance) as Text | undefined;
    return posOfKey(text, lang) ?? posOf(text);
  };
  const byLang = new Map<Lang, Para[]>();
  const paras = (lang: Lang) => {
    let list = byLang.get(lang);
    if (!list) byLang.set(lang, (list = paragraphs(act.tree(lang).tree, textPos)));
    return list;
  };

  const place = (node: object, key?: string): SourcePos => {
    const kind = nodeKind(node);
    const id = kind ? ((node as Record<string, unknown>)[kind] as string) : undefined;
    const change = id && act.changedIds.has(id) ? changes.find((c) => c.replace === id) : undefined;
    if (key && change && key in change) return posOfKey(change, key) ?? fallback;
    const value = key ? (node as Record<string, unknown>)[key] : undefined;
    return posOf(value) ?? (key ? posOfKey(node, key) : undefined) ?? posOf(node) ?? fallback;
  };

  return {
    act,
    source: act.source,
    languages: act.languages,
    paragraphs: paras,
    all: () => act.languages.flatMap(paras),
    index,
    baseIndex,
    place,
    removal: (ids) => posOf(changes.find((c) => typeof c.remove === 'string' && ids.includes(c.remove))),
  };
}
