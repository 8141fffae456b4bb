// The package's own folders (schemas/, templates/), found from this module whether it runs
// compiled from dist/ or as source under a test runner.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('metodika: cannot find the package root (package.json)');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
