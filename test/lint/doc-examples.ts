// Reads the examples a rule's doc comment carries, as remark-lint's test suite does: `@ok FILE`
// (the rule finds nothing there) and `@not-ok FILE` followed by the findings it must report,
// one a line: `LINE:COLUMN  SEVERITY  MESSAGE`, or `OTHER.yaml  SEVERITY  MESSAGE` for a finding
// in another file (the base act a fixture derives from, whose lines are not the fixture's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export interface Example {
  kind: 'ok' | 'not-ok';
  fixture: string;
  expected: string[];
}

export interface RuleDoc {
  id: string;
  description: string;
  examples: Example[];
}

const EXPECTED = /^(?:\d+:\d+|[\w.-]+\.yaml)\s{2}(?:error|warning)\s{2}\S/;

export function ruleDoc(id: string): RuleDoc {
  const src = readFileSync(join(ROOT, 'src', 'lint', 'rules', `${id}.ts`), 'utf8');
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(src)?.[1] ?? '';
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const doc: RuleDoc = { id: '', description: '', examples: [] };
  const description: string[] = [];
  let current: Example | undefined;
  for (const line of lines) {
    const tag = /^@(rule|ok|not-ok)\s+(\S+)/.exec(line);
    if (tag?.[1] === 'rule') doc.id = tag[2];
    else if (tag) doc.examples.push((current = { kind: tag[1] as Example['kind'], fixture: tag[2], expected: [] }));
    else if (current && EXPECTED.test(line.trim())) current.expected.push(line.trim());
    else if (!current && doc.id) description.push(line.trim());
  }
  doc.description = description.join(' ').trim();
  return doc;
}
