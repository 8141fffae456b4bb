// The parse cache: a hit gives exactly what a fresh parse gives (values, every position, the
// warnings), a damaged or edited entry never leaks into a result it should not, and a file with
// errors is never stored.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyPosOf, posOf } from '../src/load/positions.js';
import { resolveFile } from '../src/resolve/index.js';
import { actPath, fixtureDir, tempDir } from './helpers.js';

/** Every object's own position and its keys' positions, in walk order. */
function positions(value: unknown, out: unknown[] = []): unknown[] {
  if (value && typeof value === 'object') {
    out.push(posOf(value));
    const keys = Array.isArray(value) ? [] : Object.keys(value);
    for (const k of keys) out.push(k, keyPosOf(value, k));
    for (const v of Object.values(value)) positions(v, out);
  }
  return out;
}

function actsDir(): string {
  const dir = tempDir();
  for (const id of ['typical-b-2025', 'mangistau-district-2025']) copyFileSync(actPath(id), join(dir, `${id}.yaml`));
  return dir;
}

describe('parse cache', () => {
  let cache: string;
  beforeEach(() => {
    cache = tempDir();
    process.env.METODIKA_CACHE_DIR = cache;
  });
  afterEach(() => {
    delete process.env.METODIKA_CACHE_DIR;
    delete process.env.METODIKA_CACHE;
  });

  it('stores each act once and gives back the same values, positions, trees and warnings', async () => {
    const file = join(actsDir(), 'mangistau-district-2025.yaml');
    const miss = await resolveFile(file);
    expect(readdirSync(cache).filter((n) => n.endsWith('.json'))).toHaveLength(2);
    const hit = await resolveFile(file);
    expect(hit.diagnostics).toEqual(miss.diagnostics);
    for (const act of [hit.act!, hit.act!.base!]) {
      const fresh = act === hit.act ? miss.act! : miss.act!.base!;
      expect(act.own).toEqual(fresh.own);
      expect(positions(act.own)).toEqual(positions(fresh.own));
      expect(positions(act.source)).toEqual(positions(fresh.source));
      for (const lang of act.languages) expect(JSON.stringify(act.tree(lang))).toBe(JSON.stringify(fresh.tree(lang)));
    }
  });

  it('serves a stored entry instead of parsing (shown by an entry edited on purpose)', async () => {
    const file = join(actsDir(), 'typical-b-2025.yaml');
    await resolveFile(file);
    const [entry] = readdirSync(cache);
    const stored = JSON.parse(readFileSync(join(cache, entry), 'utf8'));
    stored.value.act.number = 'из кэша';
    writeFileSync(join(cache, entry), JSON.stringify(stored));
    expect((await resolveFile(file)).act!.own.act.number).toBe('из кэша');
  });

  it('parses afresh over a damaged entry, or one whose positions do not fit its value', async () => {
    const file = join(actsDir(), 'typical-b-2025.yaml');
    const fresh = await resolveFile(file);
    const [entry] = readdirSync(cache);
    const stored = JSON.parse(readFileSync(join(cache, entry), 'utf8'));
    writeFileSync(join(cache, entry), JSON.stringify({ ...stored, positions: stored.positions.slice(2) }));
    const again = await resolveFile(file);
    expect(positions(again.act!.own)).toEqual(positions(fresh.act!.own));
    for (const damaged of ['{"format": 1, "val', 'null', JSON.stringify({ ...stored, diagnostics: undefined })]) {
      writeFileSync(join(cache, entry), damaged);
      expect((await resolveFile(file)).act!.own).toEqual(fresh.act!.own);
    }
  });

  it('keeps positions naming the file as it is called now, not as it was when stored', async () => {
    const a = join(actsDir(), 'typical-b-2025.yaml');
    const b = join(actsDir(), 'typical-b-2025.yaml');
    await resolveFile(a);
    const hit = await resolveFile(b);
    expect(posOf(hit.act!.own.methodology)?.file).toBe(b);
  });

  it('never stores a file with errors, and reports them the same each time', async () => {
    const dir = fixtureDir({ 'bad.yaml': 'id: bad\nlanguage: [ru]\nunknown-key: 1\n' });
    const first = await resolveFile(join(dir, 'bad.yaml'));
    const second = await resolveFile(join(dir, 'bad.yaml'));
    expect(first.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('is bypassed with METODIKA_CACHE=off', async () => {
    process.env.METODIKA_CACHE = 'off';
    await resolveFile(join(actsDir(), 'typical-b-2025.yaml'));
    expect(readdirSync(cache)).toEqual([]);
  });
});
