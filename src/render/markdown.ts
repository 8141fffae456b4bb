// Markdown of the act, built as an mdast tree and serialised by mdast-util-to-markdown, so the
// act's own characters ("* оценка 0 баллов", "0*") are escaped instead of becoming syntax.
import type { BlockContent, Root, RootContent, Table, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ActNode, ActRoot } from '../model/tree.js';
import { isContainer, rowCells, textOf } from './plain.js';

const para = (value: string): BlockContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });

function toMdast(root: ActRoot): Root {
  const out: RootContent[] = [];
  const walk = (node: ActNode): void => {
    if (isContainer(node)) {
      for (const c of node.children) walk(c);
      return;
    }
    switch (node.type) {
      case 'heading':
        out.push({ type: 'heading', depth: node.depth, children: [{ type: 'text', value: textOf(node) }] });
        return;
      case 'paragraph':
        out.push(node.role === 'stamp' || node.role === 'caption' ? { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: textOf(node) }] }] } : para(textOf(node)));
        return;
      case 'point':
      case 'subpoint': {
        const mark = node.type === 'point' ? `${node.number}. ` : `${node.number}) `;
        node.children.forEach((c, i) => (i === 0 && c.type === 'paragraph' ? out.push(para(mark + textOf(c))) : walk(c)));
        return;
      }
      case 'blank':
        out.push(para(node.value ?? '_'.repeat(40)), { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: textOf(node) }] }] });
        return;
      case 'table': {
        const rows: TableRow[] = node.children.map((row) => ({
          type: 'tableRow',
          children: rowCells(row).map((lines) => ({
            type: 'tableCell',
            children: lines.flatMap((l, i) => (i ? [{ type: 'break' as const }, { type: 'text' as const, value: l }] : [{ type: 'text' as const, value: l }])),
          })),
        }));
        const table: Table = { type: 'table', align: [null, 'center', null, null], children: rows };
        out.push(table);
        return;
      }
      default:
        out.push(para(textOf(node)));
    }
  };
  walk(root);
  return { type: 'root', children: out };
}

export function renderMarkdown(root: ActRoot): string {
  return toMarkdown(toMdast(root), { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '_' });
}
