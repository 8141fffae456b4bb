// Undoing the artefacts of text extracted from a PDF: a paragraph's lines joined into one text
// with the words broken at a line end rejoined, words spaced out letter by letter or split around
// one letter joined, a word displaced into the end of its line put back, and words a table cell
// glued together separated. A repair needs evidence from the document itself (the joined word
// occurs elsewhere in it) where a wrong repair could damage a real word; every repair is reported.
import type { Lang } from '../model/source.js';
import type { Line } from './lines.js';
import { excerpt, type ImportReport } from './report.js';

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const isLoneLetter = (t: string | undefined) => t !== undefined && t.length === 1 && t.toLowerCase() !== t.toUpperCase();

/** Single letters that are words by themselves ("в оценке", "и", "с"). */
const STANDALONE: Record<Lang, Set<string>> = {
  ru: new Set(['в', 'с', 'к', 'о', 'у', 'и', 'а', 'я', 'В', 'С', 'К', 'О', 'У', 'И', 'А', 'Я']),
  kk: new Set(['е', 'Е']),
};

/** The words of the document, lower-cased, counted where they stand as words (not as fragments). */
export class Lexicon {
  private readonly words = new Map<string, number>();
  private readonly hyphenated = new Set<string>();
  private readonly stems = new Set<string>();

  constructor(lines: readonly Line[], readonly lang: Lang) {
    let broken = false;
    const count = (w: string) => this.words.set(w, (this.words.get(w) ?? 0) + 1);
    for (const l of lines) {
      // A cell that only sets a block apart on the web page may hold words glued together.
      if (!l.text || (l.pipe && l.pipe.filter(Boolean).length <= 1)) continue;
      const tokens = l.text.match(WORD) ?? [];
      // The halves of a word hyphenated at a line end are not words.
      const breaks = /\p{L}-$/u.test(l.text);
      for (let i = 0; i < tokens.length; i++) {
        if ((i === 0 && broken) || (i === tokens.length - 1 && breaks)) continue;
        // A token next to a lone letter may be a fragment ("в зысканий"): it does not count.
        if (isLoneLetter(tokens[i - 1]) || isLoneLetter(tokens[i + 1])) continue;
        const w = tokens[i].toLowerCase();
        count(w);
        if (w.includes('-')) {
          this.hyphenated.add(w);
          for (const part of w.split('-')) count(part);
        }
        if (w.length >= 6) this.stems.add(w.slice(0, 6));
      }
      broken = breaks;
    }
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }

  /** A word of the document begins with the same six letters (another form of it). */
  hasStem(word: string): boolean {
    return word.length >= 6 && this.stems.has(word.toLowerCase().slice(0, 6));
  }

  /** "X-Y" is printed with its hyphen elsewhere in the document. */
  hasHyphenated(word: string): boolean {
    return this.hyphenated.has(word.toLowerCase());
  }
}

/** Arguments of report.add for a repair at [line, to]. */
const withLine = ([line, to]: [number, number | undefined], message: string): [number, string, number | undefined] => [line, message, to];

export class Repairer {
  constructor(readonly lexicon: Lexicon, readonly report: ImportReport) {}

  get lang(): Lang {
    return this.lexicon.lang;
  }

  /** One line's wording with a displaced word put back (see `putBack`). */
  line(l: Line): string {
    return this.putBack(l.text, l.no);
  }

  /**
   * The PDF leaves a hole (two spaces) where a word was and prints the word at the end of the
   * line ("согласно  к настоящему решению приложению"); "№" followed by no number takes the
   * number printed at the line's end ("№ (зарегистрировано в Реестре 15/165").
   */
  putBack(text: string, no: number): string {
    const numberSign = /№ (?!\d)(.*\S)\s+(\d[\d/.-]*)$/.exec(text);
    if (numberSign && !/№/.test(numberSign[1])) {
      const fixed = `${text.slice(0, numberSign.index)}№ ${numberSign[2]} ${numberSign[1]}`;
      this.report.add('repaired', no, `number put back after "№": ${excerpt(fixed)}`);
      return fixed;
    }
    const hole = /^(.*\S) {2,}(\S.*)$/.exec(text);
    if (!hole || /_{3,}/.test(text)) return text.replace(/ {2,}/g, ' ');
    const after = hole[2].split(' ');
    const take = after.length >= 3 && /^\d[\d,.]*$/.test(after[after.length - 2]) ? 2 : 1;
    if (after.length <= take) return `${hole[1]} ${hole[2]}`.replace(/ {2,}/g, ' ');
    const moved = after.slice(-take);
    const fixed = [hole[1], ...moved, ...after.slice(0, -take)].join(' ').replace(/ {2,}/g, ' ');
    this.report.add('repaired', no, `word displaced to the end of the line put back: ${excerpt(fixed)}`);
    return fixed;
  }

  /** Joins a paragraph's lines into one text and repairs the words. */
  join(lines: readonly Line[]): string {
    let out = '';
    let quotes = 0;
    let prevNo = 0;
    for (const l of lines) {
      const t = this.line(l);
      if (!t) continue;
      if (!out) {
        out = t;
      } else {
        const broken = /(\p{L})-$/u.exec(out);
        const first = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u.exec(t)?.[0] ?? '';
        if (broken && /^\p{Ll}/u.test(t)) {
          const head = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-$/u.exec(out)?.[0].slice(0, -1) ?? '';
          const keep = this.lexicon.hasHyphenated(`${head}-${first}`) || !this.lexicon.has(`${head}${first}`) && this.lexicon.has(head) && this.lexicon.has(first) && head.length > 2;
          if (!keep) this.report.add('repaired', prevNo, `word hyphenated at the line end rejoined: "${head}${first}"`, l.no);
          out = keep ? out + t : out.slice(0, -1) + t;
        } else if (/\d-$/.test(out) || /[(«„/]$/.test(out) || (out.endsWith('"') && quotes % 2 === 1) || /^[)\].,;:!?»/]/.test(t)) {
          out += t;
        } else {
          out += ` ${t}`;
        }
      }
      quotes += (t.match(/"/g) ?? []).length;
      prevNo = l.no;
    }
    return this.words(out, lines[0]?.no ?? 0, lines[lines.length - 1]?.no, lines);
  }

  /** Spaced-out letters and words split around one letter, in a text already joined (from input line `no` to `to`). */
  words(text: string, no: number, to?: number, lines?: readonly Line[]): string {
    // The input line that holds a fragment, when the paragraph's lines are known.
    const at = (fragment: string): [number, number | undefined] => {
      const l = lines?.find((x) => x.text.replace(/ {2,}/g, ' ').includes(fragment));
      return l ? [l.no, undefined] : [no, to];
    };
    // The space justification put before the punctuation after a spaced-out word goes too.
    let s = text.replace(/(?<![\p{L}\p{N}])\p{L}(?: \p{L}(?![\p{L}\p{N}])){2,}(?: (?=[,;:.)]))?/gu, (m) => {
      const w = m.replace(/ /g, '');
      this.report.add('repaired', ...withLine(at(m.trim()), `letters spaced out joined: "${w}"`));
      return w;
    });
    s = this.loneLetters(s, at);
    // "бекітілсін.әдістемесі" closing a paragraph: the last line's word went before the one it follows.
    s = s.replace(/(\s)([а-яёәғқңөұүһі]{2,})\.([а-яёәғқңөұүһі]{2,})\s*$/u, (_m, sp: string, a: string, b: string) => {
      this.report.add('repaired', no, `words out of order at the paragraph's end put back: "${b} ${a}."`, to);
      return `${sp}${b} ${a}.`;
    });
    return s.replace(/ {2,}/g, ' ').trim();
  }

  /** "в зысканий" -> "взысканий", "нег і зделген" -> "негізделген" (see the class comment). */
  private loneLetters(text: string, at: (fragment: string) => [number, number | undefined]): string {
    const tokens = text.split(' ');
    const out: string[] = [];
    const bare = (t: string) => t.replace(/^[("«]+|[),.;:!?»"]+$/g, '');
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (bare(t).length === 1 && /^\p{Ll}$/u.test(bare(t)) && t === bare(t)) {
        const prev = out.length ? bare(out[out.length - 1]) : '';
        const next = tokens[i + 1] !== undefined ? bare(tokens[i + 1]) : '';
        const nextIsWord = /^\p{Ll}+$/u.test(next) && next.length > 1;
        const prevIsWord = /^\p{Ll}+$/u.test(prev) && prev.length > 1;
        // Three fragments: neither neighbour is a word of the document, and the letter is no word.
        if (prevIsWord && nextIsWord && !this.lexicon.has(prev) && !this.lexicon.has(next) && !STANDALONE[this.lang].has(t)) {
          const where = at(`${out[out.length - 1]} ${t}`);
          const joined = out.pop()! + t + tokens[++i];
          this.report.add('repaired', ...withLine(where, `word split around a letter joined: "${bare(joined)}"`));
          out.push(joined);
          continue;
        }
        // Two fragments: the letter and a non-word that together make a word of the document.
        if (nextIsWord && !this.lexicon.has(next) && this.lexicon.has(t + next)) {
          const joined = t + tokens[++i];
          this.report.add('repaired', ...withLine(at(`${t} ${next}`), `word split after its first letter joined: "${bare(joined)}"`));
          out.push(joined);
          continue;
        }
      }
      out.push(t);
    }
    return out.join(' ');
  }

  /**
   * Words a table cell of the web page glued together ("мәслихатыныңаппараты",
   * "наурыздағы№ 17/212", "1-қосымшаНысан"): split where a lower-case letter meets a capital, a
   * digit, "№" or a quote, and where two words of the document meet.
   */
  unglue(text: string, no: number): string {
    const before = text;
    let s = text
      .replace(/(\p{Ll})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .replace(/(\p{Ll})(\d)/gu, '$1 $2')
      .replace(/(\p{L})(№)/gu, '$1 $2')
      .replace(/(\p{Ll})"(?=\p{L})/gu, '$1 "')
      .replace(/"(\p{Ll})/gu, (m, a: string, off: number, all: string) => ((all.slice(0, off).match(/"/g) ?? []).length % 2 === 1 ? `" ${a}` : m))
      .replace(/([)])(\p{L})/gu, '$1 $2')
      .replace(/_(\p{L}|\()/gu, '_ $1')
      .replace(/(\p{L}|\))_/gu, '$1 _');
    s = s.replace(/\p{Ll}{6,}/gu, (w) => this.split(w) ?? w);
    if (s !== before) this.report.add('repaired', no, `words glued together in a table cell separated: ${excerpt(s, 100)}`);
    return s;
  }

  private split(word: string): string | undefined {
    if (this.lexicon.has(word)) return undefined;
    for (let k = 3; k <= word.length - 3; k++) {
      const a = word.slice(0, k);
      const b = word.slice(k);
      if (this.lexicon.has(a) && this.lexicon.has(b)) return `${a} ${b}`;
    }
    // One half may be another form of a word of the document ("әдістемесіне" beside "әдістемесі").
    for (let k = 5; k <= word.length - 6; k++) {
      const a = word.slice(0, k);
      const b = word.slice(k);
      if (this.lexicon.has(a) && this.lexicon.hasStem(b)) return `${a} ${b}`;
    }
    return undefined;
  }
}
