// The HTML preview: one file that needs nothing else, in the act's language, with the form
// tables' header rows in <thead> (repeated when printed) and the act's words in order.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/model/source.js';
import { renderHtml } from '../../src/render/html.js';
import { actText, firstDifference, normalise, tableHeaders, treeOf } from './helpers.js';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const textOf = (html: string) => normalise(html.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot);/g, (_, e: string) => entities[e]));

describe.each([
  { id: 'typical-b-2025', lang: 'ru' as Lang },
  { id: 'mangistau-district-2025', lang: 'ru' as Lang },
  { id: 'zhanakorgan-district-2025', lang: 'kk' as Lang },
])('HTML of $id ($lang)', ({ id, lang }) => {
  it('is self-contained and declares its language and title', async () => {
    const html = renderHtml(await treeOf(id, lang));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="(ru-RU|kk-KZ)">/);
    expect(html).toContain(`<html lang="${lang === 'ru' ? 'ru-RU' : 'kk-KZ'}">`);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/@bottom-center \{ content: [^;]*counter\(page\)[^;]*counter\(pages\)/);
  });

  it('puts each table\'s header row in <thead> and holds the act\'s words in order', async () => {
    const tree = await treeOf(id, lang);
    const html = renderHtml(tree);
    const body = html.slice(html.indexOf('<body>'), html.indexOf('</body>'));
    const heads = [...body.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => textOf(m[1]));
    expect(heads).toHaveLength(2);
    for (const h of heads) expect(tableHeaders(tree)).toContain(h);
    expect(firstDifference(actText(tree), textOf(body))).toBeUndefined();
  });
});
