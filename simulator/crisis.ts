/**
 * The panic-buying scenario: essential demand jumps several-fold in one governorate and the
 * wave reaches the others a day or so apart. Everything about it is configurable; the
 * default is the mid-June 2025 wave, moved into the simulated span when the span misses it.
 */
import { addDays } from '../domain/kuwait-calendar';

export interface CrisisConfig {
  /** First panic day in the first governorate (YYYY-MM-DD). */
  startDate: string;
  /** Governorates in the order the wave reaches them; the first is where it starts. */
  spreadOrder: string[];
  /** Days between one governorate and the next. */
  spreadLagDays: number;
  /** Days the surge lasts in each governorate before demand is back to normal. */
  durationDays: number;
  /** Demand multiplier at the peak (e.g. 4 = four times the usual). */
  peakMultiplier: number;
  /** Category ids hit by panic buying; default every essential category. */
  categoryIds?: string[];
}

export const DEFAULT_CRISIS_START = '2025-06-15';
export const DEFAULT_SPREAD_ORDER = ['KW-JA', 'KW-FA', 'KW-KU', 'KW-HA', 'KW-AH', 'KW-MU'];

export function defaultCrisis(): CrisisConfig {
  return {
    startDate: DEFAULT_CRISIS_START,
    spreadOrder: [...DEFAULT_SPREAD_ORDER],
    spreadLagDays: 1,
    durationDays: 7,
    peakMultiplier: 4,
  };
}

/**
 * Keeps the default crisis inside the simulated span: the 15th of June nearest the end of the
 * span that leaves room for the whole wave, or 70% of the way through a span with no June.
 */
export function placeCrisisStart(requested: string, spanStart: string, spanEnd: string, waveDays: number): string {
  const fits = (date: string): boolean => date >= addDays(spanStart, 14) && addDays(date, waveDays) <= spanEnd;
  if (fits(requested)) return requested;
  for (let year = Number(spanEnd.slice(0, 4)); year >= Number(spanStart.slice(0, 4)); year--) {
    const candidate = `${year}-06-15`;
    if (fits(candidate)) return candidate;
  }
  const spanDays = Math.round((Date.parse(spanEnd) - Date.parse(spanStart)) / 86_400_000);
  return addDays(spanStart, Math.max(0, Math.min(spanDays - waveDays, Math.round(spanDays * 0.7))));
}

/** Total days from the first governorate's first day to the last governorate's last day. */
export function crisisWaveDays(crisis: CrisisConfig): number {
  return crisis.spreadLagDays * (crisis.spreadOrder.length - 1) + crisis.durationDays;
}

export function validateCrisis(crisis: CrisisConfig): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(crisis.startDate))
    throw new Error(`crisis.startDate must be YYYY-MM-DD, got "${crisis.startDate}"`);
  if (crisis.spreadOrder.length === 0) throw new Error('crisis.spreadOrder must name at least one governorate');
  if (!(crisis.peakMultiplier >= 1)) throw new Error(`crisis.peakMultiplier must be ≥ 1, got ${crisis.peakMultiplier}`);
  if (!(crisis.durationDays >= 1)) throw new Error(`crisis.durationDays must be ≥ 1, got ${crisis.durationDays}`);
  if (!(crisis.spreadLagDays >= 0)) throw new Error(`crisis.spreadLagDays must be ≥ 0, got ${crisis.spreadLagDays}`);
}

/** The first panic day in a governorate, or null when the wave never reaches it. */
export function crisisStartIn(crisis: CrisisConfig, governorateId: string): string | null {
  const position = crisis.spreadOrder.indexOf(governorateId);
  return position < 0 ? null : addDays(crisis.startDate, position * crisis.spreadLagDays);
}

/**
 * Demand multiplier on day `dayOffset` of a governorate's surge: a sharp rise to the peak on
 * day 1, then a decay back to normal by the last day.
 */
export function crisisMultiplier(crisis: CrisisConfig, dayOffset: number): number {
  if (dayOffset < 0 || dayOffset >= crisis.durationDays) return 1;
  const peak = crisis.peakMultiplier;
  if (dayOffset === 0) return 1 + (peak - 1) * 0.6;
  if (dayOffset <= 2) return peak;
  const remaining = (crisis.durationDays - dayOffset) / Math.max(1, crisis.durationDays - 2);
  return 1 + (peak - 1) * remaining;
}
