// Reads a methodology file into plain JS values, keeping where every value came from so that
// every later diagnostic can say file:line:column.
import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { type Diagnostic, errorAt, formatPath } from '../diagnostics.js';
import { looksLikeCp1251 } from '../io/encoding.js';
import { type SourcePos, setPositions } from './positions.js';

/** Aliases are legitimate YAML, but a few dozen are plenty for an act; more is an expansion attack. */
export const MAX_ALIASES = 100;

export interface Loaded {
  file: string;
  value: unknown;
  /** Position of the node at a YAML path; falls back to the nearest existing ancestor. */
  positionOf(path: readonly (string | number)[]): SourcePos;
  /** Position of a mapping key (for "unknown key" diagnostics). */
  keyPositionOf(path: readonly (string | number)[]): SourcePos;
}

export type LoadResult = { ok: true; loaded: Loaded; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };


/** Finds line:column of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(buf: Buffer): { line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    if (len === 0 || i + len > buf.length) return { line, column };
    for (let k = 1; k < len; k++) if ((buf[i + k] & 0xc0) !== 0x80) return { line, column };
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += len;
  }
  return undefined;
}

export function loadBuffer(file: string, buf: Buffer): LoadResult {
  const bad = firstInvalidUtf8(buf);
  if (bad) {
    const hint = looksLikeCp1251(buf) ? 'it looks like Windows-1251 (CP1251); ' : '';
    return {
      ok: false,
      diagnostics: [errorAt(file, bad, `file is not valid UTF-8: ${hint}save it as UTF-8`, 'encoding')],
    };
  }
  let src = buf.toString('utf8');
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  return loadString(file, src);
}

/** The parser's message, its first line; the parser running out of stack is said as what it means. */
function syntaxMessage(message: string): string {
  if (/Maximum call stack size exceeded/.test(message)) return 'the file nests collections too deeply to read (a methodology nests a few dozen levels at most)';
  return message.split('\n')[0];
}

export function loadString(file: string, src: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const errors = [...doc.errors];
  if (errors.length > 0) {
    return {
      ok: false,
      diagnostics: errors.map((e) => errorAt(file, at(e.pos[0]), `YAML syntax: ${syntaxMessage(e.message)}`, 'yaml-syntax')),
    };
  }
  let aliasCount = 0;
  let firstAlias: number | undefined;
  const countAliases = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as YamlNode & { source?: string; items?: unknown[]; key?: unknown; value?: unknown };
    if ((n as { constructor: { name: string } }).constructor.name === 'Alias') {
      aliasCount++;
      firstAlias ??= n.range?.[0];
    }
    if (Array.isArray(n.items)) for (const it of n.items) countAliases(it);
    if ('key' in n) countAliases(n.key);
    if ('value' in n) countAliases(n.value);
  };
  countAliases(doc.contents);
  if (aliasCount > MAX_ALIASES) {
    return {
      ok: false,
      diagnostics: [errorAt(file, at(firstAlias ?? 0), `too many YAML aliases (${aliasCount} > ${MAX_ALIASES}): refusing a possible alias bomb`, 'yaml-alias-bomb')],
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { ok: false, diagnostics: [errorAt(file, at(firstAlias ?? 0), `YAML could not be expanded: ${(e as Error).message}`, 'yaml-alias-bomb')] };
  }

  const nodeAt = (path: readonly (string | number)[]): YamlNode | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n), true) as YamlNode | undefined);
      if (node && typeof node === 'object' && 'range' in node && node.range) return node;
    }
    return undefined;
  };
  const positionOf = (path: readonly (string | number)[]): SourcePos => {
    const node = nodeAt(path);
    return { file, ...at(node?.range?.[0] ?? 0) };
  };
  const keyPositionOf = (path: readonly (string | number)[]): SourcePos => {
    const parent = nodeAt(path.slice(0, -1));
    const key = path[path.length - 1];
    if (parent && isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return { file, ...at(pair.key.range[0]) };
    }
    return positionOf(path);
  };
  if (doc.contents) attach(doc.contents, value, file, at);
  return { ok: true, loaded: { file, value, positionOf, keyPositionOf }, diagnostics: [] };
}

/** Walks the YAML AST and the JS value together, recording each object's and each value's position. */
function attach(node: YamlNode | null | undefined, value: unknown, file: string, at: (o: number) => { line: number; column: number }): void {
  if (!node || !value || typeof value !== 'object') return;
  const here = node.range ? { file, ...at(node.range[0]) } : undefined;
  if (isMap(node) && !Array.isArray(value)) {
    const keys: Record<string, SourcePos> = {};
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      const v = pair.value as YamlNode | null;
      const r = v?.range ?? pair.key.range;
      if (r) keys[k] = { file, ...at(r[0]) };
      attach(v, (value as Record<string, unknown>)[k], file, at);
    }
    setPositions(value as object, here, keys);
  } else if (isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => attach(item as YamlNode, value[i], file, at));
    setPositions(value, here, {});
  }
}

