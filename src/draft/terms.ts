// The typical act's name for itself ("настоящей Типовой методики", "осы Үлгілік әдістеменің"),
// replaced in the text a local act inherits by its own name ("настоящей Методики"): one term for
// each inflected form the base prints in text the drafted act keeps, so none is left over and
// none is unused.
import type { Change, Lang, MethodologyFile, Term } from '../model/source.js';
import { indexNodes, isText } from '../resolve/nodes.js';
import { removedWithParts, targetOf } from './changes.js';
import { capitalise } from './wording.js';
import { draftVocabulary } from './vocabulary.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every form of the typical act's name for itself that the base prints, as a term. */
export function candidateTerms(base: MethodologyFile, langs: readonly Lang[]): Term[] {
  const terms: Term[] = [];
  const index = indexNodes({ methodology: base.methodology, scoring: base.scoring }, '');
  for (const lang of langs) {
    const pattern = draftVocabulary(lang).typical;
    for (const entry of index.values()) {
      for (const value of Object.values(entry.node)) {
        if (!isText(value) || typeof value[lang] !== 'string') continue;
        for (const m of value[lang]!.matchAll(pattern)) {
          const from = m[0].replace(/\s+/g, ' ');
          if (!terms.some((t) => t.lang === lang && t.from === from)) terms.push({ lang, from, to: capitalise(m[1]) });
        }
      }
    }
  }
  return terms;
}

/** The terms that match text the drafted act inherits as it is (not removed, not reworded). */
export function termsInUse(terms: readonly Term[], base: MethodologyFile, changes: readonly Change[]): Term[] {
  const index = indexNodes({ methodology: base.methodology, scoring: base.scoring }, '');
  const gone = removedWithParts(index, new Set(changes.filter((c) => 'remove' in c).map(targetOf)));
  const rewritten = new Map(changes.filter((c) => 'replace' in c).map((c) => [targetOf(c), c as Record<string, unknown>]));
  const kept: string[] = [];
  for (const entry of index.values()) {
    if (gone.has(entry.id) || entry.kind === 'footnote') continue;
    for (const [field, value] of Object.entries(entry.node)) {
      if (isText(value) && !rewritten.get(entry.id)?.[field]) kept.push(...(['ru', 'kk'] as const).map((l) => `${l}\u0000${value[l] ?? ''}`));
    }
  }
  return terms.filter((t) => {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(t.from)}(?![\\p{L}\\p{N}])`, 'u');
    return kept.some((k) => k.startsWith(`${t.lang}\u0000`) && re.test(k));
  });
}
