import type { Page } from 'playwright-core';

/** Opens a dashboard page by its URL state (page, lang, gov, coop…), as a shared link would. */
export async function openDashboard(page: Page, webUrl: string, params: Record<string, string> = {}): Promise<void> {
  const search = new URLSearchParams(params).toString();
  await page.goto(`${webUrl}/${search ? `?${search}` : ''}`);
}

// A cold Cube compiles the model on its first query; on a busy 2-core machine that takes a while.
const DATA_TIMEOUT = 240_000;
/** For a file's first test, which meets that cold Cube. */
export const COLD_START_TIMEOUT = 420_000;

/**
 * Waits until a data table has rows and returns them as { rowId: { column: text } }. If the
 * page (or the given panel) shows an error instead, fails at once with the page's own words.
 */
export async function readTable(
  page: Page,
  testId: string,
  panelTestId?: string,
): Promise<Map<string, Record<string, string>>> {
  const rows = page.locator(`[data-testid="${testId}"] tbody tr`).first();
  // Scoped to the table's own panel when given: another panel's error is not this table's.
  const error = (panelTestId ? page.getByTestId(panelTestId) : page).locator('[data-state="error"]').first();
  await rows.or(error).first().waitFor({ timeout: DATA_TIMEOUT });
  if ((await rows.count()) === 0) {
    const text = await error.textContent({ timeout: 1_000 }).catch(() => 'an error that went away');
    throw new Error(`the page shows an error instead of ${testId}: ${text}`);
  }
  return tableRows(page, testId);
}

async function tableRows(page: Page, testId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await page.locator(`[data-testid="${testId}"] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => ({
      id: (tr as HTMLElement).dataset.rowId ?? '',
      cells: Object.fromEntries(
        [...tr.querySelectorAll('td')].map((td) => [
          (td as HTMLElement).dataset.col ?? '',
          td.textContent?.trim() ?? '',
        ]),
      ),
    })),
  );
  return new Map(rows.map((r) => [r.id, r.cells]));
}

/** Resolves once the chart has finished its first draw (EChart sets data-chart-ready); fails on an error shown instead. */
export async function waitForChart(page: Page, testId: string): Promise<void> {
  const chart = page.locator(`[data-testid="${testId}"][data-chart-ready="true"]`);
  const error = page.locator('[data-state="error"]').first();
  const deadline = Date.now() + DATA_TIMEOUT;
  for (;;) {
    await chart
      .or(error)
      .first()
      .waitFor({ timeout: Math.max(1, deadline - Date.now()) });
    if ((await chart.count()) > 0) return;
    // An error still on screen a moment later fails at once, in the page's own words; one that
    // cleared (a panel whose query was retried) is not this chart's answer: keep waiting.
    const text = await error.textContent({ timeout: 1_000 }).catch(() => null);
    if (text !== null) throw new Error(`the page shows an error instead of ${testId}: ${text}`);
  }
}

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Reads a number as the page shows it (Arabic-Indic or Latin digits, currency around it) back into a number. */
export function readShownNumber(text: string): number {
  const latin = text
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/[٠-٩]/g, (d) => String(ARABIC_DIGITS.indexOf(d)))
    .replace(/٬|,/g, '')
    .replace(/٫/g, '.');
  const match = /-?\d+(?:\.\d+)?/.exec(latin);
  if (!match) throw new Error(`not a number on the page: ${JSON.stringify(text)}`);
  return Number(match[0]);
}

export const hasArabicDigits = (text: string): boolean => /[٠-٩]/.test(text);
export const hasLatinDigits = (text: string): boolean => /[0-9]/.test(text);

/** Signs the page in as a role before it loads, as the demo login would have left it. */
export async function signInAs(page: Page, role: string, coopId: string | null = null): Promise<void> {
  await page.addInitScript(
    ([r, c]) => window.localStorage.setItem('rabt.session', JSON.stringify({ role: r, coopId: c })),
    [role, coopId] as const,
  );
}
