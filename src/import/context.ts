// What every part of the importer needs: the language and its vocabulary, the repairs, the
// report, and where each node of the draft came from (for the YAML's line comments).
import type { Lang } from '../model/source.js';
import type { Repairer } from './repair.js';
import type { ImportReport } from './report.js';
import { VOCABULARY, type Vocabulary } from './vocabulary.js';

export interface Context {
  lang: Lang;
  vocab: Vocabulary;
  repair: Repairer;
  report: ImportReport;
  /** Input lines of each node of the draft. */
  origin: WeakMap<object, [number, number]>;
}

export function createContext(lang: Lang, repair: Repairer, report: ImportReport): Context {
  return { lang, vocab: VOCABULARY[lang], repair, report, origin: new WeakMap() };
}

/** Records where a node came from; returns the node. */
export function from<T extends object>(ctx: Context, node: T, first: number, last = first): T {
  ctx.origin.set(node, [first, last]);
  return node;
}

/** A text in the act's language. */
export const say = (ctx: Context, s: string) => ({ [ctx.lang]: s });
