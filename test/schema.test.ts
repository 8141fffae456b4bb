// The schema is read by people (editors show its descriptions): every property says what it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'methodology.schema.json'), 'utf8')) as Schema;

function resolveRef(s: Schema): Schema {
  const ref = s.$ref as string | undefined;
  if (!ref) return s;
  const name = ref.replace('#/$defs/', '');
  return (schema.$defs as Record<string, Schema>)[name];
}

function undocumented(node: unknown, path: string, out: string[]): void {
  if (Array.isArray(node)) return node.forEach((n, i) => undocumented(n, `${path}[${i}]`, out));
  if (!node || typeof node !== 'object') return;
  const s = node as Schema;
  if (s.properties && typeof s.properties === 'object') {
    for (const [key, prop] of Object.entries(s.properties as Record<string, Schema>)) {
      if (prop === false || prop === true) continue;
      if (!prop.description && !resolveRef(prop)?.description) out.push(`${path}.properties.${key}`);
    }
  }
  for (const [k, v] of Object.entries(s)) undocumented(v, `${path}.${k}`, out);
}

describe('methodology.schema.json', () => {
  it('describes every property', () => {
    const out: string[] = [];
    undocumented(schema, '#', out);
    expect(out).toEqual([]);
  });

  it('describes every definition', () => {
    const defs = schema.$defs as Record<string, Schema>;
    expect(Object.entries(defs).filter(([, d]) => !d.description).map(([k]) => k)).toEqual([]);
  });
});
