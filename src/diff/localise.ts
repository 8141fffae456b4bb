// Localisation: the wording a local act changes only to name itself. The rules come from the acts
// compared, never from a list for one body: each act's `terms` ("Типовой методики" -> "Методики"),
// its `body` name in every form, the abbreviations of that name it defines ("(далее – аппарат
// маслихата)"), and the typical act's own words for "the body" (diff-vocabulary.yaml).
//
// A text is read as chunks: a run of tokens that matches a rule becomes one chunk with the rule's
// placeholder; both sides of a term map to the same placeholder, so two texts whose chunks are
// equal differ only by localisation. Rules match by stems: a term written in the genitive also
// covers its other cases ("Типовая методика" -> "Методика").
import type { Lang, MethodologyFile } from '../model/source.js';
import type { Token } from './tokens.js';
import { escapeRe, type RefKind, stemsOf, vocabulary } from './vocabulary.js';

export type RuleSide = 'term-from' | 'term-to' | 'body';

interface Rule {
  stems: string[];
  placeholder: string;
  side: RuleSide;
}

export interface Chunk {
  /** What the diff compares. */
  key: string;
  /** Token range [from, to) of the text. */
  from: number;
  to: number;
  /** Set when the chunk is a localisation placeholder. */
  rule?: Rule;
  /** Set when the chunk is a number that refers to a numbered element. */
  ref?: { kind: RefKind; n: string; suffix: string };
}

export interface Localiser {
  chunks(tokens: readonly Token[]): Chunk[];
  /** Whether a wording may contain a term's base side (cheap: decides whether to look closer). */
  mayName(text: string): boolean;
  /** Terms whose base wording ("Үлгілік әдістеменің") the act replaces, quoted, for the findings. */
  termsFrom(tokens: readonly Token[]): string[];
}

const BODY = '\u27e8body\u27e9';

/** Builds the localisation rules of the given acts (the local act and its base, or any two acts), whose wording is `texts`. */
export function localiser(lang: Lang, acts: readonly MethodologyFile[], texts: Iterable<string>): Localiser {
  const vocab = vocabulary(lang);
  const rules: Rule[] = [];
  const add = (stems: string[], placeholder: string, side: RuleSide) => {
    if (stems.length && !rules.some((r) => r.placeholder === placeholder && r.side === side && same(r.stems, stems))) rules.push({ stems, placeholder, side });
  };

  for (const act of acts) {
    for (const t of act.terms ?? []) {
      if (t.lang !== lang) continue;
      const to = stemsOf(t.to, lang);
      const placeholder = `\u27e8${to.join(' ')}\u27e9`;
      add(stemsOf(t.from, lang), placeholder, 'term-from');
      add(to, placeholder, 'term-to');
    }
  }
  const bodyStems = new Set<string>();
  for (const act of acts) {
    for (const form of Object.values(act.body?.[lang] ?? {})) {
      const stems = stemsOf(form, lang);
      stems.forEach((s) => bodyStems.add(s));
      add(stems, BODY, 'body');
    }
  }
  for (const p of vocab.bodyPlaceholders) add(p, BODY, 'body');
  // An abbreviation made only of words of the body's name is the body's short name.
  if (bodyStems.size) {
    for (const text of texts) {
      for (const m of text.matchAll(vocab.abbreviation)) {
        const name = m.groups!.name;
        const stems = stemsOf(name, lang);
        if (!stems.every((s) => bodyStems.has(s) || !/\p{L}/u.test(s))) continue;
        add(stems, BODY, 'body');
        // Defining the short name is naming the body too: "(далее – аппарат маслихата)".
        add(stemsOf(m[0], lang), BODY, 'body');
      }
    }
  }
  // The first word of each term's base side, to skip quickly a wording that cannot name one.
  const firsts = rules.filter((r) => r.side === 'term-from').map((r) => r.stems[0]);
  const probe = firsts.length ? new RegExp(firsts.map((f) => escapeRe(f).replace(/е/g, '[её]')).join('|'), 'iu') : undefined;

  const byFirst = new Map<string, Rule[]>();
  for (const r of rules) {
    const list = byFirst.get(r.stems[0]) ?? [];
    list.push(r);
    byFirst.set(r.stems[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);

  // Longest reference words first, so "тармақша" wins over "тармақ" at the start of a suffix.
  const refWords = [...vocab.references].sort((a, b) => b[0].length - a[0].length);

  const matchAt = (tokens: readonly Token[], i: number): Rule | undefined =>
    byFirst.get(tokens[i].stem)?.find((r) => r.stems.every((s, k) => tokens[i + k]?.stem === s));

  return {
    chunks(tokens) {
      const out: Chunk[] = [];
      for (let i = 0; i < tokens.length;) {
        const rule = matchAt(tokens, i);
        if (rule) {
          out.push({ key: rule.placeholder, from: i, to: i + rule.stems.length, rule });
          i += rule.stems.length;
          continue;
        }
        const ref = referenceAt(tokens, i, vocab.references, refWords);
        out.push({ key: tokens[i].key, from: i, to: i + 1, ...(ref ? { ref } : {}) });
        i++;
      }
      return out;
    },
    mayName(text) {
      // Words are compared with Latin look-alikes folded to Cyrillic: a text with Latin letters is always read.
      return !!probe && (/[A-Za-z]/.test(text) || probe.test(text));
    },
    termsFrom(tokens) {
      const found: string[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const rule = matchAt(tokens, i);
        if (rule?.side === 'term-from') found.push(tokens.slice(i, i + rule.stems.length).map((t, k) => (k ? t.ws : '') + t.text).join(''));
        if (rule) i += rule.stems.length - 1;
      }
      return found;
    },
  };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * A number that refers to a numbered element: after a reference word ("в пункте 11") or with
 * the word joined to it ("10-тармағында").
 */
function referenceAt(tokens: readonly Token[], i: number, words: ReadonlyMap<string, RefKind>, bySuffix: ReadonlyArray<[string, RefKind]>): Chunk['ref'] {
  const t = tokens[i];
  if (t.kind !== 'number') return undefined;
  const m = /^(\p{N}+)(?:-(.+))?$/u.exec(t.key);
  if (!m) return undefined;
  const [, n, suffix = ''] = m;
  if (suffix) {
    // The suffix is an inflected word ("тармағында"): compare its beginning with the stem.
    const hit = bySuffix.find(([word]) => suffix.startsWith(word));
    return hit ? { kind: hit[1], n, suffix } : undefined;
  }
  const prev = tokens[i - 1];
  const kind = prev?.kind === 'word' ? words.get(prev.stem) : undefined;
  return kind ? { kind, n, suffix } : undefined;
}

