// Plain text of the act, laid out in the order of the published act.
import type { ActNode, ActRoot } from '../model/tree.js';
import { isContainer, rowCells, textOf } from './plain.js';

const BLANK_LINE = '_'.repeat(70);

export function renderText(root: ActRoot): string {
  const out: string[] = [];
  const block = (s: string) => out.push(s, '');
  const walk = (node: ActNode): void => {
    if (isContainer(node)) {
      for (const c of node.children) walk(c);
      return;
    }
    switch (node.type) {
      case 'heading':
        block(textOf(node));
        return;
      case 'paragraph':
        block(textOf(node));
        return;
      case 'point':
      case 'subpoint': {
        const mark = node.type === 'point' ? `${node.number}. ` : `${node.number}) `;
        node.children.forEach((c, i) => {
          if (i === 0 && c.type === 'paragraph') block(mark + textOf(c));
          else walk(c);
        });
        if (node.children[0]?.type !== 'paragraph') out.push(mark.trim(), '');
        return;
      }
      case 'blank':
        block(`${textOf(node)}\n${node.value ?? BLANK_LINE}`);
        return;
      case 'table':
        for (const row of node.children) {
          const cells = rowCells(row);
          const first = cells.map((c) => c[0] ?? '').join(' | ');
          const rest = cells.flatMap((c) => c.slice(1)).map((l) => `    ${l}`);
          out.push(first, ...rest);
        }
        out.push('');
        return;
      default:
        out.push(textOf(node));
    }
  };
  walk(root);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
