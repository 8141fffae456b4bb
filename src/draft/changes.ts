// The drafted act's changes to the typical methodology: the body's name where the typical act
// speaks of "the state body" (point 1, the definitions, the automated evaluation, the HR service,
// the calibration sessions), the body's choices (point 2, the audit commission, the first head's
// subordinates, more than twenty evaluated, point 17), the drafter's own wording of any node, and
// wording in a language the typical act lacks there. Each change carries its reason.
import type { Change, Lang, Term, Text } from '../model/source.js';
import { applyTerms } from '../resolve/compose.js';
import type { ResolvedAct } from '../resolve/index.js';
import { indexNodes, isText, type NodeEntry } from '../resolve/nodes.js';
import { sentenceContext } from './names.js';
import { routingChanges } from './routing.js';
import type { Drafting } from './texts.js';
import { draftText, reasonText } from './wording.js';

/** The typical act's nodes the drafting rewrites or removes; a base without them is no typical act. */
export const REQUIRED_NODES = [
  'purpose', 'approval-basis', 'approval-fallback', 'def-unit-head', 'def-evaluator', 'automated-assessment', 'audit-commission-chairs',
  'chief-of-staff-evaluation', 'hr-support', 'routing', 'routing-other-heads', 'routing-listed-staff', 'routing-others', 'delegation-over-20',
  'calibration-purpose', 'calibration-audit-commission', 'listed-heads', 'listed-staff', 'other-heads', 'others', 'managerial-sheet',
  'non-managerial-sheet', 'calibration-request',
];

/** The field a `wording:` key without ".field" sets, by the kind of node. */
const DEFAULT_FIELD: Record<string, string> = { point: 'text', paragraph: 'text', subpoint: 'text', footnote: 'text', parameter: 'name', chapter: 'title', blank: 'label', grade: 'wording', table: 'title', appendix: 'title' };

const wordingKey = (entry: NodeEntry, field: string) => (DEFAULT_FIELD[entry.kind] === field ? entry.id : `${entry.id}.${field}`);

/** Where a node is, for the drafter ("point "hr-duties"", "parameter "discipline" (name)"). */
const describe = (entry: NodeEntry, field: string) => `${entry.kind} "${entry.id}"${DEFAULT_FIELD[entry.kind] === field ? '' : ` (${field})`}`;

export function methodologyChanges(d: Drafting, base: ResolvedAct, terms: readonly Term[]): Change[] {
  const a = d.answers;
  const byId = new Map<string, Change>();
  const reason = (key: string): Text | undefined => {
    const out: Text = {};
    for (const lang of d.langs) {
      const s = reasonText(lang, key, sentenceContext(a, lang));
      if (s) out[lang] = s;
    }
    return Object.keys(out).length ? out : undefined;
  };
  const withReason = (change: Change, key: string): Change => {
    const why = reason(key);
    return why ? { ...change, reason: why } : change;
  };
  const remove = (id: string, key = id) => byId.set(id, withReason({ remove: id }, key));
  const rewrite = (id: string, what: string, key = id) => {
    const text = d.text(id, what, (lang) => draftText(lang, id, sentenceContext(a, lang)));
    byId.set(id, withReason({ replace: id, text }, key));
  };

  rewrite('purpose', 'point 1');
  if (a.approver?.applies) {
    rewrite('approval-basis', 'point 2');
    remove('approval-fallback');
  } else remove('approval-basis', 'approval-basis-removed');
  rewrite('def-unit-head', 'point 3, sub-point 3)');
  rewrite('def-evaluator', 'point 3, sub-point 4)');
  rewrite('automated-assessment', 'point 4, paragraph 2');
  if (!a['audit-commission']) remove('audit-commission-chairs');
  if (!a['chief-of-staff']) remove('chief-of-staff-evaluation');
  rewrite('hr-support', 'point 9');
  for (const c of routingChanges(d)) byId.set(targetOf(c), c);
  if (!a.delegation) remove('delegation-over-20');
  rewrite('calibration-purpose', 'point 19');
  if (!a['audit-commission']) remove('calibration-audit-commission');

  // The rest of the base: the drafter's own wording of a node, and a language the base lacks.
  const index = indexNodes({ methodology: base.source.methodology, scoring: base.source.scoring }, base.file);
  const gone = removedWithParts(index, new Set([...byId.values()].filter((c) => 'remove' in c).map(targetOf)));
  for (const entry of index.values()) {
    // The drafted act has footnotes of its own (none), so the typical act's are no gap.
    if (gone.has(entry.id) || byId.has(entry.id) || entry.kind === 'footnote') continue;
    for (const [field, value] of Object.entries(entry.node)) {
      if (!isText(value)) continue;
      const key = wordingKey(entry, field);
      const lacking = d.langs.some((l) => value[l] === undefined);
      if (!lacking && !a.wording?.[key]) continue;
      const inherited = inheritedText(value, terms);
      const text = d.text(key, describe(entry, field), (lang) => inherited[lang]);
      if (!d.used.has(key)) continue;
      const change = byId.get(entry.id) ?? { replace: entry.id };
      (change as Record<string, unknown>)[field] = text;
      // Kazakh wording alone leaves the Russian as inherited: the reason says so.
      byId.set(entry.id, withReason(change, a.wording?.[key]?.ru ? 'wording' : 'kk-supplied'));
    }
  }
  // In the base's order, as a reader of the act meets them.
  return [...index.keys()].filter((id) => byId.has(id)).map((id) => byId.get(id)!);
}

export const targetOf = (c: Change) => ((c as { replace?: string }).replace ?? (c as { remove?: string }).remove)!;

/** Ids removed, with every node inside them. */
export function removedWithParts(index: Map<string, NodeEntry>, removed: Set<string>): Set<string> {
  const out = new Set(removed);
  for (const id of removed) {
    const entry = index.get(id);
    if (entry) for (const inner of indexNodes(entry.node, '').keys()) out.add(inner);
  }
  return out;
}

/** A base text as the drafted act inherits it: with its terms substituted. */
function inheritedText(text: Text, terms: readonly Term[]): Partial<Record<Lang, string>> {
  const copy: Text = { ...(text.ru !== undefined ? { ru: text.ru } : {}), ...(text.kk !== undefined ? { kk: text.kk } : {}) };
  applyTerms(copy, terms);
  return copy;
}
