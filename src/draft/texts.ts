// Each text of the drafted act, language by language: the drafter's own wording where the answers
// give it (marked "supplied by the drafter"), else the template's; a language with neither is
// recorded as missing, with the other language's wording to show the drafter.
import type { Lang, Text } from '../model/source.js';
import type { Answers } from './answers.js';
import { expressionsOf } from './checks.js';

export const SUPPLIED = 'supplied by the drafter';

export interface Missing {
  /** The key of `wording:` in the answers that supplies it. */
  key: string;
  lang: Lang;
  /** Where it goes, in English ("point 17, paragraph 3"). */
  what: string;
  /** The act's wording in another language, to translate from. */
  other?: { lang: Lang; text: string };
}

export class Drafting {
  readonly missing: Missing[] = [];
  /** The `wording:` keys some text took. */
  readonly used = new Set<string>();
  /** Supplied wording whose {{...}} expressions differ from the other language's. */
  readonly mismatches: string[] = [];

  constructor(readonly answers: Answers, readonly langs: Lang[]) {}

  /** The text `key` in every language of the act; `fallback` words a language the drafter did not. */
  text(key: string, what: string, fallback: (lang: Lang) => string | undefined): Text {
    const own = this.answers.wording?.[key];
    const text: Text = {};
    const provenance: Partial<Record<Lang, string>> = {};
    for (const lang of this.langs) {
      const supplied = own?.[lang];
      if (typeof supplied === 'string' && supplied.trim()) {
        text[lang] = supplied.trim();
        provenance[lang] = SUPPLIED;
        this.used.add(key);
      } else {
        const s = fallback(lang);
        if (s !== undefined) text[lang] = s;
      }
    }
    for (const lang of this.langs) {
      if (text[lang] !== undefined) continue;
      const from = this.langs.find((l) => text[l] !== undefined);
      this.missing.push({ key, lang, what, ...(from ? { other: { lang: from, text: text[from]! } } : {}) });
    }
    for (const lang of Object.keys(provenance) as Lang[]) {
      const other = this.langs.find((l) => l !== lang && text[l] !== undefined);
      if (other && expressionsOf(text[lang]!).join(' ') !== expressionsOf(text[other]!).join(' ')) {
        this.mismatches.push(`wording.${key}.${lang}: ${what} uses ${expressionsOf(text[lang]!).join(', ') || 'no {{...}} expression'}, the ${other} text ${expressionsOf(text[other]!).join(', ') || 'none'}: write the same, so that a reference follows renumbering`);
      }
    }
    if (Object.keys(provenance).length) text.provenance = provenance;
    return text;
  }
}
