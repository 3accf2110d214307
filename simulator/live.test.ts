import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lineHour, simulateLive } from './live';
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
      const result = await simulateLive({ scale: 'small', seed: 9, outDir: live, date: '2025-06-14', warmupDays: 3, fromHour: 0, toHour: 23 });
      await simulate({ scale: 'small', seed: 9, outDir: whole, endDate: '2025-06-14', days: 3, feeds: ['sales', 'stock'] });
      const coops = await readdir(path.join(live, 'inbox'));
      expect(result.batches).toBe(coops.length * 24);
      let dayRows = 0;
      for (const coop of coops) {
        const files = (await readdir(path.join(live, 'inbox', coop))).sort();
        expect(files.length).toBe(24);
        expect(files[0]).toMatch(new RegExp(`^${coop}__sales__20250614__001\\.(csv|jsonl)$`));
        const day = (await readdir(path.join(whole, 'inbox', coop))).find((f) => f.includes('__sales__20250614__'))!;
        const lines = (await readFile(path.join(whole, 'inbox', coop, day))).toString('latin1').split(/\r?\n/).filter((l) => l !== '');
        const dataLines = day.endsWith('.jsonl') ? lines : lines.slice(1);
        dayRows += dataLines.length;
        const dripped: string[] = [];
        for (const f of files) {
          const got = (await readFile(path.join(live, 'inbox', coop, f))).toString('latin1').split(/\r?\n/).filter((l) => l !== '');
          dripped.push(...(f.endsWith('.jsonl') ? got : got.slice(1)));
        }
        expect(dripped.sort()).toEqual([...dataLines].sort());
      }
      expect(result.rows).toBe(dayRows);
    } finally {
      await Promise.all([live, whole].map((d) => rm(d, { recursive: true, force: true })));
    }
  });
});
