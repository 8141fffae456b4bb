// Expressions inside the act's wording ({{ref "id"}}, {{grade "id"}} ...), expanded with
// handlebars in strict mode: only the known helpers, no variables, no prototype access.
import Handlebars from 'handlebars';
import type { Lang, MethodologyFile, Text } from '../model/source.js';
import { formatDecimal, kkAblative } from '../lang/numbers.js';
import { renderTemplate } from './templates.js';

const hb = Handlebars.create();
// The act's text may use our expressions only: handlebars' own helpers (each, if, lookup ...)
// are switched off, so text cannot loop, branch or look things up.
const BUILTINS = ['each', 'if', 'unless', 'with', 'log', 'lookup'];
for (const name of BUILTINS) hb.unregisterHelper(name);
const KNOWN_HELPERS = { ref: true, grade: true, band: true, cap: true, body: true } as const;
const COMPILE_HELPERS = { ...KNOWN_HELPERS, ...Object.fromEntries(BUILTINS.map((n) => [n, false])) };
const compiled = new Map<string, HandlebarsTemplateDelegate>();

export class ExpansionError extends Error {}

export interface ExpandContext {
  lang: Lang;
  source: MethodologyFile;
  numbers: Map<string, string>;
  removed: Set<string>;
}

export function helpersFor(ctx: ExpandContext): Record<string, Handlebars.HelperDelegate> {
  const { lang, source } = ctx;
  const scoring = source.scoring ?? { system: '' };
  const grade = (id: unknown) => {
    const g = scoring.grades?.find((x) => x.grade === id);
    if (!g) throw new ExpansionError(`{{grade "${id}"}}: no grade "${id}" in scoring.grades`);
    return g;
  };
  const wordingOf = (t: Text, what: string) => {
    const s = t[lang];
    if (s === undefined) throw new ExpansionError(`${what} has no ${lang} wording`);
    return s;
  };
  return {
    ref(id: unknown) {
      const n = ctx.numbers.get(String(id));
      if (n !== undefined) return n;
      if (ctx.removed.has(String(id))) throw new ExpansionError(`{{ref "${id}"}} refers to a node this act removes`);
      throw new ExpansionError(`{{ref "${id}"}}: no numbered node has the id "${id}"`);
    },
    grade(id: unknown, options: Handlebars.HelperOptions) {
      const s = wordingOf(grade(id).wording, `grade "${id}"`);
      return options.hash?.case === 'lower' ? s.charAt(0).toLowerCase() + s.slice(1) : s;
    },
    band(id: unknown) {
      const g = grade(id);
      const min = formatDecimal(g.min);
      return renderTemplate(lang, 'band', { min, max: formatDecimal(g.max), minAblative: kkAblative(min) });
    },
    cap(id: unknown) {
      const c = scoring.caps?.find((x) => x.cap === id);
      if (!c) throw new ExpansionError(`{{cap "${id}"}}: no cap "${id}" in scoring.caps`);
      return formatDecimal(c.max);
    },
    body(form: unknown) {
      const forms = source.body?.[lang];
      const s = forms?.[String(form)];
      if (s === undefined) throw new ExpansionError(`{{body "${form}"}}: the body's name has no ${lang} form "${form}"`);
      return s;
    },
  };
}

/** Expands one string; throws ExpansionError with a message a person can act on. */
export function expand(s: string, ctx: ExpandContext, helpers = helpersFor(ctx)): string {
  if (!s.includes('{{')) return s;
  let t = compiled.get(s);
  if (!t) {
    t = hb.compile(s, { strict: true, knownHelpers: COMPILE_HELPERS, knownHelpersOnly: true, noEscape: true });
    compiled.set(s, t);
  }
  try {
    return t({}, { helpers, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    if (e instanceof ExpansionError) throw e;
    const msg = (e as Error).message.split('\n')[0];
    const unknownHelper = /unknown helper (\S+)/.exec(msg);
    if (unknownHelper) throw new ExpansionError(`unknown expression "${unknownHelper[1]}" (known: ${Object.keys(KNOWN_HELPERS).join(', ')})`);
    const unknownVar = /"([^"]+)" not defined/.exec(msg);
    if (unknownVar) throw new ExpansionError(`unknown template variable "${unknownVar[1]}" (text may use only ${Object.keys(KNOWN_HELPERS).map((k) => `{{${k} ...}}`).join(', ')})`);
    throw new ExpansionError(`template error: ${msg}`);
  }
}

