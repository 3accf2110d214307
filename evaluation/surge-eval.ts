import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../ml/duck';
import { addDaysIso } from '../ml/dates';
import { runSurges, type PanelAlerts } from '../ml/surge/surge-alerts';
import { hourStamp } from '../ml/surge/surge-detector';
import { leadHours, ordinaryMax, shelvesEmptyAt, shelvesEmptyDay } from './eval-lead-time';
import type { TruthEvent } from './anomaly-eval';
import { fmt, median } from './eval-format';

/** A planted regional surge (a crisis wave in a governorate × category) and whether it was found. */
interface PlantedSurge {
  gov: string;
  cat: string;
  start: string;
  end: string;
  found: boolean;
  delay: number | null;
  delayFromOpen: number | null;
  opened: string | null;
}

/** An alert raised, and whether it fell on a planted surge. */
interface RaisedAlert {
  gov: string;
  cat: string;
  opened: string;
  true: boolean;
}

const scopeOk = (cat: string, w: TruthEvent) =>
  w.product_scope === 'essential' || w.product_scope.replace('categories:', '').split(' ').includes(cat);

function stampOf(r: PanelAlerts, h: number) {
  const { day, hourOfDay } = hourStamp(r.panel, h);
  return { day, hourOfDay, text: `${day} ${String(hourOfDay).padStart(2, '0')}:00` };
}

/** The first alert opened during the wave, and its delay from the onset day's 00:00 and from 08:00. */
function plantedSurge(r: PanelAlerts, wave: TruthEvent): PlantedSurge {
  const hit = r.alerts.find((a) => {
    const d = stampOf(r, a.openedHour).day;
    return d >= wave.start_date && d <= wave.end_date;
  });
  const base = { gov: r.panel.governorateId, cat: r.panel.categoryId, start: wave.start_date, end: wave.end_date };
  if (!hit) return { ...base, found: false, delay: null, delayFromOpen: null, opened: null };
  const o = stampOf(r, hit.openedHour);
  const days = (Date.parse(`${o.day}T00:00:00Z`) - Date.parse(`${wave.start_date}T00:00:00Z`)) / 3_600_000;
  const delay = days + o.hourOfDay;
  // co-ops open at 08:00: the first hour panic can show
  return { ...base, found: true, delay, delayFromOpen: delay - 8, opened: o.text };
}

/** Every alert against the truth's crisis waves, and every planted surge against the alerts. */
export function matchAlerts(
  results: PanelAlerts[],
  events: TruthEvent[],
): { planted: PlantedSurge[]; alertRows: RaisedAlert[] } {
  const waves = events.filter((e) => e.event_type === 'crisis_wave');
  const planted: PlantedSurge[] = [];
  const alertRows: RaisedAlert[] = [];
  for (const r of results) {
    const wave = waves.find((w) => w.governorate_id === r.panel.governorateId);
    for (const a of r.alerts) {
      const o = stampOf(r, a.openedHour);
      const isTrue = Boolean(
        wave && scopeOk(r.panel.categoryId, wave) && o.day >= wave.start_date && o.day <= wave.end_date,
      );
      alertRows.push({ gov: r.panel.governorateId, cat: r.panel.categoryId, opened: o.text, true: isTrue });
    }
    if (wave && scopeOk(r.panel.categoryId, wave)) planted.push(plantedSurge(r, wave));
  }
  return { planted, alertRows };
}

/** Stocked-out shelves per governorate × category and day, from the simulator's truth. */
async function readStockOuts(con: DuckDBConnection, stockoutsCsv: string): Promise<Map<string, Map<string, number>>> {
  const reader = await con.runAndReadAll(`
    SELECT st.governorate_id, p.category_id, CAST(s.date AS VARCHAR), count(*)
    FROM read_csv(${sqlString(stockoutsCsv)}, header = true, all_varchar = true) s
    JOIN wh.marts.dim_site st ON st.site_id = s.site_id
    JOIN wh.marts.dim_product p ON p.product_id = s.product_id
    WHERE CAST(s.lost_sales AS DOUBLE) > 0
    GROUP BY ALL`);
  const stockOuts = new Map<string, Map<string, number>>();
  for (const [gov, cat, d, n] of reader.getRows()) {
    const key = `${String(gov)}:${String(cat)}`;
    if (!stockOuts.has(key)) stockOuts.set(key, new Map());
    stockOuts.get(key)?.set(String(d), Number(n));
  }
  return stockOuts;
}

/**
 * When in the day each stocked-out shelf emptied (the hour after its last sale, from the
 * hourly sales mart), per governorate × category × day, over the waves' span.
 */
async function readEmptyHours(
  con: DuckDBConnection,
  stockoutsCsv: string,
  planted: PlantedSurge[],
): Promise<Map<string, number[]>> {
  const emptyHours = new Map<string, number[]>();
  const waveFrom = planted.map((p) => p.start).sort()[0];
  const waveTo = planted
    .map((p) => p.end)
    .sort()
    .at(-1);
  if (!waveFrom || !waveTo) return emptyHours;
  const span = `BETWEEN DATE ${sqlString(waveFrom)} AND DATE ${sqlString(waveTo)}`;
  const reader = await con.runAndReadAll(`
    WITH so AS (
      SELECT site_id, product_id, CAST(date AS DATE) AS d
      FROM read_csv(${sqlString(stockoutsCsv)}, header = true, all_varchar = true)
      WHERE CAST(lost_sales AS DOUBLE) > 0 AND CAST(date AS DATE) ${span}
    ), last AS (
      SELECT s.site_id, s.product_id, s.business_date, max(hour(s.sale_hour)) AS h
      FROM wh.marts.fct_sales_hourly s WHERE s.quantity > 0 AND s.business_date ${span} GROUP BY ALL
    )
    SELECT st.governorate_id, p.category_id, CAST(so.d AS VARCHAR), coalesce(last.h + 1, 0)
    FROM so
    JOIN wh.marts.dim_site st ON st.site_id = so.site_id
    JOIN wh.marts.dim_product p ON p.product_id = so.product_id
    LEFT JOIN last ON last.site_id = so.site_id AND last.product_id = so.product_id AND last.business_date = so.d`);
  for (const [gov, cat, d, h] of reader.getRows()) {
    const key = `${String(gov)}:${String(cat)}:${String(d)}`;
    emptyHours.set(key, [...(emptyHours.get(key) ?? []), Number(h)]);
  }
  return emptyHours;
}

/** Lead time from each found surge's alert to the hour (and the day) its shelves began to empty. */
async function leadTimes(con: DuckDBConnection, simDir: string, planted: PlantedSurge[]) {
  const stockoutsCsv = join(simDir, 'truth', 'stockouts.csv');
  const stockOuts = await readStockOuts(con, stockoutsCsv);
  const emptyHours = await readEmptyHours(con, stockoutsCsv, planted);
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
  return { leads, leadsToDay, emptied };
}

/** False alerts in the weeks before Ramadan (and its first days) and on Eid and its eve. */
function seasonalFalseAlerts(events: TruthEvent[], falseAlerts: RaisedAlert[]) {
  const seasons = events.filter(
    (e) => e.event_type === 'pre_ramadan_surge' || e.event_type === 'ramadan' || e.event_type.startsWith('eid_'),
  );
  const preRamadan = seasons.filter((e) => e.event_type === 'pre_ramadan_surge');
  const inWeeksBeforeRamadan = (d: string) =>
    preRamadan.some((e) => d >= addDaysIso(e.start_date, -14) && d <= e.end_date) ||
    seasons.some((e) => e.event_type === 'ramadan' && d >= e.start_date && d <= addDaysIso(e.start_date, 2));
  const onEid = (d: string) =>
    seasons.some((e) => e.event_type.startsWith('eid_') && d >= addDaysIso(e.start_date, -1) && d <= e.end_date);
  return {
    seasons,
    beforeRamadan: falseAlerts.filter((a) => inWeeksBeforeRamadan(a.opened.slice(0, 10))).length,
    onEid: falseAlerts.filter((a) => onEid(a.opened.slice(0, 10))).length,
  };
}

/**
 * The panic-buying section: the surge detector replayed over the whole span, its alerts
 * against the planted crisis waves, and how long before the shelves emptied they came.
 */
export async function surgeSection(
  con: DuckDBConnection,
  simDir: string,
  truth: { events: TruthEvent[]; startDate: string; endDate: string },
  out: (line?: string) => void,
): Promise<void> {
  const { events, startDate, endDate } = truth;
  const results = await runSurges(con, startDate, endDate);
  const { planted, alertRows } = matchAlerts(results, events);
  const tp = alertRows.filter((a) => a.true).length;
  const { leads, leadsToDay, emptied } = await leadTimes(con, simDir, planted);
  const falseAlerts = alertRows.filter((a) => !a.true);
  const seasonal = seasonalFalseAlerts(events, falseAlerts);
  const delays = planted.filter((p) => p.delay !== null).map((p) => p.delay as number);
  const delaysOpen = planted.filter((p) => p.delayFromOpen !== null).map((p) => p.delayFromOpen as number);
  out(`## Panic-buying alerts — ${results.length} governorate × essential category panels, ${startDate} … ${endDate}`);
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
  out(`| false alerts in the weeks before Ramadan | ${seasonal.beforeRamadan} |`);
  out(`| false alerts on Eid (and its eve) | ${seasonal.onEid} |`);
  out(`| seasons in the span | ${seasonal.seasons.map((s) => `${s.event_type} ${s.start_date}`).join('; ')} |`);
  if (falseAlerts.length)
    out(
      `| false alerts (first 10) | ${falseAlerts
        .slice(0, 10)
        .map((a) => `${a.gov}/${a.cat} ${a.opened}`)
        .join('; ')} |`,
    );
  out();
}
