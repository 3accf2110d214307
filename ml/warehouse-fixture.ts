import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';

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
 * `hourly` fills fct_sales_hourly (the surge panels' hours); the feeds' marts are added
 * with writeMartFixture.
 */
export async function writeWarehouseFixture(
  path: string,
  sales: SalesRow[],
  stock: StockRow[] = [],
  hourly: HourlySale[] = [],
): Promise<void> {
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
      CREATE TABLE marts.fct_sales_hourly (sales_hourly_key VARCHAR, business_date DATE, sale_hour TIMESTAMP,
        coop_id VARCHAR, site_id VARCHAR, product_id VARCHAR, quantity DECIMAL(14,3), net_amount_kwd DECIMAL(18,3));
      CREATE TABLE marts.fct_stock_daily (stock_daily_key VARCHAR, stock_date DATE, coop_id VARCHAR, site_id VARCHAR,
        product_id VARCHAR, closing_qty DECIMAL(14,3), avg_daily_demand_28d DOUBLE, days_of_cover DOUBLE, is_latest BOOLEAN);`);
    await appendRows(con, 'fct_sales_daily', sales, (a, r) => {
      a.appendVarchar(`${r.site_id}|${r.product_id}|${r.business_date}`);
      a.appendVarchar(r.business_date);
      a.appendVarchar(r.site_id.slice(0, 4));
      a.appendVarchar(r.site_id);
      a.appendVarchar(r.product_id);
      a.appendDouble(r.quantity);
      a.appendDouble(r.quantity * 2);
      a.appendInteger(Math.ceil(r.quantity / 2));
    });
    await appendRows(con, 'fct_sales_hourly', hourly, (a, r) => {
      a.appendVarchar(`${r.site_id}|${r.product_id}|${r.sale_hour}`);
      a.appendVarchar(r.sale_hour.slice(0, 10));
      a.appendVarchar(r.sale_hour);
      a.appendVarchar(r.site_id.slice(0, 4));
      a.appendVarchar(r.site_id);
      a.appendVarchar(r.product_id);
      a.appendDouble(r.quantity);
      a.appendDouble(r.quantity);
    });
    await appendRows(con, 'fct_stock_daily', stock, (a, r) => {
      a.appendVarchar(`${r.site_id}|${r.product_id}|${r.stock_date}`);
      a.appendVarchar(r.stock_date);
      a.appendVarchar(r.site_id.slice(0, 4));
      a.appendVarchar(r.site_id);
      a.appendVarchar(r.product_id);
      a.appendDouble(r.closing_qty);
      a.appendNull();
      a.appendNull();
      a.appendBoolean(false);
    });
    await con.run('CHECKPOINT');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

async function appendRows<T>(
  con: DuckDBConnection,
  table: string,
  rows: readonly T[],
  append: (a: DuckDBAppender, row: T) => void,
): Promise<void> {
  const a = await con.createAppender(table, 'marts');
  for (const r of rows) {
    append(a, r);
    a.endRow();
  }
  a.closeSync();
}

/**
 * One feed's mart in the fixture warehouse, as dbt publishes it (current batches only):
 * `rows` is a SELECT giving the mart's columns that ml reads.
 */
export async function writeMartFixture(warehousePath: string, mart: string, rows: string): Promise<void> {
  const instance = await DuckDBInstance.create(warehousePath);
  const con = await instance.connect();
  try {
    await con.run(`CREATE OR REPLACE TABLE marts.${mart} AS ${rows}`);
    await con.run('CHECKPOINT');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
