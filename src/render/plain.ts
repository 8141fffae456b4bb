// The text of a node, as a reader sees it: for lines, for the fidelity measure, for the diff.
import type { ActNode, TableRowNode } from '../model/tree.js';

export function textOf(node: ActNode): string {
  if (node.type === 'text') return node.value;
  return (node.children as ActNode[]).map(textOf).join(node.type === 'tableCell' ? '\n' : '');
}

export function rowCells(row: TableRowNode): string[][] {
  return row.children.map((cell) => cell.children.map(textOf));
}
