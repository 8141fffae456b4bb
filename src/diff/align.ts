// Pairs the elements of two acts. By id where the acts share ids (a derived act and its base, two
// versions of one act); then, for whatever is left (and for everything when the acts share no
// ids), by text similarity in document order; then out of order (a moved element); then, when
// aligning without ids, by structure: what is left between two paired elements is paired by
// kind, and an element of the base with no wording in the language compared is grouped with the
// local elements in its place, since no text can say which of them it became.
import { type Bag, dice, sizeOf } from './bag.js';
import { lacksText, type Unit } from './units.js';

export type Via = 'id' | 'similarity' | 'structure';

export interface Match {
  base: Unit[];
  local: Unit[];
  via: Via;
}

export interface Alignment {
  matches: Match[];
  removed: Unit[];
  added: Unit[];
}

export interface AlignOptions {
  byId: boolean;
  /** The words of an element (its wording with localisation folded), for similarity. */
  bag: (u: Unit) => Bag;
}

/** Similarity to pair two elements in order; lower for neighbours left between two pairs. */
const SIMILAR = 0.5;
const SIMILAR_IN_GAP = 0.25;
/** Similarity to pair two elements out of order (one of them moved). */
const SIMILAR_MOVED = 0.6;

/** Only like elements pair: points with points and paragraphs, rows with rows, titles with titles. */
export function groupOf(u: Unit): string {
  if (u.area === 'envelope') return `envelope:${u.ref.scope}`;
  if (u.kind === 'point' || u.kind === 'subpoint' || u.kind === 'paragraph') {
    return u.ref.scope === 'appendix' ? `form:${u.ref.form}` : u.ref.scope === 'point' ? 'body' : u.ref.scope;
  }
  return `${u.kind}:${u.ref.scope}`;
}

interface Scored {
  unit: Unit;
  group: string;
  bag: Bag;
  size: number;
}

export function align(base: readonly Unit[], local: readonly Unit[], opts: AlignOptions): Alignment {
  // Words are counted only for the elements that need a similarity (in a derived act, a few).
  const score = (u: Unit): Scored => {
    let bag: Bag | undefined;
    let size = 0;
    const words = () => {
      if (!bag) {
        bag = opts.bag(u);
        size = sizeOf(bag);
      }
      return bag;
    };
    return {
      unit: u, group: groupOf(u),
      get bag() { return words(); },
      get size() { words(); return size; },
    };
  };
  const B = base.map(score);
  const L = local.map(score);
  const sim = (a: Scored, b: Scored): number => {
    if (a.group !== b.group) return 0;
    // Dice cannot exceed 2·min/(sum): skip pairs whose lengths already rule them out.
    if ((2 * Math.min(a.size, b.size)) / (a.size + b.size || 1) < SIMILAR_IN_GAP) return 0;
    return dice(a.bag, a.size, b.bag, b.size);
  };

  const matches: Match[] = [];
  const pairedBase = new Set<Unit>();
  const pairedLocal = new Set<Unit>();
  const pair = (b: Unit[], l: Unit[], via: Via) => {
    matches.push({ base: b, local: l, via });
    b.forEach((u) => pairedBase.add(u));
    l.forEach((u) => pairedLocal.add(u));
  };

  if (opts.byId) {
    const byKey = new Map(local.map((u) => [u.key, u]));
    for (const u of base) {
      const v = byKey.get(u.key);
      if (v) pair([u], [v], 'id');
    }
  }

  const free = (list: Scored[], paired: Set<Unit>) => list.filter((s) => !paired.has(s.unit) && !lacksAll(s.unit));
  // Worded alike, in order: most of a local act is its base's word for word, and these anchors
  // leave the similarity search only the gaps between them.
  const alike = new Map<string, Scored[]>();
  for (const l of free(L, pairedLocal)) {
    const key = `${l.group}\u0000${l.unit.segments.join('\n')}`;
    alike.set(key, [...(alike.get(key) ?? []), l]);
  }
  const candidates: Match[] = [];
  for (const b of free(B, pairedBase)) {
    const l = alike.get(`${b.group}\u0000${b.unit.segments.join('\n')}`)?.shift();
    if (l) candidates.push({ base: [b.unit], local: [l.unit], via: 'similarity' });
  }
  const anchors = longestInOrder(candidates);
  for (const m of anchors) pair(m.base, m.local, 'similarity');

  // In order, by similarity: the best-scoring monotone pairing of what is left between anchors.
  forEachGap(anchors, (lo, hi) => {
    const inGap = (list: Scored[], paired: Set<Unit>, side: 0 | 1) => free(list, paired).filter((x) => x.unit.index > lo[side] && x.unit.index < hi[side]);
    for (const [i, j] of monotone(inGap(B, pairedBase, 0), inGap(L, pairedLocal, 1), sim, SIMILAR)) pair([i.unit], [j.unit], 'similarity');
  });

  // Out of order: a moved element keeps most of its words.
  const moved: Array<[Scored, Scored, number]> = [];
  for (const b of free(B, pairedBase)) for (const l of free(L, pairedLocal)) {
    const s = sim(b, l);
    if (s >= SIMILAR_MOVED) moved.push([b, l, s]);
  }
  moved.sort((x, y) => y[2] - x[2]);
  for (const [b, l] of moved) if (!pairedBase.has(b.unit) && !pairedLocal.has(l.unit)) pair([b.unit], [l.unit], 'similarity');

  if (!opts.byId) fillGaps();

  return {
    matches: matches.sort((a, b) => a.base[0].index - b.base[0].index),
    removed: base.filter((u) => !pairedBase.has(u)),
    added: local.filter((u) => !pairedLocal.has(u)),
  };

  /** Between two elements paired in order, pair what is left by kind. */
  function fillGaps(): void {
    forEachGap(longestInOrder(matches), (lo, hi) => {
      const inGap = (list: Scored[], paired: Set<Unit>, side: 0 | 1) =>
        list.filter((s) => !paired.has(s.unit) && s.unit.index > lo[side] && s.unit.index < hi[side]);
      const gapBase = inGap(B, pairedBase, 0);
      const gapLocal = inGap(L, pairedLocal, 1);
      if (!gapBase.length || !gapLocal.length) return;
      for (const [i, j] of monotone(gapBase.filter((s) => !lacksAll(s.unit)), gapLocal, sim, SIMILAR_IN_GAP)) pair([i.unit], [j.unit], 'structure');
      const groups = new Set(gapBase.filter((s) => lacksText(s.unit)).map((s) => s.group));
      for (const g of groups) {
        const b = gapBase.filter((s) => s.group === g && lacksText(s.unit) && !pairedBase.has(s.unit)).map((s) => s.unit);
        const l = gapLocal.filter((s) => s.group === g && !pairedLocal.has(s.unit)).map((s) => s.unit);
        if (b.length && l.length) pair(b, l, 'structure');
      }
    });
  }
}

/** Calls `fn` with the bounds (base index, local index) of each gap between matches in order, and before the first and after the last. */
function forEachGap(inOrder: readonly Match[], fn: (lo: readonly [number, number], hi: readonly [number, number]) => void): void {
  const bounds: Array<readonly [number, number]> = [[-1, -1], ...inOrder.map((m) => [m.base[0].index, m.local[0].index] as const), [Infinity, Infinity]];
  for (let k = 0; k + 1 < bounds.length; k++) fn(bounds[k], bounds[k + 1]);
}

/** An element none of whose wording exists in the language compared. */
const lacksAll = (u: Unit) => u.missing.every(Boolean);

/** The highest-scoring pairing that keeps both orders (pairs scoring below `min` are not made). */
function monotone<T>(a: readonly T[], b: readonly T[], sim: (x: T, y: T) => number, min: number): Array<[T, T]> {
  const n = a.length;
  const m = b.length;
  if (!n || !m) return [];
  const w = m + 1;
  const best = new Float64Array((n + 1) * w);
  const step = new Uint8Array((n + 1) * w); // 1: skip a, 2: skip b, 3: pair
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let v = best[(i - 1) * w + j];
      let s = 1;
      if (best[i * w + j - 1] > v) {
        v = best[i * w + j - 1];
        s = 2;
      }
      const sc = sim(a[i - 1], b[j - 1]);
      if (sc >= min && best[(i - 1) * w + j - 1] + sc > v) {
        v = best[(i - 1) * w + j - 1] + sc;
        s = 3;
      }
      best[i * w + j] = v;
      step[i * w + j] = s;
    }
  }
  const out: Array<[T, T]> = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const s = step[i * w + j];
    if (s === 3) {
      out.push([a[i - 1], b[j - 1]]);
      i--;
      j--;
    } else if (s === 1) i--;
    else j--;
  }
  return out.reverse();
}

/** The matches that keep their order on both sides (a longest increasing subsequence); the rest moved. */
export function longestInOrder(matches: readonly Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => a.base[0].index - b.base[0].index);
  const tails: number[] = [];
  const prev = new Array<number>(sorted.length).fill(-1);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i].local[0].index;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[tails[mid]].local[0].index < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out: Match[] = [];
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.push(sorted[i]);
  return out.reverse();
}
