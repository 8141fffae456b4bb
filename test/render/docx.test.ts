// The Word document as Word and LibreOffice read it: the parts of the package, the form
// tables with their header rows marked to repeat, the language, A4, a numbered footer, point
// numbers as text, and the act's words in order.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/model/source.js';
import type { ActRoot } from '../../src/model/tree.js';
import { renderDocx } from '../../src/render/docx.js';
import { actText, firstDifference, normalise, tableHeaders, treeOf } from './helpers.js';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]);

/** The text of each w:p, in document order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join(''));
}

describe.each([
  { id: 'typical-b-2025', lang: 'ru' as Lang, tables: 2 },
  { id: 'zhanakorgan-district-2025', lang: 'kk' as Lang, tables: 2 },
])('DOCX of $id ($lang)', ({ id, lang, tables }) => {
  let tree: ActRoot;
  let zip: JSZip;
  let documentXml: string;
  beforeAll(async () => {
    tree = await treeOf(id, lang);
    zip = await JSZip.loadAsync(await renderDocx(tree));
    documentXml = await zip.file('word/document.xml')!.async('string');
  });

  it('is a complete package', () => {
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/settings.xml', 'docProps/core.xml']) {
      expect(zip.file(part), part).not.toBeNull();
    }
    expect(documentXml.startsWith('<?xml')).toBe(true);
  });

  it('has the form tables, each with its header row marked to repeat on every page', () => {
    const found = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(found).toHaveLength(tables);
    for (const table of found) {
      const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows.length).toBe(7); // header, five parameters, the average
      expect(rows[0]).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/);
      for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader(?! w:val="(off|false|0)")/);
      expect(table.match(/<w:gridCol /g)).toHaveLength(4);
      expect(tableHeaders(tree)).toContain(normalise(paragraphs(rows[0]).join(' ')));
      // Every cell holds a paragraph, as Word requires (an empty score cell too).
      for (const cell of table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) expect(cell[0]).toMatch(/<w:p[ >/]/);
    }
  });

  it('declares its language, A4 pages and a footer with page-number fields', async () => {
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain(`<w:lang w:val="${lang === 'ru' ? 'ru-RU' : 'kk-KZ'}"`);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(documentXml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    const footerName = /<w:footerReference [^>]*r:id="(rId\d+)"/.exec(documentXml)?.[1];
    expect(footerName).toBeDefined();
    const footers = zip.file(/word\/footer\d*\.xml/);
    expect(footers.length).toBe(1);
    const footer = await footers[0].async('string');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it('has its title in the core properties', async () => {
    const core = await zip.file('docProps/core.xml')!.async('string');
    const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1];
    expect(unescapeXml(title ?? '')).toMatch(lang === 'ru' ? /^Типовая методика оценки/ : /Жаңақорған/);
  });

  it('writes point numbers as text, never as Word numbering', () => {
    expect(documentXml).not.toMatch(/<w:numPr>/);
    expect(paragraphs(documentXml).filter((p) => /^1\. /.test(p)).length).toBeGreaterThan(0);
  });

  it('holds the act\'s words in order', () => {
    const text = normalise(paragraphs(documentXml).join(' '));
    expect(firstDifference(actText(tree), text)).toBeUndefined();
  });
});

describe('DOCX of a decision', () => {
  it('puts the methodology on a new page after the decision, and each appendix on its own', async () => {
    const xml = await (await JSZip.loadAsync(await renderDocx(await treeOf('mangistau-district-2025', 'ru')))).file('word/document.xml')!.async('string');
    const breaks = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].filter((p) => /<w:pageBreakBefore\/>/.test(p[0])).map((p) => paragraphs(p[0])[0]);
    expect(breaks).toHaveLength(3);
    expect(breaks[0]).toMatch(/^Приложение к решению/);
    expect(breaks[1]).toMatch(/^Приложение 1 к/);
    expect(breaks[2]).toMatch(/^Приложение 2 к/);
  });
});
