import type { DuckDBConnection } from '@duckdb/node-api';
import { copyAtomic, sqlString } from './duck';
import { parseStamp, toGrid, type Grid, type StampStyle } from './time-grid';

export interface CsvSeries {
  id: string;
  style: StampStyle;
  grid: Grid;
  /** input y per grid slot of `grid.slots` (before averaging duplicates) */
  rows: number;
}

/**
 * Read a `series_id,ds,y` CSV with DuckDB (delimiter and quoting sniffed, columns forced
 * so a numeric-looking id stays text) and put each series on its inferred regular grid.
 */
export async function readSeriesCsv(con: DuckDBConnection, input: string): Promise<CsvSeries[]> {
  const reader = await con.runAndReadAll(
    `SELECT series_id, ds, y FROM read_csv(${sqlString(input)}, header = true,
       columns = {'series_id': 'VARCHAR', 'ds': 'VARCHAR', 'y': 'DOUBLE'})`,
  );
  const bySeries = new Map<string, { style: StampStyle; points: { t: number; y: number }[] }>();
  for (const [sid, ds, y] of reader.getRows()) {
    if (sid === null || ds === null) throw new Error(`${input}: a row has no series_id or ds`);
    const { t, style } = parseStamp(String(ds));
    const id = String(sid);
    let s = bySeries.get(id);
    if (!s) bySeries.set(id, (s = { style, points: [] }));
    s.points.push({ t, y: y === null ? NaN : Number(y) });
  }
  return [...bySeries].map(([id, s]) => ({ id, style: s.style, grid: toGrid(s.points), rows: s.points.length }));
}

export type CsvValue = string | number | boolean | null;

/** Write rows to a CSV with a header, atomically (temp name, then rename). */
export async function writeCsv(
  con: DuckDBConnection,
  output: string,
  columns: { name: string; type: 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' }[],
  rows: CsvValue[][],
): Promise<void> {
  await con.run(`CREATE OR REPLACE TEMP TABLE csv_out (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  const appender = await con.createAppender('csv_out');
  for (const row of rows) {
    row.forEach((v, i) => {
      const type = columns[i]?.type;
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) appender.appendNull();
      else if (type === 'DOUBLE') appender.appendDouble(Number(v));
      else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(v));
      else appender.appendVarchar(String(v));
    });
    appender.endRow();
  }
  appender.closeSync();
  await copyAtomic(con, 'SELECT * FROM csv_out', output, 'FORMAT csv, HEADER true');
  await con.run('DROP TABLE csv_out');
}
