import { withDuck } from './duck';
import { readSeriesCsv, writeCsv, type CsvValue } from './csv-io';
import { describeStep } from './csv-forecast';
import { detect, DEFAULT_THRESHOLD } from './detectors/causal-detector';
import { formatStamp, seasonFor } from './time-grid';

export interface DetectCsvOptions {
  input: string;
  output: string;
  /** robust z above which a point is an anomaly */
  threshold?: number;
}

export interface DetectCsvSummary {
  input: string;
  output: string;
  series: number;
  rows: number;
  anomalies: number;
  threshold: number;
  intervals: Record<string, number>;
}

/**
 * `rabt detect`: one output row per input row (duplicates on one stamp averaged), scored
 * causally. The season length comes from the interval alone (never from how long the
 * series is), so cutting the future off cannot change an earlier decision.
 */
export async function detectCsv(options: DetectCsvOptions): Promise<DetectCsvSummary> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  return withDuck(async (con) => {
    const series = await readSeriesCsv(con, options.input);
    const rows: CsvValue[][] = [];
    const intervals: Record<string, number> = {};
    let anomalies = 0;
    for (const s of series) {
      const { grid } = s;
      const period = seasonFor(grid.step);
      const key = describeStep(grid.step);
      intervals[key] = (intervals[key] ?? 0) + 1;
      const d = detect(grid.y, period, { threshold });
      for (const slot of grid.slots) {
        const r = d[slot];
        if (!r) continue;
        if (r.isAnomaly) anomalies++;
        rows.push([
          s.id,
          formatStamp(grid.start + slot * grid.step, s.style),
          grid.y[slot] as number,
          r.expected,
          r.score,
          r.isAnomaly,
        ]);
      }
    }
    await writeCsv(
      con,
      options.output,
      [
        { name: 'series_id', type: 'VARCHAR' },
        { name: 'ds', type: 'VARCHAR' },
        { name: 'y', type: 'DOUBLE' },
        { name: 'expected', type: 'DOUBLE' },
        { name: 'score', type: 'DOUBLE' },
        { name: 'is_anomaly', type: 'BOOLEAN' },
      ],
      rows,
    );
    return {
      input: options.input,
      output: options.output,
      series: series.length,
      rows: rows.length,
      anomalies,
      threshold,
      intervals,
    };
  });
}
