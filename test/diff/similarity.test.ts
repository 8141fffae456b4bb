// Alignment without ids (two unrelated acts, or an imported text): the real acts with every id
// stripped from their trees must pair as they pair by id. Zhanakorgan numbers its points
// differently from the typical act; Mangistau keeps the numbering.
import { describe, expect, it } from 'vitest';
import { type ActDiff, diffTrees } from '../../src/diff/diff.js';
import type { ActRoot } from '../../src/model/tree.js';
import { lacksText } from '../../src/diff/units.js';
import { act } from './helpers.js';
import { actPath } from '../helpers.js';
import { compareActs } from '../../src/diff/compare.js';

function stripIds<T>(node: T): T {
  return JSON.parse(JSON.stringify(node), (key, value) => (key === 'id' && typeof value === 'string' ? undefined : value));
}

/** Each pair as "base indexes -> local indexes" (document order does not depend on ids). */
const signature = (diff: ActDiff) => new Map(diff.pairs.flatMap((p) => [...p.base.map((u) => [`b${u.index}`, p] as const), ...p.local.map((u) => [`l${u.index}`, p] as const)]));

for (const [id, lang] of [['mangistau-district-2025', 'ru'], ['zhanakorgan-district-2025', 'kk']] as const) {
  describe(`${id} with its ids stripped`, async () => {
    const local = await act(actPath(id));
    const byId = compareActs(local.base!, local);
    const stripped = (tree: ActRoot) => stripIds(tree);
    const bySimilarity = diffTrees({
      lang, relation: 'unrelated', align: 'similarity',
      base: { info: byId.base, tree: stripped(local.base!.tree(lang).tree), source: local.base!.source },
      local: { info: byId.local, tree: stripped(local.tree(lang).tree), source: local.source },
    });
    const found = signature(bySimilarity);

    it('really has no ids to go by', () => {
      expect(JSON.stringify(bySimilarity.trees.local)).not.toContain('"id":"purpose"');
      expect(bySimilarity.align).toBe('similarity');
    });

    it('pairs every element of the methodology that has wording on both sides as the ids do', () => {
      let checked = 0;
      for (const p of byId.pairs) {
        // The envelope (decision, stamps) is each act's own: its id-less parts pair by place only.
        if (p.base.length !== 1 || p.local.length !== 1 || lacksText(p.base[0]) || p.base[0].area === 'envelope') continue;
        const q = found.get(`b${p.base[0].index}`)!;
        expect(q.local.map((u) => u.index), `${p.base[0].key}`).toEqual([p.local[0].index]);
        checked++;
      }
      expect(checked).toBeGreaterThan(80);
    });

    it('finds what was removed, and puts what the base has no wording for with its counterpart', () => {
      for (const p of byId.pairs) {
        if (p.cls === 'removed' && !lacksText(p.base[0])) expect(found.get(`b${p.base[0].index}`)!.cls, p.base[0].key).toBe('removed');
        if (p.cls === 'no-text' && p.base.length === 1 && p.local.length === 1) {
          const q = found.get(`l${p.local[0].index}`)!;
          expect(q.base.map((u) => u.index), p.local[0].key).toContain(p.base[0].index);
          expect(q.cls).toBe('no-text');
        }
      }
      expect(bySimilarity.counts.substance).toBe(byId.counts.substance);
      expect(bySimilarity.counts.localised).toBe(byId.counts.localised);
    });
  });
}
