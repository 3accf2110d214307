import { beforeEach, describe, expect, inject, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages';
import { queryReadOnly } from '../../testing/warehouse-reader';
import '../../testing/stack-context';
import { screenshotPath, useBrowserPage, type Page } from './browser';
import { readFileSync } from 'node:fs';
import { COLD_START_TIMEOUT, openDashboard, readShownNumber, readTable, signInAs, waitForChart } from './dashboard-page';
import { reviewLogPath } from '../server/review-routes';

const stack = inject('stack');
const HALF_FILS = 0.0005 + 1e-9;

/** Clicks a row of the audit table and waits for the next level of the drill. */
async function drillInto(page: Page, rowId: string, level: string) {
  await page.locator(`[data-testid="audit-table"] tr[data-row-id="${rowId}"]`).click();
  await page.locator(`[data-testid="audit-panel"][data-level="${level}"]`).waitFor();
  return readTable(page, 'audit-table');
}

describe('audit workbench in chromium', () => {
  const session = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it('traces a co-op total down to the warehouse rows it is made of', async () => {
    await signInAs(page, 'auditor');
    await openDashboard(page, stack.webUrl, { page: 'audit' });
    const coops = await readTable(page, 'audit-table');
    const coopTotals = await queryReadOnly<{ coop_id: string; amount: string }>(
      stack.warehousePath,
      `select coop_id, sum(net_amount_kwd)::decimal(18,3)::varchar as amount from marts.fct_sales_daily group by 1`,
    );
    expect([...coops.keys()].sort()).toEqual(coopTotals.map((c) => c.coop_id).sort());
    for (const c of coopTotals) expect(Math.abs(readShownNumber(coops.get(c.coop_id)!.amount!) - Number(c.amount))).toBeLessThanOrEqual(HALF_FILS);

    const coop = [...coops.keys()][0]!;
    const sites = await drillInto(page, coop, 'site');
    const site = [...sites.keys()][0]!;
    const products = await drillInto(page, site, 'product');
    const product = [...products.keys()][0]!;
    const days = await drillInto(page, product, 'day');
    await waitForChart(page, 'price-chart');
    const day = [...days.keys()].sort().at(-1)!;
    const rows = await drillInto(page, day, 'rows');
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ page: 'audit', coop, site, product, day });

    const truth = await queryReadOnly<{ sales_daily_key: string; quantity: string; amount: string; receipts: number }>(
      stack.warehousePath,
      `select sales_daily_key, quantity::varchar as quantity, net_amount_kwd::varchar as amount, receipt_count::int as receipts
       from marts.fct_sales_daily
       where site_id = '${site}' and product_id = '${product}' and business_date = date '${day}'`,
    );
    expect(truth.length).toBeGreaterThan(0);
    expect([...rows.keys()].sort()).toEqual(truth.map((r) => r.sales_daily_key).sort());
    for (const r of truth) {
      const shown = rows.get(r.sales_daily_key)!;
      expect(Math.abs(readShownNumber(shown.amount!) - Number(r.amount))).toBeLessThanOrEqual(HALF_FILS);
      expect(Math.abs(readShownNumber(shown.quantity!) - Number(r.quantity))).toBeLessThanOrEqual(HALF_FILS);
      expect(readShownNumber(shown.receipts!)).toBe(r.receipts);
    }
    await page.screenshot({ path: screenshotPath('audit-workbench-ar'), fullPage: true });

    // The link opens the same rows for another auditor; the breadcrumb climbs back to the day list.
    await page.reload();
    expect(await readTable(page, 'audit-table')).toEqual(rows);
    await page.getByTestId('audit-breadcrumbs').getByRole('button').nth(3).click();
    await page.locator('[data-testid="audit-panel"][data-level="day"]').waitFor();
  }, COLD_START_TIMEOUT);

  it('queues ml\'s cases and opens one in the drill', async () => {
    await signInAs(page, 'auditor');
    await openDashboard(page, stack.webUrl, { page: 'audit' });
    const queue = await readTable(page, 'anomaly-table', 'anomaly-panel');
    const truth = await queryReadOnly<{ anomaly_id: string; coop_id: string; product_id: string | null }>(
      stack.warehousePath,
      `select anomaly_id, coop_id, product_id from marts.fct_anomalies order by anomaly_rank limit 200`,
    );
    expect([...queue.keys()].sort()).toEqual(truth.map((a) => a.anomaly_id).sort());
    const first = [...queue.keys()][0]!;
    const expected = truth.find((a) => a.anomaly_id === first)!;
    await page.locator(`[data-testid="anomaly-table"] tr[data-row-id="${first}"]`).click();
    await page.locator('[data-testid="audit-panel"][data-level="site"]').waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('coop')).toBe(expected.coop_id);
    expect(params.get('product')).toBe(expected.product_id);
    expect(params.get('from')).not.toBeNull();
    const sites = await readTable(page, 'audit-table', 'audit-panel');
    expect([...sites.keys()].every((id) => id.startsWith(`${expected.coop_id}-`))).toBe(true);
  });

  it('keeps a review with who and when on the server, and shows it after a reload', async () => {
    {
      await signInAs(page, 'auditor');
      await openDashboard(page, stack.webUrl, { page: 'audit' });
      const queue = await readTable(page, 'anomaly-table', 'anomaly-panel');
      const id = [...queue.keys()][1] ?? [...queue.keys()][0]!;
      const row = page.locator(`[data-testid="anomaly-table"] tr[data-row-id="${id}"]`);
      const comment = `checked the shelf price ${Date.now()}`;

      await row.getByTestId('review-open').click();
      const form = page.locator(`[data-testid="review-form"][data-anomaly-id="${id}"]`);
      await form.getByTestId('review-status').selectOption('confirmed');
      await form.getByTestId('review-reviewer').fill('نورة العتيبي');
      await form.getByTestId('review-comment').fill(comment);
      await form.getByTestId('review-save').click();
      await row.locator('[data-review-status="confirmed"]').waitFor();
      // Reviewing is not drilling: the URL stays on the queue.
      expect(new URL(page.url()).searchParams.get('coop')).toBeNull();

      // The log on disk has it, with the verified role and the server's time.
      const lines = readFileSync(reviewLogPath(stack.dataDir), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
      const kept = lines.find((l) => l.comment === comment)!;
      expect(kept).toMatchObject({ anomaly_id: id, status: 'confirmed', reviewer: 'نورة العتيبي', role: 'auditor' });
      expect(Math.abs(Date.parse(kept.reviewed_at!) - Date.now())).toBeLessThan(10 * 60_000);

      // A reloaded page with nothing kept in the browser: the verdict comes back from the server.
      await page.evaluate(() => localStorage.removeItem('rabt.reviewer'));
      await page.reload();
      await readTable(page, 'anomaly-table', 'anomaly-panel');
      const badge = row.locator('[data-review-status="confirmed"]');
      await badge.waitFor();
      expect(await badge.textContent()).toContain('نورة العتيبي');
      expect(await badge.getAttribute('title')).toBe(comment);

      // A second verdict is a new line: the history keeps both, the queue shows the newest.
      await row.getByTestId('review-open').click();
      await form.getByTestId('review-status').selectOption('dismissed');
      await form.getByTestId('review-reviewer').fill('Fahad');
      await form.getByTestId('review-comment').fill(`${comment} (list price changed)`);
      await form.getByTestId('review-save').click();
      await row.locator('[data-review-status="dismissed"]').waitFor();
      const history = await form.locator('[data-testid="review-history"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-review-status')));
      expect(history.slice(0, 2)).toEqual(['dismissed', 'confirmed']);
      await page.screenshot({ path: screenshotPath('audit-review-ar'), fullPage: true });
    }
  });

  it('is closed to other roles, and opens after signing in as auditor', async () => {
    await openDashboard(page, stack.webUrl, { page: 'audit', lang: 'en' });
    const note = page.locator('[data-state="forbidden"]');
    await note.waitFor();
    expect(await note.textContent()).toContain(MESSAGES.en.auditorsOnly);
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    await page.getByTestId('sign-in-auditor').click();
    await readTable(page, 'audit-table');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: screenshotPath('audit-workbench-en'), fullPage: true });
  });
});
