// The Markdown and HTML reports: counts per class, then each change with its words marked.
import { describe, expect, it } from 'vitest';
import { renderDiffHtml } from '../../src/diff/report/html.js';
import { renderDiffMarkdown } from '../../src/diff/report/markdown.js';
import { diffOf } from './helpers.js';

describe('the reports on the Mangistau act', async () => {
  const diff = await diffOf('mangistau-district-2025');

  it('Markdown: the counts, and each change of substance with its words struck through or bold', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('| changed in substance | 7 | 1 |');
    expect(md).toContain('### point 16: changed in substance');
    expect(md).toContain('~~Руководители~~ **Руководитель** службы управления персоналом обеспечивают:');
    expect(md).toContain('### point 17 paragraph 4 -> point 17 paragraph 2: changed in substance');
    expect(md).toContain('*Reason given:* Оценку остальных служащих проводит руководитель аппарата маслихата');
    // No character references where a change meets a word.
    expect(md).not.toMatch(/&#x/);
  });

  it('HTML: one self-contained file, localisation marked apart from substance', () => {
    const html = renderDiffHtml(diff);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
    expect(html).not.toMatch(/<script|<link|\ssrc=|href="http/);
    expect(html).toContain('<del>Руководители</del> <ins>Руководитель</ins>');
    expect(html).toContain('<del class="loc">Типовой методике</del> <ins class="loc">Методике</ins>');
    expect(html).toContain('корпуса &quot;Б&quot;');
    expect(html.match(/<tr><td>/g)!.length).toBeGreaterThan(diff.pairs.length);
  });
});

describe('the reports on the Zhanakorgan act', async () => {
  const diff = await diffOf('zhanakorgan-district-2025');

  it('say where the base has no kk text, with its Russian wording, and the finding', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toContain('## No kk text in the base (13)');
    expect(md).toMatch(/### point 17 -> point 16: no kk text in the base\n\n\*Reason given:\* .*\n\n\*No kk text in the base; in ru:\* Оценка административных/);
    expect(md).toContain('*Still names the base act:* «Үлгілік әдістеменің»');
    expect(renderDiffHtml(diff)).toContain('<p class="finding">Still names the base act: «Үлгілік әдістеменің»</p>');
  });
});
