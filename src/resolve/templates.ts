// Fixed wording lives in templates/<lang>/: handlebars templates (*.hbs) and a vocabulary
// (words.yaml). They are compiled once, in strict mode, with no access to prototypes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import type { Lang } from '../model/source.js';
import { TEMPLATES_DIR } from '../paths.js';



export interface Words {
  months: string[];
  kind: Record<'order' | 'decision', Record<string, string>>;
  missing: string;
}

interface LangTemplates {
  words: Words;
  templates: Map<string, HandlebarsTemplateDelegate>;
}

const cache = new Map<string, LangTemplates>();
const hb = Handlebars.create();
hb.registerHelper('upper', (s: unknown) => String(s).toUpperCase());

export class TemplateError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

function load(lang: Lang, dir = TEMPLATES_DIR): LangTemplates {
  const key = `${dir}\0${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const langDir = join(dir, lang);
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  for (const name of readdirSync(langDir)) {
    if (!name.endsWith('.hbs')) continue;
    const file = join(langDir, name);
    const src = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    try {
      // Compile eagerly so a syntax error names its template now, not at first use.
      hb.precompile(src, { strict: true });
      templates.set(name.slice(0, -4), hb.compile(src, { strict: true, noEscape: true }));
    } catch (e) {
      throw new TemplateError(file, `template syntax error: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const words = parse(readFileSync(join(langDir, 'words.yaml'), 'utf8')) as Words;
  const loaded = { words, templates };
  cache.set(key, loaded);
  return loaded;
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
