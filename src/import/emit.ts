// The draft as a methodology file: YAML in the key order docs/format.md uses, a multi-line text
// as a block, and above each chapter, point, paragraph, appendix and sheet row a comment naming
// the input lines it was read from, for the person who curates the draft.
import { Document, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { MethodologyFile } from '../model/source.js';

export interface EmitOptions {
  /** Input lines of the nodes that carry them. */
  origin?: WeakMap<object, [number, number]>;
  /** The header comment's lines (without "#"). */
  header: string[];
  /** Prefix of the line comments ("000 lines 37-46"). */
  source?: string;
}

const SCHEMA_LINE = ' yaml-language-server: $schema=../schemas/methodology.schema.json';

export function emitYaml(act: MethodologyFile, opts: EmitOptions): string {
  const doc = new Document(act);
  doc.commentBefore = [SCHEMA_LINE, '', ...opts.header.map((l) => (l ? ` ${l}` : ''))].join('\n');
  if (opts.origin) comment(doc.contents as YamlNode, act, opts.origin, opts.source ?? 'input');
  compact(doc.contents as YamlNode);
  return doc.toString({ lineWidth: 0, singleQuote: true, blockQuote: 'literal' });
}

/** Short lists on one line: ids, codes, and the rows of a table of short cells. */
function compact(node: YamlNode | null | undefined): void {
  if (isSeq(node)) {
    const scalars = node.items.every((i) => isScalar(i));
    const shortCells = node.items.length > 0 && node.items.every((i) => isMap(i) && i.items.length === 1 && isScalar(i.items[0].value) && String((i.items[0].value as { value: unknown }).value).length <= 40 && !String((i.items[0].value as { value: unknown }).value).includes('\n'));
    if ((scalars && node.items.length > 0) || shortCells) {
      node.flow = true;
      if (shortCells) for (const i of node.items) (i as YamlNode & { flow?: boolean }).flow = true;
      return;
    }
    for (const i of node.items) compact(i as YamlNode);
  } else if (isMap(node)) {
    for (const pair of node.items) compact(pair.value as YamlNode);
  }
}

/** Walks the YAML nodes and the values they were made from together. */
function comment(node: YamlNode | null | undefined, value: unknown, origin: WeakMap<object, [number, number]>, source: string): void {
  if (!node || !value || typeof value !== 'object') return;
  if (isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => {
      const v = value[i];
      const lines = v && typeof v === 'object' ? origin.get(v) : undefined;
      if (lines && lines[0] > 0) (item as YamlNode).commentBefore = ` ${source} ${lines[0] === lines[1] ? `line ${lines[0]}` : `lines ${lines[0]}-${lines[1]}`}`;
      comment(item as YamlNode, v, origin, source);
    });
  } else if (isMap(node) && !Array.isArray(value)) {
    for (const pair of node.items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      comment(pair.value as YamlNode, (value as Record<string, unknown>)[key], origin, source);
    }
  }
}
