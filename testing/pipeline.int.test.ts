import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { queryReadOnly } from './warehouse-reader';
import { signToken } from './tokens';
import './stack-context';

const stack = inject('stack');
const lake = (glob: string): string => `'${join(stack.lakeDir, glob)}'`;

describe('the fixture pipeline, end to end', () => {
  it('accounts for every ingested row: in = landed + quarantined, per batch and in the lake', async () => {
    const [totals] = await queryReadOnly<{
      batches: number;
      bad: number;
      rows_in: string;
      landed: string;
      quarantined: string;
    }>(
      null,
      `select count(*)::int as batches,
              count(*) filter (where rows_in <> rows_landed + rows_quarantined)::int as bad,
              sum(rows_in)::varchar as rows_in, sum(rows_landed)::varchar as landed,
              sum(rows_quarantined)::varchar as quarantined
       from read_parquet(${lake('ledger/*.parquet')})`,
    );
    expect(totals?.batches).toBeGreaterThan(0);
    expect(totals?.bad).toBe(0);
    expect(BigInt(totals!.rows_in)).toBe(BigInt(totals!.landed) + BigInt(totals!.quarantined));
    const [landed] = await queryReadOnly<{ rows: string }>(
      null,
      `select (select count(*) from read_parquet(${lake('raw/sales/*/*/*.parquet')}))
            + (select count(*) from read_parquet(${lake('raw/stock/*/*/*.parquet')})) as rows`,
    );
    const [ledgerLanded] = await queryReadOnly<{ rows: string }>(
      null,
      `select sum(rows_landed)::varchar as rows from read_parquet(${lake('ledger/*.parquet')}) where feed in ('sales', 'stock')`,
    );
    expect(String(landed?.rows)).toBe(ledgerLanded?.rows);
  });

  it('ran dbt build twice (warehouse, then model outputs) with every model and test passing', () => {
    expect(stack.builds).toHaveLength(2);
    const [full, outputs] = stack.builds;
    for (const build of stack.builds) {
      expect(build.published).toBe(true);
      expect(build.failed).toEqual([]);
      // Exposures (the Cube views, dashboards and models that read the marts) are documented, not run: dbt reports them as no-op.
      const ran = build.results.filter((result) => !result.unique_id.startsWith('exposure.'));
      expect(ran.filter((result) => !['success', 'pass'].includes(result.status))).toEqual([]);
      expect(build.tests).toBeGreaterThan(0);
    }
    const built = (build: typeof full) => build!.results.map((result) => result.unique_id.split('.').at(-1));
    expect(built(full)).toEqual(
      expect.arrayContaining(['dim_date', 'dim_coop', 'dim_product', 'fct_sales_daily', 'fct_stock_daily']),
    );
    expect(built(outputs)).toContain('fct_demand_forecast');
  });

  it('publishes the marts with daily sales equal to the landed sales', async () => {
    const [warehouse] = await queryReadOnly<{ quantity: string; products: number; coops: number; forecasts: number }>(
      stack.warehousePath,
      `select (select sum(quantity)::decimal(18,3)::varchar from marts.fct_sales_daily) as quantity,
              (select count(*)::int from marts.dim_product) as products,
              (select count(*)::int from marts.dim_coop) as coops,
              (select count(*)::int from marts.fct_demand_forecast) as forecasts`,
    );
    const [raw] = await queryReadOnly<{ quantity: string }>(
      null,
      `with ledger as (select * from read_parquet(${lake('ledger/*.parquet')})),
            live as (select batch_id from ledger
                     where status = 'landed'
                       and batch_id not in (select supersedes_batch_id from ledger where supersedes_batch_id is not null))
       select sum(quantity)::decimal(18,3)::varchar as quantity
       from read_parquet(${lake('raw/sales/*/*/*.parquet')}) where batch_id in (select batch_id from live)`,
    );
    expect(warehouse?.quantity).toBe(raw?.quantity);
    expect(warehouse?.products).toBeGreaterThan(0);
    expect(warehouse?.coops).toBeGreaterThan(0);
    expect(warehouse?.forecasts).toBeGreaterThan(0);
  });

  it('lands forecasts whose intervals contain the point forecast', async () => {
    const [check] = await queryReadOnly<{ rows: number; outside: number }>(
      stack.warehousePath,
      `select count(*)::int as rows,
              count(*) filter (where not (yhat_lower <= yhat and yhat <= yhat_upper))::int as outside
       from marts.fct_demand_forecast`,
    );
    expect(check?.rows).toBeGreaterThan(0);
    expect(check?.outside).toBe(0);
  });
});

describe('the served stack', () => {
  it('answers /readyz', async () => {
    const response = await fetch(`${stack.cubeUrl}/readyz`);
    expect(response.status).toBe(200);
  });

  it('answers the crisis room question through Cube exactly as the marts do', async () => {
    const token = await signToken(stack.apiSecret, { role: 'leadership' });
    // crisis_now holds each site's latest count of each essential only: no filters needed.
    const query = { measures: ['crisis_now.stock_on_hand'], dimensions: ['crisis_now.governorate_id'] };
    const response = await fetch(`${stack.cubeApiUrl}/load?query=${encodeURIComponent(JSON.stringify(query))}`, {
      headers: { Authorization: token },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, string | number>[] };
    const viaCube = Object.fromEntries(
      body.data.map((row) => [row['crisis_now.governorate_id'], Number(row['crisis_now.stock_on_hand'])]),
    );
    const direct = await queryReadOnly<{ governorate_id: string; stock: number }>(
      stack.warehousePath,
      `select s.governorate_id, sum(f.closing_qty)::double as stock
       from marts.fct_stock_daily f
       join marts.dim_site s using (site_id)
       join marts.dim_product p using (product_id)
       where f.is_latest and p.is_essential
       group by 1`,
    );
    expect(direct.length).toBeGreaterThan(0);
    expect(viaCube).toEqual(Object.fromEntries(direct.map((row) => [row.governorate_id, row.stock])));
  });

  it('serves the dashboards and issues demo tokens on the web server', async () => {
    const page = await fetch(stack.webUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');
    const tokenResponse = await fetch(`${stack.webUrl}/api/token?role=planner`);
    expect(tokenResponse.status).toBe(200);
    const issued = (await tokenResponse.json()) as { token: string; role: string };
    expect(issued.role).toBe('planner');
    const meta = await fetch(`${stack.cubeApiUrl}/meta`, { headers: { Authorization: issued.token } });
    expect(meta.status).toBe(200);
  });
});
