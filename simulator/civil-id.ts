/**
 * Kuwaiti civil ID numbers: 12 digits, `C YYMMDD NNNN K` where C is the century of birth
 * (2 = 1900s, 3 = 2000s), then the birth date, a serial and a check digit. The check digit
 * is 11 − (Σ digit × weight mod 11) with weights 2 1 6 3 7 9 10 5 8 4 2; a body whose
 * result would be 10 or 11 is never issued.
 */

const WEIGHTS = [2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check digit for an 11-digit body, or null when no valid civil ID has that body. */
export function civilIdCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new Error(`Civil ID body must be 11 digits, got "${first11}"`);
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(first11[i]) * (WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  return check >= 10 ? null : check;
}

export function isValidCivilId(civilId: string): boolean {
  if (!/^[23]\d{11}$/.test(civilId)) return false;
  const month = Number(civilId.slice(3, 5));
  const day = Number(civilId.slice(5, 7));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return civilIdCheckDigit(civilId.slice(0, 11)) === Number(civilId[11]);
}

/** The civil ID for a birth date and serial, or null when that serial has no valid check digit. */
export function makeCivilId(birthIso: string, serial: number): string | null {
  const match = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(birthIso);
  if (!match) throw new Error(`Birth date must be YYYY-MM-DD, got "${birthIso}"`);
  const [, centuryDigits, yy, mm, dd] = match;
  const century = centuryDigits === '19' ? '2' : centuryDigits === '20' ? '3' : null;
  if (!century) throw new Error(`Civil IDs cover births in 1900–2099, got "${birthIso}"`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999)
    throw new Error(`Civil ID serial must be 0–9999, got ${serial}`);
  const body = `${century}${yy}${mm}${dd}${String(serial).padStart(4, '0')}`;
  const check = civilIdCheckDigit(body);
  return check === null ? null : `${body}${check}`;
}
