// The text of a DOCX as Word shows it with every tracked change accepted, or rejected: deleted
// runs dropped (or kept), inserted runs kept (or dropped). Paragraphs on lines of their own;
// whitespace left to the comparison.
import JSZip from 'jszip';

export type Mode = 'accept' | 'reject';

const XML_ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&apos;': "'" };

export async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

export function revisions(xml: string, mode: Mode): string {
  const [drop, keep] = mode === 'accept' ? ['del', 'ins'] : ['ins', 'del'];
  return xml
    .replace(new RegExp(`<w:${drop}\\b[^>]*?/>`, 'g'), '')
    .replace(new RegExp(`<w:${drop}\\b[^>]*?>[\\s\\S]*?</w:${drop}>`, 'g'), '')
    .replace(new RegExp(`<w:${keep}\\b[^>]*?/>`, 'g'), '')
    .replace(new RegExp(`<w:${keep}\\b[^>]*?>([\\s\\S]*?)</w:${keep}>`, 'g'), '$1')
    .replace(/<w:delText\b/g, '<w:t')
    .replace(/<\/w:delText>/g, '</w:t>');
}

/** Paragraph texts, in order. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').replace(/&\w+;/g, (e) => XML_ENTITIES[e] ?? e),
  );
}

export async function docxText(bytes: Uint8Array, mode?: Mode): Promise<string> {
  const xml = await documentXml(bytes);
  return paragraphs(mode ? revisions(xml, mode) : xml).join('\n');
}

export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
