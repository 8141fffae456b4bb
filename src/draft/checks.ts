// Checks of single answers: each turns what was typed (or written in the answers file) into its
// value, or says in one line, in English, what is wrong with it. The terminal asks again; a script
// stops with every message at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPS_B_CATEGORIES } from '../engine/register.js';
import { normalizeCategory } from '../engine/routing.js';
import { LANGUAGES, type Lang } from '../model/source.js';
import { SCHEMAS_DIR } from '../paths.js';

export type Checked<T> = { value: T } | { error: string };

const ok = <T>(value: T): Checked<T> => ({ value });
const fail = (error: string): Checked<never> => ({ error });

const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const LATIN = /[A-Za-z]/;
/** The typical act's words for "the body": a local act's own name is never one of them. */
const PLACEHOLDER = /^(?:данн\p{L}*\s+)?государственн\p{L}*\s+орган\p{L}*$|типов|үлгілік|мемлекеттік\s+орган\p{L}*$/iu;

/** The schema's patterns, so a number `new` accepts is one the file may hold. */
const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'methodology.schema.json'), 'utf8')) as {
  $defs: { id: { pattern: string }; act: { properties: { number: { pattern: string } } } };
};
const ID = new RegExp(schema.$defs.id.pattern);
const ACT_NUMBER = new RegExp(schema.$defs.act.properties.number.pattern, 'u');

const asString = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined);

export function checkText(raw: unknown): Checked<string> {
  const s = asString(raw);
  if (!s) return fail('the answer is empty');
  if (/[\u0000-\u0008\u000b-\u001f]/.test(s)) return fail('the answer holds control characters');
  return ok(s);
}

/**
 * A name of a body, an official or a position in one language: one line, in that language's
 * Cyrillic script, with its quotes closed; not the typical act's placeholder for "the body".
 * `words` is the fewest words a plausible name has (a body's full name has two at least).
 */
export function checkName(raw: unknown, lang: Lang, words = 1): Checked<string> {
  const text = checkText(raw);
  if ('error' in text) return text;
  const s = text.value.replace(/\s+/g, ' ');
  if (/\n/.test(text.value)) return fail('a name is one line');
  if (s.length > 300) return fail(`the name is ${s.length} characters long; a name is at most 300`);
  const letters = s.match(/\p{L}/gu) ?? [];
  if (letters.length < 2) return fail(`"${s}" is not a name: it has no words`);
  if (LATIN.test(s)) return fail(`"${s}" has Latin letters (${[...new Set(s.match(/[A-Za-z]/g))].join(', ')}); type the name in Cyrillic (a Latin "A" or "M" looks the same and breaks searches)`);
  if (lang === 'ru' && KAZAKH_ONLY.test(s)) return fail(`"${s}" has Kazakh letters; give the Russian name here (the Kazakh one is asked separately)`);
  if (((s.match(/"/g) ?? []).length % 2) !== 0) return fail(`"${s}" has an unpaired quotation mark`);
  if (PLACEHOLDER.test(s)) return fail(`"${s}" is the typical act's own wording, not the body's name`);
  const count = s.split(' ').filter((w) => /\p{L}/u.test(w)).length;
  if (count < words) return fail(`"${s}" is too short for the full name of a body (${count} word); give it as the act names it, e.g. "государственное учреждение "Аппарат акима ... района""`);
  return ok(s);
}

/** A person's name as acts print it: "Е. Махмутов", "Ғ.Жарқынбек". */
export function checkPerson(raw: unknown): Checked<string> {
  const text = checkText(raw);
  if ('error' in text) return text;
  if (!/^[\p{L}][\p{L}.\s-]*$/u.test(text.value) || text.value.length > 80) return fail(`"${text.value}" is not a person's name (letters, initials with dots, hyphens)`);
  if (LATIN.test(text.value)) return fail(`"${text.value}" has Latin letters; type the name in Cyrillic`);
  return ok(text.value.replace(/\s+/g, ' '));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A date, "2025-10-17" or "17.10.2025"; no more than a year after `today`. */
export function checkDate(raw: unknown, today: Date): Checked<string> {
  const s = raw instanceof Date ? iso(raw) : asString(raw);
  if (!s) return fail('the date is empty');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  if (!m) return fail(`"${s}" is not a date; write it as 2025-10-17 or 17.10.2025`);
  const [y, mo, d] = m[1].length === 4 ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (iso(date) !== `${y}-${mo}-${d}`) return fail(`"${s}" is not a day of the calendar`);
  const limit = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  if (date > limit) return fail(`${d}.${mo}.${y} is more than a year from today (${iso(today)}); an act is dated when it is adopted`);
  if (date.getUTCFullYear() < 1991) return fail(`${d}.${mo}.${y} is before the Republic's acts began`);
  return ok(`${y}-${mo}-${d}`);
}

/** An act's number as the schema allows it: "22/173", "442". */
export function checkActNumber(raw: unknown): Checked<string> {
  const s = asString(raw);
  if (!s) return fail('the number is empty');
  if (s.length > 30) return fail(`"${s}" is too long for an act's number`);
  if (!ACT_NUMBER.test(s)) {
    const bad = [...new Set([...s].filter((ch) => !ACT_NUMBER.test(ch) && !/\s/.test(ch)))];
    return fail(`"${s}" has characters an act's number cannot have (${bad.map((c) => `"${c}"`).join(', ')}); use digits, letters, "/", "-" and "."`);
  }
  if (!/\d/.test(s)) return fail(`"${s}" has no digit; an act's number has one`);
  return ok(s);
}

/** A number in the state register of legal acts: digits. */
export function checkRegistration(raw: unknown): Checked<string> {
  const s = asString(raw)?.replace(/^№\s*/, '');
  if (!s || !/^\d{1,12}$/.test(s)) return fail(`"${asString(raw) ?? ''}" is not a registration number (digits, e.g. 3559)`);
  return ok(s);
}

const YES = /^(y|yes|true|да|иә|1)$/i;
const NO = /^(n|no|false|нет|жоқ|0)$/i;

export function checkBool(raw: unknown): Checked<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const s = asString(raw) ?? '';
  if (YES.test(s)) return ok(true);
  if (NO.test(s)) return ok(false);
  return fail(`"${s}" is neither yes nor no`);
}

export function checkChoice(raw: unknown, choices: readonly string[]): Checked<string> {
  const s = asString(raw);
  if (s && choices.includes(s)) return ok(s);
  return fail(`"${s ?? ''}" is not one of: ${choices.join(', ')}`);
}

/** A category code of the register, Cyrillic look-alikes and spaces forgiven: "Е - 2" is E-2. */
export function checkCategory(raw: unknown): Checked<string> {
  const s = asString(raw);
  if (!s) return fail('the category is empty');
  const code = normalizeCategory(s);
  if (!CORPS_B_CATEGORIES.codes.includes(code)) return fail(`"${s}" is not a category of the register of positions (e.g. E-2, E-3, D-1)`);
  return ok(code);
}

export function checkCategories(raw: unknown): Checked<string[]> {
  const items = Array.isArray(raw) ? raw : (asString(raw) ?? '').split(',');
  const out: string[] = [];
  for (const item of items.map((i) => (typeof i === 'string' ? i.trim() : i)).filter((i) => i !== '')) {
    const c = checkCategory(item);
    if ('error' in c) return c;
    if (!out.includes(c.value)) out.push(c.value);
  }
  if (!out.length) return fail('no category given');
  return ok(out);
}

export function checkLanguages(raw: unknown): Checked<Lang[]> {
  const items = (Array.isArray(raw) ? raw : (asString(raw) ?? '').split(',')).map((i) => String(i).trim()).filter(Boolean);
  const bad = items.filter((i) => !(LANGUAGES as readonly string[]).includes(i));
  if (bad.length) return fail(`unknown language "${bad[0]}" (use ru, kk or ru,kk)`);
  if (!items.length) return fail('no language given');
  return ok([...new Set(items)] as Lang[]);
}

export function checkId(raw: unknown): Checked<string> {
  const s = asString(raw) ?? '';
  if (!ID.test(s) || s.length > 80) return fail(`"${s}" is not an act id (lower-case letters, digits and hyphens, e.g. tupkaragan-akimat-2026)`);
  return ok(s);
}

/** The expressions ({{ref "..."}}, {{body "..."}}) a text uses, sorted. */
export const expressionsOf = (s: string) => (s.match(/\{\{[^}]*\}\}/g) ?? []).map((e) => e.replace(/\s+/g, ' ')).sort();

/**
 * Wording for a node in one language, where the other language's wording is `other`: the same
 * expressions, so that a reference renumbers in both and the name follows the body's forms.
 */
export function checkWording(raw: unknown, lang: Lang, other?: string): Checked<string> {
  const text = checkText(raw);
  if ('error' in text) return text;
  if (lang === 'ru' && KAZAKH_ONLY.test(text.value)) return fail('the Russian wording has Kazakh letters');
  if (other !== undefined) {
    const want = expressionsOf(other);
    const got = expressionsOf(text.value);
    if (want.join(' ') !== got.join(' ')) {
      return fail(`the other language's wording uses ${want.length ? want.join(', ') : 'no {{...}} expression'}; this one uses ${got.length ? got.join(', ') : 'none'}: write the same, so that a reference follows renumbering`);
    }
  }
  return ok(text.value);
}
