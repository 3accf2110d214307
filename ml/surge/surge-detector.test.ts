import { describe, expect, it } from 'vitest';
import { addDaysIso, daysBetweenIso } from '../dates';
import { dayClass } from '../calendar/day-class';
import { detectSurges, severityOf, type SurgePanel } from './surge-detector';

// Shoppers by hour of day (co-ops open 08:00–24:00).
const SHAPE = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 7, 6, 4, 3, 3, 5, 7, 9, 10, 10, 9, 6, 3];

interface Lift {
  from: string;
  days: number;
  factor: number;
  /** which co-ops (index) are lifted; all when omitted */
  coops?: number[];
  fromHour?: number;
}

function lcg(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Three co-ops, two products (70/30), hourly from startDay 00:00 for `days` days. */
function panel(startDay: string, days: number, lifts: Lift[], calendarLift: Record<string, number> = {}): SurgePanel {
  const rnd = lcg(7);
  const H = days * 24;
  const coopY = [1, 1.5, 0.8].map((size, c) =>
    Array.from({ length: H }, (_, t) => {
      const day = addDaysIso(startDay, Math.floor(t / 24));
      let f = size * (calendarLift[dayClass(day)] ?? 1);
      for (const l of lifts) {
        const d = daysBetweenIso(l.from, day);
        const inWindow = d >= 0 && d < l.days && (d > 0 || t % 24 >= (l.fromHour ?? 0));
        if (inWindow && (!l.coops || l.coops.includes(c))) f *= l.factor;
      }
      const mean = (SHAPE[t % 24] as number) * f;
      return Math.round(mean * (0.8 + 0.4 * rnd()));
    }),
  );
  const total = Array.from({ length: H }, (_, t) => coopY.reduce((a, row) => a + (row[t] as number), 0));
  const stockByDay = new Map<string, number>();
  for (let d = 0; d < days; d++) stockByDay.set(addDaysIso(startDay, d), 5000);
  return {
    governorateId: 'KW-JA',
    categoryId: 'WATER',
    startDay,
    startHour: 0,
    coops: ['C001', 'C002', 'C003'],
    coopY,
    products: ['P-BIG', 'P-SMALL'],
    productY: [total.map((v) => Math.round(v * 0.7)), total.map((v) => v - Math.round(v * 0.7))],
    stockByDay,
  };
}

const START = '2025-04-05';
const DAYS = 44; // to 2025-05-18
const ONSET = { from: '2025-05-12', days: 4, factor: 3, fromHour: 8 };
const onsetHour = daysBetweenIso(START, ONSET.from) * 24 + 8;

function truncate(p: SurgePanel, hours: number): SurgePanel {
  return { ...p, coopY: p.coopY.map((r) => r.slice(0, hours)), productY: p.productY.map((r) => r.slice(0, hours)) };
}

describe('severityOf', () => {
  it.each([
    [2.1, 'watch'],
    [3, 'warning'],
    [3.9, 'warning'],
    [4, 'critical'],
  ])('%d → %s', (r, s) => expect(severityOf(r)).toBe(s));
});

describe('detectSurges', () => {
  it('stays quiet on ordinary weeks', () => {
    expect(detectSurges(panel(START, DAYS, [])).alerts).toEqual([]);
  });

  it('raises one alert for a region-wide tripling, soon after onset, and says what and how long the stock lasts', () => {
    const { alerts, events } = detectSurges(panel(START, DAYS, [ONSET]));
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a.sinceHour).toBeGreaterThanOrEqual(onsetHour);
    expect(a.openedHour - onsetHour).toBeLessThan(12);
    expect(a.coopsAffected).toBe(3);
    expect(a.topProducts[0]).toBe('P-BIG');
    expect(['warning', 'critical']).toContain(a.peakSeverity);
    expect(a.hoursToStockout).toBeGreaterThan(0);
    expect(a.hoursToStockout).toBeLessThan(5000 / 10);
    expect(events[0]?.kind).toBe('open');
    expect(events.some((e) => e.kind === 'escalate')).toBe(true);
    // Surge over by 2025-05-16 08:00, data to 05-18: a quiet day later it is closed.
    expect(a.status).toBe('closed');
    expect(events.at(-1)?.kind).toBe('close');
  });

  it('ignores one co-op surging alone', () => {
    expect(detectSurges(panel(START, DAYS, [{ ...ONSET, coops: [1] }])).alerts).toEqual([]);
  });

  it('is causal: decisions up to any hour are the same when later data is cut off', () => {
    const full = detectSurges(panel(START, DAYS, [ONSET]));
    for (const cut of [onsetHour - 5, onsetHour + 3, onsetHour + 7, onsetHour + 30, onsetHour + 100]) {
      const part = detectSurges(truncate(panel(START, DAYS, [ONSET]), cut));
      expect(part.states).toEqual(full.states.slice(0, cut));
      expect(part.events).toEqual(full.events.filter((e) => e.hour < cut));
    }
  });

  it('does not call the pre-Ramadan stock-up panic, though the same lift on ordinary days is', () => {
    // 2025-01-05 … 2025-03-12: the ten days before Ramadan (Feb 19–28) sell 2.5 times as much.
    const calendar = { pre_ramadan: 2.5, ramadan: 1.2 };
    expect(detectSurges(panel('2025-01-05', 67, [], calendar)).alerts).toEqual([]);
    const sameLiftOrdinary = detectSurges(panel('2025-01-05', 67, [{ from: '2025-02-05', days: 10, factor: 2.5 }]));
    expect(sameLiftOrdinary.alerts.length).toBeGreaterThan(0);
  });
});
