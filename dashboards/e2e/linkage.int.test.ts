import { beforeEach, describe, expect, inject, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages';
import { queryReadOnly } from '../../testing/warehouse-reader';
import '../../testing/stack-context';
import { screenshotPath, useBrowserPage, type Page } from './browser';
import { COLD_START_TIMEOUT, openDashboard, readShownNumber, readTable } from './dashboard-page';

const stack = inject('stack');

describe('linkage page in chromium', () => {
  const session = useBrowserPage();
  let page: Page;
  beforeEach(() => {
    page = session.page;
  });

  it(
    'lists every co-op feed as the warehouse has it, the ones to call first',
    async () => {
      await openDashboard(page, stack.webUrl, { page: 'linkage' });
      const table = await readTable(page, 'linkage-table');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.ar.linkage);
      const truth = await queryReadOnly<{ id: string; is_linked: boolean; late_days: number | null; batches: number }>(
        stack.warehousePath,
        `select coop_id || ':' || feed as id, is_linked, late_days::int as late_days, batches_received::int as batches
       from marts.fct_linkage_status`,
      );
      expect(truth.length).toBeGreaterThan(0);
      expect([...table.keys()].sort()).toEqual(truth.map((t) => t.id).sort());
      for (const t of truth) {
        const row = table.get(t.id)!;
        expect(row.linked).toBe(t.is_linked ? MESSAGES.ar.yes : MESSAGES.ar.no);
        if (t.late_days === null) expect(row.lateDays).toBe(MESSAGES.ar.neverSent);
        else expect(readShownNumber(row.lateDays!)).toBe(t.late_days);
        expect(readShownNumber(row.batches!)).toBe(t.batches);
      }
      // The first rows are the ones behind: unlinked or never sent before any feed that is on time.
      const order = [...table.keys()];
      const firstOnTime = order.findIndex((id) => truth.find((t) => t.id === id)?.late_days === 0);
      const lastBehind = order.findLastIndex((id) => {
        const t = truth.find((x) => x.id === id)!;
        return !t.is_linked || t.late_days === null || t.late_days > 0;
      });
      if (firstOnTime >= 0 && lastBehind >= 0) expect(lastBehind).toBeLessThan(firstOnTime);
      await page.screenshot({ path: screenshotPath('linkage-ar') });
    },
    COLD_START_TIMEOUT,
  );

  it('reads left to right in English', async () => {
    await openDashboard(page, stack.webUrl, { page: 'linkage', lang: 'en' });
    await readTable(page, 'linkage-table');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect(page.locator('h1').textContent()).resolves.toBe(MESSAGES.en.linkage);
    await page.screenshot({ path: screenshotPath('linkage-en') });
  });
});
