/** GTIN-13 (EAN-13) check digits: weights 1 and 3 alternate from the left, modulo 10. */

export function gtin13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`GTIN-13 body must be 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function makeGtin13(first12: string): string {
  return `${first12}${gtin13CheckDigit(first12)}`;
}

export function isValidGtin13(code: string): boolean {
  return /^\d{13}$/.test(code) && gtin13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
