import type { DuckDBConnection } from '@duckdb/node-api';
import { writeRun, type Cell } from '../lake-writer';
import {
  detectSurges,
  hourStamp,
  type AlertEvent,
  type SurgeAlert,
  type SurgeOptions,
  type SurgePanel,
} from './surge-detector';
import { loadSurgePanels } from './load-panels';

/** Kuwait wall-clock timestamp text of an hour slot of a panel. */
export function hourText(panel: Pick<SurgePanel, 'startDay' | 'startHour'>, hour: number): string {
  const { day, hourOfDay } = hourStamp(panel, hour);
  return `${day} ${String(hourOfDay).padStart(2, '0')}:00:00`;
}

export interface PanelAlerts {
  panel: SurgePanel;
  alerts: SurgeAlert[];
  events: AlertEvent[];
}

export function alertRow(panel: SurgePanel, a: SurgeAlert): Cell[] {
  const stockoutHour = a.hoursToStockout === null ? null : a.lastHour + Math.ceil(a.hoursToStockout);
  return [
    a.alertId,
    a.governorateId,
    a.categoryId,
    a.status,
    a.severity,
    a.peakSeverity,
    hourText(panel, a.sinceHour),
    hourText(panel, a.openedHour),
    hourText(panel, a.lastHour),
    a.closedHour === null ? null : hourText(panel, a.closedHour),
    a.ratio,
    a.peakRatio,
    a.excessUnits,
    a.coopsAffected,
    a.coopsTotal,
    a.topProducts.join(','),
    a.stockOnHand,
    a.hoursToStockout,
    stockoutHour === null ? null : hourText(panel, stockoutHour),
  ];
}

/** Run the surge detector over every governorate × essential category between two days. */
export async function runSurges(
  con: DuckDBConnection,
  fromDay: string,
  toDay: string,
  options: SurgeOptions = {},
): Promise<PanelAlerts[]> {
  const panels = await loadSurgePanels(con, fromDay, toDay);
  return panels.map((panel) => ({ panel, ...detectSurges(panel, options) }));
}

export async function writeSurgeAlerts(
  con: DuckDBConnection,
  lakeDir: string,
  runId: string,
  generatedAt: string,
  results: PanelAlerts[],
): Promise<{ alerts: number; open: number; events: number }> {
  const alerts = results.flatMap((r) => r.alerts.map((a) => alertRow(r.panel, a)));
  const events = results.flatMap((r) =>
    r.events.map((e): Cell[] => [
      e.alertId,
      r.panel.governorateId,
      r.panel.categoryId,
      hourText(r.panel, e.hour),
      e.kind,
      e.severity,
      e.ratio,
    ]),
  );
  await writeRun(con, lakeDir, 'surge_alerts', runId, generatedAt, alerts);
  await writeRun(con, lakeDir, 'surge_alert_events', runId, generatedAt, events);
  return {
    alerts: alerts.length,
    open: results.reduce((n, r) => n + r.alerts.filter((a) => a.status === 'open').length, 0),
    events: events.length,
  };
}
