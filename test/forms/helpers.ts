// What the forms tests share: rosters written as a spreadsheet would save them, the command run
// in process with its output captured, and the PDF read back with pdf.js (text, form fields,
// bookmarks), independently of the code that wrote it.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { vi } from 'vitest';
import { run } from '../../src/cli/forms.js';
import { actPath } from '../helpers.js';

export const MANGISTAU = actPath('mangistau-district-2025');
export const TYPICAL = actPath('typical-b-2025');
export const ZHANAKORGAN = actPath('zhanakorgan-district-2025');

export const HEADER = 'person,name,position,category,managerial,evaluator,head-of-apparatus,appointed,days_worked';
export const HEAD = 'Сериков Бауыржан Болатович, руководитель аппарата';

/** A roster row of the Mangistau act's columns (HEADER). */
export function row(person: string, name: string, category = 'E-4', extra: { managerial?: string; evaluator?: string; appointed?: string; days?: string; position?: string } = {}): string {
  const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [person, name, extra.position ?? 'главный специалист', category, extra.managerial ?? 'нет', extra.evaluator ?? '', extra.evaluator ? '' : HEAD, extra.appointed ?? '', extra.days ?? '60'].map(quote).join(',');
}

/** Russian text in Windows-1251, as a Russian-language Excel saves "CSV". */
export function cp1251(text: string): Buffer {
  return Buffer.from([...text].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (ch === 'Ё') return 0xa8;
    if (ch === 'ё') return 0xb8;
    throw new Error(`no CP1251 byte for ${ch}`);
  }));
}

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** `metodika forms ...` in process. */
export async function forms(...args: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await run(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

export interface ReadPdf {
  pages: string[];
  outline: string[];
  /** Form fields by full name, with what pdf.js reads of them. */
  fields: Map<string, { page: number; rect: number[]; maxLen: number; multiLine: boolean; readOnly: boolean; actions: string[]; tip?: string; value: string }>;
  title?: string;
  lang?: string;
}

export async function readPdf(path: string): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const fields: ReadPdf['fields'] = new Map();
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('').replace(/-\n/g, '').replace(/\s+/g, ' ').trim());
    for (const a of await page.getAnnotations()) {
      if (!a.fieldName) continue;
      fields.set(a.fieldName, {
        page: i, rect: a.rect, maxLen: a.maxLen, multiLine: !!a.multiLine, readOnly: !!a.readOnly,
        actions: Object.keys(a.actions ?? {}), tip: a.alternativeText, value: a.fieldValue ?? '',
      });
    }
  }
  const outline = ((await pdf.getOutline()) ?? []).map((o) => o.title);
  const meta = await pdf.getMetadata();
  const info = meta.info as { Title?: string; Language?: string };
  await pdf.destroy();
  return { pages, outline, fields, title: info.Title, lang: info.Language };
}
