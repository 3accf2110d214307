import { describe, expect, it } from 'vitest';
import { formatStamp, inferStep, parseStamp, periodFor, toGrid } from './time-grid';

const H = 3_600_000;
const D = 24 * H;

describe('parseStamp / formatStamp round trip', () => {
  it.each([
    ['2025-06-14', Date.UTC(2025, 5, 14)],
    ['2025-06-14 18:00:00', Date.UTC(2025, 5, 14, 18)],
    ['2025-06-14T18:05', Date.UTC(2025, 5, 14, 18, 5)],
    ['2025-06-14T18:00:00Z', Date.UTC(2025, 5, 14, 18)],
    ['2025-06-14T18:00:00+03:00', Date.UTC(2025, 5, 14, 15)],
    ['2025-06-14T01:30:00-02:30', Date.UTC(2025, 5, 14, 4)],
  ])('%s', (text, t) => {
    const { t: parsed, style } = parseStamp(text);
    expect(parsed).toBe(t);
    expect(formatStamp(parsed, style)).toBe(text);
  });
  it('prints a later stamp in the input offset', () => {
    const { t, style } = parseStamp('2025-06-14T23:00:00+03:00');
    expect(formatStamp(t + H, style)).toBe('2025-06-15T00:00:00+03:00');
  });
  it('rejects garbage', () => expect(() => parseStamp('14/06/2025')).toThrow(/unrecognised/));
});

describe('inferStep', () => {
  it.each([
    ['daily with a missing day', [0, D, 2 * D, 4 * D, 5 * D], D],
    ['5 minutes', [0, 3e5, 6e5, 9e5], 3e5],
    ['hourly with one 2h gap', [0, H, 2 * H, 4 * H], H],
  ])('%s', (_n, times, step) => expect(inferStep(times)).toBe(step));
});

describe('periodFor', () => {
  it.each([
    [D, 14, 7],
    [D, 13, 1],
    [H, 48, 24],
    [15 * 60_000, 200, 96],
    [7 * 60_000, 10_000, 1],
    [60_000, 2880, 1440],
    [60_000, 100, 1],
  ])('step %d, length %d → %d', (step, n, p) => expect(periodFor(step, n)).toBe(p));
});

describe('toGrid', () => {
  it('leaves NaN in missing slots and averages duplicates', () => {
    const g = toGrid([
      { t: 3 * D, y: 4 },
      { t: 0, y: 1 },
      { t: D, y: 2 },
      { t: D, y: 4 },
      { t: 4 * D, y: 5 },
    ]);
    expect(g.step).toBe(D);
    expect(g.y).toEqual([1, 3, NaN, 4, 5]);
    expect(g.slots).toEqual([0, 1, 3, 4]);
  });
});
