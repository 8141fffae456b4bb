// Word bags (multisets of stems and localisation placeholders) and the similarity of two texts.
export type Bag = Map<string, number>;

export function bagOf(keys: Iterable<string>): Bag {
  const bag: Bag = new Map();
  for (const k of keys) bag.set(k, (bag.get(k) ?? 0) + 1);
  return bag;
}

export function sizeOf(bag: Bag): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

export function common(a: Bag, b: Bag): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [k, v] of small) n += Math.min(v, large.get(k) ?? 0);
  return n;
}

/** Dice coefficient: 1 for the same words, 0 for none in common. */
export function dice(a: Bag, sa: number, b: Bag, sb: number): number {
  if (!sa || !sb) return 0;
  return (2 * common(a, b)) / (sa + sb);
}

/** a minus b, as multisets. */
export function minus(a: Bag, b: Bag): Bag {
  const out: Bag = new Map();
  for (const [k, v] of a) {
    const d = v - (b.get(k) ?? 0);
    if (d > 0) out.set(k, d);
  }
  return out;
}
