// The rules a typical corps B act states in words, read into `scoring:` so the build words them
// again from data: the grade bands of point 8 ("от 3 до 3,99 баллов"), the sanction caps of the
// sheets' last row ("не может превышать 2,99 баллов"), the scale, eligibility, the deadlines and
// the routing of point 17. Each sentence so read is rewritten with {{grade}}, {{band}} and {{cap}},
// and kept literal when the expression would not print it exactly as the act does.
import { expand, ExpansionError, helpersFor } from '../resolve/expand.js';
import type { Cap, Deadline, Grade, Lang, MethodologyFile, Route, Scoring, SheetParameter, Text } from '../model/source.js';
import type { Context } from './context.js';
import { excerpt } from './report.js';
import { eachText } from '../resolve/nodes.js';

interface BandPattern {
  band: RegExp;
  list: RegExp;
}

const BANDS: Record<Lang, BandPattern> = {
  ru: {
    band: /"([^"]+)"(\s+соответствует диапазон оценок)?\s+(от\s+(\d+(?:,\d+)?)\s+до\s+(\d+(?:,\d+)?)\s+баллов)/g,
    list: /^"([^"]+)"([,;.]?(?:\s*\([^)]*\)\.?)?)$/,
  },
  kk: {
    band: /"([^"]+)"(\s+нәтижесіне)\s+((\d+(?:,\d+)?)-(?:тен|ден|нен|тан|дан|нан)\s+(\d+(?:,\d+)?)\s+баллға)/g,
    list: /^"([^"]+)"([,;.]?(?:\s*\([^)]*\)\.?)?)$/,
  },
};

const GRADE_IDS: Record<Lang, Array<[RegExp, string]>> = {
  ru: [[/не\s*удовлетворительно/i, 'unsatisfactory'], [/удовлетворительно/i, 'satisfactory'], [/надлежащим/i, 'proper'], [/эффективно/i, 'effective']],
  kk: [[/қанағаттанарлықсыз/i, 'unsatisfactory'], [/қанағаттанарлық/i, 'satisfactory'], [/тиісті/i, 'proper'], [/тиімді/i, 'effective']],
};

const CAP: Record<Lang, { value: RegExp; minor: RegExp; other: RegExp }> = {
  ru: { value: /(не может превышать\s+)(\d+,\d+)(\s+баллов)/, minor: /замечани|выговор/, other: /иных видов/ },
  kk: { value: /(баға\s+)(\d+,\d+)(\s+баллдан\s+аспауы)/, minor: /ескерту|сөгіс/, other: /өзге де/ },
};

const num = (s: string) => Number(s.replace(',', '.'));

/** The wording each rewritten text had, to put it back if the expression does not print it. */
const originals = new WeakMap<Text, string>();

function rewrite(t: Text, lang: Lang, value: string): void {
  if (!originals.has(t)) originals.set(t, t[lang]!);
  t[lang] = value;
}

/** Reads the rules of a sheet-mean act into its scoring section; rewrites the sentences that state them. */
export function readScoring(act: MethodologyFile, sheets: Record<string, { appendix: string; parameters: SheetParameter[] }>, ctx: Context): Scoring {
  const lang = ctx.lang;
  const all = allText(act);
  const scoring: Scoring = { system: systemOf(all, Object.keys(sheets).length > 0) };
  if (scoring.system !== 'sheet-mean') {
    ctx.report.add('unplaced', 1, `the act's scoring (system ${scoring.system}) is not read from its text: give its steps in scoring.settings.engine (see configs/ and docs/import.md)`);
  }
  if (Object.keys(sheets).length) {
    scoring.period = 'quarter';
    scoring.decimals = 2;
    scoring.rounding = 'half-up';
    scoring.aggregate = 'mean';
    scoring.sheets = sheets;
  }
  act.scoring = scoring;
  const grades = readGrades(act, ctx);
  if (grades.length) scoring.grades = grades;
  const caps = readCaps(sheets, ctx);
  if (caps.length) scoring.caps = caps;
  readFacts(act, scoring, ctx, lang);
  if (Object.keys(sheets).length) {
    const routing = readRouting(act, sheets, ctx);
    if (routing.length) scoring.routing = routing;
  }
  verifyExpressions(act, ctx);
  return scoring;
}

function systemOf(text: string, hasSheets: boolean): string {
  if (/КЦИ|ключевых целевых индикаторов/.test(text)) return 'kci';
  if (/базовых, поощрительных и штрафных баллов|базалық, көтермелеу/.test(text)) return 'points-2017';
  if (/НМИ|360 әдісі|метод 360/.test(text)) return 'oblast-2023';
  return hasSheets ? 'sheet-mean' : 'unknown';
}

function allText(act: MethodologyFile): string {
  const out: string[] = [];
  eachText(act.methodology, (t) => {
    for (const v of [t.ru, t.kk]) if (v) out.push(v);
  });
  return out.join('\n');
}

/** Point 8: the band sentence gives the grades; the list before it names them. */
function readGrades(act: MethodologyFile, ctx: Context): Grade[] {
  const { band, list } = BANDS[ctx.lang];
  const lang = ctx.lang;
  const grades: Grade[] = [];
  const idOf = (wording: string) => {
    const known = GRADE_IDS[lang].find(([re]) => re.test(wording))?.[1];
    return known && !grades.some((g) => g.grade === known) ? known : `grade-${grades.length + 1}`;
  };
  eachText(act.methodology?.chapters, (t) => {
    const s = t[lang];
    if (grades.length || !s) return;
    const found = [...s.matchAll(band)];
    if (found.length < 2) return;
    for (const m of found) grades.push({ grade: idOf(m[1]), min: num(m[4]), max: num(m[5]), wording: { [lang]: m[1] } });
    let i = 0;
    rewrite(t, lang, s.replace(band, (_m, _w, link: string | undefined) => {
      const g = grades[i++];
      return `"{{grade "${g.grade}"}}"${link ?? ''} {{band "${g.grade}"}}`;
    }));
  });
  if (!grades.length) return grades;
  // The list of wordings ("Выполняет функциональные обязанности эффективно",).
  eachText(act.methodology?.chapters, (t) => {
    const s = t[lang];
    const m = s ? list.exec(s) : null;
    const g = m ? grades.find((x) => x.wording[lang] === m[1]) : undefined;
    if (m && g) rewrite(t, lang, `"{{grade "${g.grade}"}}"${m[2]}`);
  });
  return grades;
}

/** The sanction caps in the guidance of the sheets' rows. */
function readCaps(sheets: Record<string, { parameters: SheetParameter[] }>, ctx: Context): Cap[] {
  const { value, minor, other } = CAP[ctx.lang];
  const caps: Cap[] = [];
  for (const sheet of Object.values(sheets)) {
    for (const p of sheet.parameters) {
      const g = p.guidance[ctx.lang];
      if (!g) continue;
      const lines = g.split('\n').map((line) => {
        const m = value.exec(line);
        if (!m) return line;
        const id = minor.test(line) ? 'minor-sanction' : other.test(line) ? 'other-sanction' : `cap-${caps.length + 1}`;
        let cap = caps.find((c) => c.cap === id);
        if (!cap) {
          cap = { cap: id, max: num(m[2]), scope: 'final', parameters: [], sanctions: id === 'minor-sanction' ? ['remark', 'reprimand', 'severe-reprimand'] : ['other'] };
          caps.push(cap);
        }
        if (cap.max !== num(m[2])) return line;
        if (!cap.parameters!.includes(p.parameter)) cap.parameters!.push(p.parameter);
        return line.replace(value, `$1{{cap "${id}"}}$3`);
      });
      if (lines.join('\n') !== g) rewrite(p.guidance, ctx.lang, lines.join('\n'));
    }
  }
  for (const c of caps) c.implements = [...c.parameters!];
  return caps;
}

const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** Scale, eligibility, the quarterly deadline and the annual result, each with the node that states it. */
function readFacts(act: MethodologyFile, s: Scoring, ctx: Context, lang: Lang): void {
  const numeral = (w: string) => (/^\d+$/.test(w) ? Number(w) : ctx.vocab.numerals[w.toLowerCase()]);
  const deadlines: Deadline[] = [];
  const ru = lang === 'ru';
  eachNode(act, lang, (id, text) => {
    const scale = ru ? /оценки от (\d+) до (\d+)-ти/.exec(text) : /(\d+)-ден (\d+)-ке дейінгі баға/.exec(text);
    if (scale && !s.scale) s.scale = { min: Number(scale[1]), max: Number(scale[2]), implements: [id] };
    const months = ru ? /менее (\S+) месяц/.exec(text) : /(\S+) айдан кем/.exec(text);
    const monthsN = months ? numeral(months[1]) : undefined;
    if (monthsN !== undefined) {
      s.eligibility ??= {};
      s.eligibility['min-months-in-position'] = monthsN;
      addImpl(s.eligibility, id);
    }
    const days = ru ? /не менее (\S+) фактически отработанных/.exec(text) : /кемінде (он бес|\S+) жұмыс күнін/.exec(text);
    const daysN = days ? numeral(days[1]) : undefined;
    if (daysN !== undefined) {
      s.eligibility ??= {};
      s.eligibility['min-working-days'] = daysN;
      addImpl(s.eligibility, id);
    }
    const quarterly = ru ? /не позднее (\S+) числа месяца, следующего за отчетным кварталом/.exec(text) : /есепті тоқсаннан кейінгі айдың (\S+) күнінен кешіктірілмей/.exec(text);
    const day = quarterly ? numeral(quarterly[1]) : undefined;
    if (day !== undefined && !deadlines.length) deadlines.push({ deadline: 'evaluation', 'day-of-next-month': day, implements: [id] });
    const annual = ru ? /не позднее (\d+) ([а-я]+), следующего за отчетным годом/.exec(text) : /жылдың (\d+) ([а-яәғқңөұүһі]+?)(?:нан|нен|ынан|інен) кешіктірілмей/.exec(text);
    if (annual && s.sheets) {
      const month = ru ? RU_MONTHS.indexOf(annual[2]) + 1 : ctx.vocab.months.findIndex((m) => m.startsWith(annual[2].slice(0, 4))) + 1;
      if (month > 0) s.annual = { aggregate: 'mean', deadline: { month, day: Number(annual[1]) }, implements: [id] };
    }
  });
  if (deadlines.length) s.deadlines = deadlines;
}

function addImpl(o: { implements?: string[] }, id: string): void {
  if (!(o.implements ??= []).includes(id)) o.implements.push(id);
}

/** Calls fn with the id and wording of every point, sub-point and paragraph of the chapters. */
function eachNode(act: MethodologyFile, lang: Lang, fn: (id: string, text: string) => void): void {
  const visit = (node: Record<string, unknown>, idKey: string) => {
    const text = (node.text as Text | undefined)?.[lang];
    if (text) fn(node[idKey] as string, text);
    for (const part of (node.parts as Array<Record<string, unknown>> | undefined) ?? []) {
      const key = 'subpoint' in part ? 'subpoint' : 'paragraph' in part ? 'paragraph' : undefined;
      if (key) visit(part, key);
    }
  };
  for (const c of act.methodology?.chapters ?? []) for (const p of c.points) visit(p as unknown as Record<string, unknown>, 'point');
}

/** Who evaluates, by the words the routing paragraphs use. */
const EVALUATORS: Record<Lang, Array<[RegExp, string]>> = {
  ru: [
    [/непосредственным руководителем/, 'direct-superior'],
    [/руководителем структурного подразделения\/государственного органа/, 'head-of-unit-or-body'],
    [/руководителем аппарата/, 'head-of-apparatus'],
    [/председателем .*маслихата/, 'maslikhat-chairman'],
  ],
  kk: [
    [/тікелей басшы/, 'direct-superior'],
    [/аппарат басшысымен/, 'head-of-apparatus'],
    [/мәслихат төр?ағасымен/, 'maslikhat-chairman'],
    [/құрылымдық бөлімшенің\/мемлекеттік органның басшысы/, 'head-of-unit-or-body'],
  ],
};

/** Positions named inside a category's brackets in the typical act. */
const POSITIONS: Array<[RegExp, string]> = [
  [/заместител\S* председателя Комитета центрального исполнительного органа/, 'deputy-committee-chairman'],
  [/директор\S* департамента/, 'department-director'],
  [/руководител\S* структурного подразделения/, 'head-of-unit'],
];

const LATIN: Record<string, string> = { А: 'A', В: 'B', С: 'C', Д: 'D', Е: 'E', О: 'O', Р: 'R' };
const CODE = /(?<![\p{L}\d])([A-ZАВСДЕОР])\s?-\s?(?:([A-ZАВСДЕОР])\s?-\s?)?(\d+)(?:\s*\(([^)]*)\))?/gu;

/** Point 17: one routing rule a paragraph that names a form ("по форме, согласно приложению N"). */
export function readRouting(act: MethodologyFile, sheets: Record<string, { appendix: string }>, ctx: Context): Route[] {
  const lang = ctx.lang;
  const byAppendix = new Map<string, string>();
  for (const a of act.methodology?.appendices ?? []) {
    const key = Object.entries(sheets).find(([, s]) => s.appendix === a.appendix)?.[0];
    if (key) byAppendix.set(a.appendix, key);
  }
  const routes: Route[] = [];
  eachNode(act, lang, (id, text) => {
    const rule = routeOf(text, lang, byAppendix, act);
    if (rule) routes.push({ route: `route-${routes.length + 1}`, ...rule, implements: [id] });
  });
  // Rules that name categories go first, then those for managerial positions, then the rest:
  // the engine takes the first rule that matches (see docs/import.md).
  const rank = (r: Route) => (r.categories ? 0 : r.managerial !== undefined ? 1 : 2);
  return routes.map((r, i) => [r, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([r]) => r);
}

/** The rule one paragraph states, or undefined when it names no form. */
export function routeOf(text: string, lang: Lang, byAppendix: ReadonlyMap<string, string>, act: MethodologyFile): Omit<Route, 'route' | 'implements'> | undefined {
  const form = lang === 'ru' ? /по форме,?\s+согласно приложению\s+(?:\{\{ref "([^"]+)"\}\}|(\d+))/.exec(text) : /(?:\{\{ref "([^"]+)"\}\}|(\d+))-қосымшасына сәйкес нысан/.exec(text);
  if (!form) return undefined;
  const appendixId = form[1] ?? act.methodology?.appendices?.find((a, i) => (a.number ?? String(i + 1)) === form[2])?.appendix;
  const sheet = appendixId ? byAppendix.get(appendixId) : undefined;
  const evaluator = EVALUATORS[lang].find(([re]) => re.test(text))?.[1];
  if (!sheet || !evaluator) return undefined;
  const categories = [...text.matchAll(CODE)].map((m) => {
    const code = [m[1], m[2], m[3]].filter(Boolean).map((x) => LATIN[x] ?? x).join('-');
    const inside = m[4] ?? '';
    const named = POSITIONS.filter(([re]) => re.test(inside)).map(([, p]) => p);
    if (!named.length) return code;
    return /за исключением/.test(inside) ? { category: code, except: named } : { category: code, only: named };
  });
  const rule: Omit<Route, 'route' | 'implements'> = { sheet, evaluator };
  if (categories.length) rule.categories = categories;
  else if (/занимающих руководящие должности|басшы лауазымдарды атқаратын/.test(text)) rule.managerial = true;
  else rule.otherwise = true;
  return rule;
}

/** Each rewritten sentence must print exactly as the act does; otherwise it is put back literal. */
function verifyExpressions(act: MethodologyFile, ctx: Context): void {
  const lang = ctx.lang;
  const ec = { lang, source: act, numbers: new Map<string, string>(), removed: new Set<string>() };
  const helpers = helpersFor(ec);
  eachText(act, (t) => {
    const original = originals.get(t);
    if (original === undefined) return;
    let printed: string | undefined;
    try {
      printed = expand(t[lang]!, ec, helpers);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
    }
    if (printed !== original) {
      ctx.report.add('unplaced', 1, `a rule stated as ${excerpt(original)} is kept literal: its expression would print ${printed === undefined ? 'nothing' : excerpt(printed)}`);
      t[lang] = original;
    }
  });
}
