import { writeTinyWarehouse } from './fixtures/tiny-warehouse';
import { createResponseCache } from './response-cache';
import { signRaw, startCubeHarness, type CubeHarness } from './testing/cube-harness';

/** The answer cache in front of /load: hits only for the same role, co-op and publication. */
let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: 3, days: 3 });
  // The driver attaches the warehouse on the first query; answers are stored only once that
  // publication has settled (Cube's 2 s refresh keys).
  await h.load(await h.token('auditor'), { measures: ['crisis.stock_on_hand'] });
  await new Promise((r) => setTimeout(r, 3200));
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const byCoop = { measures: ['consumption.quantity'], dimensions: ['consumption.coop_id'], order: { 'consumption.coop_id': 'asc' } };

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

  it('does not store refusals', async () => {
    const planner = await h.token('planner');
    const audit = { measures: ['audit.row_count'] };
    expect((await h.load(planner, audit)).status).toBe(403);
    expect((await h.load(planner, audit)).status).toBe(403);
  });

  it('serves the new publication after a publish, never the cached old one', async () => {
    const token = await h.token('leadership');
    const total = async () => (await h.load(token, byCoop)).body.data?.reduce((s, r) => s + Number(r['consumption.quantity']), 0) ?? 0;
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
});

describe('response cache eviction', () => {
  // The middleware alone, with stand-ins for express' request and response.
  const cache = createResponseCache({
    verify: async () => ({ role: 'planner', exp: 0 }),
    publication: async () => ({ version: 'v1', attachedAt: 0 }),
    settleMs: 0,
    maxEntries: 10,
    maxTotalChars: 400,
  });
  const request = async (query: string, answer: string): Promise<'hit' | 'miss'> => {
    const hits = cache.stats.hits;
    const req = { method: 'POST', url: '/cubejs-api/v1/load', headers: { authorization: 't' }, body: { query } };
    const res = { statusCode: 200, setHeader: () => undefined, end: () => undefined as unknown, json: (b: unknown) => b };
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
