import { hasArabicDigits, readShownNumber } from './dashboard-page';

describe('readShownNumber', () => {
  it.each([
    ['١١٬٥٠٣٫٨١٦ د.ك.', 11503.816],
    ['\u200f١٬٢٣٤\u200f', 1234],
    ['KWD 1,234.500', 1234.5],
    ['٠٫٠', 0],
    ['-٠٫٥٠٠ د.ك.', -0.5],
    ['7.8', 7.8],
  ])('%j → %d', (text, value) => {
    expect(readShownNumber(text)).toBe(value);
  });

  it('refuses a cell without a number', () => {
    expect(() => readShownNumber('—')).toThrow(/not a number/);
  });

  it('tells Arabic-Indic digits from Latin ones', () => {
    expect(hasArabicDigits('١٢')).toBe(true);
    expect(hasArabicDigits('12')).toBe(false);
  });
});
