// The words the diff reads an act with, per language (templates/<lang>/diff-vocabulary.yaml):
// how the typical act names the body, how an abbreviation is introduced, which words make a
// number a reference. Data, so a third language is a file, not code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Lang } from '../model/source.js';
import { TEMPLATES_DIR } from '../paths.js';
import { stem } from './stem.js';
import { tokenize } from './tokens.js';

export type RefKind = 'point' | 'subpoint' | 'appendix' | 'chapter';

export interface Vocabulary {
  /** Stem sequences of the typical act's names for the body. */
  bodyPlaceholders: string[][];
  /** An abbreviation's definition, "(далее – X)": X is the group `name`. */
  abbreviation: RegExp;
  /** Reference word stem -> the kind of element its number counts. */
  references: Map<string, RefKind>;
}

interface Raw {
  'body-placeholders': string[];
  abbreviation: string[];
  references: Record<RefKind, string[]>;
}

const cache = new Map<Lang, Vocabulary>();
/** A phrase as a regular expression: its characters literal, any whitespace between its words. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

export const stemsOf = (phrase: string, lang: Lang): string[] => tokenize(phrase, lang).map((t) => t.stem);

export function vocabulary(lang: Lang): Vocabulary {
  const hit = cache.get(lang);
  if (hit) return hit;
  const raw = parse(readFileSync(join(TEMPLATES_DIR, lang, 'diff-vocabulary.yaml'), 'utf8')) as Raw;
  const references = new Map<string, RefKind>();
  for (const [kind, words] of Object.entries(raw.references) as Array<[RefKind, string[]]>) {
    for (const w of words) references.set(stem(w.toLowerCase(), lang), kind);
  }
  const v: Vocabulary = {
    bodyPlaceholders: raw['body-placeholders'].map((p) => stemsOf(p, lang)),
    abbreviation: new RegExp(`\\(\\s*(?:${raw.abbreviation.map(escapeRe).join('|')})\\s*[-‐–—]?\\s*(?<name>[^()]+?)\\s*\\)`, 'giu'),
    references,
  };
  cache.set(lang, v);
  return v;
}
