import { Random } from './random';

const draw = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.nextUint32());

describe('Random', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    expect(draw(new Random(42), 20)).toEqual(draw(new Random(42), 20));
    expect(draw(new Random(42), 20)).not.toEqual(draw(new Random(43), 20));
  });

  it('forks independent named streams', () => {
    const root = new Random(7);
    expect(draw(root.fork('C001'), 5)).toEqual(draw(new Random(7).fork('C001'), 5));
    expect(draw(root.fork('C001'), 5)).not.toEqual(draw(root.fork('C002'), 5));
  });

  const moments = (values: number[]): { mean: number; variance: number } => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { mean, variance: values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length };
  };

  it.each([0.5, 4, 25, 200])('poisson(%f) has about the right mean and variance', (mean) => {
    const random = new Random(`poisson-${mean}`);
    const got = moments(Array.from({ length: 20_000 }, () => random.poisson(mean)));
    expect(got.mean).toBeGreaterThan(mean * 0.95);
    expect(got.mean).toBeLessThan(mean * 1.05 + 0.02);
    expect(got.variance).toBeGreaterThan(mean * 0.9);
    expect(got.variance).toBeLessThan(mean * 1.1 + 0.05);
  });

  it.each([
    [1, 0.3],
    [5, 0.1],
    [12, 0.45],
    [30, 0.8],
    [39, 0.02],
    [200, 0.25],
  ])('binomial(%i, %f) has about the right mean and variance', (n, p) => {
    const random = new Random(`binomial-${n}-${p}`);
    const got = moments(Array.from({ length: 20_000 }, () => random.binomial(n, p)));
    expect(Math.abs(got.mean - n * p)).toBeLessThan(0.03 * n * p + 0.02);
    expect(Math.abs(got.variance - n * p * (1 - p))).toBeLessThan(0.1 * n * p * (1 - p) + 0.02);
  });

  it('draws binomial(4, 0.3) with its exact probabilities and never outside 0..n', () => {
    const random = new Random('binomial-pmf');
    const counts = [0, 0, 0, 0, 0];
    const draws = 50_000;
    for (let i = 0; i < draws; i++) counts[random.binomial(4, 0.3)]! += 1;
    const pmf = [0.2401, 0.4116, 0.2646, 0.0756, 0.0081];
    pmf.forEach((p, k) => expect(Math.abs(counts[k]! / draws - p)).toBeLessThan(0.01));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws);
  });

  it('keeps uniform draws in range', () => {
    const random = new Random(1);
    for (let i = 0; i < 1000; i++) {
      const value = random.int(3, 5);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(5);
    }
    expect(() => random.int(5, 3)).toThrow(/empty range/);
  });
});
