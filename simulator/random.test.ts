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

  it.each([0.5, 4, 25, 200])('poisson(%f) has about the right mean', (mean) => {
    const random = new Random(`poisson-${mean}`);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += random.poisson(mean);
    expect(sum / n).toBeGreaterThan(mean * 0.95);
    expect(sum / n).toBeLessThan(mean * 1.05 + 0.02);
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
