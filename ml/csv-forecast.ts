import { withDuck } from './duck';
import { readSeriesCsv, writeCsv, type CsvValue } from './csv-io';
import { DEFAULT_LEVEL, checkHorizon, checkLevel, type ForecasterFactory } from './forecasters/forecaster';
import { AutoForecaster, DAILY_CANDIDATES } from './forecasters/backtest';
import { formatStamp, periodFor } from './time-grid';

export interface ForecastCsvOptions {
  input: string;
  output: string;
  horizon: number;
  level?: number;
  /** Which model to fit per series; by default the rolling-origin backtest picks one. */
  model?: ForecasterFactory;
}

export interface ForecastCsvSummary {
  input: string;
  output: string;
  series: number;
  rowsIn: number;
  rowsOut: number;
  horizon: number;
  level: number;
  /** series count per inferred interval, e.g. { '1d': 3, '15m': 1 } */
  intervals: Record<string, number>;
  models: Record<string, number>;
}

export function describeStep(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** `rabt forecast`: H steps after each series' last row, with intervals, at the series' own interval. */
export async function forecastCsv(options: ForecastCsvOptions): Promise<ForecastCsvSummary> {
  const horizon = checkHorizon(options.horizon);
  const level = checkLevel(options.level ?? DEFAULT_LEVEL);
  return withDuck(async (con) => {
    const series = await readSeriesCsv(con, options.input);
    const rows: CsvValue[][] = [];
    const intervals: Record<string, number> = {};
    const models: Record<string, number> = {};
    let rowsIn = 0;
    for (const s of series) {
      rowsIn += s.rows;
      const { grid } = s;
      const period = periodFor(grid.step, grid.y.length);
      // Calendar effects apply to whole days only: give the calendar model dates when the
      // series is daily and dated, else let seasonal naive and Holt-Winters compete.
      const daily = grid.step === 86_400_000 && s.style.dateOnly;
      const ds = daily ? grid.y.map((_, i) => formatStamp(grid.start + i * grid.step, s.style)) : undefined;
      const model = (
        options.model ??
        (() => new AutoForecaster(daily ? DAILY_CANDIDATES : DAILY_CANDIDATES.filter((c) => !c.needsDs)))
      )().fit({
        y: grid.y,
        period,
        ds,
      });
      const f = model.predict(horizon, { level });
      const key = describeStep(grid.step);
      intervals[key] = (intervals[key] ?? 0) + 1;
      models[model.name] = (models[model.name] ?? 0) + 1;
      const lastT = grid.start + (grid.y.length - 1) * grid.step;
      for (let i = 0; i < horizon; i++) {
        rows.push([
          s.id,
          formatStamp(lastT + (i + 1) * grid.step, s.style),
          f.yhat[i] as number,
          f.lower[i] as number,
          f.upper[i] as number,
        ]);
      }
    }
    await writeCsv(
      con,
      options.output,
      [
        { name: 'series_id', type: 'VARCHAR' },
        { name: 'ds', type: 'VARCHAR' },
        { name: 'yhat', type: 'DOUBLE' },
        { name: 'yhat_lower', type: 'DOUBLE' },
        { name: 'yhat_upper', type: 'DOUBLE' },
      ],
      rows,
    );
    return {
      input: options.input,
      output: options.output,
      series: series.length,
      rowsIn,
      rowsOut: rows.length,
      horizon,
      level,
      intervals,
      models,
    };
  });
}
