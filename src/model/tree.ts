// The resolved Act tree: unist-compatible nodes, one tree per language, holding the final
// wording (references numbered, rules worded, fixed wording filled in). Renderers, the linter
// and the diff walk this tree; nothing downstream of resolve reads YAML.
import type { Position } from 'unist';
import type { Lang } from './source.js';

export interface NodeData {
  /** The YAML file that defined the node (a derived act mixes its own file and its base's). */
  file?: string;
  /** Where the wording of this node came from, when it is not the act's own published text. */
  provenance?: string;
}

interface Base {
  position?: Position;
  data?: NodeData;
}

export interface TextNode extends Base {
  type: 'text';
  value: string;
}

/** A paragraph of wording. `role` says what it is in the act's anatomy. */
export interface ParagraphNode extends Base {
  type: 'paragraph';
  id?: string;
  role?: ParagraphRole;
  children: TextNode[];
}

export type ParagraphRole =
  | 'title'
  | 'publication'
  | 'enacts'
  | 'signatory'
  | 'stamp'
  | 'footnote'
  | 'caption'
  | 'form-label'
  | 'blank-label'
  | 'preamble'
  | 'note'
  | 'result-label'
  | 'result-options'
  | 'signature'
  | 'body';

export interface HeadingNode extends Base {
  type: 'heading';
  depth: 1 | 2 | 3;
  id?: string;
  children: TextNode[];
}

/** What a point, a sub-point or an appendix holds after its heading. */
export type PartNode = ParagraphNode | SubpointNode | TableNode;

export interface SubpointNode extends Base {
  type: 'subpoint';
  id: string;
  number: string;
  children: PartNode[];
}

export interface PointNode extends Base {
  type: 'point';
  id: string;
  number: string;
  children: PartNode[];
}

export interface ChapterNode extends Base {
  type: 'chapter';
  id: string;
  number: string;
  children: Array<HeadingNode | PointNode>;
}

export interface BlankNode extends Base {
  type: 'blank';
  id: string;
  /** The value filled in (a roster's name, the period); empty on a blank sheet. */
  value?: string;
  children: TextNode[];
}

export interface TableCellNode extends Base {
  type: 'tableCell';
  children: ParagraphNode[];
}

export interface TableRowNode extends Base {
  type: 'tableRow';
  id?: string;
  role: 'header' | 'parameter' | 'average' | 'body';
  children: TableCellNode[];
}

export interface TableNode extends Base {
  type: 'table';
  id?: string;
  children: TableRowNode[];
}

export interface FormNode extends Base {
  type: 'form';
  sheet: string;
  children: Array<ParagraphNode | HeadingNode | BlankNode | TableNode>;
}

export interface AppendixNode extends Base {
  type: 'appendix';
  id: string;
  number: string;
  children: Array<ParagraphNode | HeadingNode | FormNode | PartNode>;
}

export interface MethodologyNode extends Base {
  type: 'methodology';
  children: Array<ParagraphNode | HeadingNode | ChapterNode | AppendixNode>;
}

export interface DecisionNode extends Base {
  type: 'decision';
  children: Array<ParagraphNode | HeadingNode | PointNode>;
}

export interface ActRoot extends Base {
  type: 'root';
  id: string;
  lang: Lang;
  children: Array<DecisionNode | ParagraphNode | MethodologyNode>;
}

export type ActNode =
  | ActRoot
  | DecisionNode
  | MethodologyNode
  | ChapterNode
  | PointNode
  | SubpointNode
  | ParagraphNode
  | HeadingNode
  | AppendixNode
  | FormNode
  | BlankNode
  | TableNode
  | TableRowNode
  | TableCellNode
  | TextNode;
