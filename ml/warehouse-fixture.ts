import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sqlString } from './duck';

export interface SalesRow {
  site_id: string;
  product_id: string;
  business_date: string;
  quantity: number;
}

export interface StockRow {
  site_id: string;
  product_id: string;
  stock_date: string;
  closing_qty: number;
}

export interface HourlySale {
  site_id: string;
  product_id: string;
  /** Kuwait wall clock, 'YYYY-MM-DD HH:00:00' */
  sale_hour: string;
  quantity: number;
}

export const FIXTURE_SITES = `('C001-M', 'C001', 'main_market', 'Main', 'الرئيسي', 'A-JA-01', 'KW-JA'),
  ('C001-B01', 'C001', 'branch', 'Branch 1', 'فرع 1', 'A-JA-01', 'KW-JA'),
  ('C001-W', 'C001', 'warehouse', 'Warehouse', 'المستودع', 'A-JA-01', 'KW-JA'),
  ('C002-M', 'C002', 'main_market', 'Main', 'الرئيسي', 'A-HA-01', 'KW-HA'),
  ('C003-M', 'C003', 'main_market', 'Main', 'الرئيسي', 'A-JA-02', 'KW-JA')`;

/**
 * A small published warehouse for tests: the contract's marts that ml reads. C001 and
 * C003 are in Jahra, C002 in Hawalli; rice and water are essential, chocolate is not.
 */
export async function writeWarehouseFixture(path: string, sales: SalesRow[], stock: StockRow[] = []): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const con = await instance.connect();
  try {
    await con.run(`CREATE SCHEMA marts;
      CREATE TABLE marts.dim_coop AS SELECT * FROM (VALUES
        ('C001', 'Jahra', 'الجهراء', 'A-JA-01', 'KW-JA', 'A'),
        ('C002', 'Hawalli', 'حولي', 'A-HA-01', 'KW-HA', 'B'),
        ('C003', 'Qasr', 'القصر', 'A-JA-02', 'KW-JA', 'C'))
        AS t(coop_id, coop_name_en, coop_name_ar, area_id, governorate_id, vendor);
      CREATE TABLE marts.dim_site AS SELECT * FROM (VALUES ${FIXTURE_SITES})
        AS t(site_id, coop_id, site_type, site_name_en, site_name_ar, area_id, governorate_id);
      CREATE TABLE marts.dim_product AS SELECT * FROM (VALUES
        ('6281000000011', 'Rice 5kg', 'رز', 'RICE', 'Rice', 'أرز', true, 'kg', 5.0, 2.5),
        ('6281000000028', 'Water 12x', 'ماء', 'WATER', 'Water', 'ماء', true, 'pcs', 12.0, 1.2),
        ('6281000000035', 'Chocolate', 'شوكولاتة', 'SWEETS', 'Sweets', 'حلويات', false, 'pcs', 1.0, 0.5))
        AS t(product_id, product_name_en, product_name_ar, category_id, category_name_en, category_name_ar,
             is_essential, unit, pack_size, unit_price_kwd);
      CREATE TABLE marts.fct_sales_daily (sales_daily_key VARCHAR, business_date DATE, coop_id VARCHAR, site_id VARCHAR,
        product_id VARCHAR, quantity DECIMAL(14,3), net_amount_kwd DECIMAL(18,3), receipt_count INTEGER);
      CREATE TABLE marts.fct_stock_daily (stock_daily_key VARCHAR, stock_date DATE, coop_id VARCHAR, site_id VARCHAR,
        product_id VARCHAR, closing_qty DECIMAL(14,3), avg_daily_demand_28d DOUBLE, days_of_cover DOUBLE, is_latest BOOLEAN);`);
    const a = await con.createAppender('fct_sales_daily', 'marts');
    for (const r of sales) {
      a.appendVarchar(`${r.site_id}|${r.product_id}|${r.business_date}`);
      a.appendVarchar(r.business_date);
      a.appendVarchar(r.site_id.slice(0, 4));
      a.appendVarchar(r.site_id);
      a.appendVarchar(r.product_id);
      a.appendDouble(r.quantity);
      a.appendDouble(r.quantity * 2);
      a.appendInteger(Math.ceil(r.quantity / 2));
      a.endRow();
    }
    a.closeSync();
    const b = await con.createAppender('fct_stock_daily', 'marts');
    for (const r of stock) {
      b.appendVarchar(`${r.site_id}|${r.product_id}|${r.stock_date}`);
      b.appendVarchar(r.stock_date);
      b.appendVarchar(r.site_id.slice(0, 4));
      b.appendVarchar(r.site_id);
      b.appendVarchar(r.product_id);
      b.appendDouble(r.closing_qty);
      b.appendNull();
      b.appendNull();
      b.appendBoolean(false);
      b.endRow();
    }
    b.closeSync();
    await con.run('CHECKPOINT');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * Raw hourly sales in the lake as ingestion lands them (one batch, one ledger row), plus a
 * superseded batch whose rows must not count.
 */
export async function writeLakeSalesFixture(lakeDir: string, rows: HourlySale[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    await mkdir(join(lakeDir, 'raw', 'sales', 'dt=all', 'coop_id=all'), { recursive: true });
    await mkdir(join(lakeDir, 'ledger'), { recursive: true });
    await con.run(`CREATE TABLE s (batch_id VARCHAR, source_row INTEGER, coop_id VARCHAR, branch_id VARCHAR, product_id VARCHAR,
      business_date DATE, sale_hour TIMESTAMP, quantity DECIMAL(14,3), net_amount_kwd DECIMAL(18,3), receipt_count INTEGER,
      ingested_at TIMESTAMPTZ)`);
    const a = await con.createAppender('s');
    const add = (batch: string, r: HourlySale, i: number, q: number) => {
      a.appendVarchar(batch);
      a.appendInteger(i);
      a.appendVarchar(r.site_id.slice(0, 4));
      a.appendVarchar(r.site_id);
      a.appendVarchar(r.product_id);
      a.appendVarchar(r.sale_hour.slice(0, 10));
      a.appendVarchar(r.sale_hour);
      a.appendDouble(q);
      a.appendDouble(q);
      a.appendInteger(1);
      a.appendVarchar('2025-01-01 00:00:00+00');
      a.endRow();
    };
    rows.forEach((r, i) => {
      add('b-current', r, i, r.quantity);
      // A stale copy the current batch superseded: 1000 units an hour that never happened.
      if (i % 50 === 0) add('b-old', r, i, 1000);
    });
    a.closeSync();
    const dir = join(lakeDir, 'raw', 'sales', 'dt=all', 'coop_id=all');
    await con.run(`COPY s TO ${sqlString(join(dir, 'part-fixture.parquet'))} (FORMAT parquet)`);
    await con.run(`COPY (SELECT * FROM (VALUES
        ('b-old', 'C001', 'sales', 'A', 'f1', 'x', DATE '2025-01-01', TIMESTAMPTZ '2025-01-01 00:00:00+00', 1, 1, 0, 'landed', NULL),
        ('b-current', 'C001', 'sales', 'A', 'f2', 'y', DATE '2025-01-01', TIMESTAMPTZ '2025-01-01 00:00:00+00', 1, 1, 0, 'landed', 'b-old'))
      AS t(batch_id, coop_id, feed, vendor, file_name, checksum_sha256, business_date, received_at, rows_in, rows_landed,
           rows_quarantined, status, supersedes_batch_id)) TO ${sqlString(join(lakeDir, 'ledger', 'ledger.parquet'))} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * One feed's rows in the lake as ingestion lands them: `rows` is a SELECT giving the
 * feed's columns plus `batch_id`. Batch `b-stale` is ledgered as superseded by `b-current`,
 * so its rows must not count.
 */
export async function writeLakeFeedFixture(lakeDir: string, feed: string, rows: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const dir = join(lakeDir, 'raw', feed, 'dt=all', 'coop_id=all');
    await mkdir(dir, { recursive: true });
    await mkdir(join(lakeDir, 'ledger'), { recursive: true });
    await con.run(`COPY (${rows}) TO ${sqlString(join(dir, 'part-fixture.parquet'))} (FORMAT parquet)`);
    await con.run(`COPY (SELECT * FROM (VALUES
        ('b-stale', 'C001', ${sqlString(feed)}, 'A', 'f1', 'x', DATE '2025-01-01', TIMESTAMPTZ '2025-01-01 00:00:00+00', 1, 1, 0, 'landed', NULL),
        ('b-current', 'C001', ${sqlString(feed)}, 'A', 'f2', 'y', DATE '2025-01-01', TIMESTAMPTZ '2025-01-01 00:00:00+00', 1, 1, 0, 'landed', 'b-stale'))
      AS t(batch_id, coop_id, feed, vendor, file_name, checksum_sha256, business_date, received_at, rows_in, rows_landed,
           rows_quarantined, status, supersedes_batch_id)) TO ${sqlString(join(lakeDir, 'ledger', `ledger-${feed}.parquet`))} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
