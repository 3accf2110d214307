/** One planted or modelled event in truth/events.csv: what happened, where and when. */
export interface TruthEvent {
  event_type: string;
  coop_id: string;
  governorate_id: string;
  site_id: string;
  product_scope: string;
  start_date: string;
  end_date: string;
  /** `key=value` pairs joined by `;` — never a comma, readers split the file naively. */
  detail: string;
}

export const TRUTH_EVENT_COLUMNS = [
  'event_type',
  'coop_id',
  'governorate_id',
  'site_id',
  'product_scope',
  'start_date',
  'end_date',
  'detail',
] as const;

export function detail(pairs: Record<string, string | number>): string {
  const text = Object.entries(pairs)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(';');
  if (text.includes(',')) throw new Error(`truth detail must not hold a comma: ${text}`);
  return text;
}
