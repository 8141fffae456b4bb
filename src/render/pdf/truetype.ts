// Reads what the PDF needs from a TrueType font: the table directory, the metrics, the
// character map and each glyph's outline bytes. Reading them directly (a few hundred lines of
// the format) spares loading a general font library at every CLI start.

interface TableRecord {
  offset: number;
  length: number;
}

export class TrueTypeFile {
  private readonly view: DataView;
  private readonly tables = new Map<string, TableRecord>();
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly bbox: [number, number, number, number];
  readonly postscriptName: string;
  /** Unicode code point -> glyph id. */
  readonly cmap: Map<number, number>;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.u16(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      this.tables.set(tag, { offset: this.u32(at + 8), length: this.u32(at + 12) });
    }
    for (const tag of ['head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf', 'cmap']) {
      if (!this.tables.has(tag)) throw new Error(`not a TrueType font with outlines: no "${tag}" table`);
    }
    const head = this.offset('head');
    this.unitsPerEm = this.u16(head + 18);
    this.bbox = [this.i16(head + 36), this.i16(head + 38), this.i16(head + 40), this.i16(head + 42)];
    this.longLoca = this.i16(head + 50) === 1;
    const hhea = this.offset('hhea');
    this.ascent = this.i16(hhea + 4);
    this.descent = this.i16(hhea + 6);
    this.numberOfHMetrics = this.u16(hhea + 34);
    this.numGlyphs = this.u16(this.offset('maxp') + 4);
    const os2 = this.tables.get('OS/2');
    this.capHeight = os2 && this.u16(os2.offset) >= 2 ? this.i16(os2.offset + 88) : this.ascent;
    const post = this.tables.get('post');
    this.italicAngle = post ? this.i16(post.offset + 4) + this.u16(post.offset + 6) / 65536 : 0;
    this.postscriptName = this.name(6) ?? 'Font';
    this.cmap = this.readCmap();
  }

  private u16 = (at: number) => this.view.getUint16(at);
  private i16 = (at: number) => this.view.getInt16(at);
  private u32 = (at: number) => this.view.getUint32(at);

  offset(tag: string): number {
    return this.tables.get(tag)!.offset;
  }

  has(tag: string): boolean {
    return this.tables.has(tag);
  }

  /** A copy of a table (a Buffer's `slice` would share memory with the font). */
  table(tag: string): Uint8Array {
    const { offset, length } = this.tables.get(tag)!;
    return new Uint8Array(this.bytes.subarray(offset, offset + length));
  }

  advance(gid: number): number {
    const i = Math.min(gid, this.numberOfHMetrics - 1);
    return this.u16(this.offset('hmtx') + i * 4);
  }

  /** Start and end of a glyph's outline inside the file. */
  glyphRange(gid: number): [number, number] {
    const loca = this.offset('loca');
    const glyf = this.offset('glyf');
    const [a, b] = this.longLoca
      ? [this.u32(loca + gid * 4), this.u32(loca + gid * 4 + 4)]
      : [this.u16(loca + gid * 2) * 2, this.u16(loca + gid * 2 + 2) * 2];
    return [glyf + a, glyf + b];
  }

  /** The glyphs a composite glyph is built from. */
  components(gid: number): number[] {
    const [start, end] = this.glyphRange(gid);
    if (end - start < 10 || this.i16(start) >= 0) return [];
    const out: number[] = [];
    let at = start + 10;
    for (;;) {
      const flags = this.u16(at);
      out.push(this.u16(at + 2));
      at += 4 + (flags & 0x0001 ? 4 : 2); // arguments: words or bytes
      if (flags & 0x0008) at += 2; // one scale
      else if (flags & 0x0040) at += 4; // x and y scales
      else if (flags & 0x0080) at += 8; // a 2x2 matrix
      if (!(flags & 0x0020)) return out; // no more components
    }
  }

  /** A name from the `name` table (Windows Unicode or Macintosh Roman records). */
  private name(id: number): string | undefined {
    const table = this.tables.get('name');
    if (!table) return undefined;
    const base = table.offset;
    const strings = base + this.u16(base + 4);
    for (let i = 0, n = this.u16(base + 2); i < n; i++) {
      const rec = base + 6 + i * 12;
      if (this.u16(rec + 6) !== id) continue;
      const platform = this.u16(rec);
      const length = this.u16(rec + 8);
      const at = strings + this.u16(rec + 10);
      if (platform === 3) {
        let s = '';
        for (let k = 0; k < length; k += 2) s += String.fromCharCode(this.u16(at + k));
        return s;
      }
      if (platform === 1) return String.fromCharCode(...this.bytes.subarray(at, at + length));
    }
    return undefined;
  }

  /** The Unicode character map: format 12 (full Unicode) when present, else format 4 (BMP). */
  private readCmap(): Map<number, number> {
    const base = this.offset('cmap');
    const subtables: Array<{ format: number; at: number }> = [];
    for (let i = 0, n = this.u16(base + 2); i < n; i++) {
      const rec = base + 4 + i * 8;
      const platform = this.u16(rec);
      const encoding = this.u16(rec + 2);
      if ((platform === 3 && (encoding === 1 || encoding === 10)) || platform === 0) {
        const at = base + this.u32(rec + 4);
        subtables.push({ format: this.u16(at), at });
      }
    }
    const map = new Map<number, number>();
    const full = subtables.find((t) => t.format === 12);
    if (full) {
      for (let g = 0, n = this.u32(full.at + 12); g < n; g++) {
        const rec = full.at + 16 + g * 12;
        const first = this.u32(rec);
        const last = this.u32(rec + 4);
        const gid = this.u32(rec + 8);
        for (let cp = first; cp <= last; cp++) map.set(cp, gid + cp - first);
      }
      return map;
    }
    const bmp = subtables.find((t) => t.format === 4);
    if (!bmp) throw new Error('the font has no Unicode character map (cmap format 4 or 12)');
    const segments = this.u16(bmp.at + 6) / 2;
    const ends = bmp.at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = this.u16(ends + s * 2);
      const start = this.u16(starts + s * 2);
      const delta = this.i16(deltas + s * 2);
      const rangeAt = ranges + s * 2;
      const range = this.u16(rangeAt);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let gid: number;
        if (range === 0) gid = (cp + delta) & 0xffff;
        else {
          gid = this.u16(rangeAt + range + (cp - start) * 2);
          if (gid !== 0) gid = (gid + delta) & 0xffff;
        }
        if (gid !== 0) map.set(cp, gid);
      }
    }
    return map;
  }
}
