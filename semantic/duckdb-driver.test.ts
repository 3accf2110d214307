import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDBDriver, QueryTimeoutError, WarehouseNotPublishedError } from './duckdb-driver';
import { writeTinyWarehouse } from './fixtures/tiny-warehouse';

let dir: string;
let path: string;
let driver: DuckDBDriver;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rabt-driver-'));
  path = join(dir, 'rabt.duckdb');
  await writeTinyWarehouse(path, { coops: 2, days: 3 });
  driver = new DuckDBDriver({ warehousePath: path, swapCheckMs: 0 });
});

afterEach(async () => {
  await driver.release();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDBDriver', () => {
  it('converts DuckDB types to what Cube expects', async () => {
    const [row] = await driver.query<Record<string, unknown>>(
      `SELECT 1.234::DECIMAL(18,3) AS d, sum(5::BIGINT) AS s, sum(7::HUGEINT) AS h, count(*) AS n, 2::INTEGER AS i,
              1.5::DOUBLE AS f, DATE '2025-06-14' AS dt, TIMESTAMP '2025-06-14 18:00:00.123' AS ts,
              TIMESTAMPTZ '2025-06-14 18:00:00+03' AS tz, true AS b, NULL::VARCHAR AS z`,
    );
    expect(row).toEqual({
      d: '1.234',
      s: '5',
      h: '7',
      n: '1',
      i: 2,
      f: 1.5,
      dt: '2025-06-14T00:00:00.000',
      ts: '2025-06-14T18:00:00.123',
      tz: '2025-06-14T15:00:00.000',
      b: true,
      z: null,
    });
  });

  it('keeps every fils of a DECIMAL sum over the marts', async () => {
    const [viaDriver] = await driver.query<{ total: string }>(
      `SELECT sum(net_amount_kwd) AS total FROM marts.fct_sales_daily`,
    );
    const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const c = await db.connect();
    const direct = (
      await c.runAndReadAll(`SELECT sum(net_amount_kwd)::VARCHAR AS total FROM marts.fct_sales_daily`)
    ).getRowObjectsJson()[0];
    c.closeSync();
    db.closeSync();
    expect(viaDriver?.total).toMatch(/^\d+\.\d{3}$/);
    expect(viaDriver?.total).toBe(direct?.total);
  });

  it('binds $n parameters, casting strings as Cube sends them', async () => {
    const rows = await driver.query<{ coop_id: string }>(
      `SELECT DISTINCT coop_id FROM marts.fct_sales_daily WHERE coop_id = $1 AND business_date >= $2::timestamptz`,
      ['C002', '2025-06-13T00:00:00.000'],
    );
    expect(rows).toEqual([{ coop_id: 'C002' }]);
  });

  it('picks up a published file swapped in by rename, without blocking the writer', async () => {
    const before = await driver.query<{ n: string }>(`SELECT count(DISTINCT coop_id) AS n FROM marts.dim_coop`);
    const v1 = await driver.publicationVersion();
    await writeTinyWarehouse(path, { coops: 4, days: 3 });
    const after = await driver.query<{ n: string }>(`SELECT count(DISTINCT coop_id) AS n FROM marts.dim_coop`);
    expect(before[0]?.n).toBe('2');
    expect(after[0]?.n).toBe('4');
    expect(await driver.publicationVersion()).not.toBe(v1);
    const [meta] = await driver.query<{ version: string }>(`SELECT version FROM rabt_meta.publication`);
    expect(meta?.version).toBe(await driver.publicationVersion());
  });

  it('writes pre-aggregation tables into its own memory, never into the warehouse', async () => {
    await driver.createSchemaIfNotExists('prod_pre_aggregations');
    await driver.query(
      `CREATE TABLE prod_pre_aggregations.t AS SELECT coop_id, sum(quantity) q FROM marts.fct_sales_daily GROUP BY 1`,
    );
    expect(await driver.getTablesQuery('prod_pre_aggregations')).toEqual([{ table_name: 't' }]);
    expect(await driver.tableColumnTypes('prod_pre_aggregations.t')).toEqual([
      { name: 'coop_id', type: 'text' },
      { name: 'q', type: 'decimal' },
    ]);
  });

  it('creates a schema once when Cube asks for it from several pre-aggregation builds at once', async () => {
    const fresh = new DuckDBDriver({ warehousePath: path, swapCheckMs: 0 });
    try {
      // DuckDB refuses two transactions creating the same schema (a write-write conflict), and
      // only some interleavings hit it: ask many times for many schemas.
      const schemas = Array.from({ length: 30 }, (_, i) => `pre_aggregations_${i}`);
      const asked = await Promise.allSettled(
        schemas.flatMap((schema) => Array.from({ length: 4 }, () => fresh.createSchemaIfNotExists(schema))),
      );
      expect(asked.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await fresh.getTablesQuery('pre_aggregations_29')).toEqual([]);
    } finally {
      await fresh.release();
    }
  });

  it('reports a missing warehouse clearly', async () => {
    const missing = new DuckDBDriver({ warehousePath: join(dir, 'nope.duckdb') });
    await expect(missing.query('SELECT 1')).rejects.toBeInstanceOf(WarehouseNotPublishedError);
    await missing.release();
  });

  it('interrupts a query that runs past its timeout', async () => {
    const slow = new DuckDBDriver({ warehousePath: path, queryTimeoutMs: 200 });
    const started = Date.now();
    await expect(slow.query(`SELECT count(*) FROM range(10000000000) a`)).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
    await slow.release();
  });

  it('cancels a running query through the promise Cube keeps', async () => {
    const p = driver.query(`SELECT count(*) FROM range(10000000000) a`) as Promise<unknown> & {
      cancel(): Promise<void>;
    };
    setTimeout(() => void p.cancel(), 100);
    await expect(p).rejects.toThrow(/cancel/i);
  });
});
