// Every piece of wording of one language's Act tree, in document order, with what a rule needs
// to judge it and to say where it is: the enclosing point, sub-point, appendix or sheet row, the
// point number as published, and the YAML position of the text.
import type { SourcePos } from '../load/positions.js';
import type { Lang } from '../model/source.js';
import type {
  ActNode, ActRoot, AppendixNode, BlankNode, ChapterNode, FormNode, HeadingNode, ParagraphNode, ParagraphRole, PointNode, SubpointNode, TableRowNode,
} from '../model/tree.js';
import { textOf } from '../render/plain.js';
import { words } from '../resolve/templates.js';

export type Scope = 'envelope' | 'decision' | 'methodology';

export interface Para {
  lang: Lang;
  /** The resolved wording (references numbered, rules worded). */
  text: string;
  node: ParagraphNode | HeadingNode | BlankNode;
  role: ParagraphRole | 'heading' | 'blank' | 'cell';
  /** The id of the paragraph itself, else of the nearest node that has one (sub-point, point, row). */
  id?: string;
  /** The id of the node whose own wording this is (a point's first paragraph is the point's). */
  own?: string;
  scope: Scope;
  point?: PointNode;
  subpoint?: SubpointNode;
  appendix?: AppendixNode;
  /** The evaluation sheet the text belongs to. */
  form?: FormNode;
  row?: TableRowNode;
  /** Column of a table cell (0: parameter, 3: guidance). */
  cell?: number;
  pos: SourcePos;
  /** How a person finds it in the published act: "point 16", "appendix 1, row 4". */
  label: string;
}

interface Frame {
  scope: Scope;
  chapter?: ChapterNode;
  file?: string;
  pos?: SourcePos;
  point?: PointNode;
  subpoint?: SubpointNode;
  appendix?: AppendixNode;
  form?: FormNode;
  row?: TableRowNode;
  /** The row's number as printed ("4." of parameter 4). */
  rowNumber?: number;
}

function label(f: Frame, role: Para['role'], cell?: number): string {
  if (f.row) {
    const where = f.point ? `point ${f.point.number}, ` : f.appendix ? `appendix ${f.appendix.number}, ` : '';
    if (f.row.role === 'parameter') return `${where}row ${f.rowNumber} (${cell === 0 ? 'parameter' : 'guidance'})`;
    if (f.row.role === 'body') return `${where}table row ${f.rowNumber}`;
    return `${where}${f.row.role === 'header' ? 'column headings' : 'average row'}`;
  }
  const point = f.point ? `${f.scope === 'decision' ? 'decision point' : 'point'} ${f.point.number}` : undefined;
  if (f.subpoint && point) return `sub-point ${f.subpoint.number}) of ${point}`;
  if (point) return point;
  if (f.appendix) return `appendix ${f.appendix.number}${role === 'caption' || role === 'form-label' ? ' caption' : ''}`;
  if (role === 'heading') return f.scope === 'decision' ? 'decision title' : f.chapter ? `chapter ${f.chapter.number} heading` : 'methodology title';
  return role === 'stamp' ? 'approval stamp' : role === 'publication' || role === 'enacts' ? 'decision heading' : role;
}

function at(node: ActNode, frame: Frame): SourcePos {
  const start = node.position?.start;
  const file = node.data?.file ?? frame.file ?? '';
  return start ? { file, line: start.line, column: start.column } : (frame.pos ?? { file, line: 1, column: 1 });
}

/**
 * Where the wording of a sheet row's cell or of a blank is written. The tree places them at the
 * row or blank, which a derived act inherits from its base even when it rewords them.
 */
export type TextPos = (lang: Lang, kind: 'parameter' | 'blank', id: string, cell?: number) => SourcePos | undefined;

/** The paragraphs of a tree; wording absent in this language (the "[текст отсутствует]" marker) is left out. */
export function paragraphs(root: ActRoot, textPos: TextPos = () => undefined): Para[] {
  const lang = root.lang;
  const missing = `[${words(lang).missing}]`;
  const out: Para[] = [];
  const emit = (node: Para['node'], role: Para['role'], f: Frame, cell?: number) => {
    const text = textOf(node);
    if (!text.trim() || text.includes(missing)) return;
    const id = ('id' in node && node.id) || f.subpoint?.id || f.point?.id || f.row?.id;
    const own = ('id' in node && node.id) || (f.point && !f.subpoint && f.point.children[0] === node ? f.point.id : undefined);
    const written = f.row?.role === 'parameter' ? textPos(lang, 'parameter', f.row.id!, cell) : node.type === 'blank' ? textPos(lang, 'blank', node.id) : undefined;
    out.push({
      lang, text, node, role, id, ...(own ? { own } : {}), scope: f.scope, point: f.point, subpoint: f.subpoint, appendix: f.appendix, form: f.form, row: f.row, cell,
      pos: written ?? at(node, f), label: label(f, role, cell),
    });
  };
  const walk = (node: ActNode, f: Frame): void => {
    const here: Frame = { ...f, file: node.data?.file ?? f.file, pos: node.position ? at(node, f) : f.pos };
    switch (node.type) {
      case 'root':
        for (const c of node.children) walk(c, here);
        return;
      case 'chapter':
        for (const c of node.children) walk(c, { ...here, chapter: node });
        return;
      case 'form':
        for (const c of node.children) walk(c, { ...here, form: node });
        return;
      case 'table': {
        let n = 0;
        for (const r of node.children) walk(r, r.role === 'parameter' || r.role === 'body' ? { ...here, rowNumber: ++n } : here);
        return;
      }
      case 'decision':
      case 'methodology':
        for (const c of node.children) walk(c, { ...here, scope: node.type });
        return;
      case 'appendix':
        for (const c of node.children) walk(c, { ...here, appendix: node });
        return;
      case 'point':
        for (const c of node.children) walk(c, { ...here, point: node, subpoint: undefined });
        return;
      case 'subpoint':
        for (const c of node.children) walk(c, { ...here, subpoint: node });
        return;
      case 'tableRow':
        node.children.forEach((cell, i) => cell.children.forEach((p) => emit(p, 'cell', { ...here, row: node }, i)));
        return;
      case 'paragraph':
        emit(node, node.role ?? 'body', here);
        return;
      case 'heading':
        emit(node, 'heading', here);
        return;
      case 'blank':
        emit(node, 'blank', here);
        return;
      default:
        return;
    }
  };
  walk(root, { scope: 'envelope' });
  return out;
}
