// The PDF file written object by object (PDF 32000-1, 7.5): each object goes to the file as soon
// as it is complete and only its offset is kept, so a file of ten thousand sheets needs no more
// memory than one of ten. pdf-lib holds a whole document in memory and serialises it at the end;
// it still builds the font objects (src/render/pdf/fonts.ts), which are copied in here.
import { deflateSync } from 'node:zlib';
import type { PDFObject } from 'pdf-lib';
import type { ByteSink } from '../sink.js';

/** Text as a PDF string: UTF-16BE with its byte order mark, in hexadecimal (any language, no escaping). */
export function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** An ASCII literal string, escaped. */
export function literal(s: string): string {
  return `(${s.replace(/[\\()]/g, '\\$&')})`;
}

export const ref = (n: number) => `${n} 0 R`;

/** Bytes below which a stream is not worth compressing. */
const COMPRESS_ABOVE = 1024;

export class PdfWriter {
  private offsets = new Float64Array(1 << 12);
  /** The next object number to hand out. */
  next: number;

  constructor(private readonly sink: ByteSink, first: number) {
    this.next = first;
    // A comment of bytes above 127 tells transfer programs the file is binary.
    sink.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  }

  alloc(): number {
    return this.next++;
  }

  private start(n: number): void {
    if (n >= this.offsets.length) {
      const grown = new Float64Array(Math.max(this.offsets.length * 2, n + 1));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[n] = this.sink.position;
  }

  object(n: number, body: string): void {
    this.start(n);
    this.sink.write(`${n} 0 obj\n${body}\nendobj\n`);
  }

  /**
   * A stream; `dict` holds the entries besides /Length and /Filter. A short stream (a person's
   * few lines) is left uncompressed: setting up zlib costs more than the bytes it would save,
   * and ten thousand sheets make fifty thousand such streams.
   */
  stream(n: number, data: string | Uint8Array, dict = ''): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    const packed = bytes.length > COMPRESS_ABOVE ? deflateSync(bytes) : bytes;
    const filter = packed === bytes ? '' : ' /Filter /FlateDecode';
    this.start(n);
    this.sink.write(`${n} 0 obj\n<< ${dict}${dict ? ' ' : ''}/Length ${packed.length}${filter} >>\nstream\n`);
    this.sink.write(packed);
    this.sink.write('\nendstream\nendobj\n');
  }

  /** An object pdf-lib built, under the number pdf-lib gave it. */
  copy(n: number, obj: PDFObject): void {
    const bytes = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(bytes, 0);
    this.start(n);
    this.sink.write(`${n} 0 obj\n`);
    this.sink.write(bytes);
    this.sink.write('\nendobj\n');
  }

  flushIfFull(): Promise<void> {
    return this.sink.flushIfFull();
  }

  /**
   * The cross-reference table and the trailer. Numbers handed out but never written (pdf-lib's
   * own catalogue, which is not copied) become null objects, so the table has no free entries.
   */
  finish(root: number, info: number): void {
    const count = this.next;
    for (let n = 1; n < count; n++) if (!this.offsets[n]) this.object(n, 'null');
    const xref = this.sink.position;
    const lines: string[] = [`xref\n0 ${count}\n0000000000 65535 f \n`];
    for (let n = 1; n < count; n++) {
      lines.push(`${String(this.offsets[n]).padStart(10, '0')} 00000 n \n`);
      if (lines.length >= 4096) this.sink.write(lines.splice(0).join(''));
    }
    this.sink.write(lines.join(''));
    this.sink.write(`trailer\n<< /Size ${count} /Root ${ref(root)} /Info ${ref(info)} >>\nstartxref\n${xref}\n%%EOF\n`);
  }
}
