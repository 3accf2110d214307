/**
 * `npm run eval`: backtest the models against the simulator's truth and print the table
 * issue 8 asks for. Builds its own world under data/eval (simulate → ingest → build → score)
 * unless it is already there.
 *
 *   npm run eval -- [--data data/eval] [--scale demo] [--seed 1] [--end-date 2026-07-31] [--days 200] [--series 1500]
 *
 * 200 days to 2026-07-31 hold the weeks before Ramadan 2026, Ramadan, both Eids and the
 * June crisis wave, at half the ingest time of the demo's default 400 days.
 *
 *   npm run eval -- --data <dir> --anomalies-only
 *
 * scores only the auditor cases of a world already built under <dir> (read only: nothing
 * is simulated, ingested, built or written), e.g. a small world whose simulator planted
 * the ledger and feed problems the eval world predates.
 *
 *   npm run eval -- --data <dir> --built
 *
 * evaluates everything (forecasts, surge alerts, anomalies) on a world already built under
 * <dir>, read only, whatever its scale, seed, span or end date (e.g. the demo `npm start`
 * built): without it, a world that does not match the flags is deleted and simulated anew.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../cli/config';
import { runPipeline, type Scale } from '../cli/pipeline';
import { createReporter } from '../cli/reporter';
import { readState, writeState } from '../cli/state';
import { simulate } from '../simulator/simulate';
import type { DuckDBConnection } from '@duckdb/node-api';
import { withDuck } from '../ml/duck';
import { addDaysIso } from '../ml/dates';
import { attachWarehouse, readEssentialDailySeries } from '../ml/score';
import { forecastScores } from './forecast-eval';
import { runSurges } from '../ml/surge/surge-alerts';
import { findAnomalies } from '../ml/anomalies/run-anomalies';
import { hourStamp } from '../ml/surge/surge-detector';
import { leadHours, ordinaryMax, shelvesEmptyAt, shelvesEmptyDay } from './eval-lead-time';
import { currentFeedSql } from '../ml/lake-feed';
import { sqlString } from '../ml/duck';
import { readEvents, scoreAnomalies, type TruthEvent } from './anomaly-eval';

function median(v: number[]): number {
  if (v.length === 0) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: 'data/eval' },
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      'end-date': { type: 'string', default: '2026-07-31' },
      series: { type: 'string', default: '1500' },
      days: { type: 'string', default: '200' },
      'anomalies-only': { type: 'boolean', default: false },
      built: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig({
    ...process.env,
    RABT_DATA_DIR: resolve(values.data as string),
    RABT_SIM_DIR: '',
    RABT_LAKE_DIR: '',
    RABT_WAREHOUSE_PATH: '',
  });
  const reporter = createReporter();
  const t0 = performance.now();
  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  const readTruth = () => {
    const summary = JSON.parse(readFileSync(join(config.simDir, 'truth', 'summary.json'), 'utf8')) as {
      startDate: string;
      endDate: string;
    };
    return { events: readEvents(join(config.simDir, 'truth', 'events.csv')), ...summary };
  };
  // 3. Anomalies for auditors: every case over the whole span, against the planted truth.
  const anomalySection = async (con: DuckDBConnection, events: TruthEvent[], startDate: string, endDate: string) => {
    const spanDays = Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000) + 1;
    const ranked = await findAnomalies(con, endDate, spanDays, config.lakeDir);
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
  };
  if (values['anomalies-only']) {
    const { events, startDate, endDate } = readTruth();
    await withDuck(async (con) => {
      await attachWarehouse(con, config.warehousePath);
      await anomalySection(con, events, startDate, endDate);
    });
    out();
    out(`evaluation ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (!values.built) await buildWorld();
  const pipelineSeconds = (performance.now() - t0) / 1000;
  async function buildWorld(): Promise<void> {
    // The pipeline's simulate stage has no `days`; simulate here and let it skip the stage.
    const statePath = join(config.dataDir, '.rabt-state.json');
    const summaryPath = join(config.simDir, 'truth', 'summary.json');
    const wanted = {
      scale: values.scale as Scale,
      seed: Number(values.seed),
      days: Number(values.days),
      endDate: values['end-date'] as string,
    };
    const have = existsSync(summaryPath) ? (JSON.parse(readFileSync(summaryPath, 'utf8')) as typeof wanted) : null;
    if (
      !have ||
      have.scale !== wanted.scale ||
      have.seed !== wanted.seed ||
      have.days !== wanted.days ||
      have.endDate !== wanted.endDate
    ) {
      for (const p of [config.simDir, config.lakeDir, join(config.warehousePath, '..'), statePath])
        rmSync(p, { recursive: true, force: true });
      reporter.step(`Simulating ${wanted.scale}, ${wanted.days} days to ${wanted.endDate}`);
      await simulate({ ...wanted, outDir: config.simDir, onProgress: (e) => reporter.progress(e) });
      writeState(statePath, { ...readState(statePath), simulation: { scale: wanted.scale, seed: wanted.seed } });
    }
    await runPipeline({
      config,
      reporter,
      scale: values.scale as Scale,
      seed: Number(values.seed),
      endDate: values['end-date'],
    });
    reporter.finish();
  }

  const { events, startDate, endDate } = readTruth();

  await withDuck(async (con) => {
    await attachWarehouse(con, config.warehousePath);

    // 1. Forecasts.
    const t1 = performance.now();
    const all = await readEssentialDailySeries(con, endDate, 400);
    const cap = Number(values.series);
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

    // 2. Surge alerts.
    const results = await runSurges(con, config.lakeDir, startDate, endDate);
    const waves = events.filter((e) => e.event_type === 'crisis_wave');
    const planted: {
      gov: string;
      cat: string;
      start: string;
      end: string;
      found: boolean;
      delay: number | null;
      delayFromOpen: number | null;
      opened: string | null;
    }[] = [];
    const alertRows: { gov: string; cat: string; opened: string; true: boolean }[] = [];
    for (const r of results) {
      const wave = waves.find((w) => w.governorate_id === r.panel.governorateId);
      const scopeOk = (cat: string, w: TruthEvent) =>
        w.product_scope === 'essential' || w.product_scope.replace('categories:', '').split(' ').includes(cat);
      const stamp = (h: number) => {
        const { day, hourOfDay } = hourStamp(r.panel, h);
        return { day, hourOfDay, text: `${day} ${String(hourOfDay).padStart(2, '0')}:00` };
      };
      for (const a of r.alerts) {
        const o = stamp(a.openedHour);
        const isTrue = Boolean(
          wave && scopeOk(r.panel.categoryId, wave) && o.day >= wave.start_date && o.day <= wave.end_date,
        );
        alertRows.push({ gov: r.panel.governorateId, cat: r.panel.categoryId, opened: o.text, true: isTrue });
      }
      if (wave && scopeOk(r.panel.categoryId, wave)) {
        const hit = r.alerts.find((a) => {
          const d = stamp(a.openedHour).day;
          return d >= wave.start_date && d <= wave.end_date;
        });
        let delay: number | null = null;
        let delayFromOpen: number | null = null;
        let opened: string | null = null;
        if (hit) {
          const o = stamp(hit.openedHour);
          opened = o.text;
          const days = (Date.parse(`${o.day}T00:00:00Z`) - Date.parse(`${wave.start_date}T00:00:00Z`)) / 3_600_000;
          delay = days + o.hourOfDay;
          delayFromOpen = delay - 8; // co-ops open at 08:00: the first hour panic can show
        }
        planted.push({
          gov: r.panel.governorateId,
          cat: r.panel.categoryId,
          start: wave.start_date,
          end: wave.end_date,
          found: Boolean(hit),
          delay,
          delayFromOpen,
          opened,
        });
      }
    }
    const tp = alertRows.filter((a) => a.true).length;
    // Lead time: from the alert to the day the surge began emptying shelves in the simulator's truth.
    const stockOutReader = await con.runAndReadAll(`
      SELECT st.governorate_id, p.category_id, CAST(s.date AS VARCHAR), count(*)
      FROM read_csv(${sqlString(join(config.simDir, 'truth', 'stockouts.csv'))}, header = true, all_varchar = true) s
      JOIN wh.marts.dim_site st ON st.site_id = s.site_id
      JOIN wh.marts.dim_product p ON p.product_id = s.product_id
      WHERE CAST(s.lost_sales AS DOUBLE) > 0
      GROUP BY ALL`);
    const stockOuts = new Map<string, Map<string, number>>();
    for (const [gov, cat, d, n] of stockOutReader.getRows()) {
      const key = `${String(gov)}:${String(cat)}`;
      if (!stockOuts.has(key)) stockOuts.set(key, new Map());
      stockOuts.get(key)?.set(String(d), Number(n));
    }
    // When in that day: each stocked-out shelf is empty from the hour after its last sale.
    const sales = currentFeedSql(config.lakeDir, 'sales');
    const emptyHours = new Map<string, number[]>();
    const waveFrom = planted.map((p) => p.start).sort()[0];
    const waveTo = planted
      .map((p) => p.end)
      .sort()
      .at(-1);
    if (sales && waveFrom && waveTo) {
      const hoursReader = await con.runAndReadAll(`
        WITH so AS (
          SELECT site_id, product_id, CAST(date AS DATE) AS d
          FROM read_csv(${sqlString(join(config.simDir, 'truth', 'stockouts.csv'))}, header = true, all_varchar = true)
          WHERE CAST(lost_sales AS DOUBLE) > 0 AND CAST(date AS DATE) BETWEEN DATE ${sqlString(waveFrom)} AND DATE ${sqlString(waveTo)}
        ), last AS (
          SELECT s.branch_id, s.product_id, s.business_date, max(hour(s.sale_hour)) AS h
          FROM ${sales} s WHERE s.quantity > 0 AND s.business_date BETWEEN DATE ${sqlString(waveFrom)} AND DATE ${sqlString(waveTo)} GROUP BY ALL
        )
        SELECT st.governorate_id, p.category_id, CAST(so.d AS VARCHAR), coalesce(last.h + 1, 0)
        FROM so
        JOIN wh.marts.dim_site st ON st.site_id = so.site_id
        JOIN wh.marts.dim_product p ON p.product_id = so.product_id
        LEFT JOIN last ON last.branch_id = so.site_id AND last.product_id = so.product_id AND last.business_date = so.d`);
      for (const [gov, cat, d, h] of hoursReader.getRows()) {
        const key = `${String(gov)}:${String(cat)}:${String(d)}`;
        emptyHours.set(key, [...(emptyHours.get(key) ?? []), Number(h)]);
      }
    }
    const leads: number[] = [];
    const leadsToDay: number[] = [];
    let emptied = 0;
    for (const p of planted) {
      const counts = stockOuts.get(`${p.gov}:${p.cat}`) ?? new Map<string, number>();
      const day = shelvesEmptyDay(counts, p.start, p.end);
      if (day) emptied++;
      if (!day || !p.opened) continue;
      leadsToDay.push(leadHours(p.opened, day));
      leads.push(
        leadHours(
          p.opened,
          shelvesEmptyAt(day, emptyHours.get(`${p.gov}:${p.cat}:${day}`) ?? [], ordinaryMax(counts, p.start)),
        ),
      );
    }
    const seasons = events.filter(
      (e) => e.event_type === 'pre_ramadan_surge' || e.event_type === 'ramadan' || e.event_type.startsWith('eid_'),
    );
    const preRamadan = seasons.filter((e) => e.event_type === 'pre_ramadan_surge');
    const inWeeksBeforeRamadan = (d: string) =>
      preRamadan.some((e) => d >= addDaysIso(e.start_date, -14) && d <= e.end_date) ||
      seasons.some((e) => e.event_type === 'ramadan' && d >= e.start_date && d <= addDaysIso(e.start_date, 2));
    const onEid = (d: string) =>
      seasons.some((e) => e.event_type.startsWith('eid_') && d >= addDaysIso(e.start_date, -1) && d <= e.end_date);
    const falseAlerts = alertRows.filter((a) => !a.true);
    const delays = planted.filter((p) => p.delay !== null).map((p) => p.delay as number);
    const delaysOpen = planted.filter((p) => p.delayFromOpen !== null).map((p) => p.delayFromOpen as number);
    out(
      `## Panic-buying alerts — ${results.length} governorate × essential category panels, ${startDate} … ${endDate}`,
    );
    out('| metric | value |');
    out('|---|---|');
    out(`| planted regional surges (governorate × category) | ${planted.length} |`);
    out(`| recall | ${fmt(planted.filter((p) => p.found).length / planted.length)} |`);
    out(`| alerts raised | ${alertRows.length} |`);
    out(`| precision | ${fmt(alertRows.length ? tp / alertRows.length : NaN)} |`);
    out(`| median delay from onset day 00:00 (h) | ${fmt(median(delays), 1)} |`);
    out(`| median delay from the day's first open hour 08:00 (h) | ${fmt(median(delaysOpen), 1)} |`);
    out(`| surges that emptied shelves (more stock-outs than any of the 28 days before) | ${emptied} |`);
    out(
      `| alerts before shelves emptied (the hour more shelves were empty than on any ordinary day) | ${leads.filter((h) => h > 0).length} of ${leads.length} |`,
    );
    out(`| median lead time to that hour (h) | ${fmt(median(leads), 1)} |`);
    out(`| median lead time to that day's 00:00 (h) | ${fmt(median(leadsToDay), 1)} |`);
    out(
      `| false alerts in the weeks before Ramadan | ${falseAlerts.filter((a) => inWeeksBeforeRamadan(a.opened.slice(0, 10))).length} |`,
    );
    out(`| false alerts on Eid (and its eve) | ${falseAlerts.filter((a) => onEid(a.opened.slice(0, 10))).length} |`);
    out(`| seasons in the span | ${seasons.map((s) => `${s.event_type} ${s.start_date}`).join('; ')} |`);
    if (falseAlerts.length)
      out(
        `| false alerts (first 10) | ${falseAlerts
          .slice(0, 10)
          .map((a) => `${a.gov}/${a.cat} ${a.opened}`)
          .join('; ')} |`,
      );
    out();

    await anomalySection(con, events, startDate, endDate);
  });
  out();
  out(
    `${values.built ? 'world read as built (nothing simulated, ingested, built or scored)' : `pipeline ${pipelineSeconds.toFixed(0)} s`}, evaluation ${((performance.now() - t0) / 1000 - pipelineSeconds).toFixed(0)} s`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
