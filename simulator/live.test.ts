import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPushServer } from '../ingestion/push-server';
import { pushHeaders } from '../domain/push-signature';
import { lineHour, simulateLive, type LiveBatch } from './live';
import { loadReference } from './reference/load-reference';
import { simulate } from './simulate';

describe('simulateLive', () => {
  it.each([
    ['C001,C001-M,6271001000014,2025-06-14T18:00:00+03:00,3,1.250,2', 18],
    ['C002,C002-M,6271001000014,14/06/2025,9,٣,"1,250",2', 9],
    ['{"coop":"C003","site":"C003-M","gtin":"1","ts":"2025-06-14T21:00:00Z","qty":1,"amount_fils":1,"tickets":1}', 0],
  ])('reads the Kuwait hour of %s', (line, hour) => {
    expect(lineHour(line)).toBe(hour);
  });

  it('cuts the day into hourly batches that add up to the day the simulator writes', async () => {
    const live = await mkdtemp(path.join(tmpdir(), 'rabt-live-out-'));
    const whole = await mkdtemp(path.join(tmpdir(), 'rabt-live-day-'));
    try {
      const result = await simulateLive({
        scale: 'small',
        seed: 9,
        outDir: live,
        date: '2025-06-14',
        warmupDays: 3,
        fromHour: 0,
        toHour: 23,
      });
      await simulate({
        scale: 'small',
        seed: 9,
        outDir: whole,
        endDate: '2025-06-14',
        days: 3,
        feeds: ['sales', 'stock'],
      });
      const coops = await readdir(path.join(live, 'inbox'));
      expect(result.batches).toBe(coops.length * 24);
      let dayRows = 0;
      for (const coop of coops) {
        const files = (await readdir(path.join(live, 'inbox', coop))).sort();
        expect(files.length).toBe(24);
        expect(files[0]).toMatch(new RegExp(`^${coop}__sales__20250614__001\\.(csv|jsonl)$`));
        const day = (await readdir(path.join(whole, 'inbox', coop))).find((f) => f.includes('__sales__20250614__'))!;
        const lines = (await readFile(path.join(whole, 'inbox', coop, day)))
          .toString('latin1')
          .split(/\r?\n/)
          .filter((l) => l !== '');
        const dataLines = day.endsWith('.jsonl') ? lines : lines.slice(1);
        dayRows += dataLines.length;
        const dripped: string[] = [];
        for (const f of files) {
          const got = (await readFile(path.join(live, 'inbox', coop, f)))
            .toString('latin1')
            .split(/\r?\n/)
            .filter((l) => l !== '');
          dripped.push(...(f.endsWith('.jsonl') ? got : got.slice(1)));
        }
        expect(dripped.sort()).toEqual([...dataLines].sort());
      }
      expect(result.rows).toBe(dayRows);
    } finally {
      await Promise.all([live, whole].map((d) => rm(d, { recursive: true, force: true })));
    }
  });

  it('pushes each hour to the real push endpoint, signed with the co-op key, where ingestion lands it; a co-op without a key drops files', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'rabt-live-push-'));
    const keys = Object.fromEntries(
      (await loadReference()).ref_coops.map((c) => [c.coop_id, `push-key-${c.coop_id}-0123456789`]),
    );
    const server = buildPushServer({ lakeDir: path.join(work, 'lake'), keys });
    const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const batches: LiveBatch[] = [];
      let keyless = '';
      const result = await simulateLive({
        scale: 'small',
        seed: 9,
        outDir: path.join(work, 'out'),
        date: '2025-06-14',
        warmupDays: 3,
        fromHour: 19,
        toHour: 19,
        push: {
          url,
          keyFor: (coopId) => {
            if (keyless === '') keyless = coopId; // the first co-op asked has no key
            return coopId === keyless ? undefined : keys[coopId];
          },
        },
        onBatch: (b) => batches.push(b),
      });
      await server.whenIdle();
      const pushed = batches.filter((b) => b.pushed);
      expect(result.batches).toBe(batches.length);
      expect(pushed.length).toBe(batches.length - 1);
      expect(new Set(pushed.map((b) => b.pushed!.outcome))).toEqual(new Set(['accepted']));
      expect(new Set(pushed.map((b) => b.pushed!.batchId)).size).toBe(pushed.length);
      // The co-op without a key dropped its hour in the inbox instead.
      expect(await readdir(path.join(work, 'out', 'inbox'))).toEqual([keyless]);
      expect(await readdir(path.join(work, 'out', 'inbox', keyless))).toEqual([
        expect.stringMatching(new RegExp(`^${keyless}__sales__20250614__020\\.(csv|jsonl)$`)),
      ]);
      for (const b of pushed) {
        const statusPath = `/v1/batches/${b.pushed!.batchId}`;
        const response = await fetch(new URL(statusPath, url), {
          headers: pushHeaders(b.coopId, keys[b.coopId]!, 'GET', statusPath, Buffer.alloc(0)),
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({
          coop_id: b.coopId,
          feed: 'sales',
          business_date: '2025-06-14',
          status: 'landed',
          rows_in: b.rows,
          rows_landed: b.rows,
          rows_quarantined: 0,
        });
      }
      expect(pushed.reduce((n, b) => n + b.rows, 0)).toBeGreaterThan(0);
    } finally {
      await server.app.close();
      await server.whenIdle();
      await rm(work, { recursive: true, force: true });
    }
  }, 180_000);
});
