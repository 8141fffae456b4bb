// Just enough WordprocessingML to mark changes in a document the DOCX renderer wrote: split an
// element into its children, and write runs inside w:ins / w:del with their author and date.
// The renderer's XML is machine-written (no comments, entities escaped), so a tag scanner is
// enough; nothing here parses arbitrary documents.

export interface Element {
  name: string;
  xml: string;
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)(?:\s[^>]*?)?(\/?)>/g;

/** The sibling elements of a fragment, in order. */
export function elements(fragment: string): Element[] {
  const out: Element[] = [];
  let depth = 0;
  let start = 0;
  let name = '';
  for (const m of fragment.matchAll(TAG)) {
    const [tag, closing, tagName, selfClosing] = m;
    if (tag.startsWith('<?')) continue;
    if (closing) {
      depth--;
      if (depth === 0) out.push({ name, xml: fragment.slice(start, m.index! + tag.length) });
    } else if (selfClosing) {
      if (depth === 0) out.push({ name: tagName, xml: tag });
    } else {
      if (depth === 0) {
        start = m.index!;
        name = tagName;
      }
      depth++;
    }
  }
  return out;
}

/** The children of an element. */
export function childrenOf(element: string): Element[] {
  const open = element.indexOf('>') + 1;
  if (element[open - 2] === '/') return [];
  return elements(element.slice(open, element.lastIndexOf('</')));
}

/** The element's opening tag, and its closing tag. */
export function tagsOf(element: string): [string, string] {
  return [element.slice(0, element.indexOf('>') + 1), element.slice(element.lastIndexOf('</'))];
}

export const child = (element: string, name: string): string | undefined => childrenOf(element).find((c) => c.name === name)?.xml;

/** The document body: what precedes its blocks, the blocks (paragraphs and tables), and what follows. */
export function splitBody(document: string): { head: string; blocks: Element[]; tail: string } {
  const open = document.indexOf('<w:body>') + '<w:body>'.length;
  const close = document.lastIndexOf('</w:body>');
  const all = elements(document.slice(open, close));
  const blocks = all.filter((e) => e.name === 'w:p' || e.name === 'w:tbl');
  return { head: document.slice(0, open), blocks, tail: all.filter((e) => !blocks.includes(e)).map((e) => e.xml).join('') + document.slice(close) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** Who made the changes and when; every change needs an id unique in the document. */
export class Revisions {
  private next = 1;
  constructor(private readonly author: string, private readonly date: string) {}

  private attrs(): string {
    return `w:id="${this.next++}" w:author="${escapeXml(this.author)}" w:date="${this.date}"`;
  }

  run(text: string, rPr: string): string {
    return text ? `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '';
  }

  inserted(text: string, rPr: string): string {
    return text ? `<w:ins ${this.attrs()}>${this.run(text, rPr)}</w:ins>` : '';
  }

  deleted(text: string, rPr: string): string {
    return text ? `<w:del ${this.attrs()}><w:r>${rPr}<w:delText xml:space="preserve">${escapeXml(text)}</w:delText></w:r></w:del>` : '';
  }

  /** A mark for a paragraph mark or a table row: `<w:ins .../>` or `<w:del .../>`. */
  mark(kind: 'ins' | 'del'): string {
    return `<w:${kind} ${this.attrs()}/>`;
  }
}
