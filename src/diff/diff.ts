// diff(Act, Act): pairs the elements of two Act trees of one language, classifies every pair and
// finds the changed words inside it. Pure: trees in, a description of the differences out; the
// reports, the redline and the comparative table are made from it.
import type { Lang, MethodologyFile } from '../model/source.js';
import type { ActRoot } from '../model/tree.js';
import { type Alignment, align, groupOf, longestInOrder, type Match, type Via } from './align.js';
import { type Bag, bagOf, common, minus, sizeOf } from './bag.js';
import { diffTokens, natureOf, type Op, type Renumbering } from './hunks.js';
import { type Localiser, localiser } from './localise.js';
import type { Token } from './tokens.js';
import { collectUnits, type Unit } from './units.js';
import type { RefKind } from './vocabulary.js';

export const CLASSES = ['identical', 'localised', 'substance', 'added', 'removed', 'moved', 'no-text'] as const;
export type DiffClass = (typeof CLASSES)[number];

/** How the acts are related: it decides the alignment and the wording of the comparative table. */
export type Relation = 'derived' | 'versions' | 'siblings' | 'unrelated';

export interface ActInfo {
  id: string;
  /** The methodology's title (or the act's), as printed. */
  title: string;
}

export interface Segment {
  /** The words, kept, deleted or inserted (worked out on first use for a wording unchanged). */
  readonly ops: Op[];
  /** The base has no wording in this language here: the local wording cannot be compared. */
  baseMissing: boolean;
  /** Written the same on both sides, to the character. */
  same: boolean;
}

export interface Finding {
  kind: 'typical-reference';
  /** The words found, as written. */
  quote: string;
}

export interface Pair {
  base: Unit[];
  local: Unit[];
  cls: DiffClass;
  /** Out of order, or under another point or chapter. */
  moved: boolean;
  relation: 'one' | 'merged' | 'split' | 'group';
  via?: Via;
  /** One per segment (cell) of the wording. */
  segments: Segment[];
  /** The printed number differs (renumbering is never a change by itself). */
  renumbered: boolean;
  reason?: string;
  findings: Finding[];
}

export interface ActDiff {
  lang: Lang;
  base: ActInfo;
  local: ActInfo;
  relation: Relation;
  align: 'id' | 'similarity';
  /** In reading order: the local act's, with what it removed at the base's place. */
  pairs: Pair[];
  /** Per class, for the methodology (chapters, points, forms). */
  counts: Record<DiffClass, number>;
  /** Per class, for the envelope (the enacting decision, stamps, footnotes). */
  envelope: Record<DiffClass, number>;
  /**
   * Where the base has no wording in the language compared: its wording in another language, by
   * element key, for the reader to see what the element said.
   */
  elsewhere?: { lang: Lang; text: ReadonlyMap<string, string> };
  /** What was compared, for the renderers that lay the acts out again (the redline). */
  trees: { base: ActRoot; local: ActRoot };
  units: { base: Unit[]; local: Unit[] };
}

export interface DiffSide {
  info: ActInfo;
  tree: ActRoot;
  /** The act as composed, for its terms and body name (absent for a text without YAML). */
  source?: MethodologyFile;
}

export interface DiffInput {
  lang: Lang;
  base: DiffSide;
  local: DiffSide;
  relation: Relation;
  align: 'id' | 'similarity';
  /** Reasons the local act gives for its changes, by element id. */
  reasons?: ReadonlyMap<string, string>;
}

const COVERED = 0.8;

export function diffTrees(input: DiffInput): ActDiff {
  const { lang } = input;
  const tokens = new Map<string, Token[]>();
  const baseUnits = collectUnits(input.base.tree, lang, tokens);
  const localUnits = collectUnits(input.local.tree, lang, tokens);
  const sources = [input.local.source, input.base.source].filter((s): s is MethodologyFile => !!s);
  const loc = localiser(lang, sources, [...baseUnits, ...localUnits].flatMap((u) => u.segments));

  const bags = new Map<Unit, Bag>();
  const bag = (u: Unit): Bag => {
    let b = bags.get(u);
    if (!b) {
      b = bagOf(u.tokens.flatMap((tokens, i) => (u.missing[i] ? [] : similarityKeys(tokens, loc))));
      bags.set(u, b);
    }
    return b;
  };

  const alignment = align(baseUnits, localUnits, { byId: input.align === 'id', bag });
  const restructured = mergesAndSplits(alignment, bag);
  const inOrder = new Set(longestInOrder(alignment.matches.filter((m) => m.base.length === 1 && m.local.length === 1)));
  const renumbering = renumberingOf(alignment.matches);
  const partner = new Map<Unit, Unit>();
  for (const m of alignment.matches) if (m.base.length === 1 && m.local.length === 1) partner.set(m.base[0], m.local[0]);
  const byKey = (units: Unit[]) => new Map(units.map((u) => [u.key, u]));
  const baseByKey = byKey(baseUnits);

  /** Paired out of order, or its point / chapter became another's. */
  const movedOf = (m: Match): boolean => {
    if (m.base.length !== 1 || m.local.length !== 1) return false;
    if (!inOrder.has(m)) return true;
    const [u] = m.base;
    const [v] = m.local;
    const remapped = (b?: string, l?: string) => {
      const p = b ? baseByKey.get(b) : undefined;
      const q = p ? partner.get(p) : undefined;
      return !!q && q.key !== l;
    };
    return remapped(u.parent, v.parent) || remapped(u.container, v.container);
  };

  const reasonOf = (units: Unit[]): string | undefined => {
    for (const u of units) {
      const r = input.reasons?.get(u.key) ?? (u.parent ? input.reasons?.get(u.parent) : undefined);
      if (r) return r;
    }
    return undefined;
  };

  const pairs: Pair[] = [];
  const make = (base: Unit[], local: Unit[], relation: Pair['relation'], via?: Via, moved = false): Pair => {
    const segments = segmentsOf(base, local, loc, renumbering);
    const findings: Finding[] = local
      .filter((u) => u.segments.some((s) => loc.mayName(s)))
      .flatMap((u) => u.tokens.flatMap((t) => loc.termsFrom(t)))
      .map((quote) => ({ kind: 'typical-reference' as const, quote }));
    const markOf = (units: Unit[]) => units.map((u) => u.mark ?? '').join(' ');
    const pair: Pair = {
      base, local, relation, moved, segments, findings,
      cls: classify(base, local, segments, relation, moved),
      renumbered: base.length > 0 && local.length > 0 && markOf(base) !== markOf(local),
      ...(via ? { via } : {}),
    };
    const reason = reasonOf([...local, ...base]);
    if (reason) pair.reason = reason;
    return pair;
  };
  for (const m of alignment.matches) {
    const relation = restructured.get(m) ?? (m.base.length === 1 && m.local.length === 1 ? 'one' : 'group');
    pairs.push(make(m.base, m.local, relation, m.via, movedOf(m)));
  }
  for (const u of alignment.removed) pairs.push(make([u], [], 'one'));
  for (const u of alignment.added) pairs.push(make([], [u], 'one'));

  const ordered = readingOrder(pairs, baseUnits, inOrder);
  const count = (area: Unit['area']) => {
    const c = Object.fromEntries(CLASSES.map((k) => [k, 0])) as Record<DiffClass, number>;
    for (const p of ordered) if ((p.local[0] ?? p.base[0]).area === area) c[p.cls]++;
    return c;
  };
  return {
    lang, base: input.base.info, local: input.local.info, relation: input.relation, align: input.align,
    pairs: ordered, counts: count('methodology'), envelope: count('envelope'),
    trees: { base: input.base.tree, local: input.local.tree }, units: { base: baseUnits, local: localUnits },
  };
}

/** What similarity compares: stems of words and numbers, localisation folded to its placeholder. */
function similarityKeys(tokens: readonly Token[], loc: Localiser): string[] {
  return loc.chunks(tokens).flatMap((c) => (c.rule ? [c.key] : tokens[c.from].kind === 'punct' ? [] : [tokens[c.from].stem]));
}

function segmentsOf(base: Unit[], local: Unit[], loc: Localiser, renumbering: Renumbering): Segment[] {
  const n = Math.max(0, ...base.map((u) => u.segments.length), ...local.map((u) => u.segments.length));
  const out: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const tokensOf = (units: Unit[]) => (units.length === 1 ? units[0].tokens[i] ?? [] : units.flatMap((u) => u.tokens[i] ?? []));
    const baseMissing = base.some((u) => u.missing[i]);
    if (base.length === 1 && local.length === 1 && !baseMissing && base[0].segments[i] === local[0].segments[i]) {
      // Most of a local act is its base word for word: its words are cut only if someone reads them.
      let ops: Op[] | undefined;
      out.push({
        get ops() {
          const t = local[0].tokens[i] ?? [];
          return (ops ??= t.length ? [{ type: 'equal', base: base[0].tokens[i], local: t }] : []);
        },
        baseMissing, same: true,
      });
      continue;
    }
    const b = baseMissing ? [] : tokensOf(base);
    const l = tokensOf(local);
    const same = false;
    if (baseMissing) out.push({ ops: l.length ? [{ type: 'equal', base: [], local: l }] : [], baseMissing, same });
    else if (!local.length) out.push({ ops: b.length ? [{ type: 'change', base: b, local: [], nature: 'substance' }] : [], baseMissing, same });
    else out.push({ ops: diffTokens(b, l, loc, renumbering), baseMissing, same });
  }
  return out;
}

function classify(base: Unit[], local: Unit[], segments: Segment[], relation: Pair['relation'], moved: boolean): DiffClass {
  if (!local.length) return 'removed';
  if (!base.length) return 'added';
  const nature = natureOf(segments.filter((s) => !s.baseMissing && !s.same).flatMap((s) => s.ops));
  if (nature === 'substance') return 'substance';
  if (segments.some((s) => s.baseMissing)) return 'no-text';
  if (moved || relation !== 'one') return 'moved';
  return nature === 'localisation' ? 'localised' : 'identical';
}

/**
 * A removed element whose words went into a neighbour's new wording was merged into it; an added
 * element whose words left a neighbour's old wording was split from it.
 */
function mergesAndSplits(al: Alignment, bag: (u: Unit) => Bag): Map<Match, Pair['relation']> {
  const out = new Map<Match, Pair['relation']>();
  const single = al.matches.filter((m) => m.base.length === 1 && m.local.length === 1);
  const byBase = new Map(single.map((m) => [m.base[0], m]));
  const byLocal = new Map(single.map((m) => [m.local[0], m]));
  const neighbours = (u: Unit, paired: Map<Unit, Match>, all: Unit[]): Match[] => {
    const found: Match[] = [];
    for (const dir of [-1, 1]) {
      for (let i = u.index + dir; i >= 0 && i < all.length && Math.abs(i - u.index) <= 3; i += dir) {
        const m = paired.get(all[i]);
        if (m && groupOf(all[i]) === groupOf(u)) {
          found.push(m);
          break;
        }
      }
    }
    return found;
  };
  const covered = (words: Bag, pool: Bag) => {
    const n = sizeOf(words);
    return n >= 3 && common(words, pool) / n >= COVERED;
  };
  const baseAll = unitsOf(al, 'base');
  const localAll = unitsOf(al, 'local');
  al.removed = al.removed.filter((r) => {
    const m = neighbours(r, byBase, baseAll).find((x) => covered(bag(r), minus(bag(x.local[0]), bag(x.base[0]))));
    if (!m) return true;
    m.base.push(r);
    m.base.sort((a, b) => a.index - b.index);
    out.set(m, 'merged');
    return false;
  });
  al.added = al.added.filter((a) => {
    const m = neighbours(a, byLocal, localAll).find((x) => out.get(x) !== 'merged' && covered(bag(a), minus(bag(x.base[0]), bag(x.local[0]))));
    if (!m) return true;
    m.local.push(a);
    m.local.sort((x, y) => x.index - y.index);
    out.set(m, 'split');
    return false;
  });
  return out;
}

function unitsOf(al: Alignment, side: 'base' | 'local'): Unit[] {
  const all = [...al.matches.flatMap((m) => m[side]), ...(side === 'base' ? al.removed : al.added)];
  return all.sort((a, b) => a.index - b.index);
}

/** Base number -> local number of the points, chapters and appendices paired. */
function renumberingOf(matches: readonly Match[]): Renumbering {
  const maps = new Map<RefKind, Map<string, string>>();
  const set = (kind: RefKind, b?: string, l?: string) => {
    if (!b || !l) return;
    const m = maps.get(kind) ?? new Map<string, string>();
    m.set(b, l);
    maps.set(kind, m);
  };
  for (const m of matches) {
    if (m.base.length !== 1 || m.local.length !== 1) continue;
    const [u] = m.base;
    const [v] = m.local;
    if (u.kind === 'point' && !u.ref.decision) set('point', u.ref.point, v.ref.point);
    if (u.kind === 'heading' && u.ref.scope === 'chapter') set('chapter', u.ref.chapter, v.ref.chapter);
    if (u.ref.scope === 'appendix') set('appendix', u.ref.appendix, v.ref.appendix);
  }
  return maps;
}

/** The local act's order, each element it removed placed after the base element it followed. */
function readingOrder(pairs: Pair[], baseUnits: Unit[], inOrder: ReadonlySet<Match>): Pair[] {
  const anchored = new Map<Unit, number>();
  for (const m of inOrder) anchored.set(m.base[0], m.local[0].index);
  const place = new Map<Unit, number>();
  let last = -1;
  for (const u of baseUnits) {
    const at = anchored.get(u);
    if (at !== undefined) last = at;
    place.set(u, last + 0.5 + u.index / (baseUnits.length + 1) / 2);
  }
  const keyOf = (p: Pair) => (p.local.length ? p.local[0].index : place.get(p.base[0])!);
  return pairs.sort((a, b) => keyOf(a) - keyOf(b));
}
