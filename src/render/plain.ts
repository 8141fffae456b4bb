// The text of a node, as a reader sees it: for lines, for the fidelity measure, for the diff.
import type { ActNode, ActRoot, AppendixNode, ChapterNode, DecisionNode, FormNode, MethodologyNode, TableRowNode } from '../model/tree.js';

export function textOf(node: ActNode): string {
  if (node.type === 'text') return node.value;
  return (node.children as ActNode[]).map(textOf).join(node.type === 'tableCell' ? '\n' : '');
}

export function rowCells(row: TableRowNode): string[][] {
  return row.children.map((cell) => cell.children.map(textOf));
}

type Container = ActRoot | DecisionNode | MethodologyNode | ChapterNode | AppendixNode | FormNode;
const CONTAINERS = new Set(['root', 'decision', 'methodology', 'chapter', 'appendix', 'form']);

/** Nodes that only group others: a renderer lays out their children in order. */
export function isContainer(node: ActNode): node is Container {
  return CONTAINERS.has(node.type);
}
