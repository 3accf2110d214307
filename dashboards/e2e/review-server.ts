import Fastify from 'fastify';
import type { Page } from 'playwright-core';
import { freePort } from '../../testing/free-port';
import { reviewLogPath, reviewRoutes } from '../server/review-routes';

/**
 * The review routes on a server of their own, over the stack's data dir, for as long as the
 * stack's web server (semantic/web-server.ts) does not register them itself. Same code, same
 * file, same token check: only the port differs, and routeReviews sends the page's calls there.
 */
export async function startReviewServer(opts: { apiSecret: string; dataDir: string }): Promise<{ url: string; logPath: string; close(): Promise<void> }> {
  const app = Fastify();
  const logPath = reviewLogPath(opts.dataDir);
  await app.register(reviewRoutes, { apiSecret: opts.apiSecret, logPath });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${port}`, logPath, close: () => app.close() };
}

/** Does the web server answer /api/reviews itself (401/403 without a token) rather than 404? */
export async function webServerKeepsReviews(webUrl: string): Promise<boolean> {
  const r = await fetch(`${webUrl}/api/reviews`);
  return r.status !== 404;
}

/** Forwards the page's /api/reviews calls, method, headers and body, to the review server. */
export async function routeReviews(page: Page, reviewUrl: string): Promise<void> {
  await page.route('**/api/reviews', async (route) => {
    const req = route.request();
    const r = await fetch(`${reviewUrl}/api/reviews`, {
      method: req.method(),
      headers: { authorization: req.headers().authorization ?? '', 'content-type': req.headers()['content-type'] ?? 'application/json' },
      body: req.method() === 'GET' ? undefined : req.postData(),
    });
    await route.fulfill({ status: r.status, headers: { 'content-type': r.headers.get('content-type') ?? 'application/json' }, body: await r.text() });
  });
}
