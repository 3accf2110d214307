import { beforeEach, describe, expect, inject, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages';
import { queryReadOnly } from '../../testing/warehouse-reader';
import '../../testing/stack-context';
import { screenshotPath, useBrowserPage, type Page } from './browser';
import {
  COLD_START_TIMEOUT,
  hasArabicDigits,
  hasLatinDigits,
  openDashboard,
  readShownNumber,
  readTable,
  signInAs,
  waitForChart,
} from './dashboard-page';

const stack = inject('stack');

interface CoverTruth {
  id: string;
  name_ar: string;
  name_en: string;
  stock: number;
  demand: number;
  /** Of the unit's counts (site × product), how many are stale: its stock feed stopped. */
  stale: number;
}

/**
 * Stock cover of essentials now, straight from the marts (each site's latest count in
 * fct_stock_daily), grouped like the crisis_now view; staleness from fct_essentials_stock_now.
 */
async function coverFromWarehouse(level: 'governorate' | 'coop' | 'site', where = 'true'): Promise<CoverTruth[]> {
  const key = { governorate: 'g.governorate_id', coop: 'c.coop_id', site: 's.site_id' }[level];
  const names = {
    governorate: 'g.governorate_name_ar, g.governorate_name_en',
    coop: 'c.coop_name_ar, c.coop_name_en',
    site: 's.site_name_ar, s.site_name_en',
  }[level];
  return queryReadOnly<CoverTruth>(
    stack.warehousePath,
    `select ${key} as id, any_value(${names.split(', ')[0]}) as name_ar, any_value(${names.split(', ')[1]}) as name_en,
            sum(f.closing_qty)::double as stock, sum(f.avg_daily_demand_28d)::double as demand,
            count(*) filter (where n.is_stale)::int as stale
     from marts.fct_stock_daily f
     join marts.fct_essentials_stock_now n on n.site_id = f.site_id and n.product_id = f.product_id
     join marts.dim_product p on p.product_id = f.product_id
     join marts.dim_coop c on c.coop_id = f.coop_id
     join marts.dim_governorate g on g.governorate_id = c.governorate_id
     join marts.dim_site s on s.site_id = f.site_id
     where f.is_latest and p.is_essential and ${where}
     group by 1`,
  );
}

/** The table on the page says what the warehouse says: every unit, its name, cover and stock. */
function expectTableMatches(table: Map<string, Record<string, string>>, truth: CoverTruth[], lang: 'ar' | 'en') {
  expect(truth.length).toBeGreaterThan(0);
  expect([...table.keys()].sort()).toEqual(truth.map((t) => t.id).sort());
  for (const t of truth) {
    const row = table.get(t.id)!;
    expect(row.name).toBe(lang === 'ar' ? t.name_ar : t.name_en);
    const days = t.demand > 0 ? t.stock / t.demand : null;
    if (days === null) expect(row.days).toBe('—');
    // One decimal on screen: the shown value is the warehouse's, rounded.
    else expect(Math.abs(readShownNumber(row.days!) - days)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(readShownNumber(row.stock!) - t.stock)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(lang === 'ar' ? hasArabicDigits(row.stock!) : hasLatinDigits(row.stock!)).toBe(true);
    // A unit with stale counts says so, and how many; the others read as current.
    if (t.stale === 0) expect(row.stale).toBe(MESSAGES[lang].countCurrent);
    else {
      expect(row.stale).toContain(MESSAGES[lang].staleBadge);
      expect(readShownNumber(row.stale!)).toBe(t.stale);
    }
  }
}

interface StoppedCoop {
  coop_id: string;
  governorate_id: string;
  counts: number;
  last_day: string;
}

/** Co-ops every one of whose counts is stale: their stock feed stopped before the newest day. */
async function stoppedCoopsFromWarehouse(): Promise<StoppedCoop[]> {
  return queryReadOnly<StoppedCoop>(
    stack.warehousePath,
    `select coop_id, any_value(governorate_id) as governorate_id, count(*)::int as counts,
            max(stock_date)::varchar as last_day
     from marts.fct_essentials_stock_now group by 1 having bool_and(is_stale) order by 1`,
  );
}

interface AlertTruth {
  alert_id: string;
  governorate_id: string;
  governorate_name_ar: string;
  category_name_ar: string;
  is_open: boolean;
  severity: 'watch' | 'warning' | 'critical';
  peak_severity: 'watch' | 'warning' | 'critical';
  since: string;
  ratio: number | null;
  hours: number | null;
  product_names_ar: string[];
}

/**
 * The surge alerts straight from the mart, most severe first as the panel promises: open first,
 * then severity, then furthest above the expected level, then soonest out of stock.
 */
async function alertsFromWarehouse(where = 'true'): Promise<AlertTruth[]> {
  return queryReadOnly<AlertTruth>(
    stack.warehousePath,
    `select a.alert_id, a.governorate_id, g.governorate_name_ar, c.category_name_ar, a.is_open, a.severity, a.peak_severity,
            strftime(a.since_at, '%Y-%m-%dT%H:%M:%S') || '+03:00' as since, a.ratio::double as ratio, a.hours_to_stockout::double as hours,
            coalesce((select list(p.product_name_ar order by p.product_id) from marts.dim_product p
                      where list_contains(string_split(a.top_product_ids, ','), p.product_id)), []) as product_names_ar
     from marts.fct_surge_alerts a
     join marts.dim_governorate g using (governorate_id)
     join marts.dim_category c using (category_id)
     where ${where}
     order by a.is_open desc, case a.severity when 'critical' then 3 when 'warning' then 2 when 'watch' then 1 else 0 end desc,
              a.ratio desc nulls last, a.hours_to_stockout asc nulls last, a.alert_id`,
  );
}

/** Each alert row's "since" as the page's <time datetime> says it, by alert id. */
async function shownSince(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .locator('[data-testid="alerts-table"] tbody tr')
    .evaluateAll((trs) =>
      trs.map(
        (tr) =>
          [
            (tr as HTMLElement).dataset.rowId ?? '',
            tr.querySelector('td[data-col="since"] time')?.getAttribute('datetime') ?? '',
          ] as const,
      ),
    );
  return new Map(pairs);
}

/** The alerts table says what the mart says, row for row and in the mart's order of severity. */
async function expectAlertsMatch(
  page: Page,
  table: Map<string, Record<string, string>>,
  truth: AlertTruth[],
  withStatus: boolean,
) {
  const ar = MESSAGES.ar;
  expect([...table.keys()]).toEqual(truth.map((a) => a.alert_id));
  const since = await shownSince(page);
  for (const a of truth) {
    const row = table.get(a.alert_id)!;
    expect(row.severity).toContain(ar[`severity_${a.severity}`]);
    if (a.peak_severity !== a.severity) expect(row.severity).toContain(ar[`severity_${a.peak_severity}`]);
    expect(row.governorate).toBe(a.governorate_name_ar);
    expect(row.category).toBe(a.category_name_ar);
    for (const name of a.product_names_ar) expect(row.products).toContain(name);
    if (a.ratio === null) expect(row.ratio).toBe('—');
    else {
      expect(Math.abs(readShownNumber(row.ratio!) - a.ratio)).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(hasArabicDigits(row.ratio!)).toBe(true);
    }
    if (a.hours === null) expect(row.hours).toBe('—');
    else expect(Math.abs(readShownNumber(row.hours!) - a.hours)).toBeLessThanOrEqual(0.5 + 1e-9);
    // Kuwait wall clock in the mart, the same instant on the page.
    expect(since.get(a.alert_id)).toBe(a.since);
    if (withStatus) expect(row.status).toBe(a.is_open ? ar.alertStatus_open : ar.alertStatus_closed);
  }
}

describe('crisis room in chromium', () => {
  const session = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it(
    'opens in Arabic, right to left, with stock cover by governorate equal to the warehouse',
    async () => {
      await openDashboard(page, stack.webUrl);
      const table = await readTable(page, 'cover-table');
      await waitForChart(page, 'cover-chart');
      await waitForChart(page, 'governorate-map-chart');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.ar.crisisRoom);
      expect(await page.locator('[data-testid="cover-panel"]').getAttribute('data-level')).toBe('governorate');
      expectTableMatches(table, await coverFromWarehouse('governorate'), 'ar');
      // The freshness line names the newest stock day the warehouse holds.
      const [latest] = await queryReadOnly<{ day: string }>(
        stack.warehousePath,
        `select max(stock_date)::varchar as day from marts.fct_stock_daily where is_latest`,
      );
      await expect(page.locator('[data-testid="freshness"]').getAttribute('data-day')).resolves.toBe(latest?.day);
      // The table of essential products is drawn too, with the sparklines' chart cells.
      const essentials = await readTable(page, 'essentials-table');
      const [products] = await queryReadOnly<{ n: number }>(
        stack.warehousePath,
        `select count(distinct f.product_id)::int as n from marts.fct_stock_daily f join marts.dim_product p using (product_id)
       where f.is_latest and p.is_essential`,
      );
      expect(essentials.size).toBe(products?.n);
      await page.screenshot({ path: screenshotPath('crisis-room-ar') });
    },
    COLD_START_TIMEOUT,
  );

  it('switches to English, left to right, and keeps the page', async () => {
    await openDashboard(page, stack.webUrl);
    await readTable(page, 'cover-table');
    await page.getByTestId('lang-switch').click();
    await page.locator('html[dir="ltr"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.en.crisisRoom);
    await page.getByRole('columnheader', { name: MESSAGES.en.daysOfCover }).first().waitFor();
    await page
      .locator('[data-testid="cover-table"] tbody tr td[data-col="name"]', { hasText: /[A-Za-z]/ })
      .first()
      .waitFor();
    expectTableMatches(await readTable(page, 'cover-table'), await coverFromWarehouse('governorate'), 'en');
    await waitForChart(page, 'cover-chart');
    await waitForChart(page, 'governorate-map-chart');
    await page.screenshot({ path: screenshotPath('crisis-room-en') });
  });

  it('drills from a governorate to its co-ops and from a co-op to its branches, and back', async () => {
    await openDashboard(page, stack.webUrl);
    const governorates = await readTable(page, 'cover-table');
    // The governorate with the most co-ops makes the most telling drill.
    const [busiest] = await queryReadOnly<{ governorate_id: string }>(
      stack.warehousePath,
      `select governorate_id from marts.dim_coop group by 1 order by count(*) desc, 1 limit 1`,
    );
    const gov = busiest!.governorate_id;
    expect(governorates.has(gov)).toBe(true);
    await page.locator(`[data-testid="cover-table"] tr[data-row-id="${gov}"]`).click();
    await page.locator('[data-testid="cover-panel"][data-level="coop"]').waitFor();
    expect(new URL(page.url()).searchParams.get('gov')).toBe(gov);
    const coops = await readTable(page, 'cover-table');
    expectTableMatches(coops, await coverFromWarehouse('coop', `c.governorate_id = '${gov}'`), 'ar');

    const coop = [...coops.keys()][0]!;
    await page.locator(`[data-testid="cover-table"] tr[data-row-id="${coop}"]`).click();
    await page.locator('[data-testid="cover-panel"][data-level="site"]').waitFor();
    expect(new URL(page.url()).searchParams.get('coop')).toBe(coop);
    const sites = await readTable(page, 'cover-table');
    expectTableMatches(sites, await coverFromWarehouse('site', `f.coop_id = '${coop}'`), 'ar');
    const [names] = await queryReadOnly<{ gov: string; coop: string }>(
      stack.warehousePath,
      `select g.governorate_name_ar as gov, c.coop_name_ar as coop from marts.dim_coop c
       join marts.dim_governorate g using (governorate_id) where c.coop_id = '${coop}'`,
    );
    const crumbs = page.getByTestId('breadcrumbs');
    await expect(crumbs.textContent()).resolves.toContain(names!.gov);
    await expect(crumbs.textContent()).resolves.toContain(names!.coop);
    await page.screenshot({ path: screenshotPath('crisis-room-drill-branches-ar') });

    // A shared link opens the same drill; the browser's back button climbs back up.
    await page.goBack();
    await page.locator('[data-testid="cover-panel"][data-level="coop"]').waitFor();
    await page.goBack();
    await page.locator('[data-testid="cover-panel"][data-level="governorate"]').waitFor();
  });

  it('marks a co-op whose stock feed stopped as stale, at every level, in Arabic and English', async () => {
    const stopped = await stoppedCoopsFromWarehouse();
    // The fixture must plant one: a warehouse without a stopped feed would prove nothing here.
    expect(
      stopped.length,
      'the integration fixture has no co-op whose stock feed stopped (stock files ending more than stale_after_days before the end)',
    ).toBeGreaterThan(0);
    const coop = stopped[0]!;
    const ar = MESSAGES.ar;
    // The nation: its governorate carries the mark (some of its counts are stale).
    await openDashboard(page, stack.webUrl);
    const governorates = await readTable(page, 'cover-table');
    expect(governorates.get(coop.governorate_id)?.stale).toContain(ar.staleBadge);
    await expect(page.getByTestId('stale-note').textContent()).resolves.toContain(ar.staleNote);
    // The governorate: the co-op itself, every one of its counts stale, the others as the warehouse says.
    await page.locator(`[data-testid="cover-table"] tr[data-row-id="${coop.governorate_id}"]`).click();
    await page.locator('[data-testid="cover-panel"][data-level="coop"]').waitFor();
    const coops = await readTable(page, 'cover-table');
    expectTableMatches(coops, await coverFromWarehouse('coop', `c.governorate_id = '${coop.governorate_id}'`), 'ar');
    const row = coops.get(coop.coop_id)!;
    expect(readShownNumber(row.stale!)).toBe(coop.counts);
    expect(hasArabicDigits(row.stale!)).toBe(true);
    // Not by colour alone: the badge's words, and its detail both on hover and for a screen reader.
    const badge = page.locator(
      `[data-testid="cover-table"] tr[data-row-id="${coop.coop_id}"] [data-testid="stale-badge"]`,
    );
    const detail = await badge.getAttribute('title');
    expect(readShownNumber(detail!)).toBe(coop.counts);
    expect(detail).toContain(ar.staleDetail.split('{total}')[1]!);
    await expect(badge.locator('.visually-hidden').textContent()).resolves.toBe(`: ${detail}`);
    await page.screenshot({ path: screenshotPath('crisis-room-stale-coop-ar') });
    // The co-op: each branch stale, and "data as of" is its last count, not the newest day anywhere.
    await page.locator(`[data-testid="cover-table"] tr[data-row-id="${coop.coop_id}"]`).click();
    await page.locator('[data-testid="cover-panel"][data-level="site"]').waitFor();
    expectTableMatches(
      await readTable(page, 'cover-table'),
      await coverFromWarehouse('site', `f.coop_id = '${coop.coop_id}'`),
      'ar',
    );
    await page.locator(`[data-testid="freshness"][data-day="${coop.last_day}"]`).waitFor();
    // English: the same mark in English words.
    await page.getByTestId('lang-switch').click();
    await page.locator('html[dir="ltr"]').waitFor();
    await page.getByTestId('stale-note').filter({ hasText: MESSAGES.en.staleNote }).waitFor();
    for (const site of (await readTable(page, 'cover-table')).values())
      expect(site.stale).toContain(MESSAGES.en.staleBadge);
  });

  it('shows loading first, then the data', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${stack.cubeApiUrl}/load**`, async (route) => {
      await held;
      await route.continue();
    });
    await openDashboard(page, stack.webUrl);
    await page.locator('[data-testid="cover-panel"] [data-state="loading"]').waitFor();
    expect(await page.locator('[data-testid="cover-panel"] [data-state="loading"]').textContent()).toBe(
      MESSAGES.ar.loading,
    );
    release();
    await readTable(page, 'cover-table');
    // The map inside the panel may still be drawing its outline: every loading state must go.
    await page.locator('[data-testid="cover-panel"] [data-state="loading"]').first().waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="cover-panel"] [data-state="loading"]').count()).toBe(0);
  });

  it('says plainly when the data service is down, and recovers on retry', async () => {
    await page.route(`${stack.cubeApiUrl}/**`, (route) => route.abort('connectionrefused'));
    await openDashboard(page, stack.webUrl);
    const error = page.locator('[data-testid="cover-panel"] [data-state="error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute('data-error-kind')).toBe('unreachable');
    await expect(error.getByTestId('error-message').textContent()).resolves.toBe(MESSAGES.ar.errorUnreachable);
    await page.screenshot({ path: screenshotPath('crisis-room-error-ar') });
    await page.unroute(`${stack.cubeApiUrl}/**`);
    await error.getByRole('button', { name: MESSAGES.ar.retry }).click();
    await error.waitFor({ state: 'detached' });
    // Only the cover panel was retried; the essentials panel keeps its own error and retry.
    await readTable(page, 'cover-table', 'cover-panel');
  });

  it('says plainly when the token is refused', async () => {
    await page.route('**/api/token**', (route) =>
      route.fulfill({
        json: {
          token: 'not-a-valid-token',
          role: 'leadership',
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        },
      }),
    );
    await openDashboard(page, stack.webUrl, { lang: 'en' });
    const error = page.locator('[data-testid="cover-panel"] [data-state="error"]');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.getAttribute('data-error-kind')).toBe('denied');
    await expect(error.getByTestId('error-message').textContent()).resolves.toBe(MESSAGES.en.errorDenied);
    expect(await page.locator('[data-testid="cover-table"]').count()).toBe(0);
  });

  it('says when a selection has no data instead of drawing an empty chart', async () => {
    // A well-formed governorate code the warehouse does not hold.
    await openDashboard(page, stack.webUrl, { gov: 'KW-ZZ' });
    const empty = page.locator('[data-testid="cover-panel"] [data-state="empty"]');
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.textContent()).toBe(MESSAGES.ar.empty);
    expect(await page.locator('[data-testid="cover-chart"]').count()).toBe(0);
  });

  it('lists the active panic-buying alerts as the warehouse holds them, most severe first, or says there is none', async () => {
    await openDashboard(page, stack.webUrl);
    const panel = page.getByTestId('alerts-panel');
    const rows = panel.locator('[data-testid="alerts-table"] tbody tr').first();
    const empty = panel.locator('[data-state="empty"]');
    const error = panel.locator('[data-state="error"]');
    await rows.or(empty).or(error).first().waitFor({ timeout: 240_000 });
    expect(await error.count()).toBe(0);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(panel.locator('h2').textContent()).resolves.toContain(MESSAGES.ar.alertsTitle);
    const open = await alertsFromWarehouse('a.is_open');
    // The page shows exactly the open alerts: none means the honest empty state, not an empty table.
    expect(await empty.count()).toBe(open.length === 0 ? 1 : 0);
    if (open.length === 0) await expect(empty.textContent()).resolves.toBe(MESSAGES.ar.alertsNone);
    const table =
      open.length === 0
        ? new Map<string, Record<string, string>>()
        : await readTable(page, 'alerts-table', 'alerts-panel');
    await expectAlertsMatch(page, table, open, false);
    await page.screenshot({ path: screenshotPath('crisis-room-alerts-ar') });
  });

  it('shows a governorate’s alerts only, closed ones too on request, each equal to the warehouse', async () => {
    const [busiest] = await queryReadOnly<{ governorate_id: string }>(
      stack.warehousePath,
      `select governorate_id from marts.fct_surge_alerts group by 1 order by count(*) desc, 1 limit 1`,
    );
    // The fixture ends inside the default crisis wave: its scoring run raised alerts.
    expect(busiest).toBeDefined();
    const gov = busiest!.governorate_id;
    await openDashboard(page, stack.webUrl, { gov });
    const panel = page.getByTestId('alerts-panel');
    await panel
      .locator('[data-testid="alerts-table"] tbody tr')
      .first()
      .or(panel.locator('[data-state="empty"]'))
      .first()
      .waitFor({ timeout: 240_000 });
    const openHere = await alertsFromWarehouse(`a.is_open and a.governorate_id = '${gov}'`);
    if (openHere.length === 0)
      await expect(panel.locator('[data-state="empty"]').textContent()).resolves.toBe(MESSAGES.ar.alertsNoneHere);
    else await expectAlertsMatch(page, await readTable(page, 'alerts-table', 'alerts-panel'), openHere, false);
    await page.getByTestId('alerts-show-closed').check();
    await page
      .locator(
        '[data-testid="alerts-panel"][data-include-closed="true"] [data-testid="alerts-table"] td[data-col="status"]',
      )
      .first()
      .waitFor({ timeout: 120_000 });
    const all = await alertsFromWarehouse(`a.governorate_id = '${gov}'`);
    expect(all.length).toBeGreaterThan(0);
    await expectAlertsMatch(page, await readTable(page, 'alerts-table', 'alerts-panel'), all, true);
    await page.screenshot({ path: screenshotPath('crisis-room-alerts-closed-ar') });
  });

  it('leaves the alerts out for a co-op board, whose role the alerts view does not serve', async () => {
    const [coop] = await queryReadOnly<{ coop_id: string }>(
      stack.warehousePath,
      `select min(coop_id) as coop_id from marts.fct_stock_daily where is_latest`,
    );
    await signInAs(page, 'coop_board', coop!.coop_id);
    await openDashboard(page, stack.webUrl);
    await readTable(page, 'cover-table');
    expect(await page.getByTestId('alerts-panel').count()).toBe(0);
  });

  it('shows a co-op board its own co-op only, whatever the URL asks for', async () => {
    const coops = await queryReadOnly<{ coop_id: string; governorate_id: string }>(
      stack.warehousePath,
      `select distinct f.coop_id, c.governorate_id from marts.fct_stock_daily f join marts.dim_coop c using (coop_id)
       where f.is_latest order by 1`,
    );
    expect(coops.length).toBeGreaterThan(1);
    const [board, other] = [coops[0]!, coops.find((c) => c.governorate_id !== coops[0]!.governorate_id) ?? coops[1]!];
    await signInAs(page, 'coop_board', board.coop_id);
    await openDashboard(page, stack.webUrl);
    expect([...(await readTable(page, 'cover-table')).keys()]).toEqual([board.governorate_id]);
    await page.locator(`[data-testid="cover-table"] tr[data-row-id="${board.governorate_id}"]`).click();
    await page.locator('[data-testid="cover-panel"][data-level="coop"]').waitFor();
    expect([...(await readTable(page, 'cover-table')).keys()]).toEqual([board.coop_id]);
    // Another co-op's link gives nothing: the semantic layer scopes the board, not the page.
    await openDashboard(page, stack.webUrl, { gov: other.governorate_id, coop: other.coop_id });
    await page.locator('[data-testid="cover-panel"] [data-state="empty"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="essentials-panel"] [data-state="empty"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="cover-table"]').count()).toBe(0);
    // Nor does the audit workbench open for a board.
    await openDashboard(page, stack.webUrl, { page: 'audit', coop: other.coop_id });
    await page.locator('[data-state="forbidden"]').waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
  });
});
