// Build step (npm run build, after tsc): the schemas' validators and the templates, compiled
// ahead of time so the command line does not compile them at every start.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { LANGUAGES } from '../model/source.js';
import { SCHEMAS_DIR } from '../paths.js';
import { PRECOMPILED_FILE, precompileAll } from '../resolve/templates.js';
import { COMPILED_DIR, standaloneValidator } from '../validate/compiled.js';

for (const file of readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'))) {
  const name = file.replace(/\.schema\.json$/, '');
  await writeFileAtomic(join(COMPILED_DIR, `${name}.validate.js`), await standaloneValidator(name));
}
await writeFileAtomic(PRECOMPILED_FILE, precompileAll(LANGUAGES));
