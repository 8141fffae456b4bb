// The HTML report: one self-contained file (its style inline, no scripts, nothing fetched), the
// same sections as the Markdown report, and every element of the act in a table at the end.
import { CLASSES, type ActDiff, type Segment } from '../diff.js';
import { pairLabel } from '../labels.js';
import { quote } from '../tokens.js';
import { actName, className, type PairView, RELATION, sectionsOf, viewOf } from './view.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `
body{font:16px/1.5 "PT Serif","Times New Roman",serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin-bottom:.25rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left}
td.n{text-align:right}del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none;font-weight:bold}
del.loc,ins.loc{background:#eef;color:#335;font-weight:normal}.reason,.finding{font-style:italic}.finding{color:#900}
.cls{font-size:.85em;padding:0 .3em;border-radius:.2em;background:#eee}.cls.substance,.cls.removed,.cls.added{background:#fcc}
.cls.localised{background:#dde}.cls.moved{background:#ffd}.missing{color:#666;border-left:3px solid #bbb;padding-left:.5rem}
`;

/** A segment's wording with its changes marked; localisation is marked apart from substance. */
function inlineHtml(segment: Segment): string {
  return segment.ops.map((op) => {
    const gap = (op.local[0] ?? op.base[0])?.ws ? ' ' : '';
    if (op.type === 'equal') return gap + esc(quote(op.local));
    const cls = op.nature === 'substance' ? '' : ' class="loc"';
    const del = op.base.length ? `<del${cls}>${esc(quote(op.base))}</del>` : '';
    const ins = op.local.length ? `<ins${cls}>${esc(quote(op.local))}</ins>` : '';
    return gap + [del, ins].filter(Boolean).join(' ');
  }).join('');
}

const badge = (v: PairView, lang: string) => `<span class="cls ${v.pair.cls}">${esc(className(v.pair.cls, lang))}</span>`;

function segmentsHtml(v: PairView): string {
  return v.pair.segments
    .filter((s) => s.ops.length)
    .map((s) => (s.baseMissing ? `<p class="missing">${inlineHtml(s)}</p>` : `<p>${inlineHtml(s)}</p>`))
    .join('\n');
}

function pairHtml(v: PairView, lang: string): string {
  const { pair } = v;
  const extra = [pair.moved && pair.cls !== 'moved' ? 'moved' : '', pair.relation === 'merged' || pair.relation === 'split' ? pair.relation : ''].filter(Boolean);
  return [
    `<h3>${esc(v.label)} ${badge(v, lang)}${extra.length ? ` (${esc(extra.join(', '))})` : ''}</h3>`,
    pair.reason ? `<p class="reason">Reason given: ${esc(pair.reason)}</p>` : '',
    v.elsewhere ? `<p class="missing">No ${esc(lang)} text in the base; in ${esc(v.elsewhere.lang)}: ${esc(v.elsewhere.text)}</p>` : '',
    ...pair.findings.map((f) => `<p class="finding">Still names the base act: «${esc(f.quote)}»</p>`),
    segmentsHtml(v),
  ].filter(Boolean).join('\n');
}

export function renderDiffHtml(diff: ActDiff): string {
  const s = sectionsOf(diff);
  const lang = diff.lang;
  const title = `${actName(diff.local)} against ${actName(diff.base)}`;
  const parts: string[] = [
    `<h1>${esc(title)}</h1>`,
    `<p>Language: ${esc(lang)}; ${esc(RELATION[diff.relation])}, aligned by ${esc(diff.align)}. <del>Deleted</del> and <ins>inserted</ins> words of substance; <del class="loc">localisation</del> <ins class="loc">apart</ins>.</p>`,
    '<table><tr><th>class</th><th>methodology</th><th>envelope</th></tr>',
    ...CLASSES.map((c) => `<tr><td>${esc(className(c, lang))}</td><td class="n">${diff.counts[c]}</td><td class="n">${diff.envelope[c]}</td></tr>`),
    '</table>',
  ];
  const section = (heading: string, views: PairView[], note?: string) => {
    if (!views.length) return;
    parts.push(`<h2>${esc(heading)} (${views.length})</h2>`);
    if (note) parts.push(`<p>${esc(note)}</p>`);
    for (const v of views) parts.push(pairHtml(v, lang));
  };
  section('Changes of substance', s.substance);
  section('Moved', s.moved);
  section(`No ${lang} text in the base`, s.noText, `The base has no ${lang} wording for these elements, so the local wording cannot be compared word by word.`);
  section('Findings', s.findings.filter((v) => !s.substance.includes(v) && !s.noText.includes(v) && !s.moved.includes(v)));
  section('Localised', s.localised, "These differ only by the body's own name and terms.");
  section('Envelope', s.envelope, "The enacting decision, the stamps and the publication's footnotes are each act's own.");

  parts.push(`<h2>All elements (${diff.pairs.length})</h2>`, `<table><tr><th>${esc(diff.base.id)}</th><th>${esc(diff.local.id)}</th><th>class</th><th>wording</th></tr>`);
  for (const pair of diff.pairs) {
    const v = viewOf(pair, diff);
    const l = pairLabel(pair.base, pair.local);
    parts.push(`<tr><td>${esc(l.base ?? '—')}</td><td>${esc(l.local ?? '—')}</td><td>${badge(v, lang)}</td><td>${segmentsHtml(v)}</td></tr>`);
  }
  parts.push('</table>');
  return `<!DOCTYPE html>\n<html lang="${esc(lang)}">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${parts.join('\n')}\n</body>\n</html>\n`;
}
