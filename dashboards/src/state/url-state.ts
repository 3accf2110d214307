import { parseLang, type Lang } from '../format/locale';

export const PAGES = ['crisis', 'consumption', 'audit', 'linkage', 'admin'] as const;
export type Page = (typeof PAGES)[number];

/**
 * Everything that decides what a page shows lives in the query string, so a view can be
 * shared or reloaded as it is. Unknown values fall back to defaults instead of failing.
 */
export interface UrlState {
  page: Page;
  lang: Lang;
  gov: string | null;
  coop: string | null;
  product: string | null;
}

export const DEFAULT_STATE: UrlState = { page: 'crisis', lang: 'ar', gov: null, coop: null, product: null };

// Ids go into Cube filters: accept only the shapes the warehouse uses.
const GOV = /^KW-[A-Z]{2}$/;
const COOP = /^C\d{3,}$/;
const PRODUCT = /^\d{8,14}$/;

function pick(value: string | null, pattern: RegExp): string | null {
  return value && pattern.test(value) ? value : null;
}

export function parseUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const page = p.get('page');
  return {
    page: (PAGES as readonly string[]).includes(page ?? '') ? (page as Page) : 'crisis',
    lang: parseLang(p.get('lang')),
    gov: pick(p.get('gov'), GOV),
    coop: pick(p.get('coop'), COOP),
    product: pick(p.get('product'), PRODUCT),
  };
}

/** Defaults are left out, so the plain address is the Arabic crisis room. */
export function serializeUrlState(state: UrlState): string {
  const p = new URLSearchParams();
  if (state.page !== DEFAULT_STATE.page) p.set('page', state.page);
  if (state.lang !== DEFAULT_STATE.lang) p.set('lang', state.lang);
  if (state.gov) p.set('gov', state.gov);
  if (state.coop) p.set('coop', state.coop);
  if (state.product) p.set('product', state.product);
  const s = p.toString();
  return s ? `?${s}` : '';
}
