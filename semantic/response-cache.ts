import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { SecurityContext } from '../domain/roles';

/** The express request/response parts this middleware touches. */
type Req = IncomingMessage & {
  originalUrl?: string;
  body?: { query?: unknown; queryType?: unknown };
  query?: { query?: unknown; queryType?: unknown };
};
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
  /** All stored answers together (bytes, compressed copies included); the least recently used go first. */
  maxTotalBytes?: number;
  /** Answers smaller than this are not compressed (the headers would outweigh the saving). */
  compressMinBytes?: number;
}

export interface ResponseCache {
  middleware: (req: Req, res: Res, next: (error?: unknown) => void) => void;
  stats: { hits: number; misses: number; stored: number; notModified: number };
  /** Resolves once every compression started so far has finished (for tests and benches). */
  settled: () => Promise<void>;
}

/** One stored answer: the JSON as bytes, its validator, and compressed copies once made. */
interface Entry {
  identity: Buffer;
  etag: string;
  gzip?: Buffer;
  br?: Buffer;
}

export type Encoding = 'br' | 'gzip' | 'identity';

const LOAD_PATH = '/cubejs-api/v1/load';

/**
 * The coding to send given the client's Accept-Encoding and the copies at hand: br, then gzip,
 * then the plain bytes. A coding with q=0 is refused; identity is always acceptable here, since
 * Cube's own answers ignore Accept-Encoding too.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: { br: boolean; gzip: boolean },
): Encoding {
  if (!acceptEncoding) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (available.br && accepts('br')) return 'br';
  if (available.gzip && accepts('gzip')) return 'gzip';
  return 'identity';
}

/** Whether an If-None-Match header names this entry (weak comparison, as RFC 9110 asks for it). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

function makeEntry(identity: Buffer): Entry {
  // A content hash, not the cache key: the same answer after a publish revalidates as unchanged.
  return { identity, etag: `"${createHash('sha1').update(identity).digest('base64url')}"` };
}

function entryBytes(e: Entry): number {
  return e.identity.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0);
}

/** The stored answers, least recently used first, kept within a count and a byte budget (copies included). */
function createEntryStore(maxEntries: number, maxTotalBytes: number) {
  const entries = new Map<string, Entry>();
  let totalBytes = 0;
  const evict = (): void => {
    while (entries.size > maxEntries || totalBytes > maxTotalBytes) {
      const [oldest, value] = entries.entries().next().value as [string, Entry];
      entries.delete(oldest);
      totalBytes -= entryBytes(value);
    }
  };
  return {
    has: (key: string): boolean => entries.has(key),
    /** The entry under `key`, now the most recently used. */
    get(key: string): Entry | undefined {
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    put(key: string, e: Entry): void {
      entries.set(key, e);
      totalBytes += e.identity.length;
      evict();
    },
    // A copy is kept only while its entry is still the stored one (it may have been evicted
    // meanwhile) and only if it is smaller than the JSON itself.
    addCopy(key: string, e: Entry, coding: 'gzip' | 'br', bytes: Buffer): void {
      if (entries.get(key) !== e || bytes.length >= e.identity.length) return;
      e[coding] = bytes;
      totalBytes += bytes.length;
      evict();
    },
  };
}

/** gzip and brotli copies of an answer, made on libuv's pool; resolves once both are done. */
function compressCopies(identity: Buffer, onCopy: (coding: 'gzip' | 'br', bytes: Buffer) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let left = 2;
    const finish = () => (--left === 0 ? resolve() : undefined);
    gzip(identity, { level: 6 }, (error, out) => {
      if (!error) onCopy('gzip', out);
      finish();
    });
    // Quality 5: within a few percent of 11 on this JSON at a fraction of the CPU.
    brotliCompress(
      identity,
      {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      },
      (error, out) => {
        if (!error) onCopy('br', out);
        finish();
      },
    );
  });
}

/**
 * Writes a stored (or just stored) answer. The bytes are ready, so this is a header set and one
 * socket write: no JSON.stringify, no UTF-8 encoding, no compression on the request's path.
 * Fresh and cached answers both come through here, so they are byte-identical, headers included.
 * The ETag names the JSON, whatever the coding it travels in (the codings are transparent to
 * clients: fetch hands back the decoded body); a GET that presents it gets 304.
 */
function sendEntry(req: Req, res: Res, e: Entry): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('etag', e.etag);
  const vary = res.getHeader('vary');
  res.setHeader('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
  if (req.method === 'GET' && etagMatches(req.headers['if-none-match'], e.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const coding = chooseEncoding(req.headers['accept-encoding'], { br: !!e.br, gzip: !!e.gzip });
  const body = coding === 'br' ? e.br! : coding === 'gzip' ? e.gzip! : e.identity;
  if (coding !== 'identity') res.setHeader('content-encoding', coding);
  res.setHeader('content-length', body.length);
  res.end(body);
}

/**
 * In front of Cube's /load: the same query from the same role (and a board's co-op) against
 * the same publication gets the stored answer without going through Cube's query planning
 * again, which costs 15-30 ms of the one Node thread per request and would queue 50 dashboard
 * clients for over a second. The token is verified on every request, and the key holds role,
 * co-op and publication, so an answer is never given to another role, another board, an
 * expired token, or after a publish.
 *
 * Answers are kept as the bytes sent, with gzip and brotli copies made off the event loop (zlib
 * runs on libuv's pool) after the first answer: a 400-day daily trend is ~1 MB of JSON, whose
 * JSON.stringify and UTF-8 encoding cost ~10-30 ms of the one thread per request, so 50 clients
 * asking at once queued for a second even when every answer came from here.
 */
export function createResponseCache(opts: ResponseCacheOptions): ResponseCache {
  const maxTotalBytes = opts.maxTotalBytes ?? 256_000_000;
  const compressMinBytes = opts.compressMinBytes ?? 1024;
  const store = createEntryStore(opts.maxEntries ?? 2000, maxTotalBytes);
  const stats = { hits: 0, misses: 0, stored: 0, notModified: 0 };
  const pending = new Set<Promise<void>>();

  const compress = (key: string, e: Entry): void => {
    if (e.identity.length < compressMinBytes) return;
    const done = compressCopies(e.identity, (coding, bytes) => store.addCopy(key, e, coding, bytes));
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  // Cube answers through res.json: the answer is stored under `key` and sent from its bytes.
  const storeWhenAnswered = (req: Req, res: Res, key: string): void => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      res.json = json;
      // Errors, refusals and Cube's {error: 'Continue wait'} (a 200) go out as Cube sends them, unstored.
      const ok = res.statusCode === 200 && body !== null && typeof body === 'object' && !('error' in body);
      if (!ok) return json(body);
      // What express' res.json would send (no replacer or spacing is configured), encoded once.
      const entry = makeEntry(Buffer.from(JSON.stringify(body), 'utf8'));
      if (entry.identity.length <= maxTotalBytes / 4 && !store.has(key)) {
        store.put(key, entry);
        stats.stored += 1;
        compress(key, entry);
      }
      sendEntry(req, res, entry);
      return res;
    };
  };

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
    // The same query answers in another shape under queryType=multi (the client's default).
    const queryType = (req.method === 'POST' ? req.body?.queryType : req.query?.queryType) ?? null;
    const key = JSON.stringify([publication.version, ctx.role, ctx.coop_id ?? null, queryType, query]);
    const hit = store.get(key);
    if (hit !== undefined) {
      stats.hits += 1;
      if (req.method === 'GET' && etagMatches(req.headers['if-none-match'], hit.etag)) stats.notModified += 1;
      sendEntry(req, res, hit);
      return;
    }
    stats.misses += 1;
    if (Date.now() - publication.attachedAt >= opts.settleMs) storeWhenAnswered(req, res, key);
    next();
  };

  return {
    stats,
    middleware: (req, res, next) => {
      handle(req, res, next).catch(next);
    },
    settled: async () => {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
