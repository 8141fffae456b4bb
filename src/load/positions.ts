// Source positions ride along on the loaded objects under symbols, so that they survive the
// base + changes composition (which copies objects) without a parallel map to keep in sync.

export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

const POS = Symbol('metodika.pos');
const KEYS = Symbol('metodika.keyPos');

type Positioned = { [POS]?: SourcePos; [KEYS]?: Record<string, SourcePos> };

export function setPositions(obj: object, self: SourcePos | undefined, keys: Record<string, SourcePos>): void {
  const o = obj as Positioned;
  if (self) o[POS] = self;
  o[KEYS] = keys;
}

export function posOf(obj: unknown): SourcePos | undefined {
  return obj && typeof obj === 'object' ? (obj as Positioned)[POS] : undefined;
}

/** Position of the value under `key` in `obj`, else of `obj` itself. */
export function posOfKey(obj: unknown, key: string): SourcePos | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  return (obj as Positioned)[KEYS]?.[key] ?? (obj as Positioned)[POS];
}

/** Position recorded for the key itself, without falling back to the object's. */
export function keyPosOf(obj: object, key: string): SourcePos | undefined {
  return (obj as Positioned)[KEYS]?.[key];
}

/** Deep copy that keeps the positions. */
export function cloneWithPositions<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = value.map((v) => cloneWithPositions(v)) as unknown as T;
    copyPositions(value, out as object);
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneWithPositions(v);
    copyPositions(value, out);
    return out as T;
  }
  return value;
}

function copyPositions(from: object, to: object): void {
  const f = from as Positioned;
  const t = to as Positioned;
  if (f[POS]) t[POS] = f[POS];
  if (f[KEYS]) t[KEYS] = { ...f[KEYS] };
}
