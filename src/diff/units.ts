// The comparable elements of an act, in document order: chapter headings, points, sub-points,
// the paragraphs ("части") of a point, table rows, and the parts of each appendix and evaluation
// form. Each knows its key (the stable id, or a key from its place for the few id-less nodes),
// its numbering in its own act, and its wording.
import type { Lang } from '../model/source.js';
import type { ActNode, ActRoot, AppendixNode, FormNode, PartNode, PointNode, SubpointNode, TableNode } from '../model/tree.js';
import { textOf } from '../render/plain.js';
import { words } from '../resolve/templates.js';
import { type Token, tokenize } from './tokens.js';

export type UnitKind = 'heading' | 'point' | 'subpoint' | 'paragraph' | 'blank' | 'row';

/** The enacting decision, its stamps and the publication's footnotes are the act's own envelope. */
export type Area = 'envelope' | 'methodology';

export type FormPart = 'caption' | 'label' | 'title' | 'blank' | 'preamble' | 'header' | 'row' | 'average' | 'note' | 'result' | 'options' | 'signature';

/** Where an element is, numbered as in its own act. */
export interface ElementRef {
  scope: 'decision' | 'stamp' | 'title' | 'footnote' | 'chapter' | 'point' | 'appendix';
  chapter?: string;
  point?: string;
  /** Nested sub-point numbers, outermost first. */
  subpoints?: string[];
  /** The paragraph's place among the paragraphs of its point, sub-point or appendix (the first is 1). */
  part?: number;
  appendix?: string;
  /** Which part of an appendix (an evaluation form's, or a table's row). */
  form?: FormPart;
  /** The n-th of that part (blank 2, row 4). */
  index?: number;
  /** Within the enacting decision. */
  decision?: boolean;
}

export interface Unit {
  key: string;
  kind: UnitKind;
  area: Area;
  ref: ElementRef;
  /** The printed number before the text: "3.", "4)", or a sheet row's "1.". */
  mark?: string;
  /** The wording: one segment for a paragraph, one per cell for a table row. */
  segments: string[];
  /** The words of each segment (cut on first use: most elements of a local act are its base's, word for word). */
  readonly tokens: Token[][];
  /** Per segment: the wording is absent in this language (the act has none to compare). */
  missing: boolean[];
  /** Position in document order. */
  index: number;
  /** Key of the point or sub-point a paragraph or row belongs to. */
  parent?: string;
  /** Key of the chapter, appendix or envelope part the element sits in. */
  container: string;
  /** A table row's table. */
  table?: string;
}

const ROW_MARK = /^(\d+)\.\s+/;

/**
 * The elements of an act in one language. Share `cache` between the two acts compared: most of
 * a local act's wording is its base's, and identical wording is then cut into words once.
 */
export function collectUnits(root: ActRoot, lang: Lang = root.lang, cache = new Map<string, Token[]>()): Unit[] {
  const missingMark = `[${words(lang).missing}]`;
  const units: Unit[] = [];
  const cut = (s: string) => {
    let t = cache.get(s);
    if (!t) {
      t = tokenize(s, lang);
      cache.set(s, t);
    }
    return t;
  };
  const add = (u: Omit<Unit, 'tokens' | 'missing' | 'index'>) => {
    let tokens: Token[][] | undefined;
    units.push({
      ...u,
      get tokens() {
        return (tokens ??= u.segments.map(cut));
      },
      missing: u.segments.map((s) => s.includes(missingMark)),
      index: units.length,
    });
  };
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });

  const table = (t: TableNode, tableKey: string, ref: ElementRef, area: Area, container: string, parent?: string) => {
    let rows = 0;
    for (const r of t.children) {
      const cells = r.children.map((cell) => cell.children.map(textOf).join('\n'));
      const form: FormPart = r.role === 'header' ? 'header' : r.role === 'average' ? 'average' : 'row';
      const index = form === 'row' ? ++rows : undefined;
      const m = r.role === 'parameter' ? ROW_MARK.exec(cells[0]) : null;
      if (m) cells[0] = cells[0].slice(m[0].length);
      add({
        key: r.id ?? `${tableKey}:${form}${index ?? ''}`, kind: 'row', area,
        ref: { ...ref, form, ...optional('index', index) },
        ...optional('mark', m ? `${m[1]}.` : undefined), segments: cells, container, table: tableKey, ...optional('parent', parent),
      });
    }
  };

  /** The parts of a point, a sub-point or an appendix, after its first paragraph. */
  const parts = (list: PartNode[], owner: string, ref: ElementRef, area: Area, container: string, firstPart: number) => {
    let part = firstPart;
    let tables = 0;
    for (const c of list) {
      if (c.type === 'paragraph') {
        part++;
        add({ key: c.id ?? `${owner}:p${part}`, kind: 'paragraph', area, ref: { ...ref, part }, segments: [textOf(c)], container, parent: owner });
      } else if (c.type === 'subpoint') {
        body(c, { ...ref, subpoints: [...(ref.subpoints ?? []), c.number] }, area, container, owner);
      } else {
        table(c, c.id ?? `${owner}:table${++tables}`, ref, area, container, owner);
      }
    }
  };

  const body = (node: PointNode | SubpointNode, ref: ElementRef, area: Area, container: string, parent?: string) => {
    const [first, ...rest] = node.children;
    const mark = node.type === 'point' ? `${node.number}.` : `${node.number})`;
    const hasText = first?.type === 'paragraph';
    // A text without ids (an imported one) is keyed by its numbers.
    const key = node.id ?? `${parent ?? container}/${mark}`;
    if (hasText) add({ key, kind: node.type, area, ref: { ...ref, part: 1 }, mark, segments: [textOf(first)], container, ...optional('parent', parent) });
    parts(hasText ? rest : node.children, key, ref, area, container, hasText ? 1 : 0);
  };

  const form = (f: FormNode, a: AppendixNode, id: string) => {
    const counts = new Map<FormPart, number>();
    const next = (p: FormPart) => {
      const n = (counts.get(p) ?? 0) + 1;
      counts.set(p, n);
      return n;
    };
    const ref = (p: FormPart, index?: number): ElementRef => ({ scope: 'appendix', appendix: a.number, form: p, ...optional('index', index) });
    let tables = 0;
    let afterTable = false;
    for (const c of f.children) {
      if (c.type === 'heading') {
        add({ key: `${id}:title`, kind: 'heading', area: 'methodology', ref: ref('title'), segments: [textOf(c)], container: id });
      } else if (c.type === 'blank') {
        const n = next('blank');
        add({ key: c.id ?? `${id}:blank${n}`, kind: 'blank', area: 'methodology', ref: ref('blank', n), segments: [textOf(c)], container: id });
      } else if (c.type === 'table') {
        table(c, c.id ?? `${id}:table${++tables}`, { scope: 'appendix', appendix: a.number }, 'methodology', id);
        afterTable = true;
      } else {
        const role = c.role ?? 'body';
        const part: FormPart =
          role === 'form-label' ? 'label' : role === 'result-label' ? 'result' : role === 'result-options' ? 'options'
            : role === 'signature' ? 'signature' : afterTable ? 'note' : 'preamble';
        const single = part === 'label' || part === 'result' || part === 'options';
        const n = single ? undefined : next(part);
        add({ key: c.id ?? `${id}:${part}${n ?? ''}`, kind: 'paragraph', area: 'methodology', ref: ref(part, n), segments: [textOf(c)], container: id });
      }
    }
  };

  const appendix = (a: AppendixNode) => {
    const id = a.id ?? `appendix:${a.number}`;
    const ref: ElementRef = { scope: 'appendix', appendix: a.number };
    const own: PartNode[] = [];
    a.children.forEach((c, i) => {
      if (c.type === 'form') form(c, a, id);
      else if (c.type === 'heading') add({ key: `${id}:title`, kind: 'heading', area: 'methodology', ref: { ...ref, form: 'title' }, segments: [textOf(c)], container: id });
      else if (c.type === 'paragraph' && (i === 0 || c.role === 'form-label')) {
        // The caption ("Приложение N к ...") comes first; "Форма" may follow it.
        const part: FormPart = i === 0 ? 'caption' : 'label';
        add({ key: `${id}:${part}`, kind: 'paragraph', area: 'methodology', ref: { ...ref, form: part }, segments: [textOf(c)], container: id });
      } else own.push(c);
    });
    parts(own, id, ref, 'methodology', id, 0);
  };

  const walk = (node: ActNode) => {
    switch (node.type) {
      case 'root':
        node.children.forEach(walk);
        return;
      case 'decision':
        for (const c of node.children) {
          if (c.type === 'point') body(c, { scope: 'point', decision: true, point: c.number }, 'envelope', 'decision');
          else add({ key: c.type === 'heading' ? 'decision:title' : `decision:${c.role ?? 'body'}`, kind: c.type, area: 'envelope', ref: { scope: 'decision' }, segments: [textOf(c)], container: 'decision' });
        }
        return;
      case 'methodology':
        for (const c of node.children) {
          if (c.type === 'heading') add({ key: 'methodology:title', kind: 'heading', area: 'methodology', ref: { scope: 'title' }, segments: [textOf(c)], container: 'methodology' });
          else if (c.type === 'paragraph') add({ key: c.id ?? 'methodology:footnote', kind: 'paragraph', area: 'envelope', ref: { scope: 'footnote' }, segments: [textOf(c)], container: 'methodology' });
          else walk(c);
        }
        return;
      case 'chapter': {
        const id = node.id ?? `chapter:${node.number}`;
        for (const c of node.children) {
          if (c.type === 'heading') add({ key: id, kind: 'heading', area: 'methodology', ref: { scope: 'chapter', chapter: node.number }, segments: [textOf(c)], container: id });
          else body(c, { scope: 'point', point: c.number }, 'methodology', id);
        }
        return;
      }
      case 'appendix':
        appendix(node);
        return;
      case 'paragraph': {
        // A stamp above the methodology ("Приложение ... к решению", "Утверждена ...").
        const n = units.filter((u) => u.ref.scope === 'stamp').length + 1;
        add({ key: `stamp:${n}`, kind: 'paragraph', area: 'envelope', ref: { scope: 'stamp', index: n }, segments: [textOf(node)], container: 'stamps' });
        return;
      }
      default:
        return;
    }
  };
  walk(root);
  return units;
}

export const lacksText = (u: Unit): boolean => u.missing.some(Boolean);
