/**
 * @rule mixed-script
 * No word mixes Latin and Cyrillic letters. 000's point 17 prints "к настоящей Mетодике" with a
 * Latin "M": the word looks right but is another string, which a search for "Методике", a
 * spell-checker and the term substitution of a derived act all miss. (Category codes, which are
 * Latin by rule, are judged by category-code.)
 *
 * @ok local-ru.yaml
 *   a clean local act (ru) derived from the typical act
 * @not-ok mixed-script-not-ok.yaml
 *   "к настоящей Mетодике" (Latin M)
 *   7:16  warning  point 17: "Mетодике" mixes Latin ("M") and Cyrillic letters
 */
import { isCyrillic, isLatin, wordsOf } from '../text/words.js';
import type { Rule } from '../types.js';

export const mixedScript: Rule = {
  id: 'mixed-script',
  severity: 'warning',
  check(ctx, report) {
    for (const para of ctx.all()) {
      for (const { word } of wordsOf(para.text)) {
        const chars = [...word];
        if (!chars.some(isLatin) || !chars.some(isCyrillic)) continue;
        const minority = chars.filter(isLatin).length <= chars.filter(isCyrillic).length ? 'Latin' : 'Cyrillic';
        const odd = [...new Set(chars.filter(minority === 'Latin' ? isLatin : isCyrillic))].map((c) => `"${c}"`).join(', ');
        report(`${para.label}: "${word}" mixes ${minority} (${odd}) and ${minority === 'Latin' ? 'Cyrillic' : 'Latin'} letters`, para);
      }
    }
  },
};
