// Category codes of corps "B" positions as printed in an act's text ("B-1", "C-O-1", "Е - 2"), and
// the codes an act may name: the register's (src/engine/register.ts), or the act's own list in
// `scoring.settings.categories` when its register differs.
import { CORPS_B_CATEGORIES } from '../engine/register.js';
import type { CategoryRef, MethodologyFile } from '../model/source.js';

/** Cyrillic letters that print like the Latin letters of a code. */
const LOOKALIKES: Record<string, string> = { 'В': 'B', 'С': 'C', 'Е': 'E', 'О': 'O', 'Р': 'R' };
const LETTER = '[BCDEGORВСЕОР]';
const CODE = new RegExp(`(?<![\\p{L}\\p{N}])(${LETTER}(?:\\s?-\\s?${LETTER})?\\s?-\\s?\\d{1,2})(?![\\p{L}\\p{N}])`, 'gu');

export interface PrintedCode {
  /** As printed: "Е - 2". */
  printed: string;
  /** In the register's spelling: "E-2". */
  code: string;
  index: number;
}

export function codesIn(text: string): PrintedCode[] {
  return [...text.matchAll(CODE)].map((m) => ({
    printed: m[1],
    code: [...m[1].replace(/\s/g, '')].map((ch) => LOOKALIKES[ch] ?? ch).join(''),
    index: m.index!,
  }));
}

export const codeOf = (ref: CategoryRef) => (typeof ref === 'string' ? ref : ref.category);

/** The codes the act may name. */
export function knownCodes(source: MethodologyFile): Set<string> {
  const own = source.scoring?.settings?.categories;
  return new Set(Array.isArray(own) ? own.map(String) : CORPS_B_CATEGORIES.codes);
}
