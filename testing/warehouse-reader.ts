import { DuckDBInstance } from '@duckdb/node-api';

/** Runs one query on a DuckDB file opened read-only, so a test never blocks a build. */
export async function queryReadOnly<T = Record<string, unknown>>(path: string | null, sql: string): Promise<T[]> {
  const instance = path
    ? await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' })
    : await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
