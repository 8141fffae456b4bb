// The PDF's typeface: PT Serif (ParaType, SIL Open Font License 1.1), installed from npm with
// @expo-google-fonts/pt-serif, which carries Russian and every Kazakh letter in all four faces.
// A face is read and measured once per process; each document records the glyphs it uses and
// embeds only their outlines (a subset), as a CIDFontType2 with a ToUnicode map so the text
// extracts back exactly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFName, PDFPage, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { subsetFont } from './subset.js';
import { TrueTypeFile } from './truetype.js';

const { PDFString } = pdfLib;

export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FaceName, string> = {
  regular: '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf',
  bold: '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf',
  italic: '@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/pt-serif/700Bold_Italic/PTSerif_700Bold_Italic.ttf',
};

/** A face's program and metrics, shared by every document the process renders. */
export class FontProgram {
  readonly file: TrueTypeFile;
  private readonly scale: number;
  private readonly glyphs = new Map<string, { gid: number; hex: string; advance: number }>();
  /** Word widths in thousandths of the font size: line breaking measures each word many times. */
  private readonly widths = new Map<string, number>();

  constructor(readonly name: FaceName, bytes: Uint8Array) {
    this.file = new TrueTypeFile(bytes);
    this.scale = 1000 / this.file.unitsPerEm;
  }

  has(char: string): boolean {
    return this.file.cmap.has(char.codePointAt(0)!);
  }

  /** The glyph drawn for a character (.notdef, id 0, for one the font lacks: checked before drawing). */
  glyph(char: string): { gid: number; hex: string; advance: number } {
    let g = this.glyphs.get(char);
    if (!g) {
      const gid = this.file.cmap.get(char.codePointAt(0)!) ?? 0;
      g = { gid, hex: gid.toString(16).padStart(4, '0'), advance: this.file.advance(gid) * this.scale };
      this.glyphs.set(char, g);
    }
    return g;
  }

  /** Width of a string at `size` points. Characters are drawn one glyph each, without kerning. */
  width(text: string, size: number): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = 0;
      for (const ch of text) w += this.glyph(ch).advance;
      this.widths.set(text, w);
    }
    return (w * size) / 1000;
  }
}

const programs = new Map<FaceName, FontProgram>();
const require = createRequire(import.meta.url);

export function program(name: FaceName): FontProgram {
  let p = programs.get(name);
  if (!p) {
    p = new FontProgram(name, readFileSync(require.resolve(FILES[name])));
    programs.set(name, p);
  }
  return p;
}

export function faceFor(bold: boolean, italic: boolean): FaceName {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** One face in one document: encodes text and remembers which glyphs it drew. */
export class DocFont {
  /** Allocated when a page first uses the face: a face no page uses is not embedded. */
  private ref?: PDFRef;
  /** Glyph id -> the character it was drawn for (for ToUnicode). */
  private readonly used = new Map<number, string>();

  constructor(readonly program: FontProgram, private readonly doc: PDFDocument) {}

  /** The text as 2-byte glyph ids (Identity-H), in hexadecimal. */
  encode(text: string): string {
    let hex = '';
    for (const ch of text) {
      const g = this.program.glyph(ch);
      if (!this.used.has(g.gid)) this.used.set(g.gid, ch);
      hex += g.hex;
    }
    return hex;
  }

  /** Writes the font objects; call once, after the last page is drawn. */
  embed(): void {
    const { doc, program: p, ref } = this;
    if (!ref) return;
    const ctx = doc.context;
    const gids = [...this.used.keys()].sort((a, b) => a - b);
    const f = p.file;
    const baseName = `${subsetTag(gids)}+${f.postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
    const program = subsetFont(f, gids);
    const fontFile = ctx.register(ctx.stream(deflateSync(program), { Filter: 'FlateDecode', Length1: program.length }));
    const k = 1000 / f.unitsPerEm;
    const descriptor = ctx.register(ctx.obj({
      Type: 'FontDescriptor',
      FontName: baseName,
      // Serif (2) and Nonsymbolic (32), plus Italic (64) for the italic faces.
      Flags: 2 + 32 + (f.italicAngle ? 64 : 0),
      FontBBox: f.bbox.map((v) => Math.round(v * k)),
      ItalicAngle: f.italicAngle,
      Ascent: Math.round(f.ascent * k),
      Descent: Math.round(f.descent * k),
      CapHeight: Math.round(f.capHeight * k),
      StemV: p.name.startsWith('bold') ? 120 : 80,
      FontFile2: fontFile,
    }));
    const widths: (number | number[])[] = [];
    for (const gid of gids) widths.push(gid, [Math.round(p.glyph(this.used.get(gid)!).advance)]);
    const cidFont = ctx.register(ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseName,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widths,
      CIDToGIDMap: 'Identity',
    }));
    const toUnicode = ctx.register(ctx.stream(deflateSync(toUnicodeCMap(this.used)), { Filter: 'FlateDecode' }));
    ctx.assign(ref, ctx.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseName,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }));
  }

  /** The font's object, allocated on first use (also for a writer that makes no pdf-lib pages). */
  reference(): PDFRef {
    return (this.ref ??= this.doc.context.nextRef());
  }

  /** The name a page's resources give this font. */
  resourceName(page: PDFPage): PDFName {
    return page.node.newFontDictionary(this.program.name, this.reference());
  }
}

/** Six capitals naming the subset (PDF 32000-1, 9.6.4), derived from its glyphs so output is reproducible. */
function subsetTag(gids: number[]): string {
  let h = 2166136261;
  for (const g of gids) h = Math.imul(h ^ g, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, h = Math.floor(h / 26)) tag += String.fromCharCode(65 + (h % 26));
  return tag;
}

function utf16Hex(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += ch.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

function toUnicodeCMap(used: Map<number, string>): string {
  const entries = [...used].sort((a, b) => a[0] - b[0]).map(([gid, ch]) => `<${gid.toString(16).padStart(4, '0')}> <${utf16Hex(ch)}>`);
  const chunks: string[] = [];
  // bfchar sections hold at most 100 entries each.
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

