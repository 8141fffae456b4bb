// From two resolved acts to a diff: how they are related, which language they share, what the
// local act says about its changes. Refuses, with a message a person can act on, what cannot be
// compared.
import type { Lang, MethodologyFile } from '../model/source.js';
import type { ResolvedAct } from '../resolve/index.js';
import { nodeKind } from '../resolve/nodes.js';
import { type ActDiff, type ActInfo, diffTrees, type Relation } from './diff.js';
import { collectUnits, lacksText } from './units.js';

export class DiffInputError extends Error {}

export interface CompareOptions {
  lang?: Lang;
  /** Force the alignment (by default: by id when the acts share ids, otherwise by similarity). */
  align?: 'id' | 'similarity';
}

const ancestors = (act: ResolvedAct): string[] => (act.base ? [act.base.id, ...ancestors(act.base)] : []);

export function relationOf(base: ResolvedAct, local: ResolvedAct): Relation {
  if (ancestors(local).includes(base.id) || ancestors(base).includes(local.id)) return 'derived';
  const amends = local.source.act.amends;
  if (base.id === local.id || (amends && amends.date === base.source.act.date && amends.number === base.source.act.number)) return 'versions';
  const shared = ancestors(local).filter((id) => ancestors(base).includes(id));
  return shared.length ? 'siblings' : 'unrelated';
}

/** The language to compare in: the one asked for, or the local act's first that the base has too. */
export function languageOf(base: ResolvedAct, local: ResolvedAct, requested?: Lang): Lang {
  if (requested) {
    for (const act of [local, base]) {
      if (!act.languages.includes(requested)) throw new DiffInputError(`${act.id} is not published in ${requested} (its languages: ${act.languages.join(', ')})`);
    }
    return requested;
  }
  const lang = local.languages.find((l) => base.languages.includes(l));
  if (lang) return lang;
  const shared = ancestors(local).find((id) => ancestors(base).includes(id));
  const hint = shared
    ? `; both derive from "${shared}": compare each with it (metodika diff ${local.file})`
    : ' and share no base';
  throw new DiffInputError(`the acts have no language in common: ${base.id} is in ${base.languages.join(', ')}, ${local.id} in ${local.languages.join(', ')}${hint}`);
}

/** The local act's reasons for its changes ("reason:" on a change), by element id. */
export function reasonsOf(local: MethodologyFile, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  for (const change of local.changes ?? []) {
    const c = change as Record<string, unknown>;
    const reason = (c.reason as { [k in Lang]?: string } | undefined)?.[lang];
    if (!reason) continue;
    // An insertion's reason belongs to the node it inserts, the others' to the node they target.
    const kind = nodeKind(c.node);
    const id = kind ? (c.node as Record<string, unknown>)[kind] : (['replace', 'remove'] as const).map((k) => c[k]).find((v) => typeof v === 'string');
    if (typeof id !== 'string') continue;
    out.set(id, reason);
    // An appendix's caption, title and result label are elements of their own ("<id>:result").
    for (const [field, part] of APPENDIX_PARTS) if (field in c) out.set(`${id}:${part}`, reason);
  }
  return out;
}

/** The fields of a change to an appendix that set one of its parts, and the part's key suffix. */
const APPENDIX_PARTS = [
  ['caption', 'caption'],
  ['title', 'title'],
  ['result-label', 'result'],
] as const;

function infoOf(act: ResolvedAct, lang: Lang): ActInfo {
  return { id: act.id, title: act.source.methodology?.title?.[lang]?.nom ?? act.id };
}

/** The base's wording in another language it has, for the elements it lacks in `lang`. */
function elsewhere(base: ResolvedAct, lang: Lang, diff: ActDiff): ActDiff['elsewhere'] {
  const lacking = diff.units.base.filter(lacksText);
  const other = base.languages.find((l) => l !== lang && !base.tree(l).missing.length);
  if (!lacking.length || !other) return undefined;
  const wanted = new Set(lacking.map((u) => u.key));
  const text = new Map<string, string>();
  for (const u of collectUnits(base.tree(other).tree, other)) if (wanted.has(u.key)) text.set(u.key, u.segments.filter(Boolean).join(' | '));
  return { lang: other, text };
}

export function compareActs(base: ResolvedAct, local: ResolvedAct, opts: CompareOptions = {}): ActDiff {
  const lang = languageOf(base, local, opts.lang);
  const relation = relationOf(base, local);
  const diff = diffTrees({
    lang, relation,
    align: opts.align ?? (relation === 'unrelated' ? 'similarity' : 'id'),
    base: { info: infoOf(base, lang), tree: base.tree(lang).tree, source: base.source },
    local: { info: infoOf(local, lang), tree: local.tree(lang).tree, source: local.source },
    reasons: reasonsOf(local.own, lang),
  });
  const other = elsewhere(base, lang, diff);
  return other ? { ...diff, elsewhere: other } : diff;
}
