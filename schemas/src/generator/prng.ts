/** A seed: any number or string; equal seeds give equal sequences. */
export type Seed = number | string;

const UINT32 = 0x1_0000_0000;

/** cyrb128: spreads any text over four 32-bit words, so nearby seeds ("1", "2") give unrelated streams. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A small, fast, seeded pseudo-random generator (xoshiro128**). Not for cryptography: its only job is that
 * the same seed always yields the same traffic, on every machine and Node version.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for `seed`, optionally narrowed by labels (`new Prng(7, 'device', 12)`). */
  constructor(seed: Seed, ...labels: readonly (string | number)[]) {
    [this.a, this.b, this.c, this.d] = hash128([String(seed), ...labels.map(String)].join('\u001f'));
    // xoshiro is stuck at zero forever from an all-zero state.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotate(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotate(this.d, 11);
    return result;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / UINT32;
  }

  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  /** An exponentially distributed value with the given mean (waiting times between independent events). */
  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /** One key of `weights`, chosen in proportion to its weight; zero-weight keys are never chosen. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.float() * total;
    for (const [key, weight] of entries) {
      if (weight <= 0) continue;
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = entries.findLast(([, weight]) => weight > 0);
    if (last === undefined) throw new RangeError('weighted() needs at least one positive weight');
    return last[0];
  }

  /** `count` lowercase hex digits. */
  hex(count: number): string {
    let text = '';
    while (text.length < count) text += this.uint32().toString(16).padStart(8, '0');
    return text.slice(0, count);
  }
}

function rotate(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
