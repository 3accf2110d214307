import { intlLocale, type Lang } from './locale';

// Intl formatters are costly to build and tables format thousands of cells: keep one per option set.
const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), options);
    cache.set(key, f);
  }
  return f;
}

/** Cube returns numbers as strings (decimals survive JSON that way); null means "no value". */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

const DASH = '—';

export function formatNumber(value: unknown, lang: Lang, maximumFractionDigits = 0): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return formatter(lang, { maximumFractionDigits, minimumFractionDigits: 0 }).format(n);
}

/** Days of cover read best with one decimal: "0.4 days" and "4 days" are different emergencies. */
export function formatDays(value: unknown, lang: Lang): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return formatter(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);
}

/** Kuwaiti dinar always with 3 decimals (1 KWD = 1000 fils). */
export function formatKwd(value: unknown, lang: Lang): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return formatter(lang, {
    style: 'currency',
    currency: 'KWD',
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
  }).format(n);
}

export function formatPercent(value: unknown, lang: Lang, maximumFractionDigits = 0): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return formatter(lang, { style: 'percent', maximumFractionDigits }).format(n);
}
