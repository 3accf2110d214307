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
  signInAs,
  waitForChart,
} from './dashboard-page';

const stack = inject('stack');
const HALF_FILS = 0.0005 + 1e-9;

interface Totals {
  all: number;
  open: number;
  stalled: number;
}

const totalsSql = (where = 'true') => `select count(*)::int as "all", count(*) filter (where not is_final)::int as open,
  count(*) filter (where is_stalled)::int as stalled from marts.fct_transactions where ${where}`;

/** Each co-op's newest quarter-end ratio in percent, as the page should show it. */
const employmentSql = `select coop_id, 100 * counted_kuwaiti_employees / nullif(counted_employees, 0) as pct
  from marts.fct_employment_quarterly qualify row_number() over (partition by coop_id order by snapshot_date desc) = 1`;

/** The banner's count once it has loaded (data-count), failing on an error shown instead. */
async function bannerCount(page: Page): Promise<number> {
  const banner = page.getByTestId('stalled-banner');
  await banner
    .or(page.locator('[data-testid="stalled-panel"] [data-state="error"]'))
    .first()
    .waitFor({ timeout: 240_000 });
  expect(await banner.count()).toBe(1);
  return Number(await banner.getAttribute('data-count'));
}

/** The stalled list: its rows, or none when the page says the list is empty. */
async function stalledIds(page: Page): Promise<string[]> {
  const panel = page.getByTestId('stalled-panel');
  const rows = panel.locator('[data-testid="stalled-table"] tbody tr').first();
  const empty = panel.locator('[data-state="empty"]');
  await rows.or(empty).first().waitFor({ timeout: 240_000 });
  if ((await empty.count()) > 0) return [];
  return [...(await readTable(page, 'stalled-table', 'stalled-panel')).keys()];
}

describe('administration & finance page in chromium', () => {
  const session = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it(
    'shows controllers the stalled requests first, then processing, Kuwaiti ratio and statements as the warehouse has them',
    async () => {
      await signInAs(page, 'controller');
      await openDashboard(page, stack.webUrl, { page: 'admin' });
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.ar.admin);

      const [truth] = await queryReadOnly<Totals>(stack.warehousePath, totalsSql());
      expect(truth!.all).toBeGreaterThan(0);
      expect(await bannerCount(page)).toBe(truth!.stalled);
      const banner = (await page.getByTestId('stalled-banner').textContent())!;
      expect(hasArabicDigits(banner)).toBe(true);
      // The banner comes before the list and every chart.
      const order = await page
        .locator('[data-testid="stalled-banner"], [data-testid="processing-panel"], [data-testid="income-panel"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(order[0]).toBe('stalled-banner');
      const stalledTruth = await queryReadOnly<{ transaction_id: string }>(
        stack.warehousePath,
        `select transaction_id from marts.fct_transactions where is_stalled`,
      );
      expect((await stalledIds(page)).sort()).toEqual(stalledTruth.map((s) => s.transaction_id).sort());

      // Processing: every request counted once over request type × holder × decided/open.
      const processing = await readTable(page, 'processing-table', 'processing-panel');
      expect([...processing.values()].reduce((n, r) => n + readShownNumber(r.count!), 0)).toBe(truth!.all);
      await waitForChart(page, 'processing-chart');

      const employment = await readTable(page, 'employment-table', 'employment-panel');
      const ratios = await queryReadOnly<{ coop_id: string; pct: number | null }>(stack.warehousePath, employmentSql);
      expect(ratios.length).toBeGreaterThan(0);
      expect([...employment.keys()].sort()).toEqual(ratios.map((r) => r.coop_id).sort());
      for (const r of ratios)
        if (r.pct !== null)
          expect(Math.abs(readShownNumber(employment.get(r.coop_id)!.ratio!) - r.pct)).toBeLessThanOrEqual(0.05 + 1e-9);
      await waitForChart(page, 'employment-chart');

      const income = await readTable(page, 'income-table', 'income-panel');
      const statements = await queryReadOnly<{ id: string; net: string; result: string }>(
        stack.warehousePath,
        `select coop_id || ':' || strftime(entry_month, '%Y-%m-%d') as id, net_sales_kwd::varchar as net, operating_result_kwd::varchar as result
       from marts.fct_income_statement_monthly`,
      );
      expect(statements.length).toBeGreaterThan(0);
      expect([...income.keys()].sort()).toEqual(statements.map((s) => s.id).sort());
      for (const s of statements) {
        const row = income.get(s.id)!;
        expect(Math.abs(readShownNumber(row.net_sales_kwd!) - Number(s.net))).toBeLessThanOrEqual(HALF_FILS);
        expect(row.net_sales_kwd).toMatch(/[٠-٩]+٫[٠-٩]{3}/);
      }
      await waitForChart(page, 'income-chart');

      // Shareholders, cameras, contractors: the semantic layer's newer views, against their marts.
      const members = await readTable(page, 'shareholders-table', 'shareholders-panel');
      const memberTruth = await queryReadOnly<{ coop_id: string; members: number; former: number }>(
        stack.warehousePath,
        `select coop_id, count(*) filter (where is_member)::int as members, count(*) filter (where not is_member)::int as former
       from marts.fct_shareholder_register group by 1`,
      );
      expect(memberTruth.length).toBeGreaterThan(0);
      expect([...members.keys()].sort()).toEqual(memberTruth.map((m) => m.coop_id).sort());
      for (const m of memberTruth) {
        expect(readShownNumber(members.get(m.coop_id)!.members!)).toBe(m.members);
        expect(readShownNumber(members.get(m.coop_id)!.formerMembers!)).toBe(m.former);
      }
      const cameras = await readTable(page, 'cameras-table', 'cameras-panel');
      const cameraTruth = await queryReadOnly<{ camera_id: string; offline: boolean }>(
        stack.warehousePath,
        `select camera_id, current_status = 'offline' as offline from marts.fct_camera_uptime`,
      );
      expect([...cameras.keys()].sort()).toEqual(cameraTruth.map((c) => c.camera_id).sort());
      expect(Number(await page.getByTestId('cameras-offline').getAttribute('data-count'))).toBe(
        cameraTruth.filter((c) => c.offline).length,
      );
      // Offline cameras head the list.
      const firstOnline = [...cameras.keys()].findIndex((id) => !cameraTruth.find((c) => c.camera_id === id)!.offline);
      const lastOffline = [...cameras.keys()].findLastIndex(
        (id) => cameraTruth.find((c) => c.camera_id === id)!.offline,
      );
      if (firstOnline >= 0 && lastOffline >= 0) expect(lastOffline).toBeLessThan(firstOnline);
      const contractors = await readTable(page, 'contractors-table', 'contractors-panel');
      const ratingTruth = await queryReadOnly<{ id: string; avg: number }>(
        stack.warehousePath,
        `select contractor_id || ':' || category as id, avg(rating) as avg from marts.fct_contractor_ratings group by 1`,
      );
      expect([...contractors.keys()].sort()).toEqual(ratingTruth.map((r) => r.id).sort());
      for (const r of ratingTruth)
        expect(Math.abs(readShownNumber(contractors.get(r.id)!.avgRating!) - r.avg)).toBeLessThanOrEqual(0.005 + 1e-9);
      await waitForChart(page, 'contractors-chart');
      await page.screenshot({ path: screenshotPath('admin-ar'), fullPage: true });
    },
    COLD_START_TIMEOUT,
  );

  it('keeps its filters in the URL: target, months and governorate survive a reload', async () => {
    await signInAs(page, 'controller');
    const [first] = await queryReadOnly<{ month: string; gov: string }>(
      stack.warehousePath,
      `select strftime(max(entry_month), '%Y-%m-%d') as month, min(c.governorate_id) as gov
       from marts.fct_income_statement_monthly i join marts.dim_coop c using (coop_id)`,
    );
    const month = first!.month;
    const to = `${month.slice(0, 8)}28`;
    await openDashboard(page, stack.webUrl, { page: 'admin', target: '20', from: month, to });
    const check = async () => {
      const income = await readTable(page, 'income-table', 'income-panel');
      expect([...income.keys()].every((id) => id.endsWith(`:${month}`))).toBe(true);
      const ratios = await queryReadOnly<{ coop_id: string; pct: number | null }>(stack.warehousePath, employmentSql);
      const below = page.getByTestId('below-target');
      await below.waitFor();
      expect(Number(await below.getAttribute('data-count'))).toBe(
        ratios.filter((r) => r.pct !== null && r.pct < 20).length,
      );
    };
    await check();
    await page.reload();
    expect(new URL(page.url()).searchParams.get('target')).toBe('20');
    await check();

    // A governorate narrows the banner and the tables to its co-ops.
    await page.getByTestId('gov-select').selectOption(first!.gov);
    await page.waitForURL((u) => u.searchParams.get('gov') === first!.gov);
    const [govTruth] = await queryReadOnly<Totals>(
      stack.warehousePath,
      totalsSql(`coop_id in (select coop_id from marts.dim_coop where governorate_id = '${first!.gov}')`),
    );
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="stalled-banner"]')?.getAttribute('data-count') === String(n),
      govTruth!.stalled,
    );
    const shownCoops = [...(await readTable(page, 'employment-table', 'employment-panel')).keys()];
    const govCoops = await queryReadOnly<{ coop_id: string }>(
      stack.warehousePath,
      `select coop_id from marts.dim_coop where governorate_id = '${first!.gov}'`,
    );
    expect(shownCoops.every((c) => govCoops.some((g) => g.coop_id === c))).toBe(true);
  });

  it('shows a co-op board only its own co-op', async () => {
    const [coop] = await queryReadOnly<{ coop_id: string }>(
      stack.warehousePath,
      `select min(coop_id) as coop_id from marts.fct_income_statement_monthly`,
    );
    const id = coop!.coop_id;
    await signInAs(page, 'coop_board', id);
    await openDashboard(page, stack.webUrl, { page: 'admin' });
    const [truth] = await queryReadOnly<Totals>(stack.warehousePath, totalsSql(`coop_id = '${id}'`));
    expect(await bannerCount(page)).toBe(truth!.stalled);
    expect([...(await readTable(page, 'employment-table', 'employment-panel')).keys()]).toEqual([id]);
    const income = await readTable(page, 'income-table', 'income-panel');
    expect(income.size).toBeGreaterThan(0);
    expect([...income.keys()].every((k) => k.startsWith(`${id}:`))).toBe(true);
    // A board has no governorate or co-op picker: its token decides.
    expect(await page.getByTestId('gov-select').count()).toBe(0);
  });

  it('reads left to right in English with Latin digits', async () => {
    await signInAs(page, 'controller');
    await openDashboard(page, stack.webUrl, { page: 'admin', lang: 'en' });
    const income = await readTable(page, 'income-table', 'income-panel');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.en.admin);
    expect([...income.values()][0]!.net_sales_kwd).toMatch(/KWD\s[\d,]+\.\d{3}/);
    await waitForChart(page, 'employment-chart');
    await page.screenshot({ path: screenshotPath('admin-en'), fullPage: true });
  });
});
