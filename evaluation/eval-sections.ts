import type { DuckDBConnection } from '@duckdb/node-api';
import { addDaysIso } from '../ml/dates';
import { readEssentialDailySeries } from '../ml/essential-series';
import { findAnomalies } from '../ml/anomalies/run-anomalies';
import { forecastScores } from './forecast-eval';
import { scoreAnomalies, type TruthEvent } from './anomaly-eval';
import { fmt } from './eval-format';

type Out = (line?: string) => void;

/** Forecasts: a sample of branch × essential product series, 28 days ahead from four origins. */
export async function forecastSection(con: DuckDBConnection, endDate: string, cap: number, out: Out): Promise<void> {
  const t1 = performance.now();
  const all = await readEssentialDailySeries(con, endDate, 400);
  const step = Math.max(1, Math.floor(all.length / cap));
  const sample = all.filter((_, i) => i % step === 0).slice(0, cap);
  const origins = [1, 2, 3, 4].map((k) => addDaysIso(endDate, -28 * k + 1));
  const scores = forecastScores(
    sample.map((s) => ({ ...s, group: `${s.governorateId}:${s.categoryId}` })),
    origins,
    28,
  );
  const naive = scores.find((s) => s.name === 'seasonal_naive')?.mase ?? NaN;
  out(`## Forecasts — branch × essential product, 28-day horizon, origins ${origins.join(', ')}`);
  out(`${sample.length} of ${all.length} series (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
  out('| model | mean MASE | vs seasonal naive | 90% interval coverage | forecasts |');
  out('|---|---|---|---|---|');
  for (const s of scores)
    out(`| ${s.name} | ${fmt(s.mase)} | ${fmt(s.mase / naive)} | ${fmt(s.coverage, 2)} | ${s.n} |`);
  out();
}

/** Anomalies for auditors: every case over the whole span, against the planted truth. */
export async function anomalySection(
  con: DuckDBConnection,
  truth: { events: TruthEvent[]; startDate: string; endDate: string },
  out: Out,
): Promise<void> {
  const { events, startDate, endDate } = truth;
  const spanDays = Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000) + 1;
  const ranked = await findAnomalies(con, endDate, spanDays);
  const s = scoreAnomalies(ranked, events);
  out(`## Anomalies for auditors — ${ranked.length} cases over ${startDate} … ${endDate}`);
  out('| metric | value |');
  out('|---|---|');
  out(`| precision at top ${s.k} | ${fmt(s.hitsAtK / Math.max(1, s.k))} (${s.hitsAtK}/${s.k}) |`);
  for (const r of s.recall)
    out(`| recall: ${r.truth} (planted cases) | ${fmt(r.hits / r.planted)} (${r.hits}/${r.planted}) |`);
  out(
    `| cases by kind | ${Object.entries(s.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')} |`,
  );
  if (s.unplanted.length) out(`| not planted by this simulation | ${s.unplanted.join(', ')} |`);
}
