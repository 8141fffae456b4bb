// `--derive BASE`: the imported act written as a local copy of BASE. Its elements are paired with
// the base's by the diff's alignment (by similarity, in document order); what the act says only
// to name itself where the base names itself ("настоящей Типовой методики" -> "настоящей
// Методики") becomes `terms`; every other difference of substance becomes a change: replace,
// remove, insert. The routing rules follow the routing paragraphs they implement. Differences of
// typography alone are not changes (the base's wording is kept).
import { cloneWithPositions } from '../load/positions.js';
import type { Appendix, Change, Lang, MethodologyFile, Term, Text } from '../model/source.js';
import type { ActRoot } from '../model/tree.js';
import { type ActDiff, diffTrees, type Pair } from '../diff/diff.js';
import type { Unit } from '../diff/units.js';
import { buildTree, numberNodes } from '../resolve/build-tree.js';
import { compose } from '../resolve/compose.js';
import { expand, helpersFor } from '../resolve/expand.js';
import type { ResolvedAct } from '../resolve/index.js';
import { indexNodes, type NodeEntry } from '../resolve/nodes.js';
import type { Draft } from './draft.js';
import { excerpt } from './report.js';
import { routeOf } from './scoring.js';

/** The word by which a typical act names itself ("Типовой методики", "Үлгілік әдістеменің"). */
const TYPIFIER = /^(типов|үлгілік)/i;

export function deriveAct(draft: Draft, base: ResolvedAct): MethodologyFile {
  const lang = draft.lang;
  const local = draft.act;
  const localTree = treeOf(local, lang);
  const first = diff(base.source, localTree, local, lang);
  const terms = termsOf(first, lang);
  const withTerms = composed(base.source, { ...envelopeOf(local, base.id), terms, changes: [] });
  const second = diff(withTerms, localTree, local, lang);
  const changes = new Changes(draft, base.source, withTerms, second);
  changes.collect();
  changes.routing();
  // A term is kept only where it speaks for wording the changes do not rewrite anyway.
  const rewritten = new Set(changes.list.map((c) => (c as { replace?: string; remove?: string }).replace ?? (c as { remove?: string }).remove));
  const used = terms.filter((t) => first.pairs.some((p) => inherited(p) && !rewritten.has(p.base[0].key) && wholeWord(t.from).test(p.base[0].segments.join(' '))));
  return { ...envelopeOf(local, base.id), ...(used.length ? { terms: used } : {}), changes: changes.list };
}

const wholeWord = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

/** What a derived file keeps of its own: the enacting act, the stamp, the methodology's title and footnotes. */
function envelopeOf(local: MethodologyFile, baseId: string): MethodologyFile {
  return {
    id: local.id,
    base: baseId,
    language: local.language,
    act: local.act,
    ...(local.approval ? { approval: local.approval } : {}),
    methodology: { title: local.methodology!.title!, footnotes: local.methodology?.footnotes ?? [] },
  };
}

function treeOf(source: MethodologyFile, lang: Lang): ActRoot {
  return buildTree(source, lang, numberNodes(source), new Set()).tree;
}

function composed(base: MethodologyFile, derived: MethodologyFile): MethodologyFile {
  return compose(base, derived, `${derived.id}.yaml`, []).source;
}

function diff(base: MethodologyFile, localTree: ActRoot, local: MethodologyFile, lang: Lang): ActDiff {
  return diffTrees({
    lang, relation: 'derived', align: 'similarity',
    base: { info: { id: base.id, title: '' }, tree: treeOf(base, lang), source: base },
    local: { info: { id: local.id, title: '' }, tree: localTree, source: local },
  });
}

/** A one-to-one pair of wording a derived act inherits (its title and envelope are its own). */
const inherited = (p: Pair) => p.base.length === 1 && p.local.length === 1 && p.base[0].area === 'methodology' && p.base[0].key !== 'methodology:title';

/** "Типовой методики" -> "Методики": the typifier dropped before a word the act keeps. */
function termsOf(d: ActDiff, lang: Lang): Term[] {
  const counts = new Map<string, Map<string, number>>();
  for (const p of d.pairs) {
    if (!inherited(p)) continue;
    for (const seg of p.segments) {
      for (const op of seg.ops) {
        if (op.type !== 'change') continue;
        const b = op.base.filter((t) => t.kind !== 'punct');
        const l = op.local.filter((t) => t.kind !== 'punct');
        if (b.length !== 2 || l.length !== 1 || !TYPIFIER.test(b[0].text) || b[1].key !== l[0].key) continue;
        const from = `${b[0].text} ${b[1].text}`;
        const tos = counts.get(from) ?? new Map<string, number>();
        tos.set(l[0].text, (tos.get(l[0].text) ?? 0) + 1);
        counts.set(from, tos);
      }
    }
  }
  // One wording a term: the act's most frequent (a misprint elsewhere is a change of its own).
  return [...counts].map(([from, tos]) => ({ lang, from, to: [...tos].sort((a, b) => b[1] - a[1])[0][0] }));
}

/** Fields of a node a unit's wording comes from. */
/** The parts of an appendix a change sets through the appendix, by their key in the diff, and the field that sets each. */
const FORM_PART = /^(.+):(caption|title|result)$/;
const PART_FIELD = { caption: 'caption', title: 'title', result: 'result-label' } as const;

const TEXT_FIELD: Record<string, string> = { point: 'text', subpoint: 'text', paragraph: 'text', blank: 'label', chapter: 'title', footnote: 'text' };

class Changes {
  readonly list: Change[] = [];
  private readonly localIndex: Map<string, NodeEntry>;
  private readonly baseIndex: Map<string, NodeEntry>;
  /** Local id -> base id, for the elements paired. */
  private readonly partner = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly replaced = new Map<string, string>();

  constructor(private readonly draft: Draft, private readonly base: MethodologyFile, private readonly withTerms: MethodologyFile, private readonly d: ActDiff) {
    this.localIndex = indexNodes(draft.act, 'local');
    this.baseIndex = indexNodes(withTerms, 'base');
    for (const p of d.pairs) {
      // Elements grouped in one place pair in order (see group()).
      for (let i = 0; i < Math.min(p.base.length, p.local.length); i++) {
        const [b, l] = [p.base[i].key, p.local[i].key];
        this.partner.set(l, b);
        // A part of an appendix ("appendix-1:caption") pairs the appendices themselves.
        if (b.includes(':') && l.includes(':')) this.partner.set(l.split(':')[0], b.split(':')[0]);
      }
    }
  }

  private get lang(): Lang {
    return this.draft.lang;
  }

  collect(): void {
    for (const p of this.d.pairs) {
      if (p.base.some((u) => u.area === 'envelope') || p.local.some((u) => u.area === 'envelope')) continue;
      if (p.cls === 'removed') this.remove(p.base[0]);
      else if (p.cls === 'added') this.insert(p.local[0]);
      else if (p.cls === 'substance' || p.cls === 'no-text' || p.cls === 'moved') this.replace(p);
    }
    // A node removed takes its parts along: a change inside it cannot apply.
    const inside = (c: Change) => {
      const id = (c as { replace?: string }).replace ?? (c as { 'insert-after'?: string })['insert-after'] ?? (c as { 'insert-before'?: string })['insert-before'];
      const entry = id ? this.baseIndex.get(id) : undefined;
      return !!entry && !('remove' in c) && this.removedAncestor(entry);
    };
    for (const c of this.list.filter(inside)) this.note(undefined, `a change to "${Object.values(c)[0]}" is not written: the node that holds it is removed (check the changes against the base)`);
    this.list.splice(0, this.list.length, ...this.list.filter((c) => !inside(c)));
  }

  private note(line: number | undefined, message: string): void {
    this.draft.report.add('unplaced', line ?? 1, message);
  }

  private lineOf(u: Unit | undefined): number | undefined {
    // A part of a form has no id of its own: its appendix has ("appendix-2:result").
    const node = u ? (this.localIndex.get(u.key) ?? this.localIndex.get(u.key.split(':')[0]))?.node : undefined;
    return node ? this.draft.origin.get(node)?.[0] : undefined;
  }

  private remove(u: Unit): void {
    const entry = this.baseIndex.get(u.key);
    if (!entry) return this.note(undefined, `the base's ${u.kind} "${u.key}" has no counterpart in the act, but it has no id a change could remove`);
    if (this.removedAncestor(entry)) return;
    this.removed.add(u.key);
    this.list.push({ remove: u.key });
  }

  /** A node inside a removed point goes with it. */
  private removedAncestor(entry: NodeEntry): boolean {
    for (const id of this.removed) {
      const r = this.baseIndex.get(id);
      if (r && contains(r.node, entry.node)) return true;
    }
    return false;
  }

  private replace(p: Pair): void {
    if (p.base.length !== 1 || p.local.length !== 1) return this.group(p);
    this.replaceOne(p.base[0], p.local[0]);
  }

  /**
   * Several elements of the base and of the act in one place, which no wording pairs (the base
   * has none in this language, or they were merged or split): paired in order, the base's surplus
   * removed, the act's inserted, and reported for a person to check.
   */
  private group(p: Pair): void {
    const n = Math.min(p.base.length, p.local.length);
    for (let i = 0; i < n; i++) this.replaceOne(p.base[i], p.local[i]);
    for (const u of p.base.slice(n)) this.remove(u);
    for (const v of p.local.slice(n)) this.insert(v);
    const line = this.lineOf(p.local[0]);
    this.draft.report.add('placed', line ?? 1, `${p.base.length} element(s) of the base and ${p.local.length} of the act stand here with no wording to pair them (${p.relation}): paired in order; check the changes against the base`);
  }

  private replaceOne(u: Unit, v: Unit): void {
    const target = this.baseIndex.get(u.key);
    const source = this.localIndex.get(v.key);
    const part = FORM_PART.exec(u.key);
    if (!target && part && this.replacePart(part[1], part[2] as keyof typeof PART_FIELD, v)) return;
    if (!target || !source) return this.note(this.lineOf(v), `a change to ${excerpt(u.segments.join(' | '))} cannot be written: the format has no id for this part of a form`);
    const change: Record<string, unknown> = { replace: u.key };
    if (target.kind === 'parameter') {
      for (const field of ['name', 'guidance'] as const) {
        const a = (target.node[field] as Text)[this.lang];
        const b = (source.node[field] as Text)[this.lang];
        if (this.literal(b) !== this.literal(a)) change[field] = this.text(source.node[field] as Text);
      }
    } else {
      const field = TEXT_FIELD[target.kind];
      if (!field || !source.node[field]) return this.note(this.lineOf(v), `a change to the base's ${target.kind} "${u.key}" cannot be written`);
      change[field] = this.text(source.node[field] as Text);
    }
    if (Object.keys(change).length === 1) return;
    this.replaced.set(u.key, v.key);
    this.list.push(change as Change);
  }

  /**
   * A part of an appendix that has no id of its own (its caption, a sheet's title or result
   * label), changed through its appendix; false when the act's appendix has no such part.
   */
  private replacePart(appendixId: string, part: keyof typeof PART_FIELD, v: Unit): boolean {
    const base = this.baseIndex.get(appendixId);
    const local = this.localIndex.get(v.key.slice(0, v.key.lastIndexOf(':')));
    if (base?.kind !== 'appendix' || local?.kind !== 'appendix') return false;
    const a = local.node as unknown as Appendix;
    const text = part === 'caption' ? a.caption : part === 'title' ? (a.form?.title ?? a.title) : a.form?.result.label;
    if (!text) return false;
    this.list.push({ replace: appendixId, [PART_FIELD[part]]: this.text(text) } as Change);
    return true;
  }

  private insert(v: Unit): void {
    const entry = this.localIndex.get(v.key);
    if (!entry) return this.note(this.lineOf(v), `an element the base does not have, ${excerpt(v.segments.join(' | '))}, has no id to insert it by`);
    // A part of an inserted point comes with it.
    if ([...this.localIndex.values()].some((e) => e.node !== entry.node && contains(e.node, entry.node) && !this.partner.has(e.id))) return;
    const at = entry.list.indexOf(entry.node);
    const before = entry.list.slice(0, at).reverse().map((n) => this.partner.get(idOf(n))).find(Boolean);
    const after = entry.list.slice(at + 1).map((n) => this.partner.get(idOf(n))).find(Boolean);
    const node = this.node(entry.node);
    if (before) this.list.push({ 'insert-after': before, node });
    else if (after) this.list.push({ 'insert-before': after, node });
    else this.note(this.lineOf(v), `${excerpt(v.segments.join(' '))} is new here and stands next to nothing of the base: insert it by hand`);
  }

  /** A node of the act as it goes into a change: ids that clash with the base's made distinct, texts as written. */
  private node(n: Record<string, unknown>): Record<string, unknown> {
    const copy = cloneWithPositions(n);
    const rename = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(rename);
      if (!x || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      for (const k of ['point', 'subpoint', 'paragraph', 'table']) if (typeof o[k] === 'string' && this.baseIndex.has(o[k] as string)) o[k] = `local-${o[k]}`;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'text' && v && typeof v === 'object') o[k] = this.text(v as Text);
        else rename(v);
      }
    };
    rename(copy);
    return copy;
  }

  /** The act's wording for the derived file: references to its own ids become the base's; the other expressions printed. */
  private text(t: Text): Text {
    const s = t[this.lang] ?? '';
    const ctx = { lang: this.lang, source: this.draft.act, numbers: new Map<string, string>(), removed: new Set<string>() };
    const helpers = helpersFor(ctx);
    const out = s.replace(/\{\{(?!ref )[^}]+\}\}/g, (m) => expand(m, ctx, helpers)).replace(/\{\{ref "([^"]+)"\}\}/g, (_m, id: string) => `{{ref "${this.partner.get(id) ?? id}"}}`);
    return { [this.lang]: out };
  }

  private literal(s: string | undefined): string {
    const ctx = { lang: this.lang, source: this.draft.act, numbers: numberNodes(this.draft.act), removed: new Set<string>() };
    return s ? expand(s, ctx).replace(/\s+/g, ' ').trim() : '';
  }

  /** The base's routing rules follow their paragraphs: removed with them, re-read when they change. */
  routing(): void {
    const routes = this.withTerms.scoring?.routing ?? [];
    if (!routes.length) return;
    const sheets = this.withTerms.scoring?.sheets ?? {};
    const byAppendix = new Map(Object.entries(sheets).map(([k, s]) => [s.appendix, k]));
    const composedAct = composed(this.base, { ...envelopeOf(this.draft.act, this.base.id), changes: this.list });
    for (const r of routes) {
      const paras = r.implements ?? [];
      if (paras.length && paras.every((id) => this.removed.has(id))) {
        this.list.push({ remove: r.route });
        continue;
      }
      const changed = paras.map((id) => this.replaced.get(id)).find(Boolean);
      if (!changed) continue;
      const node = this.localIndex.get(changed)?.node;
      const rule = routeOf(this.literal(((node?.text ?? {}) as Text)[this.lang]), this.lang, byAppendix, composedAct);
      if (!rule) {
        this.note(this.draft.origin.get(node ?? {})?.[0], `routing rule "${r.route}" may have changed with its paragraph, but the new wording names no form or evaluator the importer knows: check scoring.routing by hand`);
        continue;
      }
      const change: Record<string, unknown> = { replace: r.route };
      for (const k of ['categories', 'sheet', 'evaluator', 'managerial', 'otherwise'] as const) {
        const was = (r as unknown as Record<string, unknown>)[k];
        const now = (rule as unknown as Record<string, unknown>)[k];
        if (JSON.stringify(was) !== JSON.stringify(now) && now !== undefined) change[k] = now;
      }
      if (Object.keys(change).length > 1) this.list.push({ ...change, ...(r.implements ? { implements: [...r.implements] } : {}) } as unknown as Change);
    }
  }
}

const idOf = (n: unknown) => {
  const o = n as Record<string, unknown>;
  return (['point', 'subpoint', 'paragraph', 'table', 'blank', 'parameter', 'appendix', 'chapter'].map((k) => o[k]).find((v) => typeof v === 'string') as string) ?? '';
};

function contains(outer: unknown, inner: unknown): boolean {
  if (outer === inner) return false;
  let found = false;
  const walk = (x: unknown) => {
    if (found || !x || typeof x !== 'object') return;
    if (x === inner) found = true;
    else for (const v of Object.values(x)) walk(v);
  };
  walk(outer);
  return found;
}

