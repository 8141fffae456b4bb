// Argument parsing shared by the commands: node's parseArgs, with errors as one clear line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fileErrorLine } from '../io/errors.js';
import { LANGUAGES, type Lang } from '../model/source.js';

export class UsageError extends Error {}

/** The command's options (and positionals, unless `allowPositionals` is false: then one is a usage error). */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--lang ru|kk|all` against the act's languages. */
export function pickLanguages(requested: string | undefined, actLanguages: Lang[]): Lang[] {
  if (!requested || requested === 'all') return actLanguages;
  const langs = requested.split(',').map((s) => s.trim());
  for (const l of langs) {
    if (!(LANGUAGES as readonly string[]).includes(l)) throw new UsageError(`unknown language "${l}" (use ru, kk or all)`);
  }
  return langs as Lang[];
}

export function splitList(value: string | undefined, allowed: readonly string[], fallback: string[]): string[] {
  if (!value) return fallback;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const i of items) if (!allowed.includes(i)) throw new UsageError(`unknown format "${i}" (use ${allowed.join(', ')})`);
  return items;
}

/**
 * Runs a command body, turning a usage error into exit code 2 and one line on stderr, and a file
 * that cannot be read or written into exit code 1 and one line (prefixed with the command's name,
 * as `metodika score: ...`).
 */
export async function guard(usage: string, body: () => Promise<number>, command: string): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`metodika ${command}: ${e.message}\n${usage}`);
      return 2;
    }
    const line = fileErrorLine(e);
    if (line) {
      console.error(`metodika ${command}: ${line}`);
      return 1;
    }
    throw e;
  }
}
