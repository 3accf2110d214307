import {
  formatDate,
  formatDateTime,
  formatDateWithHijri,
  formatDayMonth,
  formatHijri,
  formatPeriod,
  kuwaitDay,
  kuwaitIso,
  parseKuwaitDate,
  shiftDay,
} from './date';
import { dirOf, intlLocale, parseLang } from './locale';
import { formatDays, formatKwd, formatNumber, formatPercent, toNumber } from './number';

// Strip the bidi marks ICU puts around Arabic numbers and currency symbols, so expectations stay readable.
const plain = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\u00a0\u202f]/g, ' ');

describe('toNumber', () => {
  it.each([
    ['12.5', 12.5],
    [7, 7],
    ['', null],
    [null, null],
    [undefined, null],
    ['abc', null],
    [Number.POSITIVE_INFINITY, null],
  ])('%j → %j', (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });
});

describe('number formats', () => {
  it.each([
    ['formatNumber', () => formatNumber(1234567.8, 'en'), '1,234,568'],
    ['formatNumber ar', () => formatNumber(1234567.8, 'ar'), '١٬٢٣٤٬٥٦٨'],
    ['formatNumber decimals', () => formatNumber('3.14159', 'en', 2), '3.14'],
    ['formatNumber null', () => formatNumber(null, 'en'), '—'],
    ['formatDays', () => formatDays('4', 'en'), '4.0'],
    ['formatDays ar', () => formatDays(0.44, 'ar'), '٠٫٤'],
    ['formatKwd en', () => formatKwd('1234.5', 'en'), 'KWD 1,234.500'],
    ['formatKwd fils', () => formatKwd(0.0015, 'en'), 'KWD 0.002'],
    ['formatKwd ar', () => formatKwd(1234.5, 'ar'), '١٬٢٣٤٫٥٠٠ د.ك.'],
    ['formatKwd negative ar', () => formatKwd(-0.5, 'ar'), '-٠٫٥٠٠ د.ك.'],
    ['formatPercent', () => formatPercent(0.256, 'en'), '26%'],
  ])('%s', (_name, run, expected) => {
    expect(plain(run())).toBe(expected);
  });
});

describe('Kuwait dates', () => {
  it.each([
    // A Cube date with no zone is a Kuwait calendar day, whatever the viewer's clock says.
    ['2025-06-30T00:00:00.000', '2025-06-30'],
    ['2025-06-30', '2025-06-30'],
    ['2025-06-30T23:30:00', '2025-06-30'],
    // An instant with a zone is converted: 21:30 UTC is already the next day in Kuwait.
    ['2025-06-30T21:30:00Z', '2025-07-01'],
    ['not a date', null],
  ])('kuwaitDay(%j) = %j', (input, expected) => {
    expect(kuwaitDay(input)).toBe(expected);
  });

  it.each([
    // Cube's zone-less wall clock is Kuwait's; an instant with a zone is moved onto Kuwait's clock.
    ['2025-06-18T13:00:00.000', '2025-06-18T13:00:00+03:00'],
    ['2025-06-18 13:00:00', '2025-06-18T13:00:00+03:00'],
    ['2025-06-30T21:30:00Z', '2025-07-01T00:30:00+03:00'],
    ['not a date', null],
  ])('kuwaitIso(%j) = %j', (input, expected) => {
    expect(kuwaitIso(input)).toBe(expected);
  });

  it('rejects impossible input without throwing', () => {
    expect(parseKuwaitDate('2025-13-45')).toBeNull();
    expect(formatDate('nonsense', 'en')).toBe('—');
  });

  it.each([
    ['formatDate en', () => formatDate('2025-06-30T00:00:00.000', 'en'), 'June 30, 2025'],
    ['formatDate ar', () => formatDate('2025-06-30', 'ar'), '٣٠ يونيو ٢٠٢٥'],
    // 1 March 2025 was 1 Ramadan 1446 in the Umm al-Qura calendar.
    ['formatHijri en', () => formatHijri('2025-03-01', 'en'), 'Ramadan 1, 1446 AH'],
    ['formatHijri ar', () => formatHijri('2025-03-01', 'ar'), '١ رمضان ١٤٤٦ هـ'],
    ['with Hijri', () => formatDateWithHijri('2025-03-30', 'en'), 'March 30, 2025 (Shawwal 1, 1446 AH)'],
    ['date-time in Kuwait', () => formatDateTime('2025-06-30T21:30:00Z', 'en'), 'July 1, 2025 at 12:30 AM'],
    ['day-month', () => formatDayMonth('2025-06-30', 'en'), 'Jun 30'],
  ])('%s', (_name, run, expected) => {
    expect(plain(run())).toBe(expected);
  });
});

describe('day arithmetic and periods', () => {
  it.each([
    ['2025-06-30', 1, '2025-07-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-06-30', -27, '2025-06-03'],
  ])('shiftDay(%s, %i) = %s', (day, delta, expected) => {
    expect(shiftDay(day, delta)).toBe(expected);
  });

  it.each([
    ['day', 'en', 'Jun 30'],
    ['week', 'en', 'Jun 30'],
    ['month', 'en', 'June 2025'],
    ['month', 'ar', 'يونيو ٢٠٢٥'],
  ] as const)('formatPeriod at %s grain in %s', (grain, lang, expected) => {
    expect(plain(formatPeriod('2025-06-30T00:00:00.000', grain, lang))).toBe(expected);
  });
});

describe('locale', () => {
  it.each([
    ['ar', 'ar', 'ar-KW', 'rtl'],
    ['en', 'en', 'en-KW', 'ltr'],
    [null, 'ar', 'ar-KW', 'rtl'],
    ['fr', 'ar', 'ar-KW', 'rtl'],
  ] as const)('%j → %s, %s, %s', (input, lang, locale, dir) => {
    const parsed = parseLang(input);
    expect(parsed).toBe(lang);
    expect(intlLocale(parsed)).toBe(locale);
    expect(dirOf(parsed)).toBe(dir);
  });
});
