import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { batchIdFor } from './batch-id';
import { FEEDS } from './feeds';
import { ingestInbox, type IngestSummary } from './ingest';
import { findLedgerRow } from './ledger';
import { PUSH_OPENAPI } from './push-openapi';
import { verifyPush } from '../domain/push-signature';

export interface PushServerOptions {
  lakeDir: string;
  /** Secret per co-op id: the HMAC key its system signs with. Never from code; see loadPushKeys(). */
  keys: Record<string, string>;
  /** Where accepted bodies are kept as inbox files before ingestion; default <lake>/../push-inbox. */
  spoolDir?: string;
  referenceDir?: string;
  /** Largest body accepted (bytes); bigger is refused with 413 before it is read whole. Default 32 MiB. */
  maxBodyBytes?: number;
  /** How far a request's timestamp may be from now (seconds) before it is refused as stale. Default 300. */
  maxSkewSeconds?: number;
  /** Clock in seconds, for tests. */
  nowSeconds?: () => number;
}

export interface PushServer {
  app: FastifyInstance;
  /** Resolves when every accepted batch has been through ingestion. */
  whenIdle(): Promise<void>;
}

const querySchema = z.object({
  coop_id: z.string().regex(/^C\d{3,}$/, 'coop_id like C001'),
  business_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'business_date as YYYY-MM-DD'),
  seq: z.coerce.number().int().min(1).max(999_999).default(1),
  correction: z.enum(['true', 'false']).default('false'),
  format: z.enum(['csv', 'jsonl', 'xlsx']).optional(),
});

/**
 * Loads per-co-op push keys from a JSON file `{ "C001": "secret", … }` (kept out of git,
 * mode 0600 by whoever provisions it) or the RABT_PUSH_KEYS environment variable.
 */
export function loadPushKeys(json: string | undefined): Record<string, string> {
  if (!json) throw new Error('no push keys: set RABT_PUSH_KEYS to a JSON object { "C001": "secret", … }');
  const parsed = z
    .record(z.string().regex(/^C\d{3,}$/), z.string().min(16, 'push keys need at least 16 characters'))
    .safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`push keys are not { coop_id: secret }: ${parsed.error.message}`);
  return parsed.data;
}

const isoDate = (d: string): boolean => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

/** Checks a request's key, signature and freshness; answers a refusal itself and returns null, else the key id. */
type Authenticate = (request: FastifyRequest, reply: FastifyReply, singleUse: boolean) => string | null;

/**
 * Checks key, signature and freshness, and for writes single use (a signature seen within the
 * allowed clock skew is a replay).
 */
function authenticator(options: PushServerOptions): Authenticate {
  const maxSkew = options.maxSkewSeconds ?? 300;
  const now = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const seenSignatures = new Map<string, number>();
  return (request, reply, singleUse) => {
    const keyId = request.headers['x-rabt-key-id'];
    const timestamp = request.headers['x-rabt-timestamp'];
    const signature = request.headers['x-rabt-signature'];
    if (typeof keyId !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') {
      void reply.code(401).send({ error: 'missing x-rabt-key-id, x-rabt-timestamp or x-rabt-signature' });
      return null;
    }
    const key = options.keys[keyId];
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (key === undefined || !verifyPush(key, signature, timestamp, request.method, request.url, body)) {
      void reply.code(401).send({ error: 'signature does not verify with this key id' });
      return null;
    }
    const ts = Number(timestamp);
    if (!/^\d+$/.test(timestamp) || Math.abs(now() - ts) > maxSkew) {
      void reply.code(401).send({ error: `stale or invalid timestamp: more than ${maxSkew} s from the server clock` });
      return null;
    }
    if (!singleUse) return keyId;
    for (const [sig, expires] of seenSignatures) if (expires < now()) seenSignatures.delete(sig);
    if (seenSignatures.has(signature)) {
      void reply.code(409).send({ error: 'replayed request: this signature was already used' });
      return null;
    }
    seenSignatures.set(signature, ts + maxSkew);
    return keyId;
  };
}

/** Spooled batches go through ingestion one at a time, in the order accepted; what failed, and why. */
class SpoolQueue {
  readonly failed = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly spoolDir: string,
    private readonly lakeDir: string,
    private readonly referenceDir: string | undefined,
  ) {}

  ingest(batchId: string): void {
    this.queue = this.queue.then(() => this.ingestNow(batchId));
  }

  whenIdle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async ingestNow(batchId: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const summary: IngestSummary = await ingestInbox({
          inboxDir: join(this.spoolDir, batchId),
          lakeDir: this.lakeDir,
          referenceDir: this.referenceDir,
        });
        if (summary.failures.length > 0) this.failed.set(batchId, summary.failures.map((f) => f.reason).join('; '));
        return;
      } catch (err) {
        // A file ingestion holds the lake: wait for it, a few times.
        if (attempt < 20 && /another ingestion/.test((err as Error).message)) {
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        this.failed.set(batchId, (err as Error).message);
        return;
      }
    }
  }
}

interface PushRoutes {
  lakeDir: string;
  spoolDir: string;
  authenticate: Authenticate;
  spool: SpoolQueue;
}

/** `POST /v1/batches/:feed`: checks the request, spools the body as an inbox file, queues its ingestion. */
function acceptBatch({ lakeDir, spoolDir, authenticate, spool }: PushRoutes) {
  return async (request: FastifyRequest<{ Params: { feed: string } }>, reply: FastifyReply) => {
    const keyId = authenticate(request, reply, true);
    if (keyId === null) return reply;
    const { feed } = request.params;
    if (!FEEDS[feed])
      return reply.code(404).send({ error: `unknown feed ${feed}; known: ${Object.keys(FEEDS).join(', ')}` });
    const query = querySchema.safeParse(request.query);
    if (!query.success)
      return reply
        .code(400)
        .send({ error: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const { coop_id: coopId, business_date: businessDate, seq, correction } = query.data;
    if (!isoDate(businessDate))
      return reply.code(400).send({ error: `business_date ${businessDate} is not a calendar date` });
    if (coopId !== keyId)
      return reply.code(403).send({ error: `key ${keyId} may not push batches of co-op ${coopId}` });
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const batchId = batchIdFor({ coopId, feed, businessDate }, body);
    if ((await lookupLedgerRow(lakeDir, batchId)) !== null) {
      return reply.code(200).send({ batch_id: batchId, status: 'duplicate', status_url: `/v1/batches/${batchId}` });
    }
    const contentType = String(request.headers['content-type']);
    const format =
      query.data.format ?? (/spreadsheetml/.test(contentType) ? 'xlsx' : /json/.test(contentType) ? 'jsonl' : 'csv');
    const name = `${coopId}__${feed}__${businessDate.replaceAll('-', '')}__${String(seq).padStart(3, '0')}${correction === 'true' ? '__corr' : ''}.${format}`;
    const dir = join(spoolDir, batchId, coopId);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.tmp`);
    writeFileSync(tmp, body);
    renameSync(tmp, join(dir, name));
    spool.ingest(batchId);
    return reply.code(202).send({ batch_id: batchId, status: 'accepted', status_url: `/v1/batches/${batchId}` });
  };
}

/** `GET /v1/batches/:id`: the ledger row once landed, else pending or failed while spooled. */
function batchStatus({ lakeDir, spoolDir, authenticate, spool }: PushRoutes) {
  return async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const keyId = authenticate(request, reply, false);
    if (keyId === null) return reply;
    const { id } = request.params;
    if (!/^[0-9a-f]{24}$/.test(id)) return reply.code(400).send({ error: 'batch id is 24 hex digits' });
    const row = await lookupLedgerRow(lakeDir, id);
    if (row !== null) {
      // Another co-op's batch is as good as absent: do not confirm it exists.
      if (row.coop_id !== keyId) return reply.code(404).send({ error: `no batch ${id}` });
      return reply.code(200).send(row);
    }
    if (existsSync(join(spoolDir, id, keyId))) {
      const reason = spool.failed.get(id);
      return reply
        .code(202)
        .send({ batch_id: id, status: reason ? 'failed' : 'pending', ...(reason ? { reason } : {}) });
    }
    return reply.code(404).send({ error: `no batch ${id}` });
  };
}

/**
 * The push endpoint for co-op systems that send batches over HTTP instead of dropping files:
 * `POST /v1/batches/:feed?coop_id=&business_date=&seq=&correction=` with the body the file
 * would have held, signed with the co-op's key (see push-signature.ts). Accepted bodies are
 * spooled as inbox files and go through exactly the same ingestion as files; the answer is
 * 202 with the batch id, and `GET /v1/batches/:id` returns its ledger row once landed.
 */
export function buildPushServer(options: PushServerOptions): PushServer {
  const lakeDir = resolve(options.lakeDir);
  const spoolDir = resolve(options.spoolDir ?? join(lakeDir, '..', 'push-inbox'));
  const spool = new SpoolQueue(spoolDir, lakeDir, options.referenceDir);
  const routes: PushRoutes = { lakeDir, spoolDir, authenticate: authenticator(options), spool };

  const app = Fastify({ bodyLimit: options.maxBodyBytes ?? 32 * 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.get('/v1/openapi.json', async () => PUSH_OPENAPI);
  app.post<{ Params: { feed: string } }>('/v1/batches/:feed', acceptBatch(routes));
  app.get<{ Params: { id: string } }>('/v1/batches/:id', batchStatus(routes));
  return { app, whenIdle: () => spool.whenIdle() };
}

async function lookupLedgerRow(lakeDir: string, batchId: string): Promise<Record<string, unknown> | null> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    return await findLedgerRow(con, lakeDir, batchId);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
