// The terminal summary: counts per class, then each change of substance with its numbers in both
// acts and the words that changed; the rest in one line each.
import type { ActDiff } from '../diff.js';
import { lacksText } from '../units.js';
import { className, countsLine, type Hunk, type PairView, RELATION, sectionsOf } from './view.js';

const WIDTH = 110;

const clip = (s: string, n = WIDTH) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const q = (s: string) => `«${s}»`;

function hunkLine(h: Hunk): string {
  if (!h.base) return `+ ${q(h.local)}`;
  if (!h.local) return `- ${q(h.base)}`;
  return `${q(h.base)} -> ${q(h.local)}`;
}

function entry(v: PairView, lang: string): string[] {
  const { pair } = v;
  const head = `  ${v.label}: ${className(pair.cls, lang)}${pair.moved && pair.cls !== 'moved' ? ', moved' : ''}${pair.relation === 'merged' || pair.relation === 'split' ? ` (${pair.relation})` : ''}`;
  const lines = [head];
  const missing = pair.base.some(lacksText);
  if (missing && pair.cls !== 'no-text') lines.push(`      no ${lang} text in the base`);
  if (missing && v.elsewhere) lines.push(`      base in ${v.elsewhere.lang}: ${clip(q(v.elsewhere.text), WIDTH - 22)}`);
  if (pair.cls === 'removed' && v.baseText) lines.push(`      ${clip(q(v.baseText), WIDTH - 6)}`);
  else if (pair.cls === 'added' || pair.cls === 'no-text') lines.push(`      ${pair.cls === 'no-text' ? 'local: ' : ''}${clip(q(v.localText), WIDTH - 13)}`);
  else for (const h of v.hunks) lines.push(`      ${clip(hunkLine(h), WIDTH - 6)}`);
  if (pair.reason) lines.push(`      reason: ${clip(pair.reason, WIDTH - 14)}`);
  for (const f of pair.findings) lines.push(`      still names the base act: ${q(f.quote)}`);
  return lines;
}

export function renderSummary(diff: ActDiff): string {
  const s = sectionsOf(diff);
  const out: string[] = [
    `${diff.base.id} -> ${diff.local.id} (${diff.lang}): ${RELATION[diff.relation]}, aligned by ${diff.align}`,
    `  methodology: ${countsLine(diff.counts, diff.lang)}`,
    `  envelope (enacting decision, stamps, footnotes; the act's own): ${countsLine(diff.envelope, diff.lang)}`,
  ];
  const section = (title: string, views: PairView[], full = true) => {
    if (!views.length) return;
    out.push('', `${title} (${views.length}):`);
    if (full) for (const v of views) out.push(...entry(v, diff.lang));
    else out.push(...wrap(views.map((v) => v.label).join('; '), '  '));
  };
  section('Changes of substance', s.substance);
  section('Moved', s.moved);
  section(`No ${diff.lang} text in the base to compare with`, s.noText);
  section('Findings', s.findings.filter((v) => !s.substance.includes(v) && !s.noText.includes(v) && !s.moved.includes(v)));
  section('Localised (the body\'s own name and terms only)', s.localised, false);
  if (s.renumbered.length) out.push('', `Renumbered (${s.renumbered.length}), not a change by itself.`);
  return `${out.join('\n')}\n`;
}

function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > WIDTH && line.trim()) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
