// A cache of parsed and validated methodology files. Parsing the 90 KB typical act with the
// `yaml` package (and loading that package and the schema validator) is most of what a command
// line call on a derived act costs, and the base act hardly ever changes. An entry is keyed by
// a hash of the file's bytes and of everything that shapes the result (the schema, the loader's
// and the validator's code), so an edit to any of them is a miss, never a stale hit. Only files
// that validated without errors are stored; an entry keeps the value, the position of every
// object and key, and the warnings, so a hit gives exactly what a fresh parse would.
// It lives in node_modules/.cache/metodika/parsed (else the system's temporary folder), or in
// METODIKA_CACHE_DIR; METODIKA_CACHE=off bypasses it. A cache that cannot be written is skipped.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { keyPosOf, posOf, setPositions, type SourcePos } from './positions.js';
import { makeDir } from '../io/folders.js';

const require = createRequire(import.meta.url);

/** Bump when the entry layout changes. */
const FORMAT = 1;
/** Entries kept; the oldest go first. Each is about twice the size of its YAML file. */
const MAX_ENTRIES = 64;

interface Entry {
  format: number;
  value: unknown;
  /** [line, column] of each object, then of each of its keys, in a pre-order walk; 0 where unknown. */
  positions: number[];
  diagnostics: Array<Omit<Diagnostic, 'file'>>;
}

export function cacheEnabled(): boolean {
  return !/^(0|off|false|no)$/i.test(process.env.METODIKA_CACHE ?? '');
}

function cacheDir(): string {
  if (process.env.METODIKA_CACHE_DIR) return process.env.METODIKA_CACHE_DIR;
  const modules = join(PACKAGE_ROOT, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'metodika', 'parsed') : join(tmpdir(), 'metodika-cache', 'parsed');
}

let salt: string | undefined;

/** What besides the file's bytes decides the parse: the schema, and the code and libraries that parse and check. */
function codeSalt(): string {
  if (salt) return salt;
  const h = createHash('sha256').update(`format ${FORMAT}\0`);
  for (const lib of ['yaml', 'ajv']) h.update(`${lib} ${(require(`${lib}/package.json`) as { version: string }).version}\0`);
  h.update(readFileSync(join(SCHEMAS_DIR, 'methodology.schema.json')));
  const ext = extname(fileURLToPath(import.meta.url));
  for (const rel of ['./load', './positions', '../validate/validate']) {
    h.update(readFileSync(fileURLToPath(new URL(`${rel}${ext}`, import.meta.url))));
  }
  salt = h.digest('hex');
  return salt;
}

function keyOf(bytes: Buffer): string {
  return createHash('sha256').update(codeSalt()).update(bytes).digest('hex').slice(0, 32);
}

/** Calls `visit` on each object and array of a value, parents before children, keys in order. */
function walk(value: unknown, visit: (obj: object, keys: string[]) => void): void {
  if (!value || typeof value !== 'object') return;
  const keys = Array.isArray(value) ? [] : Object.keys(value);
  visit(value, keys);
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else for (const k of keys) walk((value as Record<string, unknown>)[k], visit);
}

/** True when JSON gives back exactly this value (no Infinity, NaN, undefined or exotic objects). */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(jsonSafe);
  return false;
}

export interface CachedParse {
  value: unknown;
  diagnostics: Diagnostic[];
}

/** The cached parse of these bytes, with positions naming `file`; undefined on a miss. */
export function getParsed(file: string, bytes: Buffer): CachedParse | undefined {
  if (!cacheEnabled()) return undefined;
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(join(cacheDir(), `${keyOf(bytes)}.json`), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  if (entry?.format !== FORMAT || !Array.isArray(entry.positions) || !Array.isArray(entry.diagnostics)) return undefined;
  const p = entry.positions;
  let i = 0;
  const at = (): SourcePos | undefined => {
    const line = p[i++];
    const column = p[i++];
    return line ? { file, line, column } : undefined;
  };
  walk(entry.value, (obj, keys) => {
    const self = at();
    const keyPos: Record<string, SourcePos> = {};
    for (const k of keys) {
      const kp = at();
      if (kp) keyPos[k] = kp;
    }
    setPositions(obj, self, keyPos);
  });
  if (i !== p.length) return undefined;
  return { value: entry.value, diagnostics: entry.diagnostics.map((d) => ({ ...d, file })) };
}

/** Stores a successful parse; does nothing when the value would not survive JSON or the cache is not writable. */
export function putParsed(bytes: Buffer, parsed: CachedParse): void {
  if (!cacheEnabled() || !jsonSafe(parsed.value)) return;
  const positions: number[] = [];
  const push = (pos: SourcePos | undefined) => positions.push(pos?.line ?? 0, pos?.column ?? 0);
  walk(parsed.value, (obj, keys) => {
    push(posOf(obj));
    for (const k of keys) push(keyPosOf(obj, k));
  });
  const entry: Entry = { format: FORMAT, value: parsed.value, positions, diagnostics: parsed.diagnostics.map(({ file: _file, ...d }) => d) };
  try {
    const dir = cacheDir();
    makeDir(dir);
    const target = join(dir, `${keyOf(bytes)}.json`);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, target);
    prune(dir);
  } catch {
    // a read-only install or a full disk: parse afresh next time
  }
}

function prune(dir: string): void {
  const entries = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const byAge = entries.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(dir, n), { force: true });
}
