// One row of the benchmark table: our figure, the peer's in the same run, and the target.
export interface BenchRow {
  name: string;
  ours: string;
  peer?: string;
  ratio?: string;
  target: string;
  pass: boolean;
  note?: string;
}

/** Median wall time of `fn` in milliseconds over `runs` runs after `warmup` runs. */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
