// Validates a loaded methodology against schemas/methodology.schema.json and maps every ajv error
// back to the YAML node it concerns.
import type { ErrorObject } from 'ajv';
import { type Diagnostic, formatPath } from '../diagnostics.js';
import type { Loaded } from '../load/load.js';
import { loadValidator } from './compiled.js';

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(e: ErrorObject): { message: string; path: (string | number)[]; atKey: boolean } {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { message: `unknown key "${p.additionalProperty}"`, path: [...path, String(p.additionalProperty)], atKey: true };
    case 'required': {
      const missing = String(p.missingProperty);
      if (missing.includes('|')) return { message: `expected a node with one of the keys ${missing.split('|').map((k) => `"${k}"`).join(', ')}`, path, atKey: false };
      return { message: `missing required key "${missing}"`, path, atKey: false };
    }
    case 'type':
      return { message: `wrong type: expected ${p.type}`, path, atKey: false };
    case 'enum':
      return { message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, path, atKey: false };
    case 'pattern':
      return { message: `"${String(e.data).slice(0, 60)}" does not match the expected form (${p.pattern})`, path, atKey: false };
    case 'false schema':
      return { message: `key "${path[path.length - 1]}" is not allowed here (a full act has no terms or changes; they belong to a derived act with "base")`, path, atKey: true };
    default:
      return { message: e.message ?? e.keyword, path, atKey: false };
  }
}

export async function validateLoaded(loaded: Loaded): Promise<Diagnostic[]> {
  const validate = await loadValidator('methodology');
  if (validate(loaded.value)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    // if/then dispatch reports the branch's own errors; its "must match then" summary is noise.
    if (e.keyword === 'if' || e.keyword === 'oneOf' && (validate.errors ?? []).some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'oneOf')) continue;
    const { message, path, atKey } = describe(e);
    const pos = atKey ? loaded.keyPositionOf(path) : loaded.positionOf(path);
    const key = `${pos.line}:${pos.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: loaded.file, line: pos.line, column: pos.column, severity: 'error', message, ruleId: 'schema', path: formatPath(path) || '(root)' });
  }
  return out;
}
