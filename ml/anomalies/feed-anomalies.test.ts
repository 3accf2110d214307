import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDuck } from '../duck';
import { attachWarehouse } from '../warehouse';
import { writeMartFixture, writeWarehouseFixture } from '../warehouse-fixture';
import { findAnomalies } from './run-anomalies';

const RICE = '6281000000011';
const CHOCOLATE = '6281000000035';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rabt-lake-anomalies-'));
  // Rice sells every day at every selling site; chocolate never does.
  const sales = ['C001-M', 'C001-B01', 'C002-M', 'C003-M'].flatMap((site_id) =>
    Array.from({ length: 60 }, (_, d) => ({
      site_id,
      product_id: RICE,
      business_date: new Date(Date.UTC(2025, 4, 1 + d)).toISOString().slice(0, 10),
      quantity: 5,
    })),
  );
  // C002-M also sells 25 other products, varying by day, until its export sticks: the last
  // four days repeat 2025-06-25's figures row for row.
  const stuck = Array.from({ length: 25 }, (_, p) =>
    Array.from({ length: 60 }, (_, d) => ({
      site_id: 'C002-M',
      product_id: `P${p}`,
      business_date: new Date(Date.UTC(2025, 4, 1 + d)).toISOString().slice(0, 10),
      quantity: 1 + ((Math.min(d, 55) * 7 + p * 3) % 11),
    })),
  ).flat();
  const warehouse = join(dir, 'wh.duckdb');
  await writeWarehouseFixture(warehouse, [...sales, ...stuck]);
  // Three monthly counts at four sites: C001-B01 loses rice every month.
  await writeMartFixture(
    warehouse,
    'fct_stocktake_variance',
    `SELECT s AS coop_id, site AS site_id, '${RICE}' AS product_id, CAST(d AS DATE) AS count_date, 40 AS book_qty,
            40 - CASE WHEN site = 'C001-B01' THEN 8 ELSE 0 END AS counted_qty
     FROM (VALUES ('C001', 'C001-M'), ('C001', 'C001-B01'), ('C002', 'C002-M'), ('C003', 'C003-M')) AS t(s, site),
          (VALUES ('2025-04-24'), ('2025-05-29'), ('2025-06-26')) AS u(d)`,
  );
  // Chocolate delivered to C003 and never sold; rice delivered to C001 (sold).
  await writeMartFixture(
    warehouse,
    'fct_deliveries',
    `SELECT * FROM (VALUES
       ('C003', 'DN-1', 'C003-W', 'S01', '${CHOCOLATE}', DATE '2025-06-05', 120, 0.400, 'INV-1'),
       ('C001', 'DN-2', 'C001-W', 'S02', '${RICE}', DATE '2025-06-10', 60, 1.900, 'INV-2'))
     AS t(coop_id, delivery_id, site_id, supplier_id, product_id, delivery_date, quantity, unit_cost_kwd, invoice_no)`,
  );
  // One person paid food aid by two charities a week apart.
  await writeMartFixture(
    warehouse,
    'fct_aid_disbursements',
    `SELECT * FROM (VALUES
       ('CH1', 'P-1', 'K-1', '289010112345', 'food', DATE '2025-06-01', 75.000),
       ('CH2', 'P-2', 'K-9', '289010112345', 'food', DATE '2025-06-08', 75.000))
     AS t(coop_id, payment_id, case_id, civil_id, aid_type, payment_date, amount_kwd)`,
  );
  // The finance ledger: C002 books supplier S03's invoice INV-9 twice; cashier E-9 at
  // C001-B01 refunds 19 KWD a day where five others refund a few KWD now and then.
  await writeMartFixture(
    warehouse,
    'fct_gl_lines',
    `SELECT batch_id, coop_id, entry_id, CAST(entry_date AS DATE) AS entry_date, account_code, cost_center,
            CAST(debit_kwd AS DECIMAL(18,3)) AS debit_kwd, CAST(credit_kwd AS DECIMAL(18,3)) AS credit_kwd, document_no, counterparty, description
     FROM (VALUES
       ('b-1', 'C002', 'JE-1', '2025-06-02', '2110', 'C002-M', 0, 500, 'INV-9', 'S03', 'supplier_invoice'),
       ('b-1', 'C002', 'JE-2', '2025-06-12', '2110', 'C002-M', 0, 500, 'INV-9', 'S03', 'supplier_invoice'),
       ('b-1', 'C002', 'JE-3', '2025-06-02', '2110', 'C002-M', 0, 200, 'INV-8', 'S03', 'supplier_invoice'))
       AS t(batch_id, coop_id, entry_id, entry_date, account_code, cost_center, debit_kwd, credit_kwd, document_no, counterparty, description)
     UNION ALL
     SELECT 'b-1', 'C001', 'RF-' || e || '-' || d, DATE '2025-06-01' + CAST(d AS INTEGER), '4120', 'C001-B01',
            CAST(CASE WHEN e = 9 THEN 19 ELSE 1 + (d + e) % 5 END AS DECIMAL(18,3)), CAST(0 AS DECIMAL(18,3)), 'RF', 'E-' || e, 'till_refund'
     FROM range(1, 10) AS u(e), range(0, 20) AS v(d)
     WHERE e = 9 OR d % 3 = 0`,
  );
  // The same world with none of the feeds' marts: a warehouse published before they existed.
  await writeWarehouseFixture(join(dir, 'wh-sales-only.duckdb'), [...sales, ...stuck]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('anomalies over the feeds’ marts', () => {
  it('finds the planted shrinkage, unsold delivery, duplicate aid, invoice booked twice and refund run', async () => {
    const found = await withDuck(async (con) => {
      await attachWarehouse(con, join(dir, 'wh.duckdb'));
      return findAnomalies(con, '2025-06-30', 35);
    });
    const cases = found
      .filter(
        (a) => a.kind !== 'sales_feed_stopped' && a.kind !== 'missing_stock_feed' && a.kind !== 'stock_feed_stopped',
      )
      .map((a) => [a.kind, a.coopId, a.siteId, a.productId]);
    expect(cases.sort()).toEqual([
      ['delivery_without_sales', 'C003', 'C003-W', CHOCOLATE],
      ['duplicate_aid', 'CH2', null, null],
      ['duplicate_invoice', 'C002', 'C002-M', null],
      ['sales_feed_flatline', 'C002', null, null],
      ['stocktake_shrinkage', 'C001', 'C001-B01', RICE],
      ['suspicious_refunds', 'C001', 'C001-B01', null],
    ]);
    expect(found.find((a) => a.kind === 'duplicate_invoice')).toMatchObject({
      startDate: '2025-06-02',
      endDate: '2025-06-12',
      valueAtStakeKwd: 500,
    });
    expect(found.find((a) => a.kind === 'suspicious_refunds')?.detail).toContain(
      'cashier E-9: 20 refunds, 380.000 KWD',
    );
    expect(found.find((a) => a.kind === 'sales_feed_flatline')).toMatchObject({
      startDate: '2025-06-26',
      endDate: '2025-06-29',
    });
    const shrink = found.find((a) => a.kind === 'stocktake_shrinkage');
    // 8 units × 3 counts at 2.5 KWD
    expect(shrink?.valueAtStakeKwd).toBeCloseTo(60, 9);
  });

  it('finds none of those kinds in a warehouse without the feeds’ marts', async () => {
    const found = await withDuck(async (con) => {
      await attachWarehouse(con, join(dir, 'wh-sales-only.duckdb'));
      return findAnomalies(con, '2025-06-30', 35);
    });
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.filter((a) =>
        [
          'stocktake_shrinkage',
          'delivery_without_sales',
          'duplicate_aid',
          'duplicate_invoice',
          'suspicious_refunds',
        ].includes(a.kind),
      ),
    ).toEqual([]);
  });
});
