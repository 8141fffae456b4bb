// Compiles an act's `scoring:` section (the resolved act's `Scoring`) into the engine's scoring
// configuration (schemas/scoring.schema.json). It reads no YAML: it is given the resolved act.
//
// The `sheet-mean` system (the typical corps B methodology and its local copies) is compiled from
// the section's fields; other systems carry their steps in `settings.engine` (merged as given).

import type { Chapter, MethodologyFile, Part, Scoring } from '../model/source.js';
import type {
  CalibrationConfig,
  CapRule,
  DeadlineConfig,
  InputConfig,
  RangeTable,
  Reading,
  ScoringConfig,
  SheetConfig,
  Step,
} from '../engine/config.js';
import { DEFAULT_SETTINGS } from '../engine/config.js';
import { CORPS_B_CATEGORIES, SANCTION_LABELS } from '../engine/register.js';
import { validateConfigSchema } from '../engine/schema.js';
import { Engine, ConfigError } from '../engine/engine.js';
import type { ConfigDiagnostic } from '../engine/tables.js';

export interface CompileOptions {
  /** The act's id (output/<id>/scoring.json). */
  actId: string;
  /** How to cite each point id (see pointLabels). */
  points?: Record<string, string>;
  title?: string;
}

export interface CompileResult {
  config?: ScoringConfig;
  diagnostics: ConfigDiagnostic[];
}

/** The readings (product decisions) every sheet-mean configuration states. */
export function sheetMeanReadings(s: Scoring): Reading[] {
  const capScope = (s.caps ?? []).map((c) => c.scope ?? 'final');
  const parameterDecimals = (s.settings?.['parameter-decimals'] as number | undefined) ?? 2;
  return [
    {
      id: 'rounding',
      setting: 'rounding',
      text: `Scores carry ${s.decimals ?? 2} decimals (the grade bands end at 3,99 / 2,99 / 1,99). The act does not say how the mean is brought to two decimals; it is rounded ${s.rounding ?? 'half-up'} (half-up: 3.995 -> 4.00, "effective"; down would give 3.99, "proper"), then capped and graded.`,
    },
    {
      id: 'cap-scope',
      text: `The caps (2,99 for a remark, reprimand or severe reprimand; 1,99 for any other sanction) stand in the row of the "no disciplinary sanctions" parameter, but 2,99 and 1,99 are exactly the tops of the two lowest grades, so they are read as caps on the final score (scope final). Scope parameter caps that parameter's own score before the mean. In force here: ${[...new Set(capScope)].join(', ') || 'no caps'}. Several sanctions: the lowest cap applies.`,
    },
    {
      id: 'fractional-scores',
      text: `The act says scores are "from 0 to 5" and does not say whether a parameter score may be fractional; a parameter score may carry up to ${parameterDecimals} decimals here (setting parameter-decimals; 0 = whole numbers only). The parameter-5 cap of 2,99 presupposes fractions.`,
    },
    {
      id: 'sanctions-in-period',
      setting: 'sanctions-outside-period',
      text: 'Row 5 counts "disciplinary sanctions imposed in the evaluated quarter": a dated sanction outside the period is not counted (setting sanctions-outside-period: ignore); an undated one is taken as imposed in the period.',
    },
    {
      id: 'annual-mean',
      text: 'The annual score is the mean of the year\'s quarterly final scores (after caps) of the quarters in which the person was evaluated; quarters "not evaluated" do not count. Rounded like a quarterly score and graded with the same bands.',
    },
  ];
}

/** Compiles a `Scoring` (the act's scoring section) into a scoring configuration. */
export function compileScoring(s: Scoring, opts: CompileOptions): CompileResult {
  const diagnostics: ConfigDiagnostic[] = [];
  const err = (path: string, message: string) => diagnostics.push({ severity: 'error', path, code: 'compile', message });
  const settingsIn = (s.settings ?? {}) as Record<string, unknown>;
  const decimals = s.decimals ?? 2;
  const resolution = decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
  const pickSetting = <T>(key: string, allowed: readonly T[], dflt: T): T => {
    const v = settingsIn[key];
    if (v === undefined) return dflt;
    if (!allowed.includes(v as T)) {
      err(`settings.${key}`, `setting ${key}: "${String(v)}" is not one of ${allowed.join(', ')}`);
      return dflt;
    }
    return v as T;
  };
  let config: ScoringConfig = {
    format: 'metodika-scoring/1',
    id: opts.actId,
    act: { id: opts.actId, ...(opts.title ? { title: opts.title } : {}) },
    system: s.system,
    period: s.period ?? 'quarter',
    settings: {
      decimals,
      rounding: s.rounding ?? DEFAULT_SETTINGS.rounding,
      'month-in-post': pickSetting('month-in-post', ['inclusive', 'civil-code', 'days-30'] as const, DEFAULT_SETTINGS['month-in-post']),
      'deadline-on-day-off': pickSetting('deadline-on-day-off', ['next-working-day', 'previous-working-day', 'as-is'] as const, DEFAULT_SETTINGS['deadline-on-day-off']),
      'routing-precedence': pickSetting('routing-precedence', ['first-match', 'most-specific'] as const, DEFAULT_SETTINGS['routing-precedence']),
      'routing-check': pickSetting('routing-check', ['warn', 'error', 'off'] as const, DEFAULT_SETTINGS['routing-check']),
      'days-worked-when-missing': pickSetting('days-worked-when-missing', ['calendar', 'reject'] as const, DEFAULT_SETTINGS['days-worked-when-missing']),
      'sanctions-outside-period': pickSetting('sanctions-outside-period', ['ignore', 'count'] as const, DEFAULT_SETTINGS['sanctions-outside-period']),
    },
    sheets: {},
  };
  const parameterDecimals = settingsIn['parameter-decimals'] ?? 2;
  if (typeof parameterDecimals !== 'number' || !Number.isInteger(parameterDecimals) || parameterDecimals < 0 || parameterDecimals > decimals) {
    err('settings.parameter-decimals', `setting parameter-decimals must be a whole number from 0 to ${decimals}`);
  }

  if (s.system === 'sheet-mean') {
    config.readings = sheetMeanReadings(s);
    const codes = settingsIn.categories;
    if (codes !== undefined && !(Array.isArray(codes) && codes.every((c) => typeof c === 'string'))) err('settings.categories', 'setting categories must be a list of codes');
    config.categories = Array.isArray(codes)
      ? { codes: codes as string[], source: String(settingsIn['categories-source'] ?? `the act ${opts.actId} (settings.categories)`) }
      : { ...CORPS_B_CATEGORIES };
    // Sanction kinds, from the caps.
    const kinds = [...new Set((s.caps ?? []).flatMap((c) => c.sanctions))];
    config.sanctions = kinds.map((k) => (SANCTION_LABELS[k] ? { kind: k, label: SANCTION_LABELS[k] } : { kind: k }));
    // Grade bands.
    if (!s.grades?.length) err('grades', 'a sheet-mean act needs grades');
    const gradeImpl = [...new Set((s.grades ?? []).flatMap((g) => g.implements ?? []))];
    const table: RangeTable = {
      title: 'grade bands',
      ...(gradeImpl.length ? { implements: gradeImpl } : {}),
      resolution,
      ...(s.scale ? { domain: { min: s.scale.min, max: s.scale.max } } : {}),
      rows: (s.grades ?? []).map((g) => ({
        min: g.min,
        max: g.max,
        band: g.grade,
        label: stripProvenance(g.wording),
        ...(g.implements ? { implements: g.implements } : {}),
      })),
      reading: 'A band "from a to b" holds the scores a <= score <= b, both ends included; scores carry settings.decimals places.',
    };
    config.tables = { grades: table };
    const gradeStep = (of: string): Step => ({ op: 'classify', id: 'grade', of, table: 'grades', ...(gradeImpl.length ? { implements: gradeImpl } : {}) });

    const finalCaps: CapRule[] = [];
    const paramCaps = new Map<string, Map<string, CapRule[]>>(); // sheet -> param -> caps
    const sheets = Object.entries(s.sheets ?? {});
    if (!sheets.length) err('sheets', 'a sheet-mean act needs sheets');
    for (const [ci, c] of (s.caps ?? []).entries()) {
      const rule: CapRule = { cap: c.cap, max: c.max, sanctions: c.sanctions, ...(c.implements ? { implements: c.implements } : {}) };
      if ((c.scope ?? 'final') === 'final') {
        finalCaps.push(rule);
        continue;
      }
      for (const [sid, sh] of sheets) {
        const ids = sh.parameters.map((p) => p.parameter);
        const target = (c.parameters ?? []).find((i) => ids.includes(i)) ?? (c.implements ?? []).find((i) => ids.includes(i));
        if (!target) {
          err(`caps[${ci}]`, `cap "${c.cap}" has scope parameter, but none of its parameters (${(c.parameters ?? []).join(', ') || 'none'}) or implements is a parameter of sheet "${sid}"`);
          continue;
        }
        const m = paramCaps.get(sid) ?? new Map<string, CapRule[]>();
        m.set(target, [...(m.get(target) ?? []), rule]);
        paramCaps.set(sid, m);
      }
    }
    const aggImpl = s.implements;
    for (const [sid, sh] of sheets) {
      const inputs: InputConfig[] = sh.parameters.map((p) => ({
        id: p.parameter,
        ...(labelsOf(p.name) ? { label: labelsOf(p.name) } : {}),
        ...(p.implements || s.scale?.implements ? { implements: [...(p.implements ?? []), ...(s.scale?.implements ?? [])] } : {}),
        type: 'number',
        ...(s.scale ? { min: s.scale.min, max: s.scale.max } : {}),
        decimals: typeof parameterDecimals === 'number' ? parameterDecimals : 2,
      }));
      const steps: Step[] = [];
      const pc = paramCaps.get(sid);
      const terms = sh.parameters.map((p) => {
        const list = pc?.get(p.parameter);
        if (!list) return p.parameter;
        const id = `${p.parameter}.capped`;
        steps.push({ op: 'cap', id, of: p.parameter, scope: 'parameter', caps: list, implements: [...new Set(list.flatMap((c) => c.implements ?? []))], readings: ['cap-scope'] });
        return id;
      });
      const fn = s.aggregate ?? 'mean';
      const aggImplements = sh.implements ?? aggImpl ?? [];
      steps.push({
        op: 'aggregate',
        id: fn,
        fn,
        of: terms,
        round: true,
        ...(aggImplements.length ? { implements: aggImplements } : {}),
        ...(fn === 'mean' ? { readings: ['rounding', 'fractional-scores'] } : {}),
      });
      let final: string = fn;
      if (finalCaps.length) {
        steps.push({
          op: 'cap',
          id: 'final',
          of: fn,
          scope: 'final',
          caps: finalCaps,
          implements: [...new Set(finalCaps.flatMap((c) => c.implements ?? []))],
          readings: ['cap-scope', 'sanctions-in-period'],
        });
        final = 'final';
      }
      steps.push(gradeStep(final));
      const sheet: SheetConfig = {
        appendix: sh.appendix,
        ...(sh.implements ? { implements: sh.implements } : {}),
        period: config.period,
        inputs,
        steps,
        final,
        grade: 'grade',
      };
      config.sheets[sid] = sheet;
    }
    if (s.annual) {
      config.annual = {
        ...(s.annual.implements ? { implements: s.annual.implements } : {}),
        steps: [
          { op: 'aggregate', id: 'final', fn: 'mean', of: ['quarters'], round: true, ...(s.annual.implements ? { implements: s.annual.implements } : {}), readings: ['annual-mean', 'rounding'] },
          gradeStep('final'),
        ],
        final: 'final',
        grade: 'grade',
      };
    }
  } else {
    const engine = settingsIn.engine;
    if (!engine || typeof engine !== 'object') {
      err('system', `system "${s.system}" is not compiled from fields; give its steps in settings.engine (sheets, tables, annual, ...)`);
    }
  }

  // Shared parts: eligibility, routing, deadlines, calibration.
  if (s.eligibility) {
    config.eligibility = {
      ...(s.eligibility.implements ? { implements: s.eligibility.implements } : {}),
      ...(s.eligibility['min-months-in-position'] ? { 'min-months-in-position': s.eligibility['min-months-in-position'] } : {}),
      ...(s.eligibility['min-working-days'] ? { 'min-working-days': s.eligibility['min-working-days'] } : {}),
    };
  }
  if (s.routing?.length) {
    config.routing = {
      rules: s.routing.map((r) => ({
        route: r.route,
        ...(r.categories ? { categories: r.categories } : {}),
        ...(r.managerial !== undefined ? { managerial: r.managerial } : {}),
        ...(r.otherwise ? { otherwise: true } : {}),
        sheet: r.sheet,
        evaluator: r.evaluator,
        ...(r.implements ? { implements: r.implements } : {}),
      })),
    };
  }
  const deadlines: DeadlineConfig[] = (s.deadlines ?? []).map((d) => {
    const out: DeadlineConfig = { deadline: d.deadline, ...(d.implements ? { implements: d.implements } : {}) };
    if (d['day-of-next-month'] !== undefined) out['day-of-next-month'] = d['day-of-next-month'];
    if (d['working-days'] !== undefined) out['working-days'] = d['working-days'];
    if (d.from !== undefined) out.from = d.from;
    if (d.month !== undefined) out.month = d.month;
    if (d.day !== undefined) out.day = d.day;
    return out;
  });
  if (s.annual?.deadline && !deadlines.some((d) => d.deadline === 'annual')) {
    deadlines.push({ deadline: 'annual', ...(s.annual.implements ? { implements: s.annual.implements } : {}), month: s.annual.deadline.month, day: s.annual.deadline.day, 'year-offset': 1 });
  }
  if (deadlines.length) config.deadlines = deadlines;
  const cal = settingsIn.calibration as CalibrationConfig | undefined;
  if (cal) config.calibration = cal;
  else if (deadlines.some((d) => d.deadline.startsWith('calibration'))) {
    config.calibration = {
      implements: ['calibration-membership', 'calibration-exclusions', 'calibration-members'],
      'min-members': 3,
      odd: true,
      'exclude-evaluated': true,
      'exclude-evaluator': true,
      'required-roles': ['evaluator', 'hr'],
      'allowed-roles': ['evaluator', 'hr'],
    };
  }
  // Other systems: their steps as given.
  const engine = settingsIn.engine as Partial<ScoringConfig> | undefined;
  if (engine && typeof engine === 'object') {
    for (const [k, v] of Object.entries(engine)) (config as unknown as Record<string, unknown>)[k] = v;
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  // Cite only the points the configuration names.
  if (opts.points) {
    const used = new Set<string>();
    collectImplements(config, used);
    const points = Object.fromEntries(Object.entries(opts.points).filter(([id]) => used.has(id)));
    if (Object.keys(points).length) config.points = points;
  }

  // Plain JSON data: no source positions (the loader's symbol keys), no undefined members.
  config = JSON.parse(JSON.stringify(config)) as ScoringConfig;
  const schema = validateConfigSchema(config);
  if (schema.length) return { diagnostics: [...diagnostics, ...schema] };
  try {
    const e = new Engine(config, { validateSchema: false });
    diagnostics.push(...e.diagnostics.filter((d) => d.severity !== 'error'));
  } catch (e) {
    if (e instanceof ConfigError) return { diagnostics: [...diagnostics, ...e.diagnostics] };
    throw e;
  }
  return { config, diagnostics };
}

function collectImplements(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const n of node) collectImplements(n, into);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'implements' && Array.isArray(v)) for (const i of v) if (typeof i === 'string') into.add(i);
      collectImplements(v, into);
    }
  }
}

function stripProvenance(t: { ru?: string; kk?: string } | undefined): { ru?: string; kk?: string } | undefined {
  if (!t) return undefined;
  const out: { ru?: string; kk?: string } = {};
  if (t.ru) out.ru = t.ru;
  if (t.kk) out.kk = t.kk;
  return Object.keys(out).length ? out : undefined;
}

function labelsOf(t: { ru?: string; kk?: string } | undefined): { ru?: string; kk?: string } | undefined {
  if (!t) return undefined;
  const out: { ru?: string; kk?: string } = {};
  if (t.ru) out.ru = t.ru.replace(/\s+/g, ' ').trim();
  if (t.kk) out.kk = t.kk.replace(/\s+/g, ' ').trim();
  return Object.keys(out).length ? out : undefined;
}

/** A compiler finding as one line: where in the scoring section, how serious, what, and its code. */
export function formatConfigDiagnostic(d: ConfigDiagnostic): string {
  return `scoring${d.path ? `.${d.path}` : ''}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** The text of output/<id>/scoring.json. */
export const configText = (config: ScoringConfig): string => `${JSON.stringify(config, null, 2)}\n`;

/** The scoring configuration of a resolved act's source, citing its points; undefined when it has no scoring section. */
export function compileActScoring(source: MethodologyFile, actId: string): CompileResult | undefined {
  return source.scoring ? compileScoring(source.scoring, { actId, points: pointLabels(source) }) : undefined;
}

/**
 * How to cite each id of a resolved act: chapters "ch. N", points "p. N" (numbered continuously
 * through the chapters), sub-points "p. N sp. M)", paragraphs "p. N part K", appendices "App. N".
 * A node's published `number` is kept and the following siblings continue from it.
 */
export function pointLabels(source: MethodologyFile): Record<string, string> {
  const out: Record<string, string> = {};
  const next = (explicit: string | undefined, counter: number): [string, number] => {
    if (explicit !== undefined) {
      const n = Number.parseInt(explicit, 10);
      return [explicit, Number.isFinite(n) ? n : counter + 1];
    }
    return [String(counter + 1), counter + 1];
  };
  let chapterN = 0;
  let pointN = 0;
  const parts = (pointLabel: string, list: Part[] | undefined) => {
    let sp = 0;
    let part = 1; // the point's own text is its first part
    for (const p of list ?? []) {
      if ('subpoint' in p) {
        const [label, n] = next(p.number, sp);
        sp = n;
        out[p.subpoint] = `${pointLabel} sp. ${label})`;
        parts(`${pointLabel} sp. ${label})`, p.parts);
      } else if ('paragraph' in p) {
        part += 1;
        out[p.paragraph] = `${pointLabel} part ${part}`;
      }
    }
  };
  for (const ch of (source.methodology?.chapters ?? []) as Chapter[]) {
    const [cl, cn] = next(ch.number, chapterN);
    chapterN = cn;
    out[ch.chapter] = `ch. ${cl}`;
    for (const pt of ch.points ?? []) {
      const [pl, pn] = next(pt.number, pointN);
      pointN = pn;
      out[pt.point] = `p. ${pl}`;
      parts(`p. ${pl}`, pt.parts);
    }
  }
  let appN = 0;
  for (const a of source.methodology?.appendices ?? []) {
    const [al, an] = next(a.number, appN);
    appN = an;
    out[a.appendix] = `App. ${al}`;
    const para = (p: unknown, label: string) => {
      const id = (p as { paragraph?: unknown }).paragraph;
      if (typeof id === 'string') out[id] = label;
    };
    for (const p of a.form?.preamble ?? []) para(p, `App. ${al}`);
    for (const p of a.form?.notes ?? []) para(p, `App. ${al}, note`);
    for (const p of a.form?.result?.parts ?? []) para(p, `App. ${al}, result`);
  }
  // Sheet parameters: "App. N row K".
  for (const [, sh] of Object.entries(source.scoring?.sheets ?? {})) {
    const app = out[sh.appendix];
    sh.parameters.forEach((p, i) => {
      if (app && !out[p.parameter]) out[p.parameter] = `${app} row ${i + 1}`;
    });
  }
  return out;
}
