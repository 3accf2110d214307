import { gtin13CheckDigit, isValidGtin13, makeGtin13 } from './gtin';

describe('GTIN-13 check digit', () => {
  it.each([
    ['400638133393', 1], // 4006381333931, a textbook EAN-13
    ['629104150021', 3],
    ['501234567890', 0],
  ])('body %s has check digit %i', (body, digit) => {
    expect(gtin13CheckDigit(body)).toBe(digit);
  });

  it.each([
    ['4006381333931', true],
    ['4006381333932', false],
    ['400638133393', false],
    ['40063813339a1', false],
  ])('isValidGtin13(%s) is %s', (code, valid) => {
    expect(isValidGtin13(code)).toBe(valid);
  });

  it('makes codes that validate and rejects a bad body', () => {
    expect(isValidGtin13(makeGtin13('627100100001'))).toBe(true);
    expect(() => gtin13CheckDigit('12345')).toThrow(/12 digits/);
  });
});
