// JSON Schema validation of scoring configurations and records (ajv, draft 2020-12).
//
// Compiling the scoring schema with ajv costs a few hundred milliseconds of CPU, too much for a
// command meant to score a file in under a second. The compiled validator is therefore kept as
// ajv "standalone" code in a cache (node_modules/.cache/metodika/, else the system's temporary
// folder), named by a hash of the schema and ajv's version: the first run after installation or
// after a schema change compiles it, later runs load it in a few milliseconds. ajv itself is only
// loaded when a compilation is needed.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ConfigDiagnostic } from './tables.js';
import { makeDir } from '../io/folders.js';

const require = createRequire(import.meta.url);

function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'schemas', 'scoring.schema.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The schemas/ folder of the package, found by walking up from this module. */
export function schemasDir(): string {
  const root = packageRoot();
  if (!root) throw new Error('schemas/scoring.schema.json not found next to the package');
  return join(root, 'schemas');
}

type Ajv = { compile(schema: unknown): ValidateFunction };
function newAjv(opts: Record<string, unknown>): Ajv {
  const mod = require('ajv/dist/2020.js') as { default?: new (o: object) => Ajv } & (new (o: object) => Ajv);
  const Ctor = mod.default ?? mod;
  return new Ctor({ allErrors: true, strict: false, inlineRefs: false, ...opts });
}

function cacheDirs(): string[] {
  const root = packageRoot();
  const dirs: string[] = [];
  if (root) dirs.push(join(root, 'node_modules', '.cache', 'metodika'));
  dirs.push(join(tmpdir(), 'metodika-cache'));
  return dirs;
}

const compiled = new Map<string, ValidateFunction>();

/** The validator of schemas/<name>.schema.json, from the cache when possible. */
export function validator(name: 'scoring' | 'records'): ValidateFunction {
  let v = compiled.get(name);
  if (v) return v;
  const text = readFileSync(join(schemasDir(), `${name}.schema.json`), 'utf8');
  let ajvVersion = 'unknown';
  try {
    ajvVersion = (require('ajv/package.json') as { version: string }).version;
  } catch {
    // keep "unknown"
  }
  const hash = createHash('sha256').update(text).update(ajvVersion).digest('hex').slice(0, 16);
  const file = `${name}-${hash}.cjs`;
  for (const dir of cacheDirs()) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    try {
      const mod = require(path) as { default?: ValidateFunction } & ValidateFunction;
      v = (mod.default ?? mod) as ValidateFunction;
      if (typeof v === 'function') {
        compiled.set(name, v);
        return v;
      }
    } catch {
      // a damaged cache file: compile afresh below
    }
  }
  const schema = JSON.parse(text);
  const ajv = newAjv({ code: { source: true } });
  v = ajv.compile(schema);
  compiled.set(name, v);
  try {
    const standalone = require('ajv/dist/standalone/index.js') as { default?: (a: Ajv, f: ValidateFunction) => string } & ((a: Ajv, f: ValidateFunction) => string);
    const code = (standalone.default ?? standalone)(ajv, v);
    const selfContained = !/require\(/.test(code);
    for (const dir of cacheDirs()) {
      // Outside the package, ajv's runtime helpers could not be found: keep only self-contained code there.
      if (!selfContained && !dir.includes('node_modules')) continue;
      try {
        makeDir(dir);
        const tmp = join(dir, `${file}.tmp-${process.pid}`);
        writeFileSync(tmp, code);
        renameSync(tmp, join(dir, file));
        break;
      } catch {
        // not writable: try the next place, or keep the in-memory validator only
      }
    }
  } catch {
    // no standalone support: the in-memory validator serves this process
  }
  return v;
}

export function ajvMessages(errors: ErrorObject[] | null | undefined): ConfigDiagnostic[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    let message = e.message ?? 'invalid';
    if (e.keyword === 'additionalProperties') message = `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    if (e.keyword === 'enum') message = `${message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    return { severity: 'error' as const, path: where.slice(1).replace(/\//g, '.'), code: 'schema', message: `${where}: ${message}` };
  });
}

/** Validates a scoring configuration against schemas/scoring.schema.json. */
export function validateConfigSchema(config: unknown): ConfigDiagnostic[] {
  const v = validator('scoring');
  return v(config) ? [] : ajvMessages(v.errors);
}
