// Point 17 (who evaluates whom, on which sheet) from the body's choices: each of its four
// paragraphs kept with the body's evaluator, or dropped, and `scoring.routing` changed to match,
// rule for paragraph. Before anything is written, every category the body employs must reach an
// evaluator through the rules as changed, and the head of the apparatus must not evaluate themself.
import { route } from '../engine/routing.js';
import type { Change, Lang, Route, Text } from '../model/source.js';
import type { ResolvedAct } from '../resolve/index.js';
import type { Answers, Paragraph17 } from './answers.js';
import { evaluatorForm, HEAD_OF_APPARATUS, sentenceContext } from './names.js';
import type { Drafting } from './texts.js';
import { draftText, reasonText } from './wording.js';

/** Each paragraph's node in the typical act, and the rule of scoring.routing that implements it. */
const PARAGRAPH_NODES: Record<Paragraph17, { node: string; rule: string; ordinal: number }> = {
  'listed-heads': { node: 'routing', rule: 'listed-heads', ordinal: 1 },
  'other-heads': { node: 'routing-other-heads', rule: 'other-heads', ordinal: 2 },
  'listed-staff': { node: 'routing-listed-staff', rule: 'listed-staff', ordinal: 3 },
  others: { node: 'routing-others', rule: 'others', ordinal: 4 },
};
const ORDER = Object.keys(PARAGRAPH_NODES) as Paragraph17[];

const applies = (a: Answers, p: Paragraph17) => p === 'listed-heads' || !!a.routing?.[p]?.applies;

/** The routing rules as the drafted act will have them. */
function draftedRules(a: Answers, base: ResolvedAct): Route[] {
  const rules = base.source.scoring?.routing ?? [];
  return ORDER.filter((p) => applies(a, p)).flatMap((p) => {
    const rule = rules.find((r) => r.route === PARAGRAPH_NODES[p].rule);
    if (!rule) return [];
    const evaluator = a.routing?.[p]?.evaluator ?? rule.evaluator;
    return [p === 'listed-heads' ? { ...rule, categories: a.routing?.[p]?.categories ?? [], evaluator } : { ...rule, evaluator }];
  });
}

const paragraphName = (p: Paragraph17) => `paragraph ${PARAGRAPH_NODES[p].ordinal} of point 17`;

/** What is wrong with the routing choices, one message each (empty when every category has an evaluator). */
export function routingProblems(a: Answers, base: ResolvedAct): string[] {
  const problems: string[] = [];
  const employed = a.categories ?? [];
  const head = a.head?.category;
  if (head && !employed.includes(head)) problems.push(`the head of the apparatus is ${head}, which is not among the categories the body employs (${employed.join(', ')})`);
  for (const c of a.managerial ?? []) if (!employed.includes(c)) problems.push(`${c} is given as managerial but is not among the categories the body employs (${employed.join(', ')})`);
  for (const c of a.routing?.['listed-heads']?.categories ?? []) if (!employed.includes(c)) problems.push(`${paragraphName('listed-heads')} lists ${c}, which the body does not employ (${employed.join(', ')})`);
  const rules = draftedRules(a, base);
  const dropped = ORDER.filter((p) => !applies(a, p)).map((p) => paragraphName(p).replace(' of point 17', ''));
  for (const category of employed) {
    const managerial = (a.managerial ?? []).includes(category);
    const r = route({ rules }, { category, managerial }, undefined);
    // A category the typical act splits by position (C-1, D-3) is decided per position: covered.
    if (!r.ok && r.field !== 'position') {
      problems.push(`no paragraph of point 17 gives ${category} (${managerial ? 'a managerial' : 'a non-managerial'} position) an evaluator${dropped.length ? `: ${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} dropped` : ''}`);
    } else if (r.ok && category === head && r.evaluator === HEAD_OF_APPARATUS) {
      const p = ORDER.find((x) => PARAGRAPH_NODES[x].rule === r.rule)!;
      problems.push(`the head of the apparatus (${category}) would evaluate themself under ${paragraphName(p)}: list ${category} in ${paragraphName('listed-heads')}, or choose another evaluator`);
    }
  }
  return problems;
}

/** The changes to point 17 and to scoring.routing. */
export function routingChanges(d: Drafting): Change[] {
  const a = d.answers;
  const changes: Change[] = [];
  const headOnly = (a.routing?.['listed-heads']?.categories ?? []).join() === a.head?.category;
  const reason = (key: string, p: Paragraph17): Text | undefined => {
    const out: Text = {};
    for (const lang of d.langs) {
      const s = reasonText(lang, key, { ...sentenceContext(a, lang), headOnly, categories: categoriesOf(a), evaluator: evaluatorForm(a, a.routing?.[p]?.evaluator ?? '', lang, 'nom') });
      if (s) out[lang] = s;
    }
    return Object.keys(out).length ? out : undefined;
  };
  for (const p of ORDER) {
    const { node, rule } = PARAGRAPH_NODES[p];
    if (!applies(a, p)) {
      const why = reason(`${node}-removed`, p);
      changes.push({ remove: node, ...(why ? { reason: why } : {}) }, { remove: rule, ...(why ? { reason: structuredClone(why) } : {}) });
      continue;
    }
    const evaluator = a.routing![p]!.evaluator!;
    const text = d.text(node, `${paragraphName(p)}`, (lang: Lang) => {
      const ins = evaluatorForm(a, evaluator, lang, 'ins');
      return ins === undefined ? undefined : draftText(lang, node, { ...sentenceContext(a, lang), headOnly, categories: categoriesOf(a), evaluator: ins });
    });
    const why = reason(node, p);
    changes.push({ replace: node, text, ...(why ? { reason: why } : {}) });
    const ruleChange: Change = p === 'listed-heads'
      ? { replace: rule, categories: a.routing![p]!.categories!, evaluator, ...(why ? { reason: structuredClone(why) } : {}) }
      : { replace: rule, evaluator, ...(why ? { reason: structuredClone(why) } : {}) };
    changes.push(ruleChange);
  }
  return changes;
}

const categoriesOf = (a: Answers) => (a.routing?.['listed-heads']?.categories ?? []).join(', ');
