// The Markdown report, built as an mdast tree and serialised by mdast-util-to-markdown, so the
// act's own characters are escaped rather than read as syntax. Deleted words are struck through
// (~~ ~~), inserted words strong.
import type { PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { CLASSES, type ActDiff, type Segment } from '../diff.js';
import { quote } from '../tokens.js';
import { actName, className, type PairView, RELATION, sectionsOf } from './view.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/**
 * A segment's wording with its changes marked. A change always has spaces around it, even where
 * the wording has none ("2, E-R-1" -> "2 ~~, E-R-1~~"): GFM strikes through only a run that
 * stands apart, and a report reads better for it.
 */
function inline(segment: Segment): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let afterChange = false;
  for (const op of segment.ops) {
    const gap = out.length && ((op.local[0] ?? op.base[0])?.ws || afterChange || op.type === 'change') ? ' ' : '';
    if (op.type === 'equal') {
      out.push(text(gap + quote(op.local)));
      afterChange = false;
      continue;
    }
    if (gap) out.push(text(gap));
    if (op.base.length) out.push({ type: 'delete', children: [text(quote(op.base))] });
    if (op.base.length && op.local.length) out.push(text(' '));
    if (op.local.length) out.push({ type: 'strong', children: [text(quote(op.local))] });
    afterChange = true;
  }
  return out;
}

function pairBlocks(v: PairView, lang: string, depth: 3 | 4 = 3): RootContent[] {
  const { pair } = v;
  const extra = [pair.moved && pair.cls !== 'moved' ? 'moved' : '', pair.relation === 'merged' || pair.relation === 'split' ? pair.relation : ''].filter(Boolean);
  const blocks: RootContent[] = [{ type: 'heading', depth, children: [text(`${v.label}: ${className(pair.cls, lang)}${extra.length ? ` (${extra.join(', ')})` : ''}`)] }];
  const labelled = (label: string, value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(label)] }, text(` ${value}`)] });
  if (pair.reason) blocks.push(labelled('Reason given:', pair.reason));
  if (v.elsewhere) blocks.push(labelled(`No ${lang} text in the base; in ${v.elsewhere.lang}:`, v.elsewhere.text));
  for (const f of pair.findings) blocks.push(labelled('Still names the base act:', `«${f.quote}»`));
  pair.segments.forEach((segment) => {
    if (!segment.ops.length) return;
    const children = inline(segment);
    blocks.push(segment.baseMissing ? { type: 'blockquote', children: [{ type: 'paragraph', children }] } : { type: 'paragraph', children });
  });
  return blocks;
}

export function renderDiffMarkdown(diff: ActDiff): string {
  const s = sectionsOf(diff);
  const lang = diff.lang;
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(`${actName(diff.local)} against ${actName(diff.base)}`)] },
    { type: 'paragraph', children: [text(`Language: ${lang}; ${RELATION[diff.relation]}, aligned by ${diff.align}. Deleted words are struck through, inserted words are bold.`)] },
  ];
  const rows: TableRow[] = [
    { type: 'tableRow', children: ['class', 'methodology', 'envelope'].map((h) => ({ type: 'tableCell', children: [text(h)] })) },
    ...CLASSES.map((cls): TableRow => ({
      type: 'tableRow',
      children: [className(cls, lang), String(diff.counts[cls]), String(diff.envelope[cls])].map((c) => ({ type: 'tableCell', children: [text(c)] })),
    })),
  ];
  children.push({ type: 'table', align: [null, 'right', 'right'], children: rows });

  const section = (title: string, views: PairView[], note?: string) => {
    if (!views.length) return;
    children.push({ type: 'heading', depth: 2, children: [text(`${title} (${views.length})`)] });
    if (note) children.push({ type: 'paragraph', children: [text(note)] });
    for (const v of views) children.push(...pairBlocks(v, lang));
  };
  section('Changes of substance', s.substance);
  section('Moved', s.moved);
  section(`No ${lang} text in the base`, s.noText, `The base has no ${lang} wording for these elements, so the local wording (quoted) cannot be compared word by word.`);
  section('Findings', s.findings.filter((v) => !s.substance.includes(v) && !s.noText.includes(v) && !s.moved.includes(v)));
  section('Localised', s.localised, "These differ only by the body's own name and terms.");
  section('Envelope', s.envelope, "The enacting decision, the stamps and the publication's footnotes are each act's own.");
  if (s.renumbered.length) {
    children.push({ type: 'heading', depth: 2, children: [text(`Renumbered (${s.renumbered.length})`)] });
    children.push({ type: 'list', ordered: false, spread: false, children: s.renumbered.map((v) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(v.label)] }] })) });
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [gfmToMarkdown({ tablePipeAlign: false })], bullet: '-', emphasis: '*', strong: '*' });
}
