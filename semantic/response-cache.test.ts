import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { writeTinyWarehouse } from './fixtures/tiny-warehouse';
import { chooseEncoding, createResponseCache, etagMatches } from './response-cache';
import { signRaw, startCubeHarness, type CubeHarness } from './testing/cube-harness';

/** The answer cache in front of /load: hits only for the same role, co-op and publication. */
let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: 3, days: 3 });
  // The driver attaches the warehouse on the first query; answers are stored only once that
  // publication has settled (Cube's 2 s refresh keys).
  await h.load(await h.token('auditor'), { measures: ['crisis_now.stock_on_hand'] });
  await new Promise((r) => setTimeout(r, 3200));
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const byCoop = {
  measures: ['consumption.quantity'],
  dimensions: ['consumption.coop_id'],
  order: { 'consumption.coop_id': 'asc' },
};

describe('response cache', () => {
  it('answers a repeated query from the cache with the same body', async () => {
    const token = await h.token('leadership');
    const first = await h.load(token, byCoop);
    const hits = h.cube.cacheStats.hits;
    const second = await h.load(token, byCoop);
    expect(h.cube.cacheStats.hits).toBe(hits + 1);
    expect(second).toEqual(first);
    expect(first.body.data).toHaveLength(3);
  });

  it("never gives one board another board's answer", async () => {
    const a = await h.load(await h.token('coop_board', 'C001'), byCoop);
    const b = await h.load(await h.token('coop_board', 'C002'), byCoop);
    expect(a.body.data?.map((r) => r['consumption.coop_id'])).toEqual(['C001']);
    expect(b.body.data?.map((r) => r['consumption.coop_id'])).toEqual(['C002']);
  });

  it('refuses an expired or forged token even for a cached query', async () => {
    await h.load(await h.token('leadership'), byCoop);
    const now = Math.floor(Date.now() / 1000);
    expect((await h.load(await signRaw({ role: 'leadership' }, h.secret, now - 5), byCoop)).status).toBe(403);
    expect((await h.load(await signRaw({ role: 'leadership' }, 'x'.repeat(64), now + 600), byCoop)).status).toBe(403);
  });

  it('keeps the multi-query answer apart from the plain one for the same query', async () => {
    const token = await h.token('leadership');
    const post = async (body: object) => {
      const res = await fetch(`${h.cube.url}/cubejs-api/v1/load`, {
        method: 'POST',
        headers: { authorization: token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { data?: unknown[]; results?: { data: unknown[] }[] };
    };
    for (let i = 0; i < 2; i++) {
      const plain = await post({ query: byCoop });
      const multi = await post({ query: byCoop, queryType: 'multi' });
      expect(plain.data).toHaveLength(3);
      expect(multi.results?.[0]?.data).toEqual(plain.data);
    }
  });

  it('does not store refusals', async () => {
    const planner = await h.token('planner');
    const audit = { measures: ['audit.row_count'] };
    expect((await h.load(planner, audit)).status).toBe(403);
    expect((await h.load(planner, audit)).status).toBe(403);
  });

  // The raw bytes of one /load answer in the coding asked for, decoded, with the headers that matter.
  const raw = async (token: string, query: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${h.cube.url}/cubejs-api/v1/load`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes, etag: res.headers.get('etag'), vary: res.headers.get('vary') };
  };
  // fetch decodes gzip/br itself and drops nothing that says which it was, so the node http client
  // is used where the coding on the wire matters.
  const wire = async (token: string, query: unknown, acceptEncoding: string) => {
    const { request } = await import('node:http');
    const url = new URL(`${h.cube.url}/cubejs-api/v1/load`);
    return new Promise<{ status: number; coding: string; bytes: Buffer }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { authorization: token, 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              coding: res.headers['content-encoding'] ?? 'identity',
              bytes: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query }));
    });
  };
  const daily = (coop: string) => ({
    measures: ['consumption.quantity', 'consumption.net_amount_kwd'],
    dimensions: ['consumption.coop_id'],
    timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day' }],
    filters: [{ member: 'consumption.coop_id', operator: 'notEquals', values: [coop] }],
    order: { 'consumption.business_date': 'asc' },
  });

  it('sends the cached answer byte for byte as the fresh one, in every coding', async () => {
    const token = await h.token('leadership');
    const query = daily('X-bytes'); // a key no other test stores
    const hits = h.cube.cacheStats.hits;
    const fresh = await raw(token, query, { 'accept-encoding': 'identity' });
    expect(h.cube.cacheStats.hits).toBe(hits); // a miss: Cube answered
    await h.cube.cacheSettled();
    const cached = await raw(token, query, { 'accept-encoding': 'identity' });
    expect(h.cube.cacheStats.hits).toBe(hits + 1);
    expect(fresh.status).toBe(200);
    expect(cached.bytes.equals(fresh.bytes)).toBe(true);
    expect(cached.etag).toBe(fresh.etag);
    expect(cached.vary).toContain('Accept-Encoding');
    // The same JSON Cube's own res.json would send: the bytes parse to an answer with data.
    expect((JSON.parse(fresh.bytes.toString('utf8')) as { data: unknown[] }).data.length).toBeGreaterThan(3);
    const gz = await wire(token, query, 'gzip');
    expect(gz.coding).toBe('gzip');
    expect(gunzipSync(gz.bytes).equals(fresh.bytes)).toBe(true);
    const br = await wire(token, query, 'gzip, deflate, br');
    expect(br.coding).toBe('br');
    expect(brotliDecompressSync(br.bytes).equals(fresh.bytes)).toBe(true);
    expect((await wire(token, query, 'identity')).bytes.equals(fresh.bytes)).toBe(true);
  });

  it('keeps roles and boards apart for the same query once bytes are stored', async () => {
    const query = daily('X-keys');
    const lead = await h.token('leadership');
    const board = await h.token('coop_board', 'C002');
    const leadFirst = await raw(lead, query);
    await h.cube.cacheSettled();
    const boardFirst = await raw(board, query);
    const leadAgain = await raw(lead, query);
    const boardAgain = await raw(board, query);
    expect(leadAgain.bytes.equals(leadFirst.bytes)).toBe(true);
    expect(boardAgain.bytes.equals(boardFirst.bytes)).toBe(true);
    expect(boardFirst.bytes.equals(leadFirst.bytes)).toBe(false);
    const coops = (b: Buffer) =>
      new Set(
        (JSON.parse(b.toString('utf8')) as { data: Record<string, unknown>[] }).data.map(
          (r) => r['consumption.coop_id'],
        ),
      );
    expect([...coops(boardAgain.bytes)]).toEqual(['C002']);
    expect(coops(leadAgain.bytes).size).toBe(3);
  });

  it('answers a GET that presents the ETag with 304, and a POST with the answer', async () => {
    const token = await h.token('leadership');
    const query = daily('X-etag');
    const url = `${h.cube.url}/cubejs-api/v1/load?query=${encodeURIComponent(JSON.stringify(query))}`;
    let first = await fetch(url, { headers: { authorization: token } });
    while (((await first.clone().json()) as { error?: string }).error === 'Continue wait')
      first = await fetch(url, { headers: { authorization: token } });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    const again = await fetch(url, { headers: { authorization: token, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    const other = await fetch(url, { headers: { authorization: token, 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
    expect(Buffer.from(await other.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    const post = await raw(token, query, { 'if-none-match': etag! });
    expect(post.status).toBe(200);
    expect(post.bytes.length).toBeGreaterThan(0);
    // A board presenting the leadership's ETag does not learn it matched: its answer differs.
    const board = await fetch(url, {
      headers: { authorization: await h.token('coop_board', 'C001'), 'if-none-match': etag! },
    });
    expect(board.status).not.toBe(304);
  });

  it('serves the new publication after a publish, never the cached old one', async () => {
    const token = await h.token('leadership');
    const total = async () =>
      (await h.load(token, byCoop)).body.data?.reduce((s, r) => s + Number(r['consumption.quantity']), 0) ?? 0;
    const before = await total();
    await total(); // cached now
    await writeTinyWarehouse(h.warehousePath, { coops: 3, days: 3, scale: 2 });
    await new Promise((r) => setTimeout(r, 400)); // the driver stats the file at most every 250 ms
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) seen.add(await total());
    // Straight after the swap Cube may still answer from the old file for up to 2 s, but none
    // of those answers is cached under the new publication: once settled, only the new total.
    await new Promise((r) => setTimeout(r, 3200));
    expect(await total()).toBe(before * 2);
    expect(await total()).toBe(before * 2);
    expect([...seen].every((t) => t === before || t === before * 2)).toBe(true);
  });

  it('stores no answer from the old publication under the new one, compressed copies included', async () => {
    const token = await h.token('leadership');
    const query = daily('X-publish');
    const sum = (b: Buffer) =>
      (JSON.parse(b.toString('utf8')) as { data: Record<string, unknown>[] }).data.reduce(
        (s, r) => s + Number(r['consumption.quantity']),
        0,
      );
    await raw(token, query);
    await h.cube.cacheSettled();
    const old = await wire(token, query, 'gzip'); // a cached, compressed answer
    expect(old.coding).toBe('gzip');
    const before = sum(gunzipSync(old.bytes));
    await writeTinyWarehouse(h.warehousePath, { coops: 3, days: 3, scale: 3 });
    await new Promise((r) => setTimeout(r, 400)); // the driver stats the file at most every 250 ms
    await raw(token, query); // attaches the new file; Cube may still answer from the old one for 2 s
    await new Promise((r) => setTimeout(r, 3200));
    const fresh = await raw(token, query, { 'accept-encoding': 'identity' });
    await h.cube.cacheSettled();
    const after = await wire(token, query, 'gzip');
    expect(sum(fresh.bytes)).not.toBe(before);
    expect(gunzipSync(after.bytes).equals(fresh.bytes)).toBe(true);
  });
});

describe('response cache eviction', () => {
  // The middleware alone, with stand-ins for express' request and response.
  const cache = createResponseCache({
    verify: async () => ({ role: 'planner', exp: 0 }),
    publication: async () => ({ version: 'v1', attachedAt: 0 }),
    settleMs: 0,
    maxEntries: 10,
    maxTotalBytes: 400,
  });
  const request = async (query: string, answer: string): Promise<'hit' | 'miss'> => {
    const hits = cache.stats.hits;
    const req = { method: 'POST', url: '/cubejs-api/v1/load', headers: { authorization: 't' }, body: { query } };
    const res = {
      statusCode: 200,
      setHeader: () => undefined,
      getHeader: () => undefined,
      end: () => undefined as unknown,
      json: (b: unknown) => b,
    };
    // A hit ends the response; a miss passes on to Cube (next).
    await new Promise<void>((resolve) => {
      res.end = () => resolve();
      cache.middleware(req as never, res as never, () => resolve());
    });
    if (cache.stats.hits > hits) return 'hit';
    res.json({ data: answer }); // what Cube would answer
    return 'miss';
  };

  it('keeps answers within the size budget, dropping the least recently used', async () => {
    const big = 'x'.repeat(80); // each stored answer is 91 characters: four fit in 400, five do not
    for (const q of ['a', 'b', 'c', 'd']) expect(await request(q, big)).toBe('miss');
    expect(await request('a', big)).toBe('hit'); // a is now the most recently used
    expect(await request('e', big)).toBe('miss'); // over budget: b goes
    expect(await request('b', big)).toBe('miss');
    expect(await request('a', big)).toBe('hit');
  });
});

describe('content coding', () => {
  const both = { br: true, gzip: true };
  it.each([
    [undefined, both, 'identity'],
    ['', both, 'identity'],
    ['gzip, deflate', both, 'gzip'],
    ['gzip, deflate, br', both, 'br'],
    ['br;q=0, gzip', both, 'gzip'],
    ['BR, GZIP', both, 'br'],
    ['*', both, 'br'],
    ['*;q=0', both, 'identity'],
    ['gzip;q=0.5, br;q=0', both, 'gzip'],
    ['gzip, br', { br: false, gzip: true }, 'gzip'],
    ['gzip, br', { br: false, gzip: false }, 'identity'],
    ['deflate', both, 'identity'],
  ] as const)('Accept-Encoding %j with %j -> %s', (accept, available, expected) => {
    expect(chooseEncoding(accept, available)).toBe(expected);
  });

  it.each([
    [undefined, '"abc"', false],
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ['*', '"abc"', true],
    ['"abcd"', '"abc"', false],
  ] as const)('If-None-Match %j against %s -> %s', (header, etag, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });
});

describe('response cache compression', () => {
  const answer = JSON.stringify({
    data: Array.from({ length: 200 }, (_, i) => ({ 'x.day': `2025-01-${i}`, 'x.name': 'بقالة', 'x.n': String(i) })),
  });
  const make = (maxTotalBytes: number) =>
    createResponseCache({
      verify: async () => ({ role: 'planner', exp: 0 }),
      publication: async () => ({ version: 'v1', attachedAt: 0 }),
      settleMs: 0,
      maxTotalBytes,
    });
  // Runs one request through the middleware; a miss is answered with `answer` as Cube would.
  const send = async (cache: ReturnType<typeof make>, query: string, acceptEncoding?: string) => {
    const headers: Record<string, unknown> = {};
    let body: Buffer | undefined;
    const req = {
      method: 'POST',
      url: '/cubejs-api/v1/load',
      headers: { authorization: 't', 'accept-encoding': acceptEncoding },
      body: { query },
    };
    const res = {
      statusCode: 200,
      setHeader: (k: string, v: unknown) => void (headers[k] = v),
      getHeader: (k: string) => headers[k],
      end: (b?: Buffer) => void (body = b),
      json: (b: unknown) => b,
    };
    await new Promise<void>((resolve) => {
      res.end = (b?: Buffer) => {
        body = b;
        resolve();
      };
      cache.middleware(req as never, res as never, () => {
        res.json(JSON.parse(answer)); // Cube answering
      });
    });
    return { headers, body: body! };
  };

  it('serves the JSON until the copies are made, then the compressed copy', async () => {
    const cache = make(10_000_000);
    const first = await send(cache, 'q', 'gzip');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.body.toString('utf8')).toBe(answer);
    await cache.settled();
    const second = await send(cache, 'q', 'gzip');
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(second.body).toString('utf8')).toBe(answer);
    expect(second.headers['content-length']).toBe(second.body.length);
    expect(second.headers.etag).toBe(first.headers.etag);
    const plain = await send(cache, 'q');
    expect(plain.body.equals(first.body)).toBe(true);
    expect(cache.stats).toMatchObject({ hits: 2, misses: 1, stored: 1 });
  });

  it('counts the compressed copies in the size budget', async () => {
    const bytes = Buffer.byteLength(answer);
    // Room for two answers' JSON but not for two with their copies: storing a second evicts the first.
    const cache = make(bytes * 2 + 10);
    await send(cache, 'a');
    await cache.settled();
    await send(cache, 'b');
    await cache.settled();
    const hits = cache.stats.hits;
    await send(cache, 'a');
    expect(cache.stats.hits).toBe(hits);
    await send(cache, 'b');
    expect(cache.stats.hits).toBe(hits); // b was evicted storing a again; nothing outlives the budget
  });
});
