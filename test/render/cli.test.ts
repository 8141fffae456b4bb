// `metodika build` with the document formats, and its bad input: an output directory that
// cannot be written, a character the PDF font lacks, a template with a syntax error. Each gets
// one clear message, exit code 1, and leaves no file (not even a temporary one) behind.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actPath, cli, fixtureDir, ROOT, tempDir, typicalSource } from '../helpers.js';

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('metodika build, documents', () => {
  it('writes DOCX, PDF, HTML and Markdown for the language asked', () => {
    const out = tempDir();
    const r = cli(['build', actPath('typical-b-2025'), '--format', 'docx,pdf,html,md', '--lang', 'ru', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(files(out).sort()).toEqual(['typical-b-2025.ru.docx', 'typical-b-2025.ru.html', 'typical-b-2025.ru.md', 'typical-b-2025.ru.pdf']);
    expect(r.stdout.match(/^wrote /gm)).toHaveLength(4);
  });

  it('reports an output directory that cannot be written, and writes nothing', () => {
    const dir = fixtureDir({ 'a-file': 'not a directory' });
    const out = join(dir, 'a-file', 'out');
    const r = cli(['build', actPath('mangistau-district-2025'), '--format', 'md,pdf', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^metodika: error: cannot write .*a-file\/out\/mangistau-district-2025\.ru\.md: a part of the path is a file, not a folder \(ENOTDIR\)$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(files(dir)).toEqual(['a-file']);
  });

  it('refuses a character the PDF font lacks, naming it and its source line, and writes no format', () => {
    const src = typicalSource().replace('Общие положения', 'Общие положения 漢');
    const dir = fixtureDir({ 'typical-b-2025.yaml': src });
    const line = src.split('\n').findIndex((l) => l.includes('漢')) + 1;
    const out = join(dir, 'out');
    const r = cli(['build', join(dir, 'typical-b-2025.yaml'), '--format', 'md,docx,pdf', '--lang', 'ru', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`typical-b-2025\\.yaml:${line}:\\d+: error: the PDF font \\(PT Serif \\w+\\) has no glyph for "漢" \\(U\\+6F22\\)`));
    expect(r.stderr).toMatch(/no ru document written/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(files(out)).toEqual([]);
  });

  it('reports a template with a syntax error by its file, and writes nothing', () => {
    // A copy of the package whose footer template is broken.
    const pkg = tempDir();
    for (const part of ['package.json', 'bin', 'dist', 'schemas', 'templates']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    writeFileSync(join(pkg, 'templates', 'ru', 'page-footer.hbs'), 'Страница {{page} из {{pages}}\n');
    const out = join(pkg, 'out');
    mkdirSync(out);
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'metodika.js'), 'build', actPath('mangistau-district-2025'), '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/templates\/ru\/page-footer\.hbs:1:1: error: template syntax error: Parse error on line 1/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(files(out)).toEqual([]);
  });

  it('writes no document of a language whose text is incomplete, in any format', () => {
    const out = tempDir();
    const r = cli(['build', actPath('typical-b-2025'), '--format', 'pdf,docx', '--lang', 'kk', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/methodology title has no kk form "nom"/);
    expect(files(out)).toEqual([]);
  });
});
