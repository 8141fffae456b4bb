// The three acts curated from imports: corps A (001, Appendix 1), the 2017 Supreme Judicial
// Council apparatus (003) and the 2023 Mangystau oblast act (004). Each resolves, reproduces its
// published text (printed: import and curated), and its scoring section compiles (src/scoring/
// compile.ts) to the engine configuration kept by hand in configs/: the same steps, tables,
// readings, routing and deadlines, with `implements` naming the same points of the act.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScoringConfig } from '../../src/engine/config.js';
import { formatFidelity, measureFidelity } from '../../src/fidelity/fidelity.js';
import { renderText } from '../../src/render/text.js';
import { resolveFile } from '../../src/resolve/index.js';
import { compileScoring, pointLabels } from '../../src/scoring/compile.js';
import { actPath, ROOT, seed } from '../helpers.js';

const ACTS = [
  { id: 'corps-a-2025', seed: '001_bd87805fbc2ceb4a.txt', lines: [1, 1567], furniture: [[3, 3]], floor: 0.98 },
  { id: 'sjc-2017', seed: '003_fecf19c758279eb6.txt', lines: [1, 727], furniture: [[2, 21], [381, 395]], floor: 0.93 },
  { id: 'oblast-2023', seed: '004_8bb19c2e6c762156.txt', lines: [1, 417], furniture: [], floor: 0.98 },
] as const;

/** "App. 1 p. 19", "App. 4 to App. 1 (...)" (the configs cite corps A inside the order) -> "p. 19", "App. 4". */
const normLabel = (l: string) => l.replace(/^App\. 1 (?=p\.)/, '').replace(/ to App\. 1/, '').replace(/ \(.*\)$/, '');

/**
 * A configuration with its ids made comparable: every `implements` id as the label of the point it
 * names, and every table a step looks up or classifies with as the rows of that table (a copy of a
 * table under another id is the same table).
 */
function comparable(c: ScoringConfig, labelOf: (id: string) => string): unknown {
  const rowsOf = (id: string) => JSON.stringify(c.tables?.[id]?.rows ?? id);
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (!x || typeof x !== 'object') return x;
    return Object.fromEntries(Object.entries(x).map(([k, v]) => {
      if (k === 'implements' && Array.isArray(v)) return [k, v.map((i) => labelOf(String(i))).sort()];
      if (k === 'table' && typeof v === 'string') return [k, rowsOf(v)];
      return [k, walk(v)];
    }));
  };
  const tables = Object.values(c.tables ?? {}).map((t) => JSON.stringify(walk(t))).sort();
  const { sheets, annual, readings, constants, categories, eligibility, routing, deadlines } = c;
  return { tables: [...new Set(tables)], ...(walk({ sheets, annual, readings, constants, categories, eligibility, routing, deadlines }) as object) };
}

describe.each(ACTS)('the curated act $id', (a) => {
  it('resolves, and reproduces its published text', async () => {
    const { act, diagnostics } = await resolveFile(actPath(a.id));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = seed(a.seed).split('\n').map((l, i) => {
      const no = i + 1;
      return no >= a.lines[0] && no <= a.lines[1] && !a.furniture.some(([x, y]) => no >= x && no <= y) ? l : '';
    }).join('\n');
    const lang = act!.languages[0];
    const f = measureFidelity(text, renderText(act!.tree(lang).tree));
    console.log(formatFidelity(`curated ${a.id} (${lang}) vs ${a.seed} (target 98 %)`, f, 8));
    expect(f.recall).toBeGreaterThanOrEqual(a.floor);
  });

  it(`compiles to the steps of configs/${a.id}.scoring.json`, async () => {
    const { act } = await resolveFile(actPath(a.id));
    const labels = pointLabels(act!.source);
    const r = compileScoring(act!.source.scoring!, { actId: a.id, points: labels });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const hand: ScoringConfig = JSON.parse(readFileSync(join(ROOT, 'configs', `${a.id}.scoring.json`), 'utf8'));
    const unknown = new Set<string>();
    const mine = comparable(r.config!, (id) => labels[id] ?? (unknown.add(id), id));
    const theirs = comparable(hand, (id) => (hand.points?.[id] ? normLabel(hand.points[id]) : (unknown.add(`configs: ${id}`), id)));
    expect([...unknown]).toEqual([]);
    expect(mine).toEqual(theirs);
    // The system and the settings the steps run with are the hand-kept ones too.
    expect([r.config!.system, r.config!.period, r.config!.settings]).toEqual([hand.system, hand.period, hand.settings]);
  });
});
