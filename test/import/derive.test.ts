// `metodika import 000 --derive typical-b-2025`: the Mangistau decision as a derived act. Its terms
// and changes are the substantive deviations the curated act states by hand, no more and no less,
// and it builds to exactly the curated act's text.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/index.js';
import type { Change } from '../../src/model/source.js';
import { renderText } from '../../src/render/text.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath, METHODOLOGIES, seed } from '../helpers.js';
import { join } from 'node:path';

const target = (c: Change) => {
  const r = c as Record<string, unknown>;
  const op = (['replace', 'remove', 'insert-after', 'insert-before'] as const).find((k) => typeof r[k] === 'string')!;
  return `${op} ${r[op]}`;
};

describe('import 000 --derive typical-b-2025', async () => {
  const base = (await resolveFile(actPath('typical-b-2025'))).act!;
  const curated = (await resolveFile(actPath('mangistau-district-2025'))).act!;
  const r = await importText(seed('000_4cfb7ede7e01f99a.txt'), { file: '000_4cfb7ede7e01f99a.txt', id: 'mangistau-district-2025', base, out: join(METHODOLOGIES, 'mangistau-district-2025.yaml') });

  it('writes a derived act: its own envelope, base, terms and changes', () => {
    expect(Object.keys(r.act)).toEqual(['id', 'base', 'language', 'act', 'approval', 'methodology', 'terms', 'changes']);
    expect(r.act.base).toBe('typical-b-2025');
    expect(Object.keys(r.act.methodology!)).toEqual(['title', 'footnotes']);
  });

  it('detects the terms the curated act states', () => {
    const plain = (t: unknown) => (JSON.parse(JSON.stringify(t)) as Array<{ from: string }>).sort((a, b) => a.from.localeCompare(b.from));
    expect(plain(r.act.terms)).toEqual(plain(curated.own.terms));
  });

  it('its changes are exactly the curated act\'s, target by target', () => {
    expect(r.act.changes!.map(target).sort()).toEqual(curated.own.changes!.map(target).sort());
  });

  it('the routing follows point 17: the head of apparatus by the direct superior, the others by the head of apparatus', () => {
    const routing = r.act.changes!.filter((c) => ['listed-heads', 'others'].includes((c as { replace?: string }).replace ?? ''));
    expect(routing).toEqual([
      { replace: 'listed-heads', categories: ['E-2'], implements: ['routing'] },
      { replace: 'others', evaluator: 'head-of-apparatus', implements: ['routing-others'] },
    ]);
  });

  it('builds to exactly the text of the curated act', () => {
    expect(r.text).toBe(renderText(curated.tree('ru').tree));
  });

  it('states the sheet\'s result label through its appendix, and leaves nothing unplaced', () => {
    expect(r.act.changes).toContainEqual({ replace: 'non-managerial-sheet', 'result-label': { ru: 'Результат оценки' } });
    expect(r.report.entries.filter((e) => e.kind === 'unplaced')).toEqual([]);
  });
});
