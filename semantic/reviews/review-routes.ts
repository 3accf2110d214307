import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AccessDeniedError, verifyToken } from '../tokens';
import { ReviewLog, reviewInput } from './review-log';

export interface ReviewRoutesOptions {
  /** Cube's secret: the same demo token that opens the audit views signs the reviews. */
  apiSecret: string;
  /** The JSON Lines file; see reviewLogPath. */
  logPath: string;
}

/** Where the review log lives under a data dir (RABT_DATA_DIR). */
export function reviewLogPath(dataDir: string): string {
  return join(dataDir, 'reviews', 'anomaly-reviews.jsonl');
}

/**
 * The audit workbench's review log over HTTP, for auditors only (as the anomalies view is):
 *   GET  /api/reviews            every entry, oldest first
 *   POST /api/reviews            {anomaly_id, status, comment, reviewer} → the entry kept
 * Register on the dashboards' web server: `await app.register(reviewRoutes, { apiSecret, logPath })`.
 */
export async function reviewRoutes(app: FastifyInstance, opts: ReviewRoutesOptions): Promise<void> {
  const log = new ReviewLog(opts.logPath);

  const auditor = async (authorization: string | undefined) => {
    const token = (authorization ?? '').replace(/^Bearer\s+/i, '');
    if (!token) throw new AccessDeniedError('a token is required');
    const ctx = await verifyToken(token, opts.apiSecret);
    if (ctx.role !== 'auditor') throw new AccessDeniedError('reviews are for auditors only');
    return ctx;
  };

  app.get('/api/reviews', async (request, reply) => {
    try {
      await auditor(request.headers.authorization);
    } catch (error) {
      return reply.code(403).send({ error: (error as Error).message });
    }
    reply.header('cache-control', 'no-store');
    return { reviews: await log.read() };
  });

  app.post('/api/reviews', async (request, reply) => {
    let role: string;
    try {
      role = (await auditor(request.headers.authorization)).role;
    } catch (error) {
      return reply.code(403).send({ error: (error as Error).message });
    }
    const parsed = reviewInput.safeParse(request.body);
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const entry = await log.append(parsed.data, role);
    return reply.code(201).send(entry);
  });
}
