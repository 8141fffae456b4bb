// The page-number footer, worded by templates/<lang>/page-footer.hbs ({{page}}, {{pages}}).
// The PDF knows its page numbers; DOCX and HTML leave them to the reader's application, so the
// template is also split around its two numbers, which those formats replace by fields.
import { join } from 'node:path';
import type { Lang } from '../model/source.js';
import { TEMPLATES_DIR } from '../paths.js';
import { renderTemplate } from '../resolve/templates.js';

export type FooterPart = { text: string } | { field: 'page' | 'pages' };

const MARK = { page: '\ue000', pages: '\ue001' };

export const footerTemplate = (lang: Lang) => join(TEMPLATES_DIR, lang, 'page-footer.hbs');

export function footerText(lang: Lang, page: number, pages: number): string {
  return renderTemplate(lang, 'page-footer', { page, pages });
}

export function footerParts(lang: Lang): FooterPart[] {
  const marked = renderTemplate(lang, 'page-footer', MARK);
  return marked
    .split(/([\ue000\ue001])/)
    .filter(Boolean)
    .map((s) => (s === MARK.page ? { field: 'page' } : s === MARK.pages ? { field: 'pages' } : { text: s }));
}
