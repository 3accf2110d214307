/**
 * `npm run bench:ml`: series per second for fitting + forecasting, for `rabt detect` and for
 * the surge detector, on synthetic series shaped like the co-ops' (weekly cycle, calendar
 * lifts, noise).
 *
 *   npm run bench:ml -- [--series 600] [--days 400]
 *   npm run bench:ml -- --series national [--days 400] [--detect-series 2000]
 *
 * `--series national` runs, for real, the work `rabt score` does at national scale: every
 * selling site × essential product in the reference data (transform/seeds/reference) fitted
 * and forecast as score does it (calendar multipliers pooled per governorate × category,
 * backtest choice, refit, 28 days), and the surge detector over every governorate × essential
 * category panel sized by the reference (its co-ops and the category's products), hourly.
 * Progress every ~10 s; a summary with series/s, seconds and CPU seconds. `rabt detect` is not
 * part of score: it runs on `--detect-series` hourly series.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../domain/reference-data';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { addDaysIso } from '../ml/dates';
import { dayClass } from '../ml/calendar/day-class';
import { AutoForecaster, candidatesWithPooled, DAILY_CANDIDATES } from '../ml/forecasters/backtest';
import { pooledFactors } from '../ml/forecasters/pooled-factors';
import { detect } from '../ml/detectors/causal-detector';
import { detectSurges, type SurgePanel } from '../ml/surge/surge-detector';
import { forecastDaily } from '../ml/forecast-rows';
import { DEFAULT_LEVEL } from '../ml/forecasters/forecaster';

const { values } = parseArgs({
  options: {
    series: { type: 'string', default: '600' },
    days: { type: 'string', default: '400' },
    'detect-series': { type: 'string', default: '2000' },
  },
});
const DAYS = Number(values.days);
const START = '2025-06-27';
const WEEK = [0.93, 0.92, 0.93, 1, 1.12, 1.2, 1];
const LIFT: Record<string, number> = {
  pre_ramadan: 1.37,
  ramadan: 1.18,
  pre_eid: 1.3,
  eid: 0.65,
  salary: 1.12,
  holiday: 0.9,
};
const SHAPE = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 7, 6, 4, 3, 3, 5, 7, 9, 10, 10, 9, 6, 3];
const SHAPE_SUM = SHAPE.reduce((a, b) => a + b, 0);

let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const poisson = (mean: number) => {
  // normal approximation is plenty for a benchmark's load
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rnd() + rnd() + rnd() - 1.5) * 2));
};

const ds = Array.from({ length: DAYS }, (_, t) => addDaysIso(START, t));
const classes = ds.map(dayClass);
const dow = ds.map((d) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7);
/** One synthetic daily series: a level, the weekly cycle, the calendar's lifts, noise. */
const dailySeries = (level: number) =>
  ds.map((_, t) => poisson(level * (WEEK[dow[t] as number] as number) * (LIFT[classes[t] as string] ?? 1)));

if (values.series === 'national') {
  national(Number(values['detect-series']));
  process.exit(0);
}
const N = Number(values.series);
if (!(N > 0)) throw new Error(`--series must be a number or "national", got "${values.series}"`);
const daily = Array.from({ length: N }, () => dailySeries(2 + 40 * rnd() ** 2));

function rate(label: string, count: number, unit: string, fn: () => void): number {
  const t = performance.now();
  fn();
  const s = (performance.now() - t) / 1000;
  const r = count / s;
  process.stdout.write(`| ${label} | ${count} ${unit} | ${s.toFixed(2)} s | ${r.toFixed(1)} ${unit}/s |\n`);
  return r;
}

process.stdout.write(
  `## ml benchmark — ${N} synthetic daily series of ${DAYS} days, 28-day horizon, node ${process.version}\n`,
);
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
const autoRate = rate(
  'fit + forecast: auto as score runs it (pooled, ensemble; 3-origin backtest, then refit)',
  N,
  'series',
  () => {
    for (const y of daily) new AutoForecaster(pooled).fit({ y, ds, period: 7 }).predict(28);
  },
);

const hourly = daily
  .slice(0, Math.min(N, 200))
  .map((y) => y.flatMap((v) => SHAPE.map((w) => Math.round((v * w) / 120))));
const detectRate = rate('rabt detect (hourly series)', hourly.length, 'series', () => {
  for (const y of hourly) detect(y, 24);
});
const points = hourly.reduce((a, y) => a + y.length, 0);
process.stdout.write(
  `| … as points | ${points} points | | ${(detectRate * (points / hourly.length)).toFixed(0)} points/s |\n`,
);

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
const surgeRate = rate(`surge detector (12 co-ops × 2 products × ${DAYS} days hourly)`, panels.length, 'panels', () => {
  for (const p of panels) detectSurges(p);
});

// What that would mean at national scale, extrapolated (`--series national` measures it).
const nat = reference();
const nationalSeries = nat.sites.length * nat.essentials.length;
process.stdout.write(
  `\nnational scale: ${nat.sites.length} selling sites × ${nat.essentials.length} essential products = ${nationalSeries} series; ${nat.governorates.length} governorates × ${nat.categories.length} essential categories = ${nat.governorates.length * nat.categories.length} surge panels\n`,
);
process.stdout.write(
  `| extrapolated from this sample (1 core; \`--series national\` measures it) | time |\n|---|---|\n`,
);
process.stdout.write(`| forecasts (auto) | ${(nationalSeries / autoRate / 60).toFixed(1)} min |\n`);
process.stdout.write(
  `| rabt detect on the same number of hourly series | ${(nationalSeries / detectRate / 60).toFixed(1)} min |\n`,
);
process.stdout.write(
  `| surge alerts (panels of 12 co-ops × 2 products) | ${((nat.governorates.length * nat.categories.length) / surgeRate).toFixed(1)} s |\n`,
);

/** Selling sites (with their governorate) and essential products (with their category) in the reference data. */
function reference() {
  const csv = (name: string): Record<string, string>[] => {
    const [head, ...lines] = readFileSync(join(REFERENCE_DIR, name), 'utf8').trim().split('\n');
    const columns = (head as string).split(',');
    // These files quote nothing (checked: no quote in them), so a plain split reads them.
    return lines.map((line) => {
      const v = line.split(',');
      return Object.fromEntries(columns.map((c, i) => [c, v[i] ?? '']));
    });
  };
  const coopGovernorate = new Map(csv('ref_coops.csv').map((c) => [c.coop_id as string, c.governorate_id as string]));
  const sites = csv('ref_sites.csv')
    .filter((s) => s.site_type !== 'warehouse')
    .map((s) => ({
      siteId: s.site_id as string,
      coopId: s.coop_id as string,
      governorateId: coopGovernorate.get(s.coop_id as string) as string,
    }));
  const essentials = csv('ref_products.csv')
    .filter((p) => p.is_essential === 'true')
    .map((p) => ({ productId: p.product_id as string, categoryId: p.category_id as string }));
  const governorates = [...new Set(sites.map((s) => s.governorateId))].sort();
  const categories = [...new Set(essentials.map((p) => p.categoryId))].sort();
  return { sites, essentials, governorates, categories };
}

/** Prints a progress line at most every ~10 s. */
function ticker(label: string, total: number, unit: string) {
  const t0 = performance.now();
  let last = t0;
  return (done: number, busySeconds: number) => {
    const now = performance.now();
    if (now - last < 10_000 && done < total) return;
    last = now;
    const rateNow = busySeconds > 0 ? done / busySeconds : 0;
    const eta = rateNow > 0 ? (total - done) / rateNow : NaN;
    process.stdout.write(
      `  ${label}: ${done}/${total} ${unit} (${((100 * done) / total).toFixed(1)}%), ${rateNow.toFixed(1)} ${unit}/s, ${((now - t0) / 1000).toFixed(0)} s elapsed, ~${Number.isFinite(eta) ? (eta / 60).toFixed(1) : '?'} min left, load ${loadavg()[0]?.toFixed(1)}\n`,
    );
  };
}

/** Wall and CPU seconds of fn, added to an accumulator. */
function timed<T>(acc: { wall: number; cpu: number }, fn: () => T): T {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  acc.wall += (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  acc.cpu += (c.user + c.system) / 1e6;
  return out;
}

type Reference = ReturnType<typeof reference>;
interface Timing {
  wall: number;
  cpu: number;
}

/**
 * `--series national`: every selling site × essential product fitted and forecast as `rabt
 * score` does it, and the surge detector over every governorate × essential category, each
 * panel with the governorate's co-ops and the category's products. Only the models' work is
 * timed (generating the synthetic data is not).
 */
function national(detectSeries: number): void {
  const ref = reference();
  const total = ref.sites.length * ref.essentials.length;
  const panelsTotal = ref.governorates.length * ref.categories.length;
  const load0 = loadavg();
  process.stdout.write(
    `## ml benchmark at national scale — ${new Date().toISOString()}, node ${process.version}, load ${load0.map((v) => v.toFixed(2)).join(' ')}\n`,
  );
  process.stdout.write(
    `${ref.sites.length} selling sites × ${ref.essentials.length} essential products = ${total} daily series of ${DAYS} days; ${ref.governorates.length} governorates × ${ref.categories.length} essential categories = ${panelsTotal} surge panels, hourly\n\n`,
  );
  const surge = nationalSurges(ref, panelsTotal);
  const detected = nationalDetect(detectSeries);
  const forecasts = nationalForecasts(ref, total);

  const load1 = loadavg();
  const { fc, done, models } = forecasts;
  const { sg, panelsDone, alerts } = surge;
  const { dt, points } = detected;
  process.stdout.write(`\n| stage | work | wall s | CPU s | rate |\n|---|---|---|---|---|\n`);
  process.stdout.write(
    `| fit + forecast as score runs it (pooled multipliers, 3-origin backtest, refit, 28 days) | ${done} series | ${fc.wall.toFixed(1)} | ${fc.cpu.toFixed(1)} | ${(done / fc.wall).toFixed(1)} series/s |\n`,
  );
  process.stdout.write(
    `| surge detector, ${DAYS} days hourly (${alerts} alerts raised) | ${panelsDone} panels | ${sg.wall.toFixed(1)} | ${sg.cpu.toFixed(1)} | ${(panelsDone / sg.wall).toFixed(2)} panels/s |\n`,
  );
  process.stdout.write(
    `| rabt detect, hourly series of ${DAYS} days (sample) | ${detectSeries} series, ${points} points | ${dt.wall.toFixed(1)} | ${dt.cpu.toFixed(1)} | ${(detectSeries / dt.wall).toFixed(1)} series/s (${(points / dt.wall / 1e6).toFixed(2)} M points/s) |\n`,
  );
  process.stdout.write(
    `\nmodels chosen: ${Object.entries(models)
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}\n`,
  );
  process.stdout.write(
    `load average at start ${load0.map((v) => v.toFixed(2)).join(' ')}, at end ${load1.map((v) => v.toFixed(2)).join(' ')}; finished ${new Date().toISOString()}\n`,
  );
}

/**
 * The surge detector per governorate × essential category, its co-ops' and products' hours,
 * with a three-day tripling late in the span so alerts are opened and described.
 */
function nationalSurges(ref: Reference, panelsTotal: number) {
  const crisisDay = Math.max(0, DAYS - 45);
  const hourly = (level: number) => {
    const y = new Array<number>(DAYS * 24);
    for (let t = 0; t < DAYS; t++) {
      const day = level * (WEEK[dow[t] as number] as number) * (LIFT[classes[t] as string] ?? 1);
      for (let h = 0; h < 24; h++) {
        const surge = t >= crisisDay && t < crisisDay + 3 && h >= 8 ? 3 : 1;
        y[t * 24 + h] = poisson((day * surge * (SHAPE[h] as number)) / SHAPE_SUM);
      }
    }
    return y;
  };
  const sg: Timing = { wall: 0, cpu: 0 };
  let panelsDone = 0;
  let alerts = 0;
  const tickSurge = ticker('surge panels', panelsTotal, 'panels');
  for (const gov of ref.governorates) {
    const sites = ref.sites.filter((s) => s.governorateId === gov);
    const coops = [...new Set(sites.map((s) => s.coopId))].sort();
    for (const cat of ref.categories) {
      const products = ref.essentials.filter((p) => p.categoryId === cat);
      // ~15 units a day per site × product on average, as the synthetic daily series sell.
      const panel: SurgePanel = {
        governorateId: gov,
        categoryId: cat,
        startDay: START,
        startHour: 0,
        coops,
        coopY: coops.map((c) => hourly(15 * products.length * sites.filter((s) => s.coopId === c).length)),
        products: products.map((p) => p.productId),
        productY: products.map(() => hourly(15 * sites.length)),
      };
      alerts += timed(sg, () => detectSurges(panel)).alerts.length;
      panelsDone++;
      tickSurge(panelsDone, sg.wall);
    }
  }
  return { sg, panelsDone, alerts };
}

/** `rabt detect` (not part of score) on a sample of hourly series. */
function nationalDetect(detectSeries: number) {
  const dt: Timing = { wall: 0, cpu: 0 };
  let points = 0;
  for (let i = 0; i < detectSeries; i++) {
    const y = dailySeries(2 + 40 * rnd() ** 2).flatMap((v) => SHAPE.map((w) => Math.round((v * w) / 120)));
    points += y.length;
    timed(dt, () => detect(y, 24));
  }
  return { dt, points };
}

/** Forecasts, one governorate × category group at a time (its pooled multipliers first). */
function nationalForecasts(ref: Reference, total: number) {
  const fc: Timing = { wall: 0, cpu: 0 };
  const models: Record<string, number> = {};
  let done = 0;
  const tick = ticker('forecasts', total, 'series');
  for (const gov of ref.governorates) {
    const sites = ref.sites.filter((s) => s.governorateId === gov);
    for (const cat of ref.categories) {
      const products = ref.essentials.filter((p) => p.categoryId === cat);
      const members = sites.flatMap(() => products.map(() => dailySeries(2 + 40 * rnd() ** 2)));
      if (members.length === 0) continue;
      const pooled = timed(fc, () => pooledFactors(members.map((y) => ({ ds, y }))));
      for (const y of members) {
        const { model } = timed(fc, () => forecastDaily({ y, ds }, 28, DEFAULT_LEVEL, pooled));
        models[model] = (models[model] ?? 0) + 1;
        done++;
        tick(done, fc.wall);
      }
    }
  }
  return { fc, done, models };
}
