import { DuckDBInstance } from '@duckdb/node-api';

export interface SalesRow {
  site_id: string;
  product_id: string;
  business_date: string;
  quantity: number;
}

/**
 * A small published warehouse for tests: the contract's marts that ml reads, with the
 * given sales. Sites and products are fixed: two branches and a warehouse of C001 (Jahra)
 * and a branch of C002 (Hawalli); rice and water essential, chocolate not.
 */
export async function writeWarehouseFixture(path: string, sales: SalesRow[]): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const con = await instance.connect();
  try {
    await con.run(`CREATE SCHEMA marts;
      CREATE TABLE marts.dim_site AS SELECT * FROM (VALUES
        ('C001-M', 'C001', 'main_market', 'Main', 'الرئيسي', 'A-JA-01', 'KW-JA'),
        ('C001-B01', 'C001', 'branch', 'Branch 1', 'فرع 1', 'A-JA-01', 'KW-JA'),
        ('C001-W', 'C001', 'warehouse', 'Warehouse', 'المستودع', 'A-JA-01', 'KW-JA'),
        ('C002-M', 'C002', 'main_market', 'Main', 'الرئيسي', 'A-HA-01', 'KW-HA'))
        AS t(site_id, coop_id, site_type, site_name_en, site_name_ar, area_id, governorate_id);
      CREATE TABLE marts.dim_product AS SELECT * FROM (VALUES
        ('6281000000011', 'Rice 5kg', 'رز', 'rice', 'Rice', 'أرز', true, 'kg', 5.0, 2.5),
        ('6281000000028', 'Water 12x', 'ماء', 'water', 'Water', 'ماء', true, 'pcs', 12.0, 1.2),
        ('6281000000035', 'Chocolate', 'شوكولاتة', 'sweets', 'Sweets', 'حلويات', false, 'pcs', 1.0, 0.5))
        AS t(product_id, product_name_en, product_name_ar, category_id, category_name_en, category_name_ar,
             is_essential, unit, pack_size, unit_price_kwd);
      CREATE TABLE marts.fct_sales_daily (sales_daily_key VARCHAR, business_date DATE, coop_id VARCHAR, site_id VARCHAR,
        product_id VARCHAR, quantity DECIMAL(14,3), net_amount_kwd DECIMAL(18,3), receipt_count INTEGER);`);
    const appender = await con.createAppender('fct_sales_daily', 'marts');
    for (const r of sales) {
      appender.appendVarchar(`${r.site_id}|${r.product_id}|${r.business_date}`);
      appender.appendVarchar(r.business_date);
      appender.appendVarchar(r.site_id.slice(0, 4));
      appender.appendVarchar(r.site_id);
      appender.appendVarchar(r.product_id);
      appender.appendDouble(r.quantity);
      appender.appendDouble(r.quantity * 2);
      appender.appendInteger(Math.ceil(r.quantity / 2));
      appender.endRow();
    }
    appender.closeSync();
    await con.run(`CHECKPOINT`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
