/**
 * `npm run bench:ml`: series per second for fitting + forecasting, for `rabt detect` and for
 * the surge detector, on synthetic series shaped like the co-ops' (weekly cycle, calendar
 * lifts, noise), and what that means at `national` scale (every selling site × essential
 * product in the reference data).
 *
 *   npm run bench:ml -- [--series 600] [--days 400]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { addDaysIso } from './dates';
import { dayClass } from './calendar/day-class';
import { AutoForecaster, candidatesWithPooled, DAILY_CANDIDATES } from './forecasters/backtest';
import { pooledFactors } from './forecasters/pooled-factors';
import { detect } from './detectors/causal-detector';
import { detectSurges, type SurgePanel } from './surge/surge-detector';

const { values } = parseArgs({ options: { series: { type: 'string', default: '600' }, days: { type: 'string', default: '400' } } });
const N = Number(values.series);
const DAYS = Number(values.days);
const START = '2025-06-27';
const WEEK = [0.93, 0.92, 0.93, 1, 1.12, 1.2, 1];
const LIFT: Record<string, number> = { pre_ramadan: 1.37, ramadan: 1.18, pre_eid: 1.3, eid: 0.65, salary: 1.12, holiday: 0.9 };
const SHAPE = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 7, 6, 4, 3, 3, 5, 7, 9, 10, 10, 9, 6, 3];

let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const poisson = (mean: number) => {
  // normal approximation is plenty for a benchmark's load
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rnd() + rnd() + rnd() - 1.5) * 2));
};

const ds = Array.from({ length: DAYS }, (_, t) => addDaysIso(START, t));
const classes = ds.map(dayClass);
const dow = ds.map((d) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7);
const daily = Array.from({ length: N }, () => {
  const level = 2 + 40 * rnd() ** 2;
  return ds.map((_, t) => poisson(level * (WEEK[dow[t] as number] as number) * (LIFT[classes[t] as string] ?? 1)));
});

function rate(label: string, count: number, unit: string, fn: () => void): number {
  const t = performance.now();
  fn();
  const s = (performance.now() - t) / 1000;
  const r = count / s;
  process.stdout.write(`| ${label} | ${count} ${unit} | ${s.toFixed(2)} s | ${r.toFixed(1)} ${unit}/s |\n`);
  return r;
}

process.stdout.write(`## ml benchmark — ${N} synthetic daily series of ${DAYS} days, 28-day horizon, node ${process.version}\n`);
process.stdout.write('| step | work | time | rate |\n|---|---|---|---|\n');
for (const c of DAILY_CANDIDATES) {
  rate(`fit + forecast: ${c.name}`, N, 'series', () => {
    for (const y of daily) c.make().fit({ y, ds, period: 7 }).predict(28);
  });
}
rate('fit + forecast: auto over the plain candidates', N, 'series', () => {
  for (const y of daily) new AutoForecaster().fit({ y, ds, period: 7 }).predict(28);
});
// As `score` runs it: calendar multipliers pooled over the group (here all series), the
// pooled calendar model and its ensemble with Holt-Winters among the candidates.
const pooled = candidatesWithPooled(pooledFactors(daily.map((y) => ({ ds, y }))));
const autoRate = rate('fit + forecast: auto as score runs it (pooled, ensemble; 3-origin backtest, then refit)', N, 'series', () => {
  for (const y of daily) new AutoForecaster(pooled).fit({ y, ds, period: 7 }).predict(28);
});

const hourly = daily.slice(0, Math.min(N, 200)).map((y) => y.flatMap((v) => SHAPE.map((w) => Math.round((v * w) / 120))));
const detectRate = rate('rabt detect (hourly series)', hourly.length, 'series', () => {
  for (const y of hourly) detect(y, 24);
});
const points = hourly.reduce((a, y) => a + y.length, 0);
process.stdout.write(`| … as points | ${points} points | | ${(detectRate * (points / hourly.length)).toFixed(0)} points/s |\n`);

const panels: SurgePanel[] = Array.from({ length: 6 }, (_, g) => {
  const coopY = Array.from({ length: 12 }, (_, c) => hourly[(g * 12 + c) % hourly.length] as number[]);
  return {
    governorateId: `G${g}`,
    categoryId: 'WATER',
    startDay: START,
    startHour: 0,
    coops: coopY.map((_, c) => `C${c}`),
    coopY,
    products: ['P1', 'P2'],
    productY: [coopY[0] as number[], coopY[1] as number[]],
  };
});
const surgeRate = rate('surge detector (12 co-ops × 2 products × 400 days hourly)', panels.length, 'panels', () => {
  for (const p of panels) detectSurges(p);
});

// National scale: every selling site × essential product in the reference data.
const csv = (path: string) => readFileSync(new URL(`../transform/seeds/reference/${path}`, import.meta.url), 'utf8').trim().split('\n').slice(1);
const sellingSites = csv('ref_sites.csv').filter((l) => !l.includes(',warehouse,')).length;
const essentials = csv('ref_products.csv').filter((l) => l.includes(',true,')).length;
const categories = csv('ref_categories.csv').filter((l) => l.endsWith(',true')).length;
const nationalSeries = sellingSites * essentials;
process.stdout.write(`\nnational scale: ${sellingSites} selling sites × ${essentials} essential products = ${nationalSeries} series; 6 governorates × ${categories} essential categories = ${6 * categories} surge panels\n`);
process.stdout.write(`| estimate at national scale (1 core) | time |\n|---|---|\n`);
process.stdout.write(`| forecasts (auto) | ${(nationalSeries / autoRate / 60).toFixed(1)} min |\n`);
process.stdout.write(`| rabt detect on the same number of hourly series | ${(nationalSeries / detectRate / 60).toFixed(1)} min |\n`);
process.stdout.write(`| surge alerts | ${((6 * categories) / surgeRate).toFixed(1)} s |\n`);
