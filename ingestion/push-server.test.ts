import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPushServer, loadPushKeys, type PushServer } from './push-server';
import { pushHeaders, signPush } from '../domain/push-signature';
import { makeWorkspace, RICE, type Workspace } from './test-fixtures';

const KEYS = { C001: 'c001-secret-key-0123456789', C002: 'c002-secret-key-9876543210' };
const NOW = 1_750_000_000;
const STOCK = `coop_id,site_id,barcode,stock_date,closing_qty\nC001,C001-W,${RICE},2025-06-14,10\nC001,C001-M,${RICE},2025-06-14,-1\n`;
const URL_C001 = '/v1/batches/stock?coop_id=C001&business_date=2025-06-14';

let ws: Workspace;
let server: PushServer;

beforeEach(() => {
  ws = makeWorkspace('rabt-push-');
  server = buildPushServer({
    lakeDir: ws.lake,
    keys: KEYS,
    referenceDir: ws.reference,
    nowSeconds: () => NOW,
    maxBodyBytes: 64 * 1024,
  });
});
afterEach(async () => {
  await server.app.close();
  await server.whenIdle();
});

function post(url: string, body: string | Buffer, headers: Record<string, string>) {
  return server.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/csv', ...headers } });
}

function landedAnything(): boolean {
  return existsSync(join(ws.lake, 'ledger')) && readdirSync(join(ws.lake, 'ledger')).length > 0;
}

describe('push endpoint', () => {
  it('accepts a signed batch with 202, lands it through ingestion, and serves its ledger row', async () => {
    const body = Buffer.from(STOCK);
    const res = await post(URL_C001, body, pushHeaders('C001', KEYS.C001, 'POST', URL_C001, body, NOW));
    expect(res.statusCode).toBe(202);
    const { batch_id: batchId } = res.json() as { batch_id: string };
    expect(batchId).toMatch(/^[0-9a-f]{24}$/);
    await server.whenIdle();

    const statusUrl = `/v1/batches/${batchId}`;
    const status = await server.app.inject({
      method: 'GET',
      url: statusUrl,
      headers: pushHeaders('C001', KEYS.C001, 'GET', statusUrl, Buffer.alloc(0), NOW),
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      batch_id: batchId,
      coop_id: 'C001',
      feed: 'stock',
      status: 'landed',
      rows_in: 2,
      rows_landed: 1,
      rows_quarantined: 1,
      business_date: '2025-06-14',
    });

    // Another co-op cannot read it.
    const other = await server.app.inject({
      method: 'GET',
      url: statusUrl,
      headers: pushHeaders('C002', KEYS.C002, 'GET', statusUrl, Buffer.alloc(0), NOW),
    });
    expect(other.statusCode).toBe(404);

    // The same bytes again (freshly signed) are a duplicate, not a second landing.
    const again = await post(URL_C001, body, pushHeaders('C001', KEYS.C001, 'POST', URL_C001, body, NOW + 1));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ batch_id: batchId, status: 'duplicate' });
  });

  it('takes every feed ingestion knows, e.g. a vendor C finance batch in JSON Lines, and lists them all in its OpenAPI document', async () => {
    const url = '/v1/batches/finance?coop_id=C001&business_date=2025-06-30&format=jsonl';
    const body = Buffer.from(
      '{"coop":"C001","entry":"JE-1","date":"2025-06-01","account":"1110","cost_center":"C001-M","debit_fils":12500,"credit_fils":0,"document":"Z-1","counterparty":"","memo":"daily_sales"}\n',
    );
    const res = await post(url, body, {
      ...pushHeaders('C001', KEYS.C001, 'POST', url, body, NOW),
      'content-type': 'application/x-ndjson',
    });
    expect(res.statusCode).toBe(202);
    await server.whenIdle();
    const statusUrl = `/v1/batches/${(res.json() as { batch_id: string }).batch_id}`;
    const status = await server.app.inject({
      method: 'GET',
      url: statusUrl,
      headers: pushHeaders('C001', KEYS.C001, 'GET', statusUrl, Buffer.alloc(0), NOW),
    });
    expect(status.json()).toMatchObject({ feed: 'finance', status: 'landed', rows_in: 1, rows_landed: 1 });

    const doc = (await server.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
      paths: Record<string, { post?: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
    };
    const feedParam = Object.values(doc.paths)
      .flatMap((p) => p.post?.parameters ?? [])
      .find((p) => p.name === 'feed');
    expect(feedParam?.schema.enum).toEqual(
      expect.arrayContaining([
        'sales',
        'stock',
        'deliveries',
        'prices',
        'stocktake',
        'finance',
        'transactions',
        'shareholders',
        'aid',
        'hr',
        'cameras',
        'contractors',
      ]),
    );
  });

  it.each([
    [
      'a bad signature',
      () => ({
        ...pushHeaders('C001', KEYS.C001, 'POST', URL_C001, Buffer.from(STOCK), NOW),
        'x-rabt-signature': signPush(KEYS.C001, String(NOW), 'POST', URL_C001, Buffer.from('other body')),
      }),
      STOCK,
      401,
    ],
    [
      'a body changed after signing',
      () => pushHeaders('C001', KEYS.C001, 'POST', URL_C001, Buffer.from(STOCK), NOW),
      STOCK.replace(',10', ',99'),
      401,
    ],
    [
      'a stale timestamp',
      () => pushHeaders('C001', KEYS.C001, 'POST', URL_C001, Buffer.from(STOCK), NOW - 3600),
      STOCK,
      401,
    ],
    [
      'a timestamp from the future',
      () => pushHeaders('C001', KEYS.C001, 'POST', URL_C001, Buffer.from(STOCK), NOW + 3600),
      STOCK,
      401,
    ],
    [
      "another co-op's key under this co-op's id",
      () => pushHeaders('C001', KEYS.C002, 'POST', URL_C001, Buffer.from(STOCK), NOW),
      STOCK,
      401,
    ],
    [
      "another co-op's key for this co-op's batch",
      () => pushHeaders('C002', KEYS.C002, 'POST', URL_C001, Buffer.from(STOCK), NOW),
      STOCK,
      403,
    ],
    ['an unknown key id', () => pushHeaders('C777', KEYS.C001, 'POST', URL_C001, Buffer.from(STOCK), NOW), STOCK, 401],
    ['no signature headers', () => ({}), STOCK, 401],
    [
      'an oversized body',
      () => pushHeaders('C001', KEYS.C001, 'POST', URL_C001, Buffer.alloc(65 * 1024, 'x'), NOW),
      'x'.repeat(65 * 1024),
      413,
    ],
  ])('refuses %s and lands nothing', async (_label, headers, body, status) => {
    const res = await post(URL_C001, body, headers());
    expect(res.statusCode).toBe(status);
    await server.whenIdle();
    expect(landedAnything()).toBe(false);
    expect(existsSync(join(ws.lake, 'raw'))).toBe(false);
  });

  it('refuses a replayed request', async () => {
    const body = Buffer.from(STOCK);
    const headers = pushHeaders('C001', KEYS.C001, 'POST', URL_C001, body, NOW);
    expect((await post(URL_C001, body, headers)).statusCode).toBe(202);
    expect((await post(URL_C001, body, headers)).statusCode).toBe(409);
  });

  it.each([
    ['/v1/batches/stock?coop_id=C001', 400],
    ['/v1/batches/stock?coop_id=C001&business_date=2025-02-30', 400],
    ['/v1/batches/stock?coop_id=C001&business_date=2025-06-14&seq=0', 400],
    ['/v1/batches/gossip?coop_id=C001&business_date=2025-06-14', 404],
  ])('refuses %s with %i', async (url, status) => {
    const body = Buffer.from(STOCK);
    const res = await post(url, body, pushHeaders('C001', KEYS.C001, 'POST', url, body, NOW));
    expect(res.statusCode).toBe(status);
    expect(landedAnything()).toBe(false);
  });

  it('serves an OpenAPI document naming both routes', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/batches/{feed}', '/v1/batches/{id}']);
  });
});

describe('loadPushKeys', () => {
  it('reads a JSON object of co-op keys', () => {
    expect(loadPushKeys(JSON.stringify(KEYS))).toEqual(KEYS);
  });
  it.each([
    [undefined, /no push keys/],
    ['{"C001":"short"}', /at least 16/],
    ['{"coop1":"c001-secret-key-0123456789"}', /not \{ coop_id: secret \}/],
  ])('refuses %j', (json, message) => {
    expect(() => loadPushKeys(json)).toThrow(message);
  });
});
