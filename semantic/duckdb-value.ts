import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBResultReader,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * Cube's result handling was written against node-postgres: exact numerics (DECIMAL, BIGINT,
 * HUGEINT sums and counts) arrive as strings so no fils is lost to floating point, and times
 * arrive as `YYYY-MM-DDTHH:mm:ss.SSS` without an offset (UTC for TIMESTAMPTZ, wall clock for
 * TIMESTAMP and DATE). This keeps the DuckDB driver's rows in that shape.
 */
export function toCubeValue(value: DuckDBValue): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue) return `${isoFromMillis(value.days * 86_400_000).slice(0, 10)}T00:00:00.000`;
  if (value instanceof DuckDBTimestampTZValue || value instanceof DuckDBTimestampValue) {
    return isoFromMillis(Number(value.micros / 1000n));
  }
  // Lists, structs, intervals, blobs: DuckDB's own JSON-safe rendering.
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
}

function isoFromMillis(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '');
}

export function readerToRows(reader: DuckDBResultReader): Record<string, unknown>[] {
  const names = reader.columnNames();
  return reader.getRows().map((row) => {
    const out: Record<string, unknown> = {};
    row.forEach((value, i) => {
      out[names[i] as string] = toCubeValue(value);
    });
    return out;
  });
}

/** Cube's generic column types, for pre-aggregation column metadata. */
export function toGenericType(duckdbType: string): string {
  const t = duckdbType.toUpperCase();
  if (t.startsWith('DECIMAL') || t.startsWith('NUMERIC')) return 'decimal';
  if (t === 'HUGEINT' || t === 'BIGINT' || t === 'UBIGINT' || t === 'UHUGEINT') return 'bigint';
  if (['INTEGER', 'SMALLINT', 'TINYINT', 'UINTEGER', 'USMALLINT', 'UTINYINT'].includes(t)) return 'int';
  if (t === 'DOUBLE' || t === 'FLOAT' || t === 'REAL') return 'double';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  return 'text';
}
