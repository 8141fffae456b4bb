// The drafted act as YAML: the import's writer (keys in the order of docs/format.md, short lists
// on one line), under a header that says how it was drafted and a first line pointing editors
// that support yaml-language-server at the schema, from wherever the file is written.
import { dirname, relative, sep } from 'node:path';
import { emitYaml } from '../import/emit.js';
import type { MethodologyFile } from '../model/source.js';
import { SCHEMAS_DIR } from '../paths.js';
import { SUPPLIED } from './texts.js';

/** The schema line emitYaml writes, right for a file in methodologies/. */
const METHODOLOGIES_SCHEMA = '$schema=../schemas/methodology.schema.json';

export function draftYaml(act: MethodologyFile, file: string, header: string[]): string {
  const yaml = emitYaml(act, {
    header: [
      ...header,
      '',
      `Texts marked "provenance: ${SUPPLIED}" are the drafter's wording (the templates have none`,
      'for them, or the drafter chose their own); the rest is the typical act and the templates.',
    ],
  });
  const schema = relative(dirname(file), `${SCHEMAS_DIR}${sep}methodology.schema.json`).split(sep).join('/');
  return yaml.replace(METHODOLOGIES_SCHEMA, `$schema=${schema}`);
}
