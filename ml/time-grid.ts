/**
 * Timestamps of any CSV series: parse ISO dates / date-times, infer the fixed interval
 * (minutes to days), the season length it implies, and print future stamps in the same
 * style as the input.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface StampStyle {
  dateOnly: boolean;
  /** 'T' or ' ' between date and time */
  sep: string;
  /** '' (naive wall clock), 'Z', or '+03:00'-style offset */
  zone: string;
  /** offset of `zone` in minutes, 0 for naive and Z */
  offsetMinutes: number;
  seconds: boolean;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Parse a stamp to epoch milliseconds (naive stamps read as UTC wall clock) and its style. */
export function parseStamp(text: string): { t: number; style: StampStyle } {
  const m = STAMP.exec(text.trim());
  if (!m) throw new Error(`unrecognised timestamp: ${JSON.stringify(text)}`);
  const [, y, mo, d, sep, hh, mi, ss, zone] = m;
  let offsetMinutes = 0;
  let zoneText = '';
  if (zone) {
    zoneText = zone;
    if (zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
      zoneText = `${zone.slice(0, 3)}:${digits.slice(2, 4) || '00'}`;
    }
  }
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mi ?? 0), Number(ss ?? 0));
  if (Number.isNaN(wall)) throw new Error(`invalid timestamp: ${JSON.stringify(text)}`);
  return {
    t: wall - offsetMinutes * MINUTE,
    style: { dateOnly: sep === undefined, sep: sep ?? 'T', zone: zoneText, offsetMinutes, seconds: ss !== undefined },
  };
}

export function formatStamp(t: number, style: StampStyle): string {
  const wall = new Date(t + style.offsetMinutes * MINUTE).toISOString();
  const date = wall.slice(0, 10);
  if (style.dateOnly) return date;
  const time = style.seconds ? wall.slice(11, 19) : wall.slice(11, 16);
  return `${date}${style.sep}${time}${style.zone}`;
}

/** The interval: the most common gap between consecutive distinct stamps (robust to missing rows). */
export function inferStep(sortedTimes: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < sortedTimes.length; i++) {
    const d = (sortedTimes[i] as number) - (sortedTimes[i - 1] as number);
    if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount || (c === bestCount && d < best)) {
      best = d;
      bestCount = c;
    }
  }
  if (best === 0) throw new Error('cannot infer an interval from fewer than two distinct timestamps');
  return best;
}

/**
 * Season length for an interval: a week for daily data, a day for sub-daily intervals
 * that divide it. Only used when the series holds two full seasons, so the model can
 * see the cycle repeat; otherwise 1 (no season).
 */
export function periodFor(stepMs: number, length: number): number {
  const p = seasonFor(stepMs);
  return length >= 2 * p ? p : 1;
}

/** The natural season of an interval, whatever the length of the series. */
export function seasonFor(stepMs: number): number {
  if (stepMs === DAY) return 7;
  if (stepMs === 7 * DAY) return 52;
  if (stepMs < DAY && DAY % stepMs === 0) return DAY / stepMs;
  return 1;
}

export interface Grid {
  start: number;
  step: number;
  /** value per grid slot, NaN where the input had no row */
  y: number[];
  /** grid slot of each input row, in input order after sorting by time */
  slots: number[];
  times: number[];
}

/** Place rows on their regular grid; duplicates on one slot are averaged. */
export function toGrid(points: readonly { t: number; y: number }[]): Grid {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const distinct = [...new Set(sorted.map((p) => p.t))];
  const step = distinct.length > 1 ? inferStep(distinct) : DAY;
  const start = sorted[0]?.t ?? 0;
  const last = sorted[sorted.length - 1]?.t ?? 0;
  const n = Math.round((last - start) / step) + 1;
  const sum = new Array<number>(n).fill(0);
  const cnt = new Array<number>(n).fill(0);
  for (const p of sorted) {
    const i = Math.round((p.t - start) / step);
    if (Number.isFinite(p.y)) {
      sum[i] = (sum[i] as number) + p.y;
      cnt[i] = (cnt[i] as number) + 1;
    }
  }
  const y = sum.map((s, i) => ((cnt[i] as number) > 0 ? s / (cnt[i] as number) : NaN));
  const slots = [...new Set(sorted.map((p) => Math.round((p.t - start) / step)))];
  return { start, step, y, slots, times: slots.map((s) => start + s * step) };
}
