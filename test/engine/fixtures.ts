// Shared by the engine tests: the hand-written configurations, and a seeded random source so
// that generated records are the same on every run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoringConfig } from '../../src/engine/config.js';

const ROOT = join(import.meta.dirname, '..', '..');

export const loadConfig = (id: string): ScoringConfig => JSON.parse(readFileSync(join(ROOT, 'configs', `${id}.scoring.json`), 'utf8'));

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
