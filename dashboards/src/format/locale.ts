/** The two languages the dashboards speak; Arabic is the default everywhere. */
export type Lang = 'ar' | 'en';

/** Kuwait's own locale tags, so digits, separators and month names follow Kuwaiti usage. */
export function intlLocale(lang: Lang): string {
  return lang === 'ar' ? 'ar-KW' : 'en-KW';
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'ar';
}

export const KUWAIT_TZ = 'Asia/Kuwait';
