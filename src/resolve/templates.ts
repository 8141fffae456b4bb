// Fixed wording lives in templates/<lang>/: handlebars templates (*.hbs) and a vocabulary
// (words.yaml), in strict mode, with no access to prototypes. `npm run build` precompiles the
// templates into dist/templates.cjs, each stamped with a hash of its source; at run time a
// template whose stamp matches runs on the small handlebars runtime, and one that was edited
// since the build (or any, when running from source) is compiled on the spot. Handlebars'
// compiler (and the source-map library it loads) thus stays off the command line's start-up.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Lang } from '../model/source.js';
import { PACKAGE_ROOT, TEMPLATES_DIR } from '../paths.js';

const require = createRequire(import.meta.url);

export interface Words {
  months: string[];
  'months-on': string[];
  kind: Record<'order' | 'decision', Record<string, string>>;
  missing: string;
}

type Template = (context: unknown, options?: Record<string, unknown>) => string;
/** "lang/name" -> a template's spec, and "lang/words" -> the parsed words.yaml, each with its source's hash. */
type Precompiled = Record<string, { hash: string; spec?: unknown; words?: Words }>;

interface LangTemplates {
  words: Words;
  templates: Map<string, Template>;
}

export const PRECOMPILED_FILE = join(PACKAGE_ROOT, 'dist', 'templates.cjs');
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

export class TemplateError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

export function templateHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/** The sources of one language's templates, keyed "lang/name". */
export function templateSources(lang: Lang, dir = TEMPLATES_DIR): Map<string, { file: string; source: string }> {
  const out = new Map<string, { file: string; source: string }>();
  const langDir = join(dir, lang);
  for (const name of readdirSync(langDir).filter((n) => n.endsWith('.hbs')).sort()) {
    const file = join(langDir, name);
    out.set(`${lang}/${name.slice(0, -4)}`, { file, source: readFileSync(file, 'utf8').replace(/\r?\n$/, '') });
  }
  return out;
}

let runtime: { template(spec: unknown): Template; registerHelper(name: string, fn: unknown): void } | undefined;
let compiler: { compile(src: string, opts: object): Template; precompile(src: string, opts: object): string } | undefined;
let precompiled: Precompiled | undefined;

function withHelpers<T extends { registerHelper(name: string, fn: unknown): void }>(env: T): T {
  env.registerHelper('upper', (s: unknown) => String(s).toUpperCase());
  return env;
}

function fromSource(file: string, source: string): Template {
  compiler ??= withHelpers((require('handlebars') as { create(): NonNullable<typeof compiler> & { registerHelper(n: string, f: unknown): void } }).create());
  try {
    // precompile parses now, so a syntax error names its template at load, not at first use.
    compiler.precompile(source, COMPILE_OPTIONS);
    return compiler.compile(source, COMPILE_OPTIONS);
  } catch (e) {
    throw new TemplateError(file, `template syntax error: ${(e as Error).message.split('\n')[0]}`);
  }
}

function fromSpec(spec: unknown): Template {
  runtime ??= withHelpers((require('handlebars/runtime') as { default: { create(): NonNullable<typeof runtime> } }).default.create());
  return runtime.template(spec);
}

const cache = new Map<string, LangTemplates>();

function load(lang: Lang, dir = TEMPLATES_DIR): LangTemplates {
  const key = `${dir}\0${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  precompiled ??= existsSync(PRECOMPILED_FILE) ? (require(PRECOMPILED_FILE) as Precompiled) : {};
  const templates = new Map<string, Template>();
  for (const [id, { file, source }] of templateSources(lang, dir)) {
    const pre = precompiled[id];
    templates.set(id.slice(lang.length + 1), pre && pre.hash === templateHash(source) ? fromSpec(pre.spec) : fromSource(file, source));
  }
  const wordsSource = readFileSync(join(dir, lang, 'words.yaml'), 'utf8');
  const preWords = precompiled[`${lang}/words`];
  const words = preWords?.words && preWords.hash === templateHash(wordsSource) ? preWords.words : parseWords(wordsSource);
  const loaded = { words, templates };
  cache.set(key, loaded);
  return loaded;
}

function parseWords(source: string): Words {
  return (require('yaml') as typeof import('yaml')).parse(source) as Words;
}

export function words(lang: Lang): Words {
  return load(lang).words;
}

export function renderTemplate(lang: Lang, name: string, context: Record<string, unknown>): string {
  const t = load(lang).templates.get(name);
  if (!t) throw new TemplateError(join(TEMPLATES_DIR, lang, `${name}.hbs`), 'template not found');
  try {
    return t(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (e) {
    throw new TemplateError(join(TEMPLATES_DIR, lang, `${name}.hbs`), (e as Error).message.split('\n')[0]);
  }
}

/** Build step: the precompiled templates of every language, as a CommonJS module. */
export function precompileAll(langs: readonly Lang[]): string {
  compiler ??= withHelpers((require('handlebars') as { create(): NonNullable<typeof compiler> & { registerHelper(n: string, f: unknown): void } }).create());
  const entries = langs.flatMap((lang) => {
    const wordsSource = readFileSync(join(TEMPLATES_DIR, lang, 'words.yaml'), 'utf8');
    return [
      ...[...templateSources(lang)].map(([id, { source }]) => `  ${JSON.stringify(id)}: { hash: ${JSON.stringify(templateHash(source))}, spec: ${compiler!.precompile(source, COMPILE_OPTIONS)} },`),
      `  ${JSON.stringify(`${lang}/words`)}: { hash: ${JSON.stringify(templateHash(wordsSource))}, words: ${JSON.stringify(parseWords(wordsSource))} },`,
    ];
  });
  return `// Generated by npm run build from templates/; do not edit.\nmodule.exports = {\n${entries.join('\n')}\n};\n`;
}
