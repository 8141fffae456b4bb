/**
 * @rule category-code
 * Every category code the methodology names ("B-1", "C-O-1", "E-2") is a code of the register of
 * positions (src/engine/register.ts; an act with another register lists its codes in
 * `scoring.settings.categories`), written as the register writes it: Latin letters, no spaces.
 * An unknown code is an error; a code typed with Cyrillic look-alikes ("С-1", "Е-2") or with spaces
 * ("Е - 2") is a warning: it reads the same but a search, or a system matching codes, misses it.
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok category-code-not-ok.yaml
 *   "категории Е - 2 или D-9"
 *   7:16  error  sub-point 3) of point 3: "D-9" is not a category of the register of positions
 *   7:16  warning  sub-point 3) of point 3: "Е - 2" is typed with Cyrillic "Е" and spaces; the register writes E-2
 */
import { codesIn, knownCodes } from '../categories.js';
import type { Rule } from '../types.js';

export const categoryCode: Rule = {
  id: 'category-code',
  severity: 'error',
  check(ctx, report) {
    const known = knownCodes(ctx.source);
    for (const para of ctx.all()) {
      if (para.scope !== 'methodology') continue;
      const codes = codesIn(para.text);
      for (const c of codes.filter((x) => !known.has(x.code))) report(`${para.label}: "${c.printed}" is not a category of the register of positions`, para);
      const typed = codes.filter((x) => known.has(x.code) && x.printed !== x.code);
      if (!typed.length) continue;
      const list = typed.map((x) => `"${x.printed}"`).join(', ');
      const cyrillic = [...new Set(typed.flatMap((x) => x.printed.match(/[ВСЕОР]/gu) ?? []))];
      const how = [cyrillic.length ? `Cyrillic ${cyrillic.map((ch) => `"${ch}"`).join(', ')}` : '', typed.some((x) => /\s/.test(x.printed)) ? 'spaces' : ''].filter(Boolean).join(' and ');
      const fix = [...new Set(typed.map((x) => x.code))].join(', ');
      report(`${para.label}: ${list} ${typed.length === 1 ? 'is' : 'are'} typed with ${how}; the register writes ${fix}`, para, 'warning');
    }
  },
};
