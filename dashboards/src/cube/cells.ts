import type { Lang } from '../format/locale';

/** A Cube cell as text: null and missing are empty. */
export function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The member `<prefix>_<lang>`, else the other language's (a name missing in one language), else empty. */
export function bilingual(row: Readonly<Record<string, unknown>>, prefix: string, lang: Lang): string {
  const other: Lang = lang === 'ar' ? 'en' : 'ar';
  return cellText(row[`${prefix}_${lang}`]) || cellText(row[`${prefix}_${other}`]);
}

/** Cube returns booleans as booleans or as strings depending on the driver; read both. */
export const truthy = (v: unknown) => v === true || v === 'true' || v === 1 || v === '1';
