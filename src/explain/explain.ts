// `metodika explain`: what an act decides where the typical act leaves the choice to the body,
// in plain words for a lawyer who reviews the choices without reading YAML: who evaluates whom
// (point 17 and scoring.routing), the deadlines, the caps on a sanctioned servant's score, the
// grades, the eligibility, and the typical act's provisions the act removes (with its reasons).
// Each value the act changes is shown with the typical act's. The words are in
// templates/<lang>/explain.hbs and explain-vocabulary.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compareActs } from '../diff/compare.js';
import { localLabel } from '../diff/labels.js';
import { SANCTION_LABELS } from '../engine/register.js';
import { formatDecimal, kkAblative } from '../lang/numbers.js';
import type { CategoryRef, Lang, Route, Scoring } from '../model/source.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { ResolvedAct } from '../resolve/index.js';
import { renderTemplate, words } from '../resolve/templates.js';

interface Vocabulary {
  evaluators: Record<string, string>;
  positions: Record<string, string>;
  only: string;
  except: string;
  managerial: string;
  otherwise: string;
  deadlines: Record<string, string>;
  events: Record<string, string>;
  scope: Record<string, string>;
}

const cache = new Map<Lang, Vocabulary>();
function vocabulary(lang: Lang): Vocabulary {
  let v = cache.get(lang);
  if (!v) {
    v = parse(readFileSync(join(TEMPLATES_DIR, lang, 'explain-vocabulary.yaml'), 'utf8')) as Vocabulary;
    cache.set(lang, v);
  }
  return v;
}

/** The ru/kk words for one act, from its scoring and numbering. */
class Teller {
  readonly v: Vocabulary;
  constructor(readonly act: ResolvedAct, readonly lang: Lang) {
    this.v = vocabulary(lang);
  }

  category(ref: CategoryRef): string {
    if (typeof ref === 'string') return ref;
    const which = ref.only ? [this.v.only, ref.only] : ref.except ? [this.v.except, ref.except] : undefined;
    if (!which || !which[0]) return ref.category;
    return `${ref.category} (${which[0]} ${(which[1] as string[]).map((p) => this.v.positions[p] ?? p).join(', ')})`;
  }

  who(r: Route): string {
    if (r.categories?.length) return r.categories.map((c) => this.category(c)).join(', ');
    return r.managerial ? this.v.managerial : this.v.otherwise;
  }

  evaluator = (id: string) => this.v.evaluators[id] ?? id;

  appendix(sheet: string): string {
    const appendix = this.act.source.scoring?.sheets?.[sheet]?.appendix;
    return (appendix && this.act.numbers.get(appendix)) ?? sheet;
  }

  deadline(d: NonNullable<Scoring['deadlines']>[number]): string {
    if (d['day-of-next-month'] !== undefined) return renderTemplate(this.lang, 'explain-day-of-next-month', { day: d['day-of-next-month'] });
    const days = d['working-days'];
    // "в течение 1 рабочего дня", "в течение 5 рабочих дней": the template chooses by the number's plural category.
    if (days !== undefined) return renderTemplate(this.lang, 'explain-working-days', { days, one: new Intl.PluralRules(this.lang).select(days) === 'one', from: d.from ? (this.v.events[d.from] ?? d.from) : '' });
    return '';
  }

  annual(s: Scoring): string | undefined {
    const d = s.annual?.deadline;
    const pad = (n: number) => String(n).padStart(2, '0');
    return d && renderTemplate(this.lang, 'explain-annual', { day: d.day, month: words(this.lang).months[d.month - 1], dd: pad(d.day), mm: pad(d.month) });
  }

  band(min: number, max: number): string {
    const lo = formatDecimal(min);
    return renderTemplate(this.lang, 'band', { min: lo, max: formatDecimal(max), minAblative: kkAblative(lo) });
  }

  /** The number of the point a rule implements, as the act prints it. */
  point(ids: string[] | undefined): string | undefined {
    return ids?.map((id) => this.act.numbers.get(id)).find((n) => n !== undefined);
  }
}

/** The act's choices in plain words, in `lang` (one of the act's languages). */
export function explainAct(act: ResolvedAct, lang: Lang): string {
  const t = new Teller(act, lang);
  const base = act.base && new Teller(act.base, lang);
  const s = act.source.scoring ?? { system: '' };
  const b = act.base?.source.scoring;
  const differs = <T>(mine: T, theirs: T | undefined) => theirs !== undefined && JSON.stringify(mine) !== JSON.stringify(theirs);

  const rules = s.routing ?? [];
  const routing = rules.map((r) => {
    const was = b?.routing?.find((x) => x.route === r.route);
    const changed = was && (differs(r.categories, was.categories) || r.evaluator !== was.evaluator || r.sheet !== was.sheet);
    return {
      who: t.who(r), evaluator: t.evaluator(r.evaluator), appendix: t.appendix(r.sheet),
      ...(changed && base ? { was: `${base.who(was)}: ${base.evaluator(was.evaluator)}` } : {}),
    };
  });
  const reasons = new Map((act.own.changes ?? []).filter((c) => 'remove' in c).map((c) => [(c as { remove: string }).remove, c.reason?.[lang]]));
  const routingRemoved = base ? (b?.routing ?? []).filter((r) => !rules.some((x) => x.route === r.route)).map((r) => ({
    who: base.who(r), evaluator: base.evaluator(r.evaluator), ...(reasons.get(r.route) ? { reason: reasons.get(r.route) } : {}),
  })) : [];

  const deadlines = (s.deadlines ?? []).map((d) => {
    const was = b?.deadlines?.find((x) => x.deadline === d.deadline);
    return {
      label: t.v.deadlines[d.deadline] ?? d.deadline, value: t.deadline(d), point: t.point(d.implements),
      ...(was && base && differs(t.deadline(d), base.deadline(was)) ? { was: base.deadline(was) } : {}),
    };
  });
  const annualValue = t.annual(s);
  const annualWas = b && base?.annual(b);
  const caps = (s.caps ?? []).map((c) => {
    const was = b?.caps?.find((x) => x.cap === c.cap);
    const scope = t.v.scope[c.scope ?? 'final'];
    return {
      sanctions: c.sanctions.map((k) => SANCTION_LABELS[k]?.[lang] ?? k).join(', '), scope, max: formatDecimal(c.max),
      ...(was && (was.max !== c.max || (was.scope ?? 'final') !== (c.scope ?? 'final')) ? { was: `${t.v.scope[was.scope ?? 'final']} ≤ ${formatDecimal(was.max)}` } : {}),
    };
  });
  const grades = (s.grades ?? []).map((g) => {
    const was = b?.grades?.find((x) => x.grade === g.grade);
    return {
      wording: g.wording[lang] ?? g.grade, band: t.band(g.min, g.max),
      ...(was && (was.min !== g.min || was.max !== g.max) ? { was: t.band(was.min, was.max) } : {}),
    };
  });
  const e = s.eligibility;
  const we = b?.eligibility;
  const eligibility = !!e && {
    months: e['min-months-in-position'] ?? 0, days: e['min-working-days'] ?? 0,
    ...(we && (we['min-months-in-position'] !== e['min-months-in-position'] || we['min-working-days'] !== e['min-working-days'])
      ? { was: `${we['min-months-in-position']} / ${we['min-working-days']}` } : {}),
  };

  // What the act removes from the typical act, as its comparative table names it.
  let removed: Array<{ element: string; reason?: string }> = [];
  let changed = 0;
  if (act.base) {
    const diff = compareActs(act.base, act, { lang: act.base.languages.includes(lang) ? lang : undefined });
    removed = diff.pairs.filter((p) => p.cls === 'removed' && p.base[0]?.area === 'methodology').map((p) => ({
      element: localLabel(p.base[0].ref, diff.lang), ...(p.reason ? { reason: p.reason } : {}),
    }));
    changed = diff.counts.substance + diff.counts['no-text'];
  }
  const routingPoint = t.point(rules.flatMap((r) => r.implements ?? [])) ?? '';
  return renderTemplate(lang, 'explain', {
    title: act.source.methodology?.title?.[lang]?.nom ?? act.id,
    base: act.base?.id ?? '',
    file: act.file,
    routingPoint, routing, routingRemoved, deadlines,
    annual: annualValue ? { value: annualValue, ...(annualWas && annualWas !== annualValue ? { was: annualWas } : {}) } : false,
    caps, grades, eligibility, removed, changed,
  }).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
