import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (scripts/setup.mjs --test installs it); no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.RABT_CHROMIUM ?? '/usr/bin/chromium';

// Sandbox off (containers run as root), and nothing that phones home.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = join(repoRoot, 'artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh context per test (own storage, so one test's role never leaks into the next),
 * with a fixed viewport so screenshots and timings compare run to run, in Kuwait's zone.
 */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'ar-KW',
    timezoneId: 'Asia/Kuwait',
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

export type { Browser, BrowserContext, Page };

/**
 * Registers the hooks every browser test file needs: one chromium for the file (closed in
 * afterAll, so nothing keeps vitest alive), a fresh context and page for each test.
 */
export function useBrowserPage(): { readonly page: Page } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await newContext(browser!);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  return {
    get page() {
      if (!page) throw new Error('useBrowserPage: no page outside a test');
      return page;
    },
  };
}
