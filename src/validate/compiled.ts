// JSON Schema validators, compiled ahead of time. Compiling a schema with ajv costs about half a
// second of CPU at every start of the command line; `npm run build` (run by install, start and
// test) writes each schema's validator as ajv "standalone" code into dist/schemas/, stamped with
// a hash of the schema. At run time that code is loaded when its stamp matches the schema, and
// the schema is compiled on the spot otherwise (running from source, or a schema just edited).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';

export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false } as const;
export const COMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'schemas');

export function schemaFile(name: string): string {
  return join(SCHEMAS_DIR, `${name}.schema.json`);
}

export function schemaHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

async function newAjv(extra: Record<string, unknown> = {}) {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  return new Ajv2020({ ...AJV_OPTIONS, ...extra });
}

type StandaloneCode = (ajv: unknown, validate: ValidateFunction) => string;

const cache = new Map<string, Promise<ValidateFunction>>();

/** The validator of schemas/<name>.schema.json. */
export function loadValidator(name: string): Promise<ValidateFunction> {
  let v = cache.get(name);
  if (!v) {
    v = load(name);
    cache.set(name, v);
  }
  return v;
}

async function load(name: string): Promise<ValidateFunction> {
  const source = readFileSync(schemaFile(name), 'utf8');
  const compiled = join(COMPILED_DIR, `${name}.validate.js`);
  if (existsSync(compiled)) {
    const mod = (await import(pathToFileURL(compiled).href)) as { schemaHash: string; default: ValidateFunction };
    if (mod.schemaHash === schemaHash(source)) return mod.default;
  }
  return (await newAjv()).compile(JSON.parse(source));
}

/** Standalone ESM code of a schema's validator, stamped with the schema's hash. */
export async function standaloneValidator(name: string): Promise<string> {
  const source = readFileSync(schemaFile(name), 'utf8');
  const ajv = await newAjv({ code: { source: true, esm: true } });
  const validate = ajv.compile(JSON.parse(source));
  // A CommonJS module whose default export sits on `default` once more when imported from ESM.
  const mod = (await import('ajv/dist/standalone/index.js')) as unknown as { default: { default: StandaloneCode } };
  const standaloneCode = mod.default.default;
  // ajv's ESM output still require()s its runtime helpers (ucs2length, equal), so give it a require.
  const prelude = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n`;
  return `${prelude}export const schemaHash = ${JSON.stringify(schemaHash(source))};\n${standaloneCode(ajv, validate)}`;
}
