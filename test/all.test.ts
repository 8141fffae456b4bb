// `npm start` (metodika all): every act of a folder validated, linted and built into its own
// output folder, with its scoring configuration; a broken act is reported and the others built.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actPath, cli, tempDir } from './helpers.js';

const FILES = (id: string, langs: string[]) => [
  'build-report.txt', 'lint.txt', 'scoring.json',
  ...langs.flatMap((l) => ['txt', 'md', 'html', 'docx', 'pdf'].map((ext) => `${id}.${l}.${ext}`)),
].sort();

const digest = (dir: string) => createHash('sha256').update(readdirSync(dir).sort().map((f) => f + readFileSync(join(dir, f), 'latin1')).join('\0')).digest('hex');

describe('metodika all', () => {
  it('builds each act of the folder, with its lint report and scoring configuration, and leaves the folder as it was', () => {
    const src = tempDir();
    for (const id of ['typical-b-2025', 'mangistau-district-2025']) copyFileSync(actPath(id), join(src, `${id}.yaml`));
    const before = digest(src);
    const out = join(tempDir(), 'output');
    const r = cli(['all', src, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 of 2 act\(s\) built in \d+ ms$/m);
    expect(r.stdout).toMatch(/^mangistau-district-2025: 6 file\(s\) in .*; lint: \d+ error\(s\), \d+ warning\(s\) \(lint\.txt\)$/m);
    expect(readdirSync(join(out, 'mangistau-district-2025')).sort()).toEqual(FILES('mangistau-district-2025', ['ru']));
    // The typical act has no complete kk text: ru only, and the report names what kk lacks.
    expect(readdirSync(join(out, 'typical-b-2025')).sort()).toEqual(FILES('typical-b-2025', ['ru']));
    expect(readFileSync(join(out, 'typical-b-2025', 'build-report.txt'), 'utf8')).toMatch(/^kk: not built, \d+ node\(s\) have no kk text:$/m);
    expect(digest(src)).toBe(before);

    // The scoring configuration is the one the engine runs.
    const config = join(out, 'mangistau-district-2025', 'scoring.json');
    expect(JSON.parse(readFileSync(config, 'utf8')).id).toBe('mangistau-district-2025');
    const records = join(src, 'q.csv');
    writeFileSync(records, 'person,period,category,managerial,days_worked,supervised-quality,supervised-deadlines,leadership,discipline,no-sanctions,sanctions\nP1,2025-Q3,E-2,true,60,4,4,4,4,5,remark\n');
    const s = cli(['score', '--config', config, '--input', records, '--out', join(out, 'score')]);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    expect(readFileSync(join(out, 'score', 'results.csv'), 'utf8')).toMatch(/^2,P1,2025-Q3,managerial,E-2,.*,evaluated,2\.99,/m);
  });

  it('reports a broken act at its line and column, builds the others and exits 1', () => {
    const src = tempDir();
    copyFileSync(actPath('typical-b-2025'), join(src, 'typical-b-2025.yaml'));
    writeFileSync(join(src, 'broken.yaml'), 'id: broken\nlanguage: [ru\n');
    const out = join(tempDir(), 'output');
    const r = cli(['all', src, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: error: /);
    expect(r.stderr).toMatch(/broken\.yaml: not built/);
    expect(r.stdout).toMatch(/^1 of 2 act\(s\) built/m);
    expect(existsSync(join(out, 'typical-b-2025', 'scoring.json'))).toBe(true);
    expect(existsSync(join(out, 'broken'))).toBe(false);
  });
});
