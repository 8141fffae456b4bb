// A binary output file written as it is produced: bytes are buffered and passed to the file in
// large chunks, waiting when the disk is slower than the producer, so memory stays flat however
// many sheets go in. The file is written under a temporary name beside the target and renamed
// when complete: a failure, or an interrupted run, leaves no partial file behind.
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDir } from '../io/folders.js';

const CHUNK = 1 << 20;

export class ByteSink {
  private readonly tmp: string;
  private readonly out: WriteStream;
  private parts: Uint8Array[] = [];
  private buffered = 0;
  private failed: Error | undefined;
  /** Bytes written so far (the offset of the next byte): PDF cross-references and zip directories need it. */
  position = 0;

  private constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    this.out = createWriteStream(this.tmp);
    this.out.on('error', (e) => {
      this.failed = e;
    });
  }

  static async open(path: string): Promise<ByteSink> {
    makeDir(dirname(path));
    return new ByteSink(path);
  }

  write(data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    this.parts.push(bytes);
    this.buffered += bytes.length;
    this.position += bytes.length;
  }

  /** Passes the buffer to the file once it is large; waits while the file catches up. */
  async flushIfFull(): Promise<void> {
    if (this.buffered >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (!this.buffered) return;
    const chunk = Buffer.concat(this.parts, this.buffered);
    this.parts = [];
    this.buffered = 0;
    if (!this.out.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const done = (e?: Error) => {
          this.out.off('drain', done);
          this.out.off('error', done);
          if (e) reject(e);
          else resolve();
        };
        this.out.on('drain', done);
        this.out.on('error', done);
      });
    }
  }

  /** Writes what is left and puts the file in place. */
  async commit(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    if (this.failed) throw this.failed;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    this.out.destroy();
    rmSync(this.tmp, { force: true });
  }
}
