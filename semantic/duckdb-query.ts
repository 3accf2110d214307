import { PostgresQuery } from '@cubejs-backend/schema-compiler';

/**
 * Cube's SQL dialect for DuckDB. DuckDB accepts almost all of what PostgresQuery generates
 * (`$n` parameters, `::timestamptz AT TIME ZONE`, `date_trunc`); only the HyperLogLog
 * functions are Postgres extensions DuckDB lacks, so approximate distinct counts use
 * DuckDB's own `approx_count_distinct`.
 */
export class DuckDBQuery extends PostgresQuery {
  override countDistinctApprox(sql: string): string {
    return `approx_count_distinct(${sql})`;
  }
}
