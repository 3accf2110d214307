import type { DuckDBConnection } from '@duckdb/node-api';
import { writeRun, type Cell } from '../lake-writer';
import { ANOMALY_COLUMNS, anomalyId, rankAnomalies, type Anomaly } from './anomaly';
import { findFeedProblems, loadFeedDays } from './feed-health';
import { findGouging, loadPriceDays } from './price-gouging';

export const ANOMALY_WINDOW_DAYS = 35;

/** Every auditor check over the window ending at asOf (marts attached as `wh`), ranked. */
export async function findAnomalies(con: DuckDBConnection, asOf: string, windowDays = ANOMALY_WINDOW_DAYS): Promise<Anomaly[]> {
  const gouging = findGouging(await loadPriceDays(con, asOf, windowDays));
  const feeds = findFeedProblems(await loadFeedDays(con, asOf, windowDays), asOf);
  return rankAnomalies([...gouging, ...feeds]);
}

export async function writeAnomalies(con: DuckDBConnection, lakeDir: string, runId: string, generatedAt: string, ranked: Anomaly[]) {
  const rows = ranked.map((a, i): Cell[] => [
    anomalyId(a),
    a.kind,
    i + 1,
    a.coopId,
    a.governorateId,
    a.siteId,
    a.productId,
    a.startDate,
    a.endDate,
    a.score,
    a.valueAtStakeKwd,
    a.observed,
    a.expected,
    a.detail,
  ]);
  return writeRun(con, lakeDir, 'anomalies', runId, generatedAt, ANOMALY_COLUMNS, rows);
}
