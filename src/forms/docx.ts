// One DOCX per person, stamped from the sheet's DOCX: the act's DOCX renderer writes the sheet
// once with a token in each variable's place, and each person's document is that file with the
// tokens replaced (Word lays the text out when it opens the file, so nothing is measured here).
// Only word/document.xml differs between persons; every other part, and the fixed text of
// document.xml, is compressed once (zip.ts, StampedEntry). The result is marked as on paper:
// the chosen wording is underlined among the options.
import { renderDocx } from '../render/docx.js';
import type { SheetTree } from './sheets.js';
import { optionRanges } from './sheets.js';
import { pack, type PackedEntry, readZip, StampedEntry, zipBytes } from './zip.js';

const DOCUMENT = 'word/document.xml';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
/** Characters XML 1.0 does not allow (a control character pasted into a spreadsheet cell). */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Run properties come in a fixed order (ECMA-376 CT_RPr): an underline goes before these. */
const AFTER_UNDERLINE = /<w:(effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath)\b/;

type Slot = { variable: number } | { options: true };

/** The options' token: after every variable's (sheets.ts numbers them from U+E000). */
const OPTIONS_TOKEN = '\ue0ff';

export class DocxSheet {
  private constructor(
    private readonly entries: Array<PackedEntry | typeof DOCUMENT>,
    /** document.xml cut at each slot: its i-th piece comes before slots[i]. */
    private readonly document: StampedEntry,
    private readonly slots: Slot[],
    private readonly options: { text: string; ranges: Array<[number, number] | undefined>; runProperties: string } | undefined,
  ) {}

  /** @param grades the grade wordings in the act's order (the options print them so) */
  static async create(sheet: SheetTree, grades: string[]): Promise<DocxSheet> {
    // The options get a token of their own here: each person's marked options replace it.
    const root = structuredClone(sheet.root);
    const form = root.children[0].type === 'methodology' ? root.children[0].children[0] : undefined;
    const optionsNode = form?.type === 'appendix' ? form.children.find((c) => c.type === 'form')?.children.find((c) => c.type === 'paragraph' && c.role === 'result-options') : undefined;
    if (optionsNode?.type === 'paragraph') optionsNode.children = [{ type: 'text', value: OPTIONS_TOKEN }];

    const parts = readZip(await renderDocx(root));
    const xml = Buffer.from(parts.find((p) => p.name === DOCUMENT)!.content).toString('utf8');
    const cuts: Array<{ at: number; slot: Slot }> = [];
    sheet.variables.forEach((v, variable) => {
      if (v.kind !== 'value') return;
      for (let at = xml.indexOf(v.token); at >= 0; at = xml.indexOf(v.token, at + 1)) cuts.push({ at, slot: { variable } });
    });
    let options: DocxSheet['options'];
    const at = xml.indexOf(OPTIONS_TOKEN);
    if (at >= 0 && sheet.options !== undefined) {
      cuts.push({ at, slot: { options: true } });
      const run = Math.max(xml.lastIndexOf('<w:r>', at), xml.lastIndexOf('<w:r ', at));
      options = { text: sheet.options, ranges: optionRanges(sheet.options, grades), runProperties: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml.slice(run, at))?.[1] ?? '' };
    }
    cuts.sort((a, b) => a.at - b.at);
    const segments: string[] = [];
    let from = 0;
    for (const c of cuts) {
      segments.push(xml.slice(from, c.at));
      from = c.at + 1;
    }
    segments.push(xml.slice(from));
    const entries = parts.map((p) => (p.name === DOCUMENT ? DOCUMENT : pack(p.name, p.content)));
    return new DocxSheet(entries, new StampedEntry(DOCUMENT, segments), cuts.map((c) => c.slot), options);
  }

  /** The options with the chosen wording in a run of its own, underlined. */
  private marked(grade: number | undefined): string {
    const o = this.options!;
    const range = grade === undefined ? undefined : o.ranges[grade];
    if (!range) return escape(o.text);
    const rPr = o.runProperties;
    const at = rPr.search(AFTER_UNDERLINE);
    const underlined = at < 0 ? `${rPr}<w:u w:val="single"/>` : `${rPr.slice(0, at)}<w:u w:val="single"/>${rPr.slice(at)}`;
    const plain = rPr ? `<w:rPr>${rPr}</w:rPr>` : '';
    return [
      escape(o.text.slice(0, range[0])),
      `</w:t></w:r><w:r><w:rPr>${underlined}</w:rPr><w:t xml:space="preserve">`,
      escape(o.text.slice(range[0], range[1])),
      `</w:t></w:r><w:r>${plain}<w:t xml:space="preserve">`,
      escape(o.text.slice(range[1])),
    ].join('');
  }

  /** A person's DOCX. */
  build(values: string[], grade?: number): Uint8Array {
    const gaps = this.slots.map((slot) => ('options' in slot ? this.marked(grade) : escape((values[slot.variable] ?? '').replace(INVALID_XML, ''))));
    const document = this.document.entry(gaps);
    return zipBytes(this.entries.map((e) => (e === DOCUMENT ? document : e)));
  }
}
