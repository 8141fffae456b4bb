// Word-level changes between two wordings. The texts are compared as chunks (see localise.ts), so
// a term substituted, the body's name put in, a reference renumbered or a dash printed otherwise
// are told apart from a change of substance; each run of changed words is a hunk of one nature.
import { diffArrays } from 'diff';
import type { Chunk, Localiser } from './localise.js';
import type { Token } from './tokens.js';
import type { RefKind } from './vocabulary.js';

/** Why the words differ, most important first. */
const NATURES = ['substance', 'localisation', 'renumbering', 'typography'] as const;
export type Nature = (typeof NATURES)[number];

export type Op =
  | { type: 'equal'; base: Token[]; local: Token[] }
  | { type: 'change'; base: Token[]; local: Token[]; nature: Nature };

/** Base number -> local number of each kind of numbered element, from the pairing. */
export type Renumbering = ReadonlyMap<RefKind, ReadonlyMap<string, string>>;

const graver = (a: Nature, b: Nature): Nature => (NATURES.indexOf(a) <= NATURES.indexOf(b) ? a : b);
/** The same words, spelt alike (whitespace aside). */
function sameWords(a: readonly Token[], b: readonly Token[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].text !== b[i].text) return false;
  return true;
}

export function diffTokens(base: Token[], local: Token[], loc: Localiser, renumbering: Renumbering): Op[] {
  if (sameWords(base, local)) return base.length ? [{ type: 'equal', base, local }] : [];
  const a = loc.chunks(base);
  const b = loc.chunks(local);
  const renumbered = (x: Chunk, y: Chunk) =>
    !!x.ref && !!y.ref && x.ref.kind === y.ref.kind && x.ref.suffix === y.ref.suffix && renumbering.get(x.ref.kind)?.get(x.ref.n) === y.ref.n;
  const changes = diffArrays(a, b, { comparator: (x, y) => x.key === y.key || renumbered(x, y) });

  const ops: Op[] = [];
  const push = (op: Op) => {
    const last = ops.at(-1);
    if (last && last.type === op.type) {
      last.base.push(...op.base);
      last.local.push(...op.local);
      if (last.type === 'change' && op.type === 'change') last.nature = graver(last.nature, op.nature);
    } else ops.push(op);
  };
  const tokensOf = (text: Token[], c: Chunk) => text.slice(c.from, c.to);
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.removed) {
      const chunks = a.slice(i, i + n);
      push({ type: 'change', base: chunks.flatMap((x) => tokensOf(base, x)), local: [], nature: chunks.every((x) => x.rule) ? 'localisation' : 'substance' });
      i += n;
    } else if (c.added) {
      const chunks = b.slice(j, j + n);
      push({ type: 'change', base: [], local: chunks.flatMap((y) => tokensOf(local, y)), nature: chunks.every((y) => y.rule) ? 'localisation' : 'substance' });
      j += n;
    } else {
      for (let k = 0; k < n; k++, i++, j++) {
        const x = tokensOf(base, a[i]);
        const y = tokensOf(local, b[j]);
        if (sameWords(x, y)) push({ type: 'equal', base: x, local: y });
        else if (a[i].rule) inside(x, y).forEach(push);
        else push({ type: 'change', base: x, local: y, nature: a[i].key === b[j].key ? 'typography' : 'renumbering' });
      }
    }
  }
  return ops;
}

/** Within two wordings of one term ("типовая методика" / "методика"), the words that differ. */
function inside(x: Token[], y: Token[]): Op[] {
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  for (const c of diffArrays(x, y, { comparator: (p, q) => p.key === q.key })) {
    const n = c.count ?? c.value.length;
    if (c.removed) ops.push({ type: 'change', base: x.slice(i, (i += n)), local: [], nature: 'localisation' });
    else if (c.added) ops.push({ type: 'change', base: [], local: y.slice(j, (j += n)), nature: 'localisation' });
    else {
      for (let k = 0; k < n; k++, i++, j++) {
        const same = x[i].text === y[j].text;
        ops.push(same ? { type: 'equal', base: [x[i]], local: [y[j]] } : { type: 'change', base: [x[i]], local: [y[j]], nature: 'localisation' });
      }
    }
  }
  return ops;
}

/** The gravest nature among the changes, or undefined when the wordings are the same. */
export function natureOf(ops: readonly Op[]): Nature | undefined {
  let n: Nature | undefined;
  for (const op of ops) if (op.type === 'change') n = n ? graver(n, op.nature) : op.nature;
  return n;
}
