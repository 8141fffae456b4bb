// Done-when of issue 10: the Mangistau act re-created through `metodika new` from its answers
// file builds the text of the curated methodologies/mangistau-district-2025.yaml, measured with
// the fidelity measure of the foundation both ways. Its lint finds the published act's own
// defects, which its answers reproduce; the same choices without the published wording draft an
// act that lints clean.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatFidelity, measureFidelity } from '../../src/fidelity/fidelity.js';
import { lintAct } from '../../src/lint/index.js';
import { renderText } from '../../src/render/text.js';
import { resolveFile } from '../../src/resolve/index.js';
import { actPath } from '../helpers.js';
import { fixture, metodikaNew, workspace } from './helpers.js';

async function builtText(file: string): Promise<string> {
  const { act, diagnostics } = await resolveFile(file);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderText(act!.tree('ru').tree);
}

async function recreate(answers: string) {
  const { methodologies } = workspace();
  const out = join(methodologies, 'mangistau-district-2025.yaml');
  const run = await metodikaNew(['--base', 'typical-b-2025', '--answers', answers, '--out', out, '--no-build']);
  const curated = await builtText(actPath('mangistau-district-2025'));
  const drafted = await builtText(out);
  return { run, out, curated, drafted, forward: measureFidelity(curated, drafted), backward: measureFidelity(drafted, curated) };
}

describe('re-creating the Mangistau act with metodika new', () => {
  it('builds the curated act\'s text word for word, both ways', async () => {
    const r = await recreate(fixture('mangistau.answers.yaml'));
    console.log(formatFidelity('curated Mangistau build in the drafted build', r.forward));
    console.log(formatFidelity('drafted Mangistau build in the curated build', r.backward));
    expect(r.forward.seedWords).toBeGreaterThan(2000);
    expect(r.forward.recall).toBe(1);
    expect(r.backward.recall).toBe(1);
    expect(r.run.stdout).toContain(`wrote ${r.out}`);
  });

  it('reports the published act\'s defects its answers reproduce, and no other finding', async () => {
    const r = await recreate(fixture('mangistau.answers.yaml'));
    const { act } = await resolveFile(r.out);
    const drafted = lintAct(act!).map((d) => `${d.ruleId}: ${d.message}`);
    const { act: curated } = await resolveFile(actPath('mangistau-district-2025'));
    const published = new Set(lintAct(curated!).map((d) => `${d.ruleId}: ${d.message}`));
    expect(drafted.length).toBeGreaterThan(0);
    for (const f of drafted) expect(published, f).toContain(f);
    // The self-reference of point 2 is an error: `new` says so and exits 1.
    expect(r.run.code).toBe(1);
    expect(r.run.stdout).toContain('on the basis of itself');
  });

  it('drafts the same choices without the published wording into an act that lints clean', async () => {
    const answers = parse(readFileSync(fixture('mangistau.answers.yaml'), 'utf8'));
    delete answers.wording;
    const { dir } = workspace();
    const file = join(dir, 'choices.answers.yaml');
    writeFileSync(file, stringify(answers));
    const r = await recreate(file);
    console.log(formatFidelity('curated Mangistau build in the build drafted from the choices alone', r.forward));
    expect(r.run.stderr).toBe('');
    expect(r.run.stdout).toContain('lint: no errors, no warnings');
    expect(r.run.code).toBe(0);
    expect(r.forward.recall).toBeGreaterThan(0.97);
    expect(r.backward.recall).toBeGreaterThan(0.97);
    // What differs is the published act's wording of the defects, not the structure.
    expect(r.drafted).toContain('на основе Типовой методики оценки деятельности');
    expect(r.drafted).not.toContain('Mетодике');
  });
});
