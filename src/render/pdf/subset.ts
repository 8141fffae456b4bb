// A TrueType subsetter that keeps glyph ids: the outlines of unused glyphs are dropped, the
// other tables a PDF needs are copied. Why not fontkit's subsetter (pdf-lib's `subset: true`):
// with PT Serif it writes a `loca` that does not match its `glyf`, so poppler and pdf.js draw
// most Cyrillic letters as nothing while the text still extracts. Keeping the ids also lets
// the PDF map character codes to glyphs with CIDToGIDMap /Identity.
import type { TrueTypeFile } from './truetype.js';

/** The tables a CIDFontType2 program needs (PDF 32000-1, 9.9): outlines, metrics, hinting. */
const KEPT = ['OS/2', 'cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'];

/** A font program with the outlines of `used` (and .notdef, and their components) only. */
export function subsetFont(font: TrueTypeFile, used: Iterable<number>): Uint8Array {
  const keep = new Set<number>([0]);
  const queue = [...used];
  while (queue.length) {
    const gid = queue.pop()!;
    if (gid >= font.numGlyphs || keep.has(gid)) continue;
    keep.add(gid);
    queue.push(...font.components(gid));
  }
  const parts: Uint8Array[] = [];
  const loca = new DataView(new ArrayBuffer((font.numGlyphs + 1) * 4));
  let size = 0;
  for (let gid = 0; gid < font.numGlyphs; gid++) {
    loca.setUint32(gid * 4, size);
    if (!keep.has(gid)) continue;
    const [start, end] = font.glyphRange(gid);
    const padded = (end - start + 3) & ~3;
    const data = new Uint8Array(padded);
    data.set(font.bytes.subarray(start, end));
    parts.push(data);
    size += padded;
  }
  loca.setUint32(font.numGlyphs * 4, size);
  const head = font.table('head');
  const headView = new DataView(head.buffer, head.byteOffset, head.byteLength);
  headView.setUint32(8, 0); // checkSumAdjustment, set when the file is written
  headView.setInt16(50, 1); // long loca offsets
  const tables = new Map<string, Uint8Array>();
  for (const tag of KEPT) {
    if (tag === 'glyf') tables.set(tag, concat(parts, size));
    else if (tag === 'loca') tables.set(tag, new Uint8Array(loca.buffer));
    else if (tag === 'head') tables.set(tag, head);
    else if (font.has(tag)) tables.set(tag, font.table(tag));
  }
  return writeFont(tables);
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** Serialises tables (sorted by tag, as the format requires) with a valid directory. */
function writeFont(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const entrySelector = Math.floor(Math.log2(count));
  const searchRange = 2 ** entrySelector * 16;
  let offset = 12 + count * 16;
  const size = tags.reduce((n, t) => n + ((tables.get(t)!.length + 3) & ~3), offset);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, count);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, count * 16 - searchRange);
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    view.setUint32(rec + 4, checksum(data));
    view.setUint32(rec + 8, offset);
    view.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headAt = offset;
    offset += (data.length + 3) & ~3;
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
