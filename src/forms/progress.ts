// A progress line on stderr for long batches: how many rows are done, of about how many, and
// the rate. Only on a terminal (a log file or a pipe gets nothing) and only for a batch large
// enough to take a while; redrawn a few times a second, cleared when the batch ends.

/** Rows below which a batch is quick enough to need no indicator. */
const PROGRESS_THRESHOLD = 300;
const INTERVAL_MS = 200;

export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

export class Progress {
  private done = 0;
  private last = 0;
  private readonly started: number;
  private readonly active: boolean;

  constructor(
    private readonly total: number,
    private readonly what: string,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.active = !!stream.isTTY && total > PROGRESS_THRESHOLD;
    this.started = now();
  }

  tick(): void {
    this.done++;
    if (!this.active) return;
    const t = this.now();
    if (t - this.last < INTERVAL_MS) return;
    this.last = t;
    const seconds = Math.max(0.001, (t - this.started) / 1000);
    const shown = Math.min(this.done, this.total);
    this.stream.write(`\r${this.what}: ${shown} of ~${this.total} rows (${Math.round((100 * shown) / this.total)} %, ${Math.round(this.done / seconds)}/s)\u001b[K`);
  }

  end(): void {
    if (this.active && this.last) this.stream.write('\r\u001b[K');
  }
}
