// What a reader should find in a rendered act: its words in order, taken from the tree
// independently of the renderers' own layout code.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { resolveFile } from '../../src/resolve/index.js';
import type { Lang } from '../../src/model/source.js';
import type { ActNode, ActRoot } from '../../src/model/tree.js';
import { actPath } from '../helpers.js';

export async function treeOf(id: string, lang: Lang): Promise<ActRoot> {
  const { act, diagnostics } = await resolveFile(actPath(id));
  if (!act) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const { tree, missing } = act.tree(lang);
  if (missing.length) throw new Error(`${id} has no ${lang} text for ${missing.length} node(s)`);
  return tree;
}

/** Spaces collapsed, the same way on both sides. */
export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The act's text in reading order: numbers before their points, tables row by row, cell by cell. */
export function actText(root: ActRoot): string {
  const out: string[] = [];
  const walk = (node: ActNode): void => {
    if (node.type === 'text') {
      out.push(node.value);
      return;
    }
    if (node.type === 'point') out.push(`${node.number}.`);
    if (node.type === 'subpoint') out.push(`${node.number})`);
    if (node.type === 'blank' && node.value) out.push(node.value);
    for (const c of node.children as ActNode[]) walk(c);
  };
  walk(root);
  return normalise(out.join(' '));
}

/** The text of each page of a PDF (pdf.js), lines joined where a line ends with a hyphen. */
/** Each page's text, with the words hyphenated at a line's end joined again. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return (await pdfLines(bytes)).map((text) => text.replace(/-\n/g, ''));
}

/** Each page's text as drawn, a line of text to a line. */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The header rows of the act's tables, as their text reads. */
export function tableHeaders(root: ActRoot): string[] {
  const out = new Set<string>();
  const walk = (node: ActNode): void => {
    if (node.type === 'tableRow' && node.role === 'header') out.add(normalise(node.children.map((c) => c.children.map((p) => p.children.map((t) => t.value).join(' ')).join(' ')).join(' ')));
    if ('children' in node) for (const c of node.children as ActNode[]) walk(c);
  };
  walk(root);
  return [...out];
}

/** Where two texts first differ, with some words of context: a short failure message. */
export function firstDifference(want: string, got: string): string | undefined {
  const a = want.split(' ');
  const b = got.split(' ');
  const i = a.findIndex((w, k) => w !== b[k]);
  if (i < 0 && a.length === b.length) return undefined;
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `word ${at}: want "${a.slice(Math.max(0, at - 8), at + 8).join(' ')}"\n got "${b.slice(Math.max(0, at - 8), at + 8).join(' ')}"`;
}
