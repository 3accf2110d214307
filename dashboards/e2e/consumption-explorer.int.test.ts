import { beforeEach, describe, expect, inject, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages';
import { queryReadOnly } from '../../testing/warehouse-reader';
import '../../testing/stack-context';
import { screenshotPath, useBrowserPage, type Page } from './browser';
import {
  COLD_START_TIMEOUT,
  hasArabicDigits,
  openDashboard,
  readShownNumber,
  readTable,
  waitForChart,
} from './dashboard-page';

const stack = inject('stack');

// Shown with 3 decimals, so the page and the warehouse agree to half a fils.
const HALF_FILS = 0.0005 + 1e-9;

describe('consumption explorer in chromium', () => {
  const session = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it(
    'shows monthly sales by governorate in dinars equal to the warehouse, right to left',
    async () => {
      await openDashboard(page, stack.webUrl, { page: 'consumption', by: 'governorate', grain: 'month' });
      await waitForChart(page, 'trend-chart');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.ar.consumption);
      await page.getByTestId('trend-details').locator('summary').click();
      const table = await readTable(page, 'trend-table');
      const truth = await queryReadOnly<{ month: string; governorate_id: string; amount: string }>(
        stack.warehousePath,
        `select strftime(date_trunc('month', f.business_date), '%Y-%m-%d') as month, c.governorate_id,
              sum(f.net_amount_kwd)::decimal(18,3)::varchar as amount
       from marts.fct_sales_daily f join marts.dim_coop c using (coop_id)
       group by 1, 2`,
      );
      expect(truth.length).toBeGreaterThan(0);
      expect([...table.keys()].sort()).toEqual([...new Set(truth.map((t) => t.month))].sort());
      for (const t of truth) {
        const cell = table.get(t.month)?.[t.governorate_id];
        expect(cell, `${t.month} ${t.governorate_id}`).toBeDefined();
        expect(Math.abs(readShownNumber(cell!) - Number(t.amount))).toBeLessThanOrEqual(HALF_FILS);
        // Dinars with three decimals, in Arabic-Indic digits.
        expect(cell).toMatch(/٫[٠-٩]{3}/);
        expect(hasArabicDigits(cell!)).toBe(true);
      }
    },
    COLD_START_TIMEOUT,
  );

  it('compares Ramadan, Eid and weekends with an ordinary working day, as the warehouse does', async () => {
    await openDashboard(page, stack.webUrl, { page: 'consumption', metric: 'quantity' });
    const kinds = await readTable(page, 'daykind-table');
    await waitForChart(page, 'weekday-chart');
    await waitForChart(page, 'daykind-chart');
    await waitForChart(page, 'day-of-month-chart');
    const truth = await queryReadOnly<{ kind: string; avg: number; days: number }>(
      stack.warehousePath,
      `with daily as (
         select business_date, sum(quantity)::double as q from marts.fct_sales_daily group by 1
       ), kinds as (
         select q, case when d.is_eid then 'eid' when d.is_ramadan then 'ramadan' when d.is_public_holiday then 'holiday'
                        when d.is_weekend then 'weekend' else 'working' end as kind
         from daily join marts.dim_date d on d.date_day = daily.business_date
       )
       select kind, avg(q) as avg, count(*)::int as days from kinds group by 1`,
    );
    expect([...kinds.keys()].sort()).toEqual(truth.map((t) => t.kind).sort());
    // The fixture spans Ramadan and both Eids, so the comparison is a real one.
    expect(truth.map((t) => t.kind)).toEqual(expect.arrayContaining(['working', 'weekend', 'ramadan', 'eid']));
    for (const t of truth) {
      const row = kinds.get(t.kind)!;
      expect(Math.abs(readShownNumber(row.avg!) - t.avg)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(readShownNumber(row.days!)).toBe(t.days);
    }
    await page.screenshot({ path: screenshotPath('consumption-explorer-ar'), fullPage: true });
  });

  it('profiles sales by Kuwait hour for working days, weekends and Ramadan, as the warehouse does', async () => {
    await openDashboard(page, stack.webUrl, { page: 'consumption', metric: 'quantity' });
    await waitForChart(page, 'hourly-chart');
    await page.getByTestId('hourly-details').locator('summary').click();
    const table = await readTable(page, 'hourly-table', 'hourly-panel');
    const truth = await queryReadOnly<{ kind: 'working' | 'weekend' | 'ramadan'; hour: number; share: number }>(
      stack.warehousePath,
      `with k as (
         select f.hour_of_day as hour, f.quantity,
                case when d.is_ramadan then 'ramadan' when d.is_weekend then 'weekend' else 'working' end as kind
         from marts.fct_sales_hourly f join marts.dim_date d on d.date_day = f.business_date
       )
       select kind, hour::int as hour, (sum(quantity) / sum(sum(quantity)) over (partition by kind))::double as share
       from k group by 1, 2`,
    );
    // The fixture spans Ramadan, so all three profiles are drawn.
    expect(new Set(truth.map((t) => t.kind))).toEqual(new Set(['working', 'weekend', 'ramadan']));
    expect(table.size).toBe(24);
    for (const t of truth) {
      const cell = table.get(String(t.hour))?.[t.kind];
      expect(cell, `${t.kind} ${t.hour}`).toBeDefined();
      // One decimal of a percent on screen.
      expect(Math.abs(readShownNumber(cell!) / 100 - t.share)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(hasArabicDigits(cell!)).toBe(true);
    }
  });

  it('draws a forecast with its interval for a product that has one', async () => {
    await openDashboard(page, stack.webUrl, { page: 'consumption' });
    await waitForChart(page, 'forecast-chart');
    const product = await page.getByTestId('product-select').inputValue();
    const [forecast] = await queryReadOnly<{ n: number; outside: number }>(
      stack.warehousePath,
      `select count(*)::int as n, count(*) filter (where not (yhat_lower <= yhat and yhat <= yhat_upper))::int as outside
       from marts.fct_demand_forecast where product_id = '${product.replace(/\D/g, '')}'`,
    );
    expect(forecast?.n).toBeGreaterThan(0);
    expect(forecast?.outside).toBe(0);
    expect(await page.getByTestId('forecast-panel').locator('[data-state]').count()).toBe(0);
  });

  it('keeps its filters in the URL across a reload, and switches to English', async () => {
    await openDashboard(page, stack.webUrl, { page: 'consumption' });
    await waitForChart(page, 'trend-chart');
    await page.getByTestId('grain-select').selectOption('day');
    await page.getByTestId('by-select').selectOption('category');
    await expect.poll(() => new URL(page.url()).searchParams.get('grain')).toBe('day');
    expect(new URL(page.url()).searchParams.get('by')).toBe('category');
    await page.reload();
    await waitForChart(page, 'trend-chart');
    expect(await page.getByTestId('grain-select').inputValue()).toBe('day');
    expect(await page.getByTestId('by-select').inputValue()).toBe('category');
    await page.getByTestId('lang-switch').click();
    await page.locator('html[dir="ltr"]').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.en.consumption);
    expect(new URL(page.url()).searchParams.get('grain')).toBe('day');
    await waitForChart(page, 'trend-chart');
    await waitForChart(page, 'forecast-chart');
    await page.screenshot({ path: screenshotPath('consumption-explorer-en'), fullPage: true });
  });
});
