// metodika route: which sheet and which evaluator for a category (point 17 of the typical act).

import { ConfigError, Engine, parseBool } from '../engine/engine.js';
import { guard, parse, UsageError } from './args.js';
import { configErrorLines, oneLine, readConfig } from './score.js';

export const USAGE = `usage: metodika route --config SCORING.json --category CODE [--managerial true|false] [--position ID] [--json]

  --category CODE    position category, e.g. C-O-1 (Cyrillic look-alike letters are accepted)
  --managerial B     whether the position is managerial (needed when a rule depends on it)
  --position ID      the position inside the category where the act distinguishes it
                     (e.g. C-1: deputy-committee-chairman, department-director; D-3: head-of-unit)

Exit code: 0 routed; 1 not routable (unknown category, missing facts) or error; 2 bad arguments.`;

const OPTIONS = {
  config: { type: 'string' },
  category: { type: 'string' },
  managerial: { type: 'string' },
  position: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(args: string[]): Promise<number> {
  return guard(USAGE, async () => command(args), 'route');
}

function command(args: string[]): number {
  const v = parse(args, OPTIONS, false).values;
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (!v.config) throw new UsageError('--config is required');
  if (!v.category) throw new UsageError('--category is required');
  const managerial = parseBool(v.managerial);
  if (managerial === 'invalid') throw new UsageError(`--managerial must be true or false, not "${v.managerial}"`);
  try {
    const path = v.config;
    let engine: Engine;
    try {
      engine = new Engine(readConfig(path));
    } catch (e) {
      if (e instanceof ConfigError) {
        console.error(configErrorLines(path, e));
        return 1;
      }
      throw e;
    }
    const r = engine.route({ category: v.category, managerial, position: v.position });
    if (v.json) console.log(JSON.stringify({ ...r, ...(r.ok ? { cites: engine.cite(r.implements) } : {}) }, null, 2));
    else if (r.ok) {
      const cites = engine.cite(r.implements);
      console.log(`${v.category}: sheet ${r.sheet}, evaluator ${r.evaluator} (rule ${r.rule}${cites ? `, ${cites.join(', ')}` : ''})\n  reading: ${r.reading}`);
    } else console.error(`metodika route: ${r.error}`);
    return r.ok ? 0 : 1;
  } catch (e) {
    console.error(`metodika route: ${oneLine(e)}`);
    return 1;
  }
}
