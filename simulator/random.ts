/**
 * A seeded pseudo-random source (sfc32, seeded through splitmix32) so that the same seed
 * always yields byte-identical output. `fork(label)` derives an independent stream per
 * co-op, product or feed: adding a feed or a co-op does not shift any other stream.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a: turns a label into 32 bits, so streams can be named instead of numbered. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(readonly seed: number | string) {
    const mix = splitmix32(typeof seed === 'number' ? seed >>> 0 : hashLabel(seed));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A new, independent stream named by `label` under this one's seed. */
  fork(label: string | number): Random {
    return new Random(`${String(this.seed)}/${String(label)}`);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`Random.int: empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: no items');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /**
   * Poisson draw: inversion (one uniform, walking the probabilities) for small means, a
   * rounded normal above 30. Inversion costs one draw where Knuth's product method costs
   * mean + 1, and demand is drawn for every site, product and day.
   */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const u = this.next();
    let k = 0;
    let pk = Math.exp(-mean);
    let cdf = pk;
    // The cap only matters when rounding leaves the summed probabilities just short of u.
    const cap = Math.ceil(mean * 10) + 20;
    while (u >= cdf && k < cap) {
      k++;
      pk *= mean / k;
      cdf += pk;
    }
    return k;
  }

  /** Binomial draw: exact by inversion for n < 40, normal-approximated for large n. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 40) {
      // Walk from the likelier end so q^n stays far from underflow.
      if (p > 0.5) return n - this.binomial(n, 1 - p);
      const u = this.next();
      const odds = p / (1 - p);
      let k = 0;
      let pk = (1 - p) ** n;
      let cdf = pk;
      while (u >= cdf && k < n) {
        pk *= (odds * (n - k)) / (k + 1);
        k++;
        cdf += pk;
      }
      return k;
    }
    const drawn = Math.round(this.normal(n * p, Math.sqrt(n * p * (1 - p))));
    return Math.min(n, Math.max(0, drawn));
  }
}
