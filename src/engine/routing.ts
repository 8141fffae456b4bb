// Routing: which sheet and which evaluator, from the position category, whether the position is
// managerial, and (where the act distinguishes positions inside a category) the position.

import type { CategoryRef, RouteRule, RoutingConfig, RoutingPrecedence } from './config.js';

// Cyrillic letters that look like the Latin ones used in category codes (the acts mix them:
// "С-1", "Е-2" are often typed in Cyrillic).
const HOMOGLYPHS: Record<string, string> = {
  А: 'A', В: 'B', С: 'C', Д: 'D', Е: 'E', О: 'O', Р: 'R', Н: 'H', К: 'K', М: 'M', Т: 'T', Х: 'X',
  а: 'A', в: 'B', с: 'C', д: 'D', е: 'E', о: 'O', р: 'R', н: 'H', к: 'K', м: 'M', т: 'T', х: 'X',
};

/**
 * Normalises a category code: trims, removes spaces around hyphens ("Е - 2"), maps Cyrillic
 * look-alikes to Latin, upper-cases, and accepts the en dash. "с-о-1" -> "C-O-1".
 * Note: Cyrillic "Р" is read as Latin "R" (the code letter of district-level categories), not "P".
 */
export function normalizeCategory(text: string): string {
  let s = text.trim().replace(/\s*[-–—]\s*/g, '-');
  s = s.replace(/[А-Яа-я]/g, (c) => HOMOGLYPHS[c] ?? c);
  return s.toUpperCase();
}

export interface RouteInput {
  category?: string;
  managerial?: boolean;
  position?: string;
}

export interface RouteOk {
  ok: true;
  sheet: string;
  evaluator: string;
  rule: string;
  implements?: string[];
  /** Other rules that also matched, in order. */
  alsoMatched: string[];
  reading: string;
}
export interface RouteFail {
  ok: false;
  error: string;
  field: 'category' | 'managerial' | 'position';
}

const normalized = new Map<string, string>();

/** normalizeCategory with a cache (codes repeat: a file has a few dozen distinct ones). */
export function normalizeCategoryCached(text: string): string {
  let n = normalized.get(text);
  if (n === undefined) {
    n = normalizeCategory(text);
    if (normalized.size < 10000) normalized.set(text, n);
  }
  return n;
}

function refCategory(ref: CategoryRef): string {
  return normalizeCategoryCached(typeof ref === 'string' ? ref : ref.category);
}

type Match = 'yes' | 'no' | { need: 'position' | 'managerial'; why: string };

function matchRule(rule: RouteRule, input: RouteInput, category: string | undefined): Match {
  if (rule.categories) {
    if (category === undefined) return 'no';
    let hit: Match = 'no';
    for (const ref of rule.categories) {
      if (refCategory(ref) !== category) continue;
      if (typeof ref === 'string') {
        hit = 'yes';
        break;
      }
      if (ref.only || ref.except) {
        if (input.position === undefined) {
          const which = ref.only ? `only ${ref.only.join(', ')}` : `except ${ref.except!.join(', ')}`;
          return { need: 'position', why: `rule "${rule.route}" takes ${category} ${which}` };
        }
        const pos = input.position;
        if (ref.only && !ref.only.includes(pos)) continue;
        if (ref.except && ref.except.includes(pos)) continue;
      }
      hit = 'yes';
      break;
    }
    if (hit === 'no') return 'no';
  }
  if (rule.managerial !== undefined) {
    if (input.managerial === undefined) return { need: 'managerial', why: `rule "${rule.route}" depends on whether the position is managerial` };
    if (input.managerial !== rule.managerial) return 'no';
  }
  if (!rule.categories && rule.managerial === undefined && !rule.otherwise) return 'no';
  return 'yes';
}

function specificity(rule: RouteRule): number {
  return rule.categories ? 2 : rule.managerial !== undefined ? 1 : 0;
}

/**
 * Routes a person. `categories` is the list of known codes (an unknown code is an error, never
 * a guess). Precedence: first-match (the rules in the act's order; default) or most-specific
 * (a rule naming the category beats one on managerial positions, which beats "otherwise").
 */
export function route(cfg: RoutingConfig, input: RouteInput, known: readonly string[] | undefined, precedence: RoutingPrecedence = 'first-match'): RouteOk | RouteFail {
  const category = input.category === undefined ? undefined : normalizeCategoryCached(input.category);
  if (category !== undefined && known && !known.includes(category)) {
    return { ok: false, field: 'category', error: `unknown category "${input.category}" (not among the configuration's ${known.length} category codes)` };
  }
  if (category === undefined && cfg.rules.some((r) => r.categories)) {
    return { ok: false, field: 'category', error: 'category is required to choose the sheet and the evaluator' };
  }
  const matched: RouteRule[] = [];
  for (const rule of cfg.rules) {
    const m = matchRule(rule, input, category);
    if (m === 'no') continue;
    if (m !== 'yes') {
      // An undecidable rule blocks only if no earlier rule has already decided (first-match),
      // or always under most-specific precedence when it is at least as specific.
      if (precedence === 'first-match' && matched.length) continue;
      return {
        ok: false,
        field: m.need,
        error: m.need === 'position' ? `${m.why}: give "position" to decide` : `${m.why}: give "managerial" (true/false)`,
      };
    }
    matched.push(rule);
  }
  if (!matched.length) return { ok: false, field: 'category', error: `no routing rule covers category ${category ?? '(none)'}` };
  let chosen = matched[0];
  if (precedence === 'most-specific') {
    for (const r of matched) if (specificity(r) > specificity(chosen)) chosen = r;
  }
  const others = matched.filter((r) => r !== chosen).map((r) => r.route);
  return {
    ok: true,
    sheet: chosen.sheet,
    evaluator: chosen.evaluator,
    rule: chosen.route,
    implements: chosen.implements,
    alsoMatched: others,
    reading:
      precedence === 'first-match'
        ? `first matching rule in the act's order (setting routing-precedence: first-match)${others.length ? `; also matched: ${others.join(', ')}` : ''}`
        : `most specific matching rule (setting routing-precedence: most-specific)${others.length ? `; also matched: ${others.join(', ')}` : ''}`,
  };
}
