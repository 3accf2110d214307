import { crisisMultiplier, crisisStartIn, defaultCrisis, placeCrisisStart, validateCrisis } from './crisis';

describe('crisis scenario', () => {
  it.each([
    // requested, span start, span end, placed
    ['2025-06-15', '2025-03-03', '2025-06-30', '2025-06-15'],
    ['2025-06-15', '2025-10-20', '2026-11-23', '2026-06-15'],
    ['2025-06-15', '2025-09-01', '2025-12-31', '2025-11-25'],
  ])('requested %s in %s…%s is placed on %s', (requested, start, end, placed) => {
    expect(placeCrisisStart(requested, start, end, 12)).toBe(placed);
  });

  it('spreads from the first governorate a lag apart and skips those it never reaches', () => {
    const crisis = { ...defaultCrisis(), spreadOrder: ['KW-JA', 'KW-FA'], spreadLagDays: 2 };
    expect(crisisStartIn(crisis, 'KW-JA')).toBe('2025-06-15');
    expect(crisisStartIn(crisis, 'KW-FA')).toBe('2025-06-17');
    expect(crisisStartIn(crisis, 'KW-KU')).toBeNull();
  });

  it('peaks several-fold and returns to normal after the duration', () => {
    const crisis = defaultCrisis();
    const curve = Array.from({ length: 9 }, (_, d) => crisisMultiplier(crisis, d - 1));
    expect(curve[0]).toBe(1);
    expect(Math.max(...curve)).toBe(crisis.peakMultiplier);
    expect(curve[8]).toBe(1);
    expect(crisisMultiplier(crisis, 1)).toBeGreaterThan(crisisMultiplier(crisis, 0));
  });

  it('rejects a crisis that makes no sense', () => {
    expect(() => validateCrisis({ ...defaultCrisis(), peakMultiplier: 0.5 })).toThrow(/peakMultiplier/);
    expect(() => validateCrisis({ ...defaultCrisis(), spreadOrder: [] })).toThrow(/spreadOrder/);
  });
});
