// The redline: the local act's own DOCX with the differences from the base as tracked changes.
// Accepting them all gives the local act's DOCX text; rejecting them all, the base's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRedline } from '../../src/diff/redline/index.js';
import { renderDocx } from '../../src/render/docx.js';
import { tempDir } from '../helpers.js';
import { docxText, documentXml, normalise } from './docx-text.js';
import { derived, diffOf } from './helpers.js';
import { compareActs } from '../../src/diff/compare.js';

const OPTIONS = { author: 'Юрист аппарата', date: '2025-10-17T00:00:00Z' };

const SOFFICE = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);

// A Basic macro for LibreOffice headless: open a document, accept every tracked change, save as text.
const ACCEPT_ALL = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(inUrl As String, outUrl As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Text (encoded)&quot;
  doc.storeToURL(outUrl, out())
  doc.close(True)
End Sub
</script:module>`;

let profile: string | undefined;
/** The document's text as LibreOffice saves it with every change accepted (line breaks kept, whitespace trimmed). */
function libreOfficeAccepted(bytes: Uint8Array): string {
  const run = (args: string[]) => spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { timeout: 120_000 });
  if (!profile) {
    profile = join(tempDir(), 'profile');
    run(['--terminate_after_init']);
    writeFileSync(join(profile, 'user', 'basic', 'Standard', 'Module1.xba'), ACCEPT_ALL);
  }
  const dir = tempDir();
  writeFileSync(join(dir, 'in.docx'), bytes);
  run([`macro:///Standard.Module1.AcceptAll("file://${dir}/in.docx","file://${dir}/out.txt")`]);
  return readFileSync(join(dir, 'out.txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).join('\n');
}

describe('the redline of the Mangistau act', async () => {
  const diff = await diffOf('mangistau-district-2025');
  const redline = await renderRedline(diff, OPTIONS);
  const xml = await documentXml(redline);

  it('accepted, is the local act\'s own DOCX text', async () => {
    const local = await docxText(await renderDocx(diff.trees.local));
    expect(normalise(await docxText(redline, 'accept'))).toBe(normalise(local));
  });

  it('rejected, is the typical act\'s DOCX text', async () => {
    const base = await docxText(await renderDocx(diff.trees.base));
    expect(normalise(await docxText(redline, 'reject'))).toBe(normalise(base));
  });

  it('marks every change with its author, date and an id of its own', () => {
    const marks = [...xml.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)].map((m) => m[2]);
    expect(marks.length).toBeGreaterThan(50);
    for (const m of marks) {
      expect(m).toContain('w:author="Юрист аппарата"');
      expect(m).toContain('w:date="2025-10-17T00:00:00Z"');
    }
    const ids = marks.map((m) => /w:id="(\d+)"/.exec(m)![1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('deletes a removed paragraph with its paragraph mark, where the base had it', () => {
    const i = xml.indexOf('Оценка председателей ревизионных комиссий областей');
    const p = xml.slice(xml.lastIndexOf('<w:p>', i), xml.indexOf('</w:p>', i));
    expect(p.length).toBeLessThan(2000);
    expect(p).toMatch(/<w:pPr>.*<w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr>/);
    expect(p).toContain('<w:delText xml:space="preserve">Оценка председателей');
    // Between paragraph 2 and paragraph 4 of point 4 of the local act.
    expect(xml.indexOf('При отсутствии оценивающего лица')).toBeGreaterThan(i);
  });

  it('marks only the words that changed inside a paragraph', () => {
    expect(/<w:del [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:delText xml:space="preserve">Руководители<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">Руководитель<\/w:t>/.test(xml)).toBe(true);
  });

  it.skipIf(!SOFFICE)('opens in LibreOffice (headless conversion to PDF)', () => {
    const dir = tempDir();
    const file = join(dir, 'redline.docx');
    writeFileSync(file, redline);
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'redline.pdf'))).toBe(true);
  });

  it.skipIf(!SOFFICE)('in LibreOffice, accepting every change gives the local act\'s text', async () => {
    const accepted = libreOfficeAccepted(redline);
    const local = libreOfficeAccepted(await renderDocx(diff.trees.local));
    expect(accepted.split('\n').length).toBeGreaterThan(100);
    expect(accepted).toBe(local);
  });
});

describe('the redline of the Zhanakorgan act (kk, renumbered, partial base)', async () => {
  const diff = await diffOf('zhanakorgan-district-2025');
  const redline = await renderRedline(diff, OPTIONS);

  it('accepted, is the local act\'s own DOCX text', async () => {
    const local = await docxText(await renderDocx(diff.trees.local));
    expect(normalise(await docxText(redline, 'accept'))).toBe(normalise(local));
  });

  it('marks the renumbering, and leaves alone what the base has no kk text for', async () => {
    const xml = await documentXml(redline);
    const has = (re: RegExp) => re.test(xml);
    // Sub-point 4) of the definitions is 3) in 002.
    expect(has(/<w:delText xml:space="preserve">4\)<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">3\)<\/w:t>/)).toBe(true);
    expect(xml.includes('мәтін жоқ')).toBe(false);
    expect(xml.includes('Аппарат басшысын бағалау мәслихат төағасымен')).toBe(true);
  });
});

describe('a redline with a table row added and removed', () => {
  it('inserts and deletes whole rows, and accepted is the local text', async () => {
    const local = await derived('changes:\n  - remove: leadership\n  - insert-after: nm-initiative\n    node:\n      parameter: nm-teamwork\n      name: {ru: "Работа в команде"}\n      guidance: {ru: "Учитывается умение работать в команде."}\n');
    const diff = compareActs(local.base!, local);
    const redline = await renderRedline(diff, OPTIONS);
    const xml = await documentXml(redline);
    const rowOf = (words: string) => xml.slice(xml.lastIndexOf('<w:tr>', xml.indexOf(words)), xml.indexOf(words));
    expect(rowOf('Лидерство и навыки')).toMatch(/<w:trPr>.*<w:del [^>]*\/><\/w:trPr>/);
    expect(rowOf('Работа в команде')).toMatch(/<w:trPr>.*<w:ins [^>]*\/><\/w:trPr>/);
    expect(normalise(await docxText(redline, 'accept'))).toBe(normalise(await docxText(await renderDocx(diff.trees.local))));
    expect(normalise(await docxText(redline, 'reject'))).toBe(normalise(await docxText(await renderDocx(diff.trees.base))));
  });
});
