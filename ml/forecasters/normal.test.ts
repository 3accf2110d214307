import { describe, expect, it } from 'vitest';
import { inverseNormal, rms, zFor } from './normal';

describe('inverseNormal', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.95, 1.6448536269514722],
    [0.01, -2.3263478740408408],
    [0.999, 3.090232306167813],
  ])('Φ⁻¹(%d) = %d', (p, z) => expect(inverseNormal(p)).toBeCloseTo(z, 7));
  it('zFor(0.9) is the 95th percentile', () => expect(zFor(0.9)).toBeCloseTo(1.6448536269514722, 7));
  it('rejects p outside (0, 1)', () => expect(() => inverseNormal(1)).toThrow(RangeError));
});

describe('rms', () => {
  it.each([
    [[2, -2, 2, -2], 2],
    [[3, NaN, 4], Math.sqrt(12.5)],
    [[], 0],
  ])('rms(%j) = %d', (v, r) => expect(rms(v)).toBeCloseTo(r, 12));
});
