// The PDF as a reader gets it: the act's words in reading order (pdf.js), Kazakh letters
// included; the header row of each form repeated on the pages a table runs onto; the font
// embedded as a working subset; title and language in the metadata; a glyph the font lacks
// refused with its code point and source position.
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics.js';
import type { Lang } from '../../src/model/source.js';
import type { ActRoot, TableNode } from '../../src/model/tree.js';
import { footerText } from '../../src/render/footer.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { actText, count, firstDifference, normalise, pdfPages, tableHeaders, treeOf } from './helpers.js';

const CASES: Array<{ id: string; lang: Lang }> = [
  { id: 'typical-b-2025', lang: 'ru' },
  { id: 'mangistau-district-2025', lang: 'ru' },
  { id: 'zhanakorgan-district-2025', lang: 'kk' },
];

/** Page texts with the footer taken off each page. */
async function readPdf(bytes: Uint8Array, lang: Lang): Promise<string[]> {
  const pages = await pdfPages(bytes);
  return pages.map((p, i) => {
    const text = normalise(p);
    const footer = footerText(lang, i + 1, pages.length);
    expect(text.endsWith(footer), `page ${i + 1} ends with its number`).toBe(true);
    return text.slice(0, -footer.length).trim();
  });
}

describe.each(CASES)('PDF of $id ($lang)', ({ id, lang }) => {
  let tree: ActRoot;
  let bytes: Uint8Array;
  let pages: string[];
  beforeAll(async () => {
    tree = await treeOf(id, lang);
    bytes = await renderPdf(tree);
    pages = await readPdf(bytes, lang);
  });

  it('extracts to the act\'s text in reading order', () => {
    const want = actText(tree);
    const headers = tableHeaders(tree);
    expect(headers.length).toBeGreaterThan(0);
    // A table's header row repeats at the top of each page it runs onto: the repeats are the
    // only text the PDF has beyond the act's.
    let repeats = 0;
    const got = pages.map((p, i) => {
      const header = headers.find((h) => p.startsWith(h));
      if (i === 0 || !header || !want.includes(`${pages[i - 1].split(' ').slice(-12).join(' ')} ${p.slice(header.length).trim().split(' ').slice(0, 12).join(' ')}`)) return p;
      repeats++;
      return p.slice(header.length).trim();
    }).join(' ');
    expect(repeats).toBeGreaterThan(0);
    expect(firstDifference(want, normalise(got))).toBeUndefined();
    expect(count(normalise(got), headers[0])).toBe(count(want, headers[0]));
  });

  it('has every page A4 and numbered, and the title and language in its metadata', async () => {
    const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
    const { info } = (await pdf.getMetadata()) as { info: Record<string, unknown> };
    const firstHeading = tree.children.flatMap((c) => ('children' in c ? c.children : [])).find((n) => n.type === 'heading');
    expect(info.Title).toBe(normalise((firstHeading?.children[0] as { value: string }).value));
    expect(info.Language).toBe(lang === 'ru' ? 'ru-RU' : 'kk-KZ');
    for (let i = 1; i <= pdf.numPages; i++) {
      const [x0, y0, x1, y1] = (await pdf.getPage(i)).view;
      expect([Math.round(x1 - x0), Math.round(y1 - y0)]).toEqual([595, 842]);
    }
    await pdf.destroy();
  });

  it('embeds subset fonts whose glyphs all have outlines', async () => {
    const doc = await PDFDocument.load(bytes);
    const programs: Uint8Array[] = [];
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
      expect(obj.get(PDFName.of('FontName'))?.toString()).toMatch(/^\/[A-Z]{6}\+PTSerif-/);
      const file = doc.context.lookup(obj.get(PDFName.of('FontFile2')) as PDFRef) as PDFRawStream;
      programs.push(decodePDFRawStream(file).decode());
    }
    expect(programs.length).toBeGreaterThanOrEqual(2); // regular and bold at least
    for (const program of programs) {
      expect(program.length).toBeLessThan(80_000); // the whole face is ~200 KB
      const font = fontkit.create(Buffer.from(program));
      let drawn = 0;
      for (let gid = 1; gid < font.numGlyphs; gid++) {
        const path = font.getGlyph(gid).path; // throws on a broken glyf/loca
        if (path.commands.length) drawn++;
      }
      expect(drawn).toBeGreaterThan(30);
    }
  });
});

describe('PDF, Kazakh letters', () => {
  it('draws and extracts every letter of the Kazakh alphabet the act uses', async () => {
    const tree = await treeOf('zhanakorgan-district-2025', 'kk');
    const text = (await pdfPages(await renderPdf(tree))).join(' ');
    for (const letter of 'ӘәҒғҚқҢңӨөҰұҮүІі') {
      if (actText(tree).includes(letter)) expect(text, letter).toContain(letter);
    }
    expect(text).toMatch(/[Әә].*[Ққ].*[Ңң]/s);
  });
});

describe('PDF, tables taller than a page', () => {
  it('splits a row across pages, repeating the header, without losing or reordering a line', async () => {
    const tree = structuredClone(await treeOf('typical-b-2025', 'ru'));
    const tables: TableNode[] = [];
    const find = (n: { type: string; children?: unknown[] }): void => {
      if (n.type === 'table') tables.push(n as TableNode);
      for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) find(c);
    };
    find(tree);
    const guidance = tables[0].children[1].children[3];
    const extra = Array.from({ length: 90 }, (_, i) => `строка пояснения номер ${i + 1}`);
    guidance.children.push(...extra.map((value) => ({ type: 'paragraph' as const, role: 'body' as const, children: [{ type: 'text' as const, value }] })));
    const pages = await readPdf(await renderPdf(tree), 'ru');
    const holding = pages.filter((p) => p.includes('строка пояснения номер'));
    expect(holding.length).toBeGreaterThanOrEqual(2);
    for (const p of holding.slice(1)) expect(p.startsWith('Параметры Оценка')).toBe(true);
    const numbers = [...pages.join(' ').matchAll(/строка пояснения номер (\d+)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(extra.map((_, i) => i + 1));
  });
});

describe('PDF, bad input', () => {
  it('refuses a character the font lacks, naming it, its code point and where it came from', async () => {
    const tree = structuredClone(await treeOf('typical-b-2025', 'ru'));
    const point = tree.children.flatMap((c) => (c.type === 'methodology' ? c.children : [])).find((c) => c.type === 'chapter')!;
    const para = (point as { children: Array<{ type: string; children: Array<{ children: Array<{ value: string }> }> }> }).children[1].children[0];
    para.children[0].value += ' 漢';
    const error = await renderPdf(tree).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosticError);
    const [d] = (error as DiagnosticError).diagnostics;
    expect(d.message).toMatch(/no glyph for "漢" \(U\+6F22\)/);
    expect(d.file).toMatch(/typical-b-2025\.yaml$/);
    expect(d.line).toBeGreaterThan(1);
    expect(d.ruleId).toBe('missing-glyph');
  });

  it('is reproducible: the same tree gives the same bytes', async () => {
    const tree = await treeOf('mangistau-district-2025', 'ru');
    expect(Buffer.from(await renderPdf(tree)).equals(Buffer.from(await renderPdf(tree)))).toBe(true);
  });
});
