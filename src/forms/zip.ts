// ZIP archives (PKWARE APPNOTE 6.3), written entry by entry as they are produced: the DOCX of each
// sheet (itself a ZIP) and the archive that holds one DOCX per person. No dependency offers a
// streaming writer (jszip, which docx uses internally, is not ours to rely on and holds the whole
// archive in memory), and the format needs little: local headers, a central directory, and the
// ZIP64 records once an archive passes 65,535 entries or 4 GiB. Names are UTF-8 (flag bit 11);
// every entry carries the same fixed date, so the same input gives the same bytes.
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipOutput {
  write(data: Uint8Array): void;
  readonly position: number;
}

/** An entry ready to be stored: its bytes as they go into the archive, and what they expand to. */
export interface PackedEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** Compresses an entry (deflate, or stored when compression would not pay). */
export function pack(name: string, content: Uint8Array, compress = true): PackedEntry {
  const crc = crc32(content);
  if (compress) {
    const data = deflateRawSync(content);
    if (data.length < content.length) return { name, method: 8, crc, size: content.length, data };
  }
  return { name, method: 0, crc, size: content.length, data: content };
}

/**
 * An entry made of fixed text with variable text between (a sheet's document.xml): the fixed
 * pieces are compressed once, each ending on a byte boundary (a sync flush), and the variable
 * pieces go between them as stored deflate blocks. A deflate stream may be cut into blocks
 * anywhere, and a block may be stored as it is; compressed pieces only refer back within
 * themselves. So ten thousand documents cost one compression, not ten thousand.
 */
export class StampedEntry {
  private readonly fixed: Array<{ bytes: Buffer; packed: Buffer }>;

  /** @param pieces the fixed text: one more piece than there are gaps */
  constructor(readonly name: string, pieces: string[]) {
    this.fixed = pieces.map((p, i) => {
      const bytes = Buffer.from(p, 'utf8');
      const last = i === pieces.length - 1;
      return { bytes, packed: deflateRawSync(bytes, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }) };
    });
  }

  entry(gaps: string[]): PackedEntry {
    const parts: Buffer[] = [];
    let crc = 0;
    let size = 0;
    this.fixed.forEach((f, i) => {
      parts.push(f.packed);
      crc = crc32(f.bytes, crc);
      size += f.bytes.length;
      const gap = i < gaps.length ? Buffer.from(gaps[i], 'utf8') : undefined;
      if (!gap?.length) return;
      crc = crc32(gap, crc);
      size += gap.length;
      for (let at = 0; at < gap.length; at += 0xffff) {
        const piece = gap.subarray(at, at + 0xffff);
        const header = Buffer.alloc(5);
        // BFINAL 0, BTYPE 00 (stored), the rest of the byte padding; then LEN and its complement.
        header.writeUInt16LE(piece.length, 1);
        header.writeUInt16LE(~piece.length & 0xffff, 3);
        parts.push(header, piece);
      }
    });
    return { name: this.name, method: 8, crc, size, data: Buffer.concat(parts) };
  }
}

const U32 = 0xffffffff;
/** 1980-01-01 00:00, the earliest date the format has. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

export class ZipWriter {
  /** The central directory records, kept until the end (some hundred bytes an entry). */
  private central: Buffer[] = [];
  private centralSize = 0;

  constructor(private readonly out: ZipOutput) {}

  get count(): number {
    return this.central.length;
  }

  add(entry: PackedEntry): void {
    if (entry.data.length >= U32 || entry.size >= U32) throw new Error(`${entry.name}: an entry of 4 GiB or more is not supported`);
    const name = Buffer.from(entry.name, 'utf8');
    const offset = this.out.position;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    this.out.write(local);
    this.out.write(name);
    this.out.write(entry.data);

    // An entry that starts beyond 4 GiB gives its offset in a ZIP64 extra field.
    const far = offset >= U32;
    const extra = far ? Buffer.alloc(12) : Buffer.alloc(0);
    if (far) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(offset), 4);
    }
    const record = Buffer.alloc(46 + name.length + extra.length);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(far ? 45 : 20, 4);
    record.writeUInt16LE(far ? 45 : 20, 6);
    record.writeUInt16LE(UTF8_NAMES, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt16LE(DOS_TIME, 12);
    record.writeUInt16LE(DOS_DATE, 14);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.data.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(far ? U32 : offset, 42);
    name.copy(record, 46);
    extra.copy(record, 46 + name.length);
    this.central.push(record);
    this.centralSize += record.length;
  }

  /** Writes the central directory and the end records. */
  finish(): void {
    const start = this.out.position;
    for (const r of this.central) this.out.write(r);
    const count = this.central.length;
    const size = this.centralSize;
    if (count >= 0xffff || start >= U32 || size >= U32) {
      const at = this.out.position;
      const z64 = Buffer.alloc(56);
      z64.writeUInt32LE(0x06064b50, 0);
      z64.writeBigUInt64LE(44n, 4);
      z64.writeUInt16LE(45, 12);
      z64.writeUInt16LE(45, 14);
      z64.writeBigUInt64LE(BigInt(count), 24);
      z64.writeBigUInt64LE(BigInt(count), 32);
      z64.writeBigUInt64LE(BigInt(size), 40);
      z64.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(at), 8);
      locator.writeUInt32LE(1, 16);
      this.out.write(z64);
      this.out.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, U32), 12);
    end.writeUInt32LE(Math.min(start, U32), 16);
    this.out.write(end);
    this.central = [];
  }
}

/** A whole archive in memory (a DOCX of one sheet). */
export function zipBytes(entries: PackedEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let position = 0;
  const zip = new ZipWriter({
    write(data) {
      parts.push(data);
      position += data.length;
    },
    get position() {
      return position;
    },
  });
  for (const e of entries) zip.add(e);
  zip.finish();
  return Buffer.concat(parts);
}

/** The entries of an archive in memory, in the order of its central directory. */
export function readZip(bytes: Uint8Array): Array<{ name: string; content: Uint8Array }> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = b.length - 22;
  while (end >= 0 && b.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive (no end of central directory)');
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const out: Array<{ name: string; content: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = b.readUInt16LE(at + 10);
    const compressed = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(dataAt, dataAt + compressed);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported ZIP compression method ${method}`);
    out.push({ name, content: method === 8 ? inflateRawSync(data) : data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
