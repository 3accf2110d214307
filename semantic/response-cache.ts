import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SecurityContext } from './roles';

/** The express request/response parts this middleware touches. */
type Req = IncomingMessage & { originalUrl?: string; body?: { query?: unknown }; query?: { query?: unknown } };
type Res = ServerResponse & { json(body: unknown): unknown };

export interface ResponseCacheOptions {
  /** Verifies the bearer token (as Cube's checkAuth does); a token it refuses is left to Cube. */
  verify: (token: string) => Promise<SecurityContext>;
  /** The warehouse publication queries currently read, and when it was attached. */
  publication: () => Promise<{ version: string; attachedAt: number }>;
  /**
   * How long after a publication is attached Cube may still answer from the previous one (its
   * refresh keys are re-read every 2 s); answers are stored only once this has passed.
   */
  settleMs: number;
  maxEntries?: number;
  /** All stored answers together (characters of JSON); the least recently used go first. */
  maxTotalChars?: number;
}

export interface ResponseCache {
  middleware: (req: Req, res: Res, next: (error?: unknown) => void) => void;
  stats: { hits: number; misses: number; stored: number };
}

const LOAD_PATH = '/cubejs-api/v1/load';

/**
 * In front of Cube's /load: the same query from the same role (and a board's co-op) against
 * the same publication gets the stored answer without going through Cube's query planning
 * again, which costs 15-30 ms of the one Node thread per request and would queue 50 dashboard
 * clients for over a second. The token is verified on every request, and the key holds role,
 * co-op and publication, so an answer is never given to another role, another board, an
 * expired token, or after a publish.
 */
export function createResponseCache(opts: ResponseCacheOptions): ResponseCache {
  const maxEntries = opts.maxEntries ?? 2000;
  const maxTotalChars = opts.maxTotalChars ?? 256_000_000;
  const entries = new Map<string, string>();
  let totalChars = 0;
  const stats = { hits: 0, misses: 0, stored: 0 };

  const handle = async (req: Req, res: Res, next: (error?: unknown) => void): Promise<void> => {
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
    const raw = req.method === 'POST' ? req.body?.query : req.method === 'GET' ? req.query?.query : undefined;
    const auth = req.headers.authorization;
    if (path !== LOAD_PATH || raw === undefined || !auth) return next();
    let ctx: SecurityContext;
    try {
      ctx = await opts.verify(auth);
    } catch {
      return next(); // Cube refuses it with its own message
    }
    const publication = await opts.publication();
    const query = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const key = JSON.stringify([publication.version, ctx.role, ctx.coop_id ?? null, query]);
    const hit = entries.get(key);
    if (hit !== undefined) {
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      stats.hits += 1;
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(hit);
      return;
    }
    stats.misses += 1;
    if (Date.now() - publication.attachedAt >= opts.settleMs) {
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        const ok = res.statusCode === 200 && body !== null && typeof body === 'object' && !('error' in body);
        if (ok) {
          const text = JSON.stringify(body);
          if (text.length <= maxTotalChars / 4 && !entries.has(key)) {
            entries.set(key, text);
            totalChars += text.length;
            stats.stored += 1;
            while (entries.size > maxEntries || totalChars > maxTotalChars) {
              const [oldest, value] = entries.entries().next().value as [string, string];
              entries.delete(oldest);
              totalChars -= value.length;
            }
          }
        }
        return json(body);
      };
    }
    next();
  };

  return {
    stats,
    middleware: (req, res, next) => {
      handle(req, res, next).catch(next);
    },
  };
}
