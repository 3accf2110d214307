import { civilIdCheckDigit, isValidCivilId, makeCivilId } from './civil-id';

describe('Kuwaiti civil ID', () => {
  it.each([
    ['288020122596', true],
    ['227081660516', true],
    ['288020122597', false],
    ['288130122596', false], // month 13
    ['188020122596', false], // century digit 1 is not used
    ['28802012259', false],
  ])('isValidCivilId(%s) is %s', (id, valid) => {
    expect(isValidCivilId(id)).toBe(valid);
  });

  it('builds IDs from a birth date and serial that pass the check', () => {
    let made = 0;
    for (let serial = 0; serial < 200; serial++) {
      const id = makeCivilId('1985-07-21', serial);
      if (id === null) continue;
      made++;
      expect(id.slice(0, 7)).toBe('2850721');
      expect(isValidCivilId(id)).toBe(true);
    }
    // About 2 bodies in 11 have no valid check digit.
    expect(made).toBeGreaterThan(140);
    expect(made).toBeLessThan(200);
  });

  it('returns null for a body whose check would be 10 or 11', () => {
    const bodies = Array.from({ length: 50 }, (_, i) => `30105010${String(i).padStart(3, '0')}`);
    expect(bodies.some((body) => civilIdCheckDigit(body) === null)).toBe(true);
  });

  it('rejects births outside 1900–2099', () => {
    expect(() => makeCivilId('1850-01-01', 1)).toThrow(/1900/);
  });
});
