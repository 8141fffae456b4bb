// The step interpreter. A sheet (or the annual formula) is compiled once per arithmetic backend
// into an array of closures over a register file; running a record is running the closures in
// order. With the trace off no step allocates anything beyond its result.

import type { Arith } from './arith.js';
import type {
  InputConfig,
  Labels,
  Num,
  Reading,
  Settings,
  Step,
  SurveyStep,
} from './config.js';
import { type CompiledTable, describeGap, findRow, numText, type ConfigDiagnostic } from './tables.js';
import type { TraceEntry } from './trace.js';

export type ValType = 'number' | 'list' | 'range' | 'ranges' | 'band' | 'ratings';

export interface Rating {
  respondent: string;
  role: string;
  scores: Record<string, unknown>;
}

export type Stop =
  | { kind: 'gap'; step: string; message: string; implements?: string[] }
  | { kind: 'reject'; step: string; field: string; message: string };

const NO_SANCTIONS: readonly string[] = [];

/**
 * What a program's steps read and write while it runs: one per program, reset for each run
 * (scoring is synchronous, and results keep no reference to it), so a run allocates nothing here.
 */
export class Env {
  /** Registers by number: inputs, then each step's value. */
  readonly regs: unknown[];
  /** Sanction kinds counted in the period. */
  sanctions: readonly string[] = NO_SANCTIONS;
  category: string | undefined = undefined;
  trace: TraceEntry[] | null = null;
  cap: string | undefined = undefined;
  capLowered = false;
  stop: Stop | undefined = undefined;
  /** Extra outputs of steps (survey details). */
  extra: Record<string, unknown> | undefined = undefined;

  constructor(nregs: number) {
    this.regs = new Array(nregs).fill(undefined);
  }

  /** Clears the registers and what the last run left. */
  reset(sanctions: readonly string[], category: string | undefined, trace: TraceEntry[] | null): this {
    const regs = this.regs;
    for (let i = 0; i < regs.length; i++) regs[i] = undefined;
    this.sanctions = sanctions;
    this.category = category;
    this.trace = trace;
    this.cap = undefined;
    this.capLowered = false;
    this.stop = undefined;
    this.extra = undefined;
    return this;
  }
}

export interface ProgramDef {
  id: string;
  inputs: InputConfig[];
  steps: Step[];
  final: string;
  grade?: string;
  details?: string[];
}

export interface Program<V> {
  id: string;
  nregs: number;
  inputs: Array<{ spec: InputConfig; reg: number }>;
  execs: Array<(env: Env) => void>;
  finalReg: number;
  finalType: ValType;
  gradeReg?: number;
  details: Array<{ name: string; reg: number; type: ValType }>;
  /** Labels of bands by table row, for results. */
  bandLabels: Map<string, Labels | undefined>;
  /** The registers and state of a run, reused from record to record. */
  env: Env;
}

export interface BuildContext<V> {
  A: Arith<V>;
  settings: Settings;
  tables: Map<string, CompiledTable<V>>;
  constants: Map<string, V>;
  points: Record<string, string>;
  readings: Map<string, Reading>;
  diagnostics: ConfigDiagnostic[];
}

export class ProgramError extends Error {}

type Getter<V> = (regs: unknown[]) => V;

export function buildProgram<V>(ctx: BuildContext<V>, def: ProgramDef, path: string): Program<V> {
  const { A, settings } = ctx;
  const names = new Map<string, { reg: number; type: ValType }>();
  let nregs = 0;
  const fail = (p: string, message: string): never => {
    ctx.diagnostics.push({ severity: 'error', path: p, code: 'step', message });
    throw new ProgramError(message);
  };
  const define = (name: string, type: ValType, p: string) => {
    if (names.has(name)) fail(p, `"${name}" is defined twice in ${def.id}`);
    const reg = nregs++;
    names.set(name, { reg, type });
    return reg;
  };
  const inputs = def.inputs.map((spec, i) => {
    const type: ValType = spec.type === 'list' ? 'list' : spec.type === 'ratings' ? 'ratings' : 'number';
    return { spec, reg: define(spec.id, type, `${path}.inputs[${i}]`) };
  });
  const ref = (name: string, p: string): { get: Getter<V>; type: ValType; reg?: number } => {
    if (name.startsWith('$')) {
      const c = ctx.constants.get(name.slice(1));
      if (c === undefined) fail(p, `unknown constant "${name}"`);
      return { get: () => c as V, type: 'number' };
    }
    const n = names.get(name);
    if (!n) return fail(p, `"${name}" is not defined before it is used in ${def.id}`);
    const reg = n.reg;
    return { get: (regs) => regs[reg] as V, type: n.type, reg };
  };
  const num = (n: Num, p: string): V => {
    if (typeof n === 'string' && n.startsWith('$')) {
      const c = ctx.constants.get(n.slice(1));
      if (c === undefined) return fail(p, `unknown constant "${n}"`);
      return c;
    }
    const v = A.parse(numText(n));
    if (v === undefined) return fail(p, `"${n}" is not a number`);
    return v;
  };
  const cites = (ids?: string[]) => {
    const out = ids ? [...new Set(ids.map((i) => ctx.points[i]).filter((x): x is string => !!x))] : [];
    return out.length ? out : undefined;
  };
  const dec = settings.decimals;
  /** A number for the trace: with the score's decimals when it has no more, else exactly. */
  const disp = (v: V): string => (A.decimalsOf(v) <= dec ? A.fixed(v, dec) : A.show(v));
  const show = (v: unknown, type: ValType): unknown => {
    switch (type) {
      case 'number':
        return disp(v as V);
      case 'list':
        return (v as V[]).map((x) => disp(x));
      case 'range': {
        const r = v as { min: V; max: V };
        return `${disp(r.min)}–${disp(r.max)}`;
      }
      case 'ranges':
        return (v as Array<{ min: V; max: V }>).map((r) => `${disp(r.min)}–${disp(r.max)}`);
      case 'band':
        return v;
      case 'ratings':
        return `${(v as Rating[]).length} respondents`;
    }
  };
  const mode = settings.rounding;
  const roundingNote = `rounded ${mode} to ${dec} decimals (setting rounding)`;
  const readingsOf = (ids: string[] | undefined, extra: string[] = []) => {
    const all = [...new Set([...(ids ?? []), ...extra])];
    const out = all.map((id) => ctx.readings.get(id)).filter((r): r is Reading => !!r).map((r) => ({ id: r.id, text: r.text }));
    return out.length ? out : undefined;
  };
  const bandLabels = new Map<string, Labels | undefined>();
  const execs: Array<(env: Env) => void> = [];

  def.steps.forEach((step, si) => {
    const p = `${path}.steps[${si}]`;
    const c0 = cites(step.implements);
    const base: TraceEntry = { step: step.id, op: step.op, ...(step.implements ? { implements: step.implements } : {}), ...(c0 ? { cites: c0 } : {}) };
    const shown = (v: V, rounded: boolean) => (rounded ? A.fixed(v, dec) : disp(v));
    switch (step.op) {
      case 'aggregate': {
        const ops = step.of.map((n, k) => ref(n, `${p}.of[${k}]`));
        for (const [k, o] of ops.entries()) if (o.type !== 'number' && o.type !== 'list') fail(`${p}.of[${k}]`, `aggregate: "${step.of[k]}" is a ${o.type}`);
        const round = step.round ?? step.fn === 'mean';
        const out = define(step.id, 'number', p);
        const gets = ops.map((o) => o.get);
        const lists = ops.map((o) => o.type === 'list');
        const anyList = lists.some((x) => x);
        const fn = step.fn;
        const rd = readingsOf(step.readings, round ? ['rounding'] : []);
        const regIdx = ops.map((o) => o.reg);
        if (!anyList && (fn === 'mean' || fn === 'sum') && regIdx.every((r) => r !== undefined)) {
          // The common case (a sheet's parameters): scalars in registers, no list, no constant.
          const idx = regIdx as number[];
          const n = idx.length;
          execs.push((env) => {
            const regs = env.regs;
            let acc = regs[idx[0]] as V;
            for (let k = 1; k < n; k++) acc = A.add(acc, regs[idx[k]] as V);
            if (!env.trace) {
              // Fused and exact: round(sum / n) without forming sum / n.
              regs[out] = fn === 'mean' ? (round ? A.divRound(acc, n, dec, mode) : A.divInt(acc, n)) : round ? A.round(acc, dec, mode) : acc;
              return;
            }
            const exact = fn === 'mean' ? A.divInt(acc, n) : acc;
            const r = round ? A.round(exact, dec, mode) : exact;
            regs[out] = r;
            if (env.trace) {
              env.trace.push({
                ...base,
                in: Object.fromEntries(step.of.map((nm, k) => [nm, show(regs[idx[k]], 'number')])),
                out: shown(r, round),
                note: `${fn}${fn === 'mean' ? ` of ${n} values = ${A.show(exact)}` : ''}` + (round ? `; ${roundingNote}` : '') + (step.note ? `; ${step.note}` : ''),
                readings: rd,
              });
            }
          });
          break;
        }
        execs.push((env) => {
          const regs = env.regs;
          let acc: V | undefined;
          let count = 0;
          for (let k = 0; k < gets.length; k++) {
            const v = gets[k](regs);
            if (anyList && lists[k]) {
              const xs = v as unknown as V[];
              for (let j = 0; j < xs.length; j++) {
                acc = acc === undefined ? xs[j] : fn === 'min' ? (A.cmp(xs[j], acc) < 0 ? xs[j] : acc) : fn === 'max' ? (A.cmp(xs[j], acc) > 0 ? xs[j] : acc) : A.add(acc, xs[j]);
                count++;
              }
            } else {
              acc = acc === undefined ? v : fn === 'min' ? (A.cmp(v, acc) < 0 ? v : acc) : fn === 'max' ? (A.cmp(v, acc) > 0 ? v : acc) : A.add(acc, v);
              count++;
            }
          }
          let r: V;
          if (fn === 'count') r = A.fromScaled(count, 0);
          else if (acc === undefined) {
            if (fn === 'sum') r = A.fromScaled(0, 0);
            else {
              env.stop = { kind: 'reject', step: step.id, field: step.of.join(','), message: `${step.id}: nothing to ${fn === 'mean' ? 'average' : 'compare'} (no values)` };
              return;
            }
          } else if (fn === 'mean' && round && !env.trace) {
            regs[out] = A.divRound(acc, count, dec, mode);
            return;
          } else r = fn === 'mean' ? A.divInt(acc, count) : acc;
          const exact = r;
          if (round) r = A.round(r, dec, mode);
          regs[out] = r;
          if (env.trace) {
            env.trace.push({
              ...base,
              in: Object.fromEntries(step.of.map((n, k) => [n, show(gets[k](regs), ops[k].type)])),
              out: shown(r, round),
              note:
                `${fn}${fn === 'mean' ? ` of ${count} values = ${A.show(exact)}` : ''}` +
                (round ? `; ${roundingNote}` : '') +
                (step.note ? `; ${step.note}` : ''),
              readings: rd,
            });
          }
        });
        break;
      }
      case 'weighted': {
        const ops = step.terms.map((t, k) => ref(t.of, `${p}.terms[${k}].of`));
        for (const [k, o] of ops.entries()) if (o.type !== 'number') fail(`${p}.terms[${k}]`, `weighted: "${step.terms[k].of}" is a ${o.type}`);
        const ws = step.terms.map((t, k) => num(t.weight, `${p}.terms[${k}].weight`));
        const wsum = ws.reduce((a, b) => A.add(a, b));
        if (step.normalize && A.sign(wsum) === 0) fail(p, 'weighted: the weights sum to zero');
        const round = step.round ?? true;
        const out = define(step.id, 'number', p);
        const rd = readingsOf(step.readings, round ? ['rounding'] : []);
        execs.push((env) => {
          const regs = env.regs;
          let acc = A.mul(ops[0].get(regs), ws[0]);
          for (let k = 1; k < ops.length; k++) acc = A.add(acc, A.mul(ops[k].get(regs), ws[k]));
          if (step.normalize) acc = A.div(acc, wsum);
          const exact = acc;
          if (round) acc = A.round(acc, dec, mode);
          regs[out] = acc;
          if (env.trace) {
            env.trace.push({
              ...base,
              in: Object.fromEntries(step.terms.map((t, k) => [t.of, `${A.show(ops[k].get(regs))} × ${A.show(ws[k])}`])),
              out: shown(acc, round),
              note: `Σ weight × value${step.normalize ? ' / Σ weights' : ''} = ${A.show(exact)}${round ? `; ${roundingNote}` : ''}${step.note ? `; ${step.note}` : ''}`,
              readings: rd,
            });
          }
        });
        break;
      }
      case 'linear': {
        const ops = step.terms.map((t, k) => ref(t.of, `${p}.terms[${k}].of`));
        const coefs = step.terms.map((t, k) => num(t.coef, `${p}.terms[${k}].coef`));
        const uses = step.terms.map((t, k) => {
          const use = t.use ?? (ops[k].type === 'list' ? 'sum' : 'value');
          if (ops[k].type === 'list' && use === 'value') fail(`${p}.terms[${k}]`, `linear: "${t.of}" is a list; use sum or count`);
          if (ops[k].type !== 'list' && ops[k].type !== 'number') fail(`${p}.terms[${k}]`, `linear: "${t.of}" is a ${ops[k].type}`);
          return use;
        });
        const constant = step.constant === undefined ? A.fromScaled(0, 0) : num(step.constant, `${p}.constant`);
        const round = step.round ?? false;
        const out = define(step.id, 'number', p);
        const rd = readingsOf(step.readings, round ? ['rounding'] : []);
        execs.push((env) => {
          const regs = env.regs;
          let acc = constant;
          const terms: Record<string, unknown> = {};
          for (let k = 0; k < ops.length; k++) {
            const v = ops[k].get(regs);
            let x: V;
            if (uses[k] === 'value') x = v;
            else {
              const xs = (ops[k].type === 'list' ? v : [v]) as unknown as V[];
              if (uses[k] === 'count') x = A.fromScaled(xs.length, 0);
              else {
                x = A.fromScaled(0, 0);
                for (let j = 0; j < xs.length; j++) x = A.add(x, xs[j]);
              }
            }
            acc = A.add(acc, A.mul(coefs[k], x));
            if (env.trace) terms[step.terms[k].of] = `${A.show(coefs[k])} × ${uses[k] === 'value' ? '' : `${uses[k]} `}${A.show(x)}`;
          }
          if (round) acc = A.round(acc, dec, mode);
          regs[out] = acc;
          if (env.trace) {
            env.trace.push({
              ...base,
              in: { constant: A.show(constant), ...terms },
              out: shown(acc, round),
              note: `constant + Σ coefficient × term${round ? `; ${roundingNote}` : ''}${step.note ? `; ${step.note}` : ''}`,
              readings: rd,
            });
          }
        });
        break;
      }
      case 'lookup': {
        const o = ref(step.of, `${p}.of`);
        const t = ctx.tables.get(step.table) ?? fail(`${p}.table`, `unknown table "${step.table}"`);
        if (o.type !== 'number' && o.type !== 'list') fail(`${p}.of`, `lookup: "${step.of}" is a ${o.type}`);
        if (t.yields === 'band') fail(`${p}.table`, `lookup: table "${step.table}" yields bands; use classify`);
        const isList = o.type === 'list';
        const outType: ValType = t.yields === 'range' ? (isList ? 'ranges' : 'range') : isList ? 'list' : 'number';
        const out = define(step.id, outType, p);
        execs.push((env) => {
          const regs = env.regs;
          const v = o.get(regs);
          const xs = (isList ? v : [v]) as unknown as V[];
          const res: unknown[] = [];
          const rowsShown: string[] = [];
          for (const x of xs) {
            const row = findRow(A, t, x);
            if (!row) {
              env.stop = { kind: 'gap', step: step.id, message: describeGap(A, t, x), implements: step.implements };
              if (env.trace) env.trace.push({ ...base, in: { [step.of]: show(v, o.type) }, out: 'gap', note: env.stop.message });
              return;
            }
            res.push(t.yields === 'range' ? row.range : row.value);
            if (env.trace) rowsShown.push(row.row.printed ?? '');
          }
          regs[out] = isList ? res : res[0];
          if (env.trace) {
            env.trace.push({
              ...base,
              in: { [step.of]: show(v, o.type) },
              out: show(regs[out], outType),
              note: `table "${step.table}"${t.def.title ? ` (${t.def.title})` : ''}; rows ${rowsShown.map((r) => `"${r}"`).join(', ')}${step.note ? `; ${step.note}` : ''}`,
              readings: readingsOf(step.readings),
            });
          }
        });
        break;
      }
      case 'check': {
        const o = ref(step.of, `${p}.of`);
        const lim = step.max !== undefined ? ref(step.max, `${p}.max`) : step.within !== undefined ? ref(step.within, `${p}.within`) : fail(p, 'check: give max or within');
        const isList = o.type === 'list';
        if (o.type !== 'number' && o.type !== 'list') fail(`${p}.of`, `check: "${step.of}" is a ${o.type}`);
        const want = step.max !== undefined ? (isList ? 'list' : 'number') : isList ? 'ranges' : 'range';
        if (lim.type !== want) fail(p, `check: "${step.max ?? step.within}" is a ${lim.type}, expected a ${want} to match "${step.of}"`);
        const clamp = step['on-violation'] === 'clamp';
        const out = define(step.id, o.type, p);
        execs.push((env) => {
          const regs = env.regs;
          const v = o.get(regs);
          const l = lim.get(regs);
          const xs = (isList ? v : [v]) as unknown as V[];
          const ls = (isList ? l : [l]) as unknown as Array<V | { min: V; max: V }>;
          if (xs.length !== ls.length) {
            env.stop = { kind: 'reject', step: step.id, field: step.of, message: `${step.of}: ${xs.length} values for ${ls.length} limits` };
            return;
          }
          const res: V[] = [];
          const notes: string[] = [];
          for (let k = 0; k < xs.length; k++) {
            const x = xs[k];
            let lo: V | undefined;
            let hi: V;
            if (step.max !== undefined) hi = ls[k] as V;
            else {
              const r = ls[k] as { min: V; max: V };
              lo = r.min;
              hi = r.max;
            }
            const tooHigh = A.cmp(x, hi) > 0;
            const tooLow = lo !== undefined && A.cmp(x, lo) < 0;
            if (tooHigh || tooLow) {
              const lim = lo !== undefined ? `the admissible range ${A.show(lo)}–${A.show(hi)}` : `the maximum ${A.show(hi)}`;
              const at = isList ? ` (item ${k + 1})` : '';
              if (!clamp) {
                const cited = cites(step.implements);
                env.stop = {
                  kind: 'reject',
                  step: step.id,
                  field: step.of,
                  message: `${step.of}${at}: ${A.show(x)} is outside ${lim}${cited?.length ? ` (${cited.join(', ')})` : ''}`,
                };
                if (env.trace) env.trace.push({ ...base, in: { [step.of]: show(v, o.type) }, out: 'rejected', note: env.stop.message });
                return;
              }
              res.push(tooHigh ? hi : (lo as V));
              notes.push(`${A.show(x)} brought to ${tooHigh ? A.show(hi) : A.show(lo as V)}${at}`);
            } else res.push(x);
          }
          regs[out] = isList ? res : res[0];
          if (env.trace) {
            env.trace.push({
              ...base,
              in: { [step.of]: show(v, o.type), [step.max ?? step.within!]: show(l, lim.type) },
              out: show(regs[out], o.type),
              note: notes.length ? `clamped: ${notes.join('; ')}` : `within limits${step.note ? `; ${step.note}` : ''}`,
              readings: readingsOf(step.readings),
            });
          }
        });
        break;
      }
      case 'cap': {
        const o = ref(step.of, `${p}.of`);
        if (o.type !== 'number') fail(`${p}.of`, `cap: "${step.of}" is a ${o.type}`);
        const caps = step.caps.map((c, k) => ({ id: c.cap, max: num(c.max, `${p}.caps[${k}].max`), kinds: c.sanctions, implements: c.implements }));
        const out = define(step.id, 'number', p);
        const scope = step.scope ?? 'final';
        execs.push((env) => {
          const regs = env.regs;
          const v = o.get(regs);
          let best: (typeof caps)[number] | undefined;
          const s = env.sanctions;
          if (s.length) {
            for (let k = 0; k < caps.length; k++) {
              const c = caps[k];
              let hit = false;
              for (let j = 0; j < s.length; j++) if (c.kinds.includes(s[j])) hit = true;
              if (hit && (!best || A.cmp(c.max, best.max) < 0)) best = c;
            }
          }
          let r = v;
          if (best) {
            env.cap = best.id;
            if (A.cmp(v, best.max) > 0) {
              r = best.max;
              env.capLowered = true;
            }
          }
          regs[out] = r;
          if (env.trace) {
            env.trace.push({
              ...base,
              implements: best?.implements ?? step.implements,
              cites: cites(best?.implements ?? step.implements),
              in: { [step.of]: disp(v), sanctions: [...s] },
              out: disp(r),
              note: best
                ? `cap "${best.id}" (max ${disp(best.max)}, scope ${scope}) applies: ${A.cmp(v, best.max) > 0 ? `${disp(v)} lowered to ${disp(best.max)}` : `${disp(v)} is already within it`}`
                : `no sanction in the period: no cap (scope ${scope})`,
              readings: readingsOf(step.readings),
            });
          }
        });
        break;
      }
      case 'classify': {
        const o = ref(step.of, `${p}.of`);
        const t = ctx.tables.get(step.table) ?? fail(`${p}.table`, `unknown table "${step.table}"`);
        if (o.type !== 'number') fail(`${p}.of`, `classify: "${step.of}" is a ${o.type}`);
        if (t.yields !== 'band') fail(`${p}.table`, `classify: table "${step.table}" has rows without a band`);
        for (const r of t.rows) bandLabels.set(r.band!, r.row.label);
        const out = define(step.id, 'band', p);
        execs.push((env) => {
          const regs = env.regs;
          const v = o.get(regs);
          const row = findRow(A, t, v);
          if (!row) {
            env.stop = { kind: 'gap', step: step.id, message: describeGap(A, t, v), implements: step.implements };
            if (env.trace) env.trace.push({ ...base, in: { [step.of]: disp(v) }, out: 'gap', note: env.stop.message, readings: readingsOf(step.readings) });
            return;
          }
          regs[out] = row.band;
          if (env.trace) {
            env.trace.push({
              ...base,
              implements: row.row.implements ?? step.implements,
              cites: cites(row.row.implements ?? step.implements),
              in: { [step.of]: disp(v) },
              out: row.band,
              note: `table "${step.table}": row ${row.row.printed ? `"${row.row.printed}"` : `${row.lo ? A.show(row.lo) : '…'}–${row.hi ? A.show(row.hi) : '…'}`}${step.note ? `; ${step.note}` : ''}`,
              readings: readingsOf(step.readings),
            });
          }
        });
        break;
      }
      case 'convert': {
        const o = ref(step.of, `${p}.of`);
        if (o.type !== 'band') fail(`${p}.of`, `convert: "${step.of}" is a ${o.type}, expected a band`);
        const map = new Map(Object.entries(step.map).map(([k, v]) => [k, num(v, `${p}.map.${k}`)]));
        const out = define(step.id, 'number', p);
        execs.push((env) => {
          const regs = env.regs;
          const band = regs[o.reg!] as string;
          const v = map.get(band);
          if (v === undefined) {
            env.stop = { kind: 'gap', step: step.id, message: `convert: band "${band}" has no value in ${step.id}`, implements: step.implements };
            return;
          }
          regs[out] = v;
          if (env.trace) {
            env.trace.push({ ...base, in: { [step.of]: band }, out: disp(v), note: step.note, readings: readingsOf(step.readings) });
          }
        });
        break;
      }
      case 'survey': {
        execs.push(buildSurvey(ctx, step, ref(step.of, `${p}.of`), define(step.id, 'number', p), base, p, fail, readingsOf(step.readings)));
        break;
      }
      default:
        fail(p, `unknown op "${(step as { op: string }).op}"`);
    }
  });
  const fin = names.get(def.final) ?? fail(`${path}.final`, `final "${def.final}" is not defined in ${def.id}`);
  if (fin.type !== 'number') fail(`${path}.final`, `final "${def.final}" is a ${fin.type}, not a number`);
  let gradeReg: number | undefined;
  if (def.grade !== undefined) {
    const g = names.get(def.grade) ?? fail(`${path}.grade`, `grade "${def.grade}" is not defined in ${def.id}`);
    if (g.type !== 'band') fail(`${path}.grade`, `grade "${def.grade}" is not a classify step`);
    gradeReg = g.reg;
  }
  const details = (def.details ?? []).map((n, k) => {
    const d = names.get(n) ?? fail(`${path}.details[${k}]`, `"${n}" is not defined in ${def.id}`);
    return { name: n, reg: d.reg, type: d.type };
  });
  return { id: def.id, nregs, inputs, execs, finalReg: fin.reg, finalType: fin.type, gradeReg, details, bandLabels, env: new Env(nregs) };
}

function buildSurvey<V>(
  ctx: BuildContext<V>,
  step: SurveyStep,
  o: { get: Getter<V>; type: ValType },
  out: number,
  base: Omit<TraceEntry, 'in' | 'out' | 'note'>,
  p: string,
  fail: (p: string, m: string) => never,
  readings: TraceEntry['readings'],
): (env: Env) => void {
  const { A } = ctx;
  if (o.type !== 'ratings') fail(`${p}.of`, `survey: "${step.of}" is not a ratings input`);
  const exclude = new Set(step.exclude ?? []);
  const smin = A.parse(numText(step.scale?.min ?? 0))!;
  const smax = A.parse(numText(step.scale?.max ?? 1))!;
  const percent = step.percent ?? true;
  const round = step.round ?? true;
  const hundred = A.fromScaled(100, 0);
  const span = A.sub(smax, smin);
  if (A.sign(span) <= 0) fail(`${p}.scale`, 'survey: empty scale');
  return (env) => {
    const ratings = o.get(env.regs) as unknown as Rating[];
    const list = step.items.find((it) => it.otherwise || (env.category !== undefined && it.categories?.includes(env.category)));
    if (!list) {
      env.stop = { kind: 'reject', step: step.id, field: 'category', message: `survey: no competency list for category ${env.category ?? '(none)'}` };
      return;
    }
    const counted = ratings.filter((r) => !exclude.has(r.role));
    const excluded = ratings.length - counted.length;
    if (counted.length < step.respondents.min || counted.length > step.respondents.max) {
      env.stop = {
        kind: 'reject',
        step: step.id,
        field: step.of,
        message: `${step.of}: ${counted.length} respondents counted (${excluded} excluded: ${[...exclude].join(', ')}); the act requires ${step.respondents.min} to ${step.respondents.max}`,
      };
      return;
    }
    const perItem: Record<string, string> = {};
    let total: V | undefined;
    let lowest: { item: string; v: V }[] = [];
    for (const item of list.list) {
      let acc: V | undefined;
      for (const r of counted) {
        const raw = r.scores[item];
        const v = typeof raw === 'number' || typeof raw === 'string' ? A.parse(String(raw)) : undefined;
        if (v === undefined || A.cmp(v, smin) < 0 || A.cmp(v, smax) > 0) {
          env.stop = {
            kind: 'reject',
            step: step.id,
            field: step.of,
            message: `${step.of}: respondent ${r.respondent}: "${item}" must be a number from ${A.show(smin)} to ${A.show(smax)}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`,
          };
          return;
        }
        acc = acc === undefined ? v : A.add(acc, v);
      }
      let mean = A.divInt(acc!, counted.length);
      if (percent) mean = A.div(A.mul(A.sub(mean, smin), hundred), span);
      const shown = round ? A.round(mean, ctx.settings.decimals, ctx.settings.rounding) : mean;
      perItem[item] = A.show(shown);
      total = total === undefined ? mean : A.add(total, mean);
      if (!lowest.length || A.cmp(mean, lowest[0].v) < 0) lowest = [{ item, v: mean }];
      else if (A.cmp(mean, lowest[0].v) === 0) lowest.push({ item, v: mean });
    }
    // Items a respondent answered that are not on the list for this category.
    for (const r of counted) {
      for (const k of Object.keys(r.scores)) {
        if (!list.list.includes(k)) {
          env.stop = { kind: 'reject', step: step.id, field: step.of, message: `${step.of}: respondent ${r.respondent}: "${k}" is not a competency assessed for category ${env.category ?? '(none)'}` };
          return;
        }
      }
    }
    let res = A.divInt(total!, list.list.length);
    if (round) res = A.round(res, ctx.settings.decimals, ctx.settings.rounding);
    env.regs[out] = res;
    env.extra = { ...(env.extra ?? {}), [step.id]: { items: perItem, lowest: lowest.map((l) => l.item), respondents: counted.length, 'not-counted': excluded } };
    if (env.trace) {
      env.trace.push({
        ...base,
        implements: [...(step.implements ?? []), ...(list.implements ?? [])],
        in: { respondents: counted.map((r) => `${r.respondent} (${r.role})`), 'not counted': ratings.filter((r) => exclude.has(r.role)).map((r) => `${r.respondent} (${r.role})`) },
        out: A.show(res),
        note: `${percent ? 'share of the scale maximum, in %' : 'mean'} over ${list.list.length} competencies; per competency: ${Object.entries(perItem).map(([k, v]) => `${k} ${v}`).join(', ')}; lowest: ${lowest.map((l) => l.item).join(', ')}`,
        readings,
      });
    }
  };
}
