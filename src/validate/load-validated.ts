// A methodology file read, parsed and checked against the schema: from the parse cache when the
// same bytes were checked before, else by the YAML loader and the validator, loaded only then.
import { type Diagnostic, hasErrors } from '../diagnostics.js';
import { getParsed, putParsed } from '../load/parse-cache.js';
import { readSource } from '../load/read.js';

export type Validated = { ok: true; value: unknown; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export async function loadValidated(file: string): Promise<Validated> {
  const read = await readSource(file);
  if (!read.ok) return read;
  const cached = getParsed(file, read.bytes);
  if (cached) return { ok: true, ...cached };
  const [{ loadBuffer }, { validateLoaded }] = await Promise.all([import('../load/load.js'), import('./validate.js')]);
  const loaded = loadBuffer(file, read.bytes);
  if (!loaded.ok) return loaded;
  const diagnostics = [...loaded.diagnostics, ...(await validateLoaded(loaded.loaded))];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  putParsed(read.bytes, { value: loaded.loaded.value, diagnostics });
  return { ok: true, value: loaded.loaded.value, diagnostics };
}
