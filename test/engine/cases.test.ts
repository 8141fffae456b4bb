// Runs the OpenFisca-style cases of test/cases/<system>/*.yaml: input record(s) -> expected result.
// Every case runs twice, on the fast rational backend and on decimal.js, and both must agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ScoringConfig } from '../../src/engine/config.js';
import { Engine } from '../../src/engine/engine.js';
import type { AnnualResult, EvaluationRecord, ScoreOutcome } from '../../src/engine/types.js';
import { compileScoring } from '../../src/scoring/compile.js';
import type { Scoring } from '../../src/model/source.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CASES = join(ROOT, 'test', 'cases');
const MINIMUM: Record<string, number> = { 'typical-b-2025': 40, 'corps-a-2025': 15, 'sjc-2017': 15, 'oblast-2023': 15 };

interface Case {
  name: string;
  cites: string[];
  settings?: Record<string, unknown>;
  constants?: Record<string, string>;
  compile?: { settings?: Record<string, unknown>; 'cap-scope'?: 'final' | 'parameter' };
  input?: Record<string, unknown>;
  annual?: Array<Record<string, unknown>>;
  expected: Record<string, unknown>;
}
interface CaseFile {
  config: string;
  defaults?: Record<string, unknown>;
  cases: Case[];
}

function loadConfig(id: string): ScoringConfig {
  return JSON.parse(readFileSync(join(ROOT, 'configs', `${id}.scoring.json`), 'utf8'));
}

function typicalScoring(): Scoring {
  const act = parse(readFileSync(join(ROOT, 'methodologies', 'typical-b-2025.yaml'), 'utf8'));
  return act.scoring as Scoring;
}

/**
 * The configuration compiled from the system's act file (methodologies/<id>.yaml), when there is
 * one: a full act's scoring section is the same before and after resolution, so it is read as is.
 */
const fromActs = new Map<string, ScoringConfig | null>();
function compiledFromAct(id: string): ScoringConfig | null {
  if (!fromActs.has(id)) {
    const path = join(ROOT, 'methodologies', `${id}.yaml`);
    let config: ScoringConfig | null = null;
    if (existsSync(path)) {
      const act = parse(readFileSync(path, 'utf8'));
      if (!act.base && act.scoring) {
        const r = compileScoring(act.scoring as Scoring, { actId: id });
        expect(r.diagnostics.filter((d) => d.severity === 'error'), `${id}.yaml`).toEqual([]);
        config = r.config ?? null;
      }
    }
    fromActs.set(id, config);
  }
  return fromActs.get(id)!;
}

function patch(config: ScoringConfig, c: Case): ScoringConfig {
  const out = structuredClone(config);
  if (c.settings) out.settings = { ...out.settings, ...c.settings } as ScoringConfig['settings'];
  if (c.constants) for (const [k, v] of Object.entries(c.constants)) out.constants![k] = { ...out.constants![k], value: v };
  return out;
}

function configFor(file: CaseFile, c: Case): ScoringConfig {
  let config: ScoringConfig;
  if (c.compile) {
    const s = structuredClone(typicalScoring());
    if (c.compile.settings) s.settings = { ...(s.settings ?? {}), ...c.compile.settings };
    if (c.compile['cap-scope']) for (const cap of s.caps ?? []) cap.scope = c.compile['cap-scope'];
    const r = compileScoring(s, { actId: file.config });
    expect(r.diagnostics.filter((d) => d.severity === 'error'), c.name).toEqual([]);
    config = r.config!;
  } else config = structuredClone(loadConfig(file.config));
  if (c.settings) config.settings = { ...config.settings, ...c.settings } as ScoringConfig['settings'];
  if (c.constants) for (const [k, v] of Object.entries(c.constants)) config.constants![k] = { ...config.constants![k], value: v };
  return config;
}

/** A list of scores is given in the order of the record's sheet's inputs. */
function expandScores(engine: Engine, rec: Record<string, unknown>): EvaluationRecord {
  const out = { ...rec } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (v === null) delete out[k];
  if (Array.isArray(out.scores)) {
    let sheet = out.sheet as string | undefined;
    if (!sheet) {
      const r = engine.route({ category: out.category as string | undefined, managerial: out.managerial as boolean | undefined, position: out.position as string | undefined });
      sheet = r.ok ? r.sheet : undefined;
    }
    const ids = sheet && engine.config.sheets[sheet] ? engine.config.sheets[sheet].inputs.map((i) => i.id) : [];
    out.scores = Object.fromEntries((out.scores as unknown[]).map((v, i) => [ids[i] ?? `input-${i + 1}`, v]));
  }
  return out as unknown as EvaluationRecord;
}

function partial(actual: unknown, expected: unknown, path: string): void {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    expect(actual, path).toBeTypeOf('object');
    for (const [k, v] of Object.entries(expected)) partial((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
}

function checkScore(out: ScoreOutcome, exp: Record<string, unknown>, name: string): void {
  if (exp.status === 'rejected') {
    expect(out.ok, `${name}: expected a rejection, got ${JSON.stringify(out)}`).toBe(false);
    if (out.ok) return;
    const messages = out.rejection.errors.map((e) => e.message).join('\n');
    for (const e of (exp.errors as string[]) ?? []) expect(messages, name).toContain(e);
    return;
  }
  expect(out.ok, `${name}: ${JSON.stringify(out.ok ? '' : out.rejection.errors)}`).toBe(true);
  if (!out.ok) return;
  const r = out.result;
  for (const [k, v] of Object.entries(exp)) {
    switch (k) {
      case 'reason':
        expect(r.reason, name).toContain(v as string);
        break;
      case 'reason-code':
        expect(r.reasonCode, name).toBe(v);
        break;
      case 'cap-lowered':
        expect(r.capLowered, name).toBe(v);
        break;
      case 'warnings':
        for (const w of v as string[]) expect((r.warnings ?? []).join('\n'), name).toContain(w);
        break;
      case 'details':
        partial(r.details, v, `${name}: details`);
        break;
      default:
        expect((r as unknown as Record<string, unknown>)[k] ?? null, `${name}: ${k}`).toEqual(v);
    }
  }
}

function checkAnnual(results: AnnualResult[], person: string, exp: Record<string, unknown>, name: string): void {
  const r = results.find((a) => a.person === person);
  expect(r, `${name}: no annual result for ${person}`).toBeDefined();
  for (const [k, v] of Object.entries(exp)) {
    if (k === 'reason') expect(r!.reason, name).toContain(v as string);
    else if (k === 'details') partial(r!.details, v, `${name}: details`);
    else expect((r as unknown as Record<string, unknown>)[k] ?? null, `${name}: ${k}`).toEqual(v);
  }
}

const systems = readdirSync(CASES).filter((d) => !d.startsWith('.'));

describe('test cases as data', () => {
  it('has at least 40 typical-B cases and 15 for each other system, each citing its point', () => {
    for (const [sys, min] of Object.entries(MINIMUM)) {
      expect(systems, sys).toContain(sys);
      let n = 0;
      for (const f of readdirSync(join(CASES, sys)).filter((x) => x.endsWith('.yaml'))) {
        const file = parse(readFileSync(join(CASES, sys, f), 'utf8')) as CaseFile;
        for (const c of file.cases) {
          expect(c.name, `${sys}/${f}`).toMatch(/\S/);
          expect(Array.isArray(c.cites) && c.cites.length > 0, `${sys}/${f}: "${c.name}" cites no point`).toBe(true);
          expect(c.input || c.annual, `${sys}/${f}: "${c.name}" has no input`).toBeTruthy();
          n++;
        }
      }
      expect(n, sys).toBeGreaterThanOrEqual(min);
    }
  });
});

for (const sys of systems) {
  describe(sys, () => {
    for (const f of readdirSync(join(CASES, sys)).filter((x) => x.endsWith('.yaml'))) {
      const file = parse(readFileSync(join(CASES, sys, f), 'utf8')) as CaseFile;
      describe(f, () => {
        for (const c of file.cases) {
          it(`${c.name} [${c.cites.join('; ')}]`, () => {
            const config = configFor(file, c);
            const variants: Array<{ config: ScoringConfig; arithmetic: 'auto' | 'decimal'; label: string }> = [
              { config, arithmetic: 'auto', label: `${c.name} (auto)` },
              { config, arithmetic: 'decimal', label: `${c.name} (decimal)` },
            ];
            // The same case on the configuration compiled from the act file, when there is one.
            const act = c.compile ? null : compiledFromAct(file.config);
            if (act) variants.push({ config: patch(act, c), arithmetic: 'auto', label: `${c.name} (compiled from methodologies/${file.config}.yaml)` });
            for (const { config, arithmetic, label } of variants) {
              const engine = new Engine(config, { arithmetic, trace: arithmetic === 'decimal' });
              if (c.input) {
                const rec = expandScores(engine, { ...(file.defaults ?? {}), ...c.input });
                checkScore(engine.score(rec), c.expected, label);
              } else {
                const acc = engine.annual();
                for (const raw of c.annual!) {
                  const out = engine.score(expandScores(engine, { ...(file.defaults ?? {}), ...raw }));
                  expect(out.ok, `${label}: ${JSON.stringify(out.ok ? '' : out.rejection.errors)}`).toBe(true);
                  if (out.ok) acc.add(out.result);
                }
                checkAnnual([...acc.results()], c.annual![0].person as string, c.expected, label);
              }
            }
          });
        }
      });
    }
  });
}
