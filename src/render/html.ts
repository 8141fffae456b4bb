// The act as one self-contained HTML file, for a preview in a browser: the same blocks as the
// DOCX and the PDF, styles inline, no scripts, no fonts or images fetched. Printing it gives
// A4 pages with the header rows of the forms repeated and, where the browser supports page
// margin boxes, the numbered footer.
import type { ActRoot } from '../model/tree.js';
import { departures, layoutAct, type Para, type Style, type StyleName, STYLES, type Table, usedStyles } from './blocks.js';
import { footerParts } from './footer.js';
import { CELL_PADDING, FONT_FAMILY, LEADING, MARGIN, PAGE, SIZE } from './house-style.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const pt = (n: number) => `${+n.toFixed(2)}pt`;

/** CSS declarations for the settings given (a style's, or a paragraph's departures from it). */
function declarations(s: Partial<Style>): string {
  const d: string[] = [];
  if (s.align !== undefined) d.push(`text-align:${s.align}`);
  if (s.indent !== undefined) d.push(`margin-left:${pt(s.indent)}`);
  if (s.firstLine !== undefined) d.push(`text-indent:${pt(s.firstLine)}`);
  if (s.spaceBefore !== undefined) d.push(`margin-top:${pt(s.spaceBefore)}`);
  if (s.spaceAfter !== undefined) d.push(`margin-bottom:${pt(s.spaceAfter)}`);
  if (s.size !== undefined) d.push(`font-size:${pt(s.size)}`);
  if (s.bold !== undefined) d.push(`font-weight:${s.bold ? 'bold' : 'normal'}`);
  if (s.italic !== undefined) d.push(`font-style:${s.italic ? 'italic' : 'normal'}`);
  if (s.ruled) d.push('border-bottom:0.5pt solid #000', `min-height:${LEADING}em`);
  if (s.pageBreakBefore) d.push('break-before:page');
  return d.join(';');
}

const className = (name: StyleName) => name.toLowerCase().replace(/ /g, '-');

function paragraph(p: Para): string {
  const tag = p.outline ? `h${p.outline}` : 'p';
  const own = declarations(departures(p));
  return `<${tag} class="${className(p.style)}${p.pageBreakBefore ? ' page' : ''}"${own ? ` style="${own}"` : ''}>${escape(p.text)}</${tag}>`;
}

function table(t: Table): string {
  const row = (cells: Para[][], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${c.map(paragraph).join('')}</${tag}>`).join('')}</tr>`;
  const head = t.rows.filter((r) => r.header).map((r) => row(r.cells, 'th'));
  const body = t.rows.filter((r) => !r.header).map((r) => row(r.cells, 'td'));
  return [
    `<table style="margin:${pt(t.spaceBefore)} 0 ${pt(t.spaceAfter)}">`,
    `<colgroup>${t.widths.map((w) => `<col style="width:${+(w * 100).toFixed(2)}%">`).join('')}</colgroup>`,
    head.length ? `<thead>${head.join('')}</thead>` : '',
    `<tbody>${body.join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** The footer as CSS generated content: the template's words around the page counters. */
function footerContent(root: ActRoot): string {
  const quote = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ')}"`;
  return footerParts(root.lang).map((p) => ('text' in p ? quote(p.text) : `counter(${p.field})`)).join(' ');
}

export function renderHtml(root: ActRoot): string {
  const layout = layoutAct(root);
  const mm = (n: number) => `${+(n / (72 / 25.4)).toFixed(1)}mm`;
  const css = `
@page { size: A4; margin: ${mm(MARGIN.top)} ${mm(MARGIN.right)} ${mm(MARGIN.bottom)} ${mm(MARGIN.left)};
  @bottom-center { content: ${footerContent(root)}; font: ${pt(SIZE.footer)} "${FONT_FAMILY.docx}", serif; } }
html { background: #eee; }
body { font: ${pt(SIZE.body)}/${LEADING} "${FONT_FAMILY.docx}", "${FONT_FAMILY.pdf}", "Liberation Serif", serif; color: #000;
  background: #fff; width: ${mm(PAGE.width - MARGIN.left - MARGIN.right)}; margin: 1em auto; padding: ${mm(MARGIN.top)} ${mm(MARGIN.right)} ${mm(MARGIN.bottom)} ${mm(MARGIN.left)};
  hyphens: ${layout.lang === 'ru' ? 'auto' : 'manual'}; }
p, h1, h2, h3 { margin: 0; font-size: inherit; }
${usedStyles(layout).map((name) => `.${className(name)} { ${declarations(STYLES[name])} }`).join('\n')}
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: ${pt(SIZE.table)}; }
th, td { border: 0.5pt solid #000; padding: ${pt(CELL_PADDING.y)} ${pt(CELL_PADDING.x)}; vertical-align: top; font-weight: normal; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
@media screen { .page { margin-top: 3em; border-top: 1px dashed #999; padding-top: 2em; } }
@media print { html { background: none; } body { width: auto; margin: 0; padding: 0; } }
`;
  const body = layout.blocks.map((b) => (b.kind === 'para' ? paragraph(b) : table(b))).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${layout.languageTag}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="metodika">',
    `<title>${escape(layout.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
