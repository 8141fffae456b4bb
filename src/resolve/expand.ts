// Expressions inside the act's wording ({{ref "id"}}, {{grade "id"}} ...). The text is parsed by
// handlebars' own parser and the tree interpreted here: only our helpers with literal arguments
// exist, so there are no variables, no blocks, no partials and no property lookups at all (a
// stricter handlebars "strict mode" with nothing to reach a prototype through), and handlebars'
// code generator stays off the start-up path.
import { createRequire } from 'node:module';
import type { Lang, MethodologyFile, Text } from '../model/source.js';
import { formatDecimal, kkAblative } from '../lang/numbers.js';
import { renderTemplate } from './templates.js';

const require = createRequire(import.meta.url);

// The part of handlebars' syntax tree this interpreter reads.
namespace AST {
  export interface Node { type: string }
  export interface Literal extends Node { value: string | number }
  export interface Path extends Node { original: string }
  export interface Mustache extends Node { path: Node; params: Node[]; hash?: { pairs: Array<{ key: string; value: Node }> } }
  export interface Block extends Node { path: Path }
  export interface Content extends Node { value: string }
  export interface Program extends Node { body: Node[] }
}
const { parse } = require('handlebars/dist/cjs/handlebars/compiler/base.js') as { parse(input: string): AST.Program };

type Helper = (args: Array<string | number>, hash: Record<string, string | number>) => string;
const KNOWN_HELPERS = ['ref', 'grade', 'band', 'cap', 'body'] as const;
const parsed = new Map<string, AST.Program>();

export class ExpansionError extends Error {}

export interface ExpandContext {
  lang: Lang;
  source: MethodologyFile;
  numbers: Map<string, string>;
  removed: Set<string>;
}

export function helpersFor(ctx: ExpandContext): Record<string, Helper> {
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
    ref([id]) {
      const n = ctx.numbers.get(String(id));
      if (n !== undefined) return n;
      if (ctx.removed.has(String(id))) throw new ExpansionError(`{{ref "${id}"}} refers to a node this act removes`);
      throw new ExpansionError(`{{ref "${id}"}}: no numbered node has the id "${id}"`);
    },
    grade([id], hash) {
      const s = wordingOf(grade(id).wording, `grade "${id}"`);
      return hash.case === 'lower' ? s.charAt(0).toLowerCase() + s.slice(1) : s;
    },
    band([id]) {
      const g = grade(id);
      const min = formatDecimal(g.min);
      return renderTemplate(lang, 'band', { min, max: formatDecimal(g.max), minAblative: kkAblative(min) });
    },
    cap([id]) {
      const c = scoring.caps?.find((x) => x.cap === id);
      if (!c) throw new ExpansionError(`{{cap "${id}"}}: no cap "${id}" in scoring.caps`);
      return formatDecimal(c.max);
    },
    body([form]) {
      const forms = source.body?.[lang];
      const s = forms?.[String(form)];
      if (s === undefined) throw new ExpansionError(`{{body "${form}"}}: the body's name has no ${lang} form "${form}"`);
      return s;
    },
  };
}

function literal(node: AST.Node, what: string): string | number {
  if (node.type === 'StringLiteral' || node.type === 'NumberLiteral') return (node as AST.Literal).value;
  throw new ExpansionError(`${what} must be a quoted value, not ${node.type === 'PathExpression' ? `the variable "${(node as AST.Path).original}"` : 'an expression'}`);
}

function statement(node: AST.Node, helpers: Record<string, Helper>): string {
  switch (node.type) {
    case 'ContentStatement':
      return (node as AST.Content).value;
    case 'CommentStatement':
      return '';
    case 'MustacheStatement': {
      const m = node as AST.Mustache;
      const name = m.path.type === 'PathExpression' ? (m.path as AST.Path).original : '';
      const known = (KNOWN_HELPERS as readonly string[]).includes(name);
      if (!known && m.params.length === 0 && !m.hash) {
        throw new ExpansionError(`unknown template variable "${name}" (text may use only ${KNOWN_HELPERS.map((k) => `{{${k} ...}}`).join(', ')})`);
      }
      if (!known) throw new ExpansionError(`unknown expression "${name}" (known: ${KNOWN_HELPERS.join(', ')})`);
      const args = m.params.map((p, i) => literal(p, `argument ${i + 1} of {{${name}}}`));
      const hash = Object.fromEntries((m.hash?.pairs ?? []).map((p) => [p.key, literal(p.value, `${p.key}= of {{${name}}}`)]));
      return helpers[name](args, hash);
    }
    case 'BlockStatement': {
      const name = (node as AST.Block).path.original;
      throw new ExpansionError(`unknown expression "${name}" (known: ${KNOWN_HELPERS.join(', ')}; blocks are not allowed in text)`);
    }
    default:
      throw new ExpansionError(`${node.type.replace('Statement', '').toLowerCase()} expressions are not allowed in text`);
  }
}

/** Expands one string; throws ExpansionError with a message a person can act on. */
export function expand(s: string, ctx: ExpandContext, helpers = helpersFor(ctx)): string {
  if (!s.includes('{{')) return s;
  let program = parsed.get(s);
  if (!program) {
    try {
      program = parse(s);
    } catch (e) {
      throw new ExpansionError(`template syntax error: ${(e as Error).message.split('\n')[0]}`);
    }
    parsed.set(s, program);
  }
  return program.body.map((n) => statement(n, helpers)).join('');
}
