import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { z } from 'zod';
import { reviewRoutes } from './reviews/review-routes';
import { issueToken } from './tokens';
import { COOP_ID, ROLES } from '../domain/roles';

export interface StartWebServerOptions {
  port: number;
  /** The built dashboards (index.html and assets). */
  distDir: string;
  apiSecret: string;
  /** Cube's REST base the dashboards call, e.g. http://localhost:4000/cubejs-api/v1. */
  cubeApiUrl: string;
  host?: string;
  /** Lifetime of demo tokens. */
  tokenTtlSeconds?: number;
  /** The auditors' review log (JSON Lines); without it the workbench says reviews are not kept. */
  reviewLogPath?: string;
}

export interface RunningWebServer {
  url: string;
  close(): Promise<void>;
}

const tokenQuery = z
  .object({
    role: z.enum(ROLES),
    coop_id: z.string().regex(COOP_ID).optional(),
  })
  .refine((q) => q.role !== 'coop_board' || q.coop_id !== undefined, {
    message: 'role=coop_board needs coop_id (e.g. C001)',
  });

/**
 * Serves the dashboards (SPA: unknown paths fall back to index.html), their runtime config, and
 * demo logins: a signed, expiring token per role so the dashboards can switch audience. The
 * token is what Cube checks; this server holds no data.
 */
export async function startWebServer(opts: StartWebServerOptions): Promise<RunningWebServer> {
  const app = Fastify({ logger: false });
  const root = resolve(opts.distDir);
  const hasDist = existsSync(resolve(root, 'index.html'));

  app.get('/api/config', async () => ({ cubeApiUrl: opts.cubeApiUrl }));

  app.get('/api/token', async (request, reply) => {
    const parsed = tokenQuery.safeParse(request.query);
    if (!parsed.success) {
      return reply.code(400).send({
        error: parsed.error.issues.map((i) => i.message).join('; '),
        roles: ROLES,
      });
    }
    reply.header('cache-control', 'no-store');
    return issueToken(parsed.data, opts.apiSecret, opts.tokenTtlSeconds);
  });

  if (opts.reviewLogPath) await app.register(reviewRoutes, { apiSecret: opts.apiSecret, logPath: opts.reviewLogPath });

  if (hasDist) {
    await app.register(fastifyStatic, { root, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api/');
    if (wantsPage && hasDist) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: `Not found: ${request.method} ${request.url}` });
  });

  await app.listen({ port: opts.port, host: opts.host ?? '0.0.0.0' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    async close() {
      await app.close();
    },
  };
}
