// The two schemas: every property described; the configurations and the case records conform.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateConfigSchema } from '../../src/engine/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as new (o: object) => { compile(s: unknown): ((d: unknown) => boolean) & { errors?: unknown } };

function undocumented(node: unknown, path: string, out: string[]): void {
  if (Array.isArray(node)) node.forEach((n, i) => undocumented(n, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, v] of Object.entries(o.properties as Record<string, unknown>)) {
        if (!v || typeof v !== 'object' || typeof (v as { description?: unknown }).description !== 'string') out.push(`${path}.properties.${k}`);
      }
    }
    for (const [k, v] of Object.entries(o)) undocumented(v, `${path}.${k}`, out);
  }
}

describe('schemas', () => {
  for (const name of ['scoring', 'records']) {
    it(`${name}.schema.json describes every property`, () => {
      const s = JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'));
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const missing: string[] = [];
      undocumented(s, '#', missing);
      expect(missing).toEqual([]);
    });
  }

  it('every configuration in configs/ is valid', () => {
    for (const f of readdirSync(join(ROOT, 'configs'))) {
      expect(validateConfigSchema(JSON.parse(readFileSync(join(ROOT, 'configs', f), 'utf8'))), f).toEqual([]);
    }
  });

  it('the records of the YAML cases conform to records.schema.json (scores given as objects)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'records.schema.json'), 'utf8')));
    let n = 0;
    for (const sys of readdirSync(join(ROOT, 'test', 'cases'))) {
      for (const f of readdirSync(join(ROOT, 'test', 'cases', sys))) {
        const file = parse(readFileSync(join(ROOT, 'test', 'cases', sys, f), 'utf8'));
        for (const c of file.cases) {
          for (const raw of c.input ? [c.input] : c.annual) {
            const rec = { ...(file.defaults ?? {}), ...raw };
            if (Array.isArray(rec.scores)) continue; // the runner's shorthand
            for (const [k, v] of Object.entries(rec)) if (v === null) delete rec[k];
            if (rec.person === '' || c.expected.status === 'rejected') continue; // deliberately bad records
            expect(validate(rec), `${sys}/${f}: ${c.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
            n++;
          }
        }
      }
    }
    expect(n).toBeGreaterThan(40);
  });
});
