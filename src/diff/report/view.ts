// What every report says about a diff, decided once: which pairs are listed where, how an
// element is named, what counts as a changed word. The terminal summary, the Markdown and the
// HTML report only lay it out.
import type { ActDiff, DiffClass, Pair, Segment } from '../diff.js';
import type { Nature, Op } from '../hunks.js';
import { pairLabel } from '../labels.js';
import { quote } from '../tokens.js';
import { lacksText } from '../units.js';

export function className(cls: DiffClass, lang: string): string {
  switch (cls) {
    case 'substance':
      return 'changed in substance';
    case 'no-text':
      return `no ${lang} text in the base`;
    default:
      return cls;
  }
}

/** An act as the reports name it: its title and id (its id alone when it has no title in the language). */
export const actName = (a: ActDiff['base']) => (a.title === a.id ? a.id : `${a.title} (${a.id})`);

export const RELATION: Record<ActDiff['relation'], string> = {
  derived: 'a derived act against its base',
  versions: 'two versions of one act',
  siblings: 'two acts derived from one base',
  unrelated: 'two unrelated acts',
};

export interface Hunk {
  nature: Nature;
  base: string;
  local: string;
}

export interface PairView {
  pair: Pair;
  /** Where the base has no wording in the language compared: what it says in another. */
  elsewhere?: { lang: string; text: string };
  /** "point 3 -> point 2", or "point 17" when both acts number it alike. */
  label: string;
  /** Changed words worth reading: of substance for a pair changed in substance, all otherwise. */
  hunks: Hunk[];
  baseText: string;
  localText: string;
}

const segmentText = (segments: Segment[], side: 'base' | 'local') =>
  segments.map((s) => quote(s.ops.flatMap((op) => op[side]))).filter(Boolean).join(' | ');

export function viewOf(pair: Pair, diff?: ActDiff): PairView {
  const l = pairLabel(pair.base, pair.local);
  const label = l.same ? l.local! : [l.base ?? '—', l.local ?? '—'].join(' -> ');
  const changes = pair.segments.flatMap((s) => s.ops.filter((op): op is Extract<Op, { type: 'change' }> => op.type === 'change'));
  const wanted = pair.cls === 'substance' ? changes.filter((op) => op.nature === 'substance') : changes;
  const other = diff?.elsewhere;
  const said = other && pair.base.filter(lacksText).map((u) => other.text.get(u.key)).filter(Boolean).join(' | ');
  return {
    pair, label,
    ...(other && said ? { elsewhere: { lang: other.lang, text: said } } : {}),
    hunks: pair.cls === 'added' || pair.cls === 'removed' ? [] : wanted.map((op) => ({ nature: op.nature, base: quote(op.base), local: quote(op.local) })),
    baseText: segmentText(pair.segments, 'base'),
    localText: segmentText(pair.segments, 'local'),
  };
}

export interface Sections {
  substance: PairView[];
  moved: PairView[];
  noText: PairView[];
  localised: PairView[];
  /** Pairs whose local wording still names the base act where the act's terms name itself. */
  findings: PairView[];
  envelope: PairView[];
  renumbered: PairView[];
}

/** The methodology's changes by kind, and the envelope's apart (the act's own, not a deviation). */
export function sectionsOf(diff: ActDiff): Sections {
  const s: Sections = { substance: [], moved: [], noText: [], localised: [], findings: [], envelope: [], renumbered: [] };
  for (const pair of diff.pairs) {
    // A view reads the pair's words: made only for a pair some section lists.
    let made: PairView | undefined;
    const v = () => (made ??= viewOf(pair, diff));
    const area = (pair.local[0] ?? pair.base[0]).area;
    if (pair.findings.length) s.findings.push(v());
    if (area === 'envelope') {
      if (pair.cls !== 'identical') s.envelope.push(v());
      continue;
    }
    if (pair.renumbered) s.renumbered.push(v());
    if (pair.cls === 'substance' || pair.cls === 'added' || pair.cls === 'removed') s.substance.push(v());
    else if (pair.cls === 'moved') s.moved.push(v());
    else if (pair.cls === 'no-text') s.noText.push(v());
    else if (pair.cls === 'localised') s.localised.push(v());
  }
  return s;
}

export const countsLine = (counts: Record<DiffClass, number>, lang: string): string =>
  (Object.entries(counts) as Array<[DiffClass, number]>)
    .filter(([cls, n]) => n > 0 || cls !== 'no-text')
    .map(([cls, n]) => `${n} ${className(cls, lang)}`)
    .join(', ');
