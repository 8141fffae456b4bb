// Every rule's own examples: the fixtures its doc comment names, and the exact findings it must
// report on each (test/lint/fixtures/; derived fixtures are resolved beside a copy of the typical act).
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lintAct, RULES } from '../../src/lint/index.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath, ROOT, tempDir } from '../helpers.js';
import { ruleDoc } from './doc-examples.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let dir: string;

beforeAll(() => {
  dir = tempDir();
  for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(dir, f));
  copyFileSync(actPath('typical-b-2025'), join(dir, 'typical-b-2025.yaml'));
});

function show(d: Diagnostic, fixture: string): string {
  const where = basename(d.file) === fixture ? `${d.line}:${d.column}` : basename(d.file);
  return `${where}  ${d.severity}  ${d.message}`;
}

async function lint(fixture: string, rules = RULES): Promise<Diagnostic[]> {
  const { act, diagnostics } = await resolveFile(join(dir, fixture));
  expect(act, `${fixture} resolves: ${diagnostics.map((d) => d.message).join('; ')}`).toBeDefined();
  return lintAct(act!, rules);
}

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  const doc = ruleDoc(id);

  it('has its section in docs/lint.md, with its severity', () => {
    expect(readFileSync(join(ROOT, 'docs', 'lint.md'), 'utf8')).toContain(`### \`${id}\` (${rule.severity})`);
  });

  it('documents itself: its id, a description, and an ok and a not-ok example', () => {
    expect(doc.id).toBe(id);
    expect(doc.description.length).toBeGreaterThan(80);
    expect(doc.examples.some((e) => e.kind === 'ok')).toBe(true);
    expect(doc.examples.filter((e) => e.kind === 'not-ok').every((e) => e.expected.length > 0)).toBe(true);
    expect(doc.examples.some((e) => e.kind === 'not-ok')).toBe(true);
  });

  for (const example of doc.examples) {
    it(`${example.kind}: ${example.fixture}`, async () => {
      const found = (await lint(example.fixture, [rule])).map((d) => show(d, example.fixture));
      expect(found).toEqual(example.expected);
    });
  }
});

describe('fixtures', () => {
  it('every fixture is an example of some rule', () => {
    const used = new Set(RULES.flatMap((r) => ruleDoc(r.id).examples.map((e) => e.fixture)));
    expect(readdirSync(FIXTURES).filter((f) => !used.has(f))).toEqual([]);
  });

  it.each(['local-ru.yaml', 'local-kk.yaml'])('the base fixture %s is clean under every rule', async (fixture) => {
    expect((await lint(fixture)).map((d) => show(d, fixture))).toEqual([]);
  });
});
