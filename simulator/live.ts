/**
 * `--live`: drips the current day's sales as hourly batches, as co-ops' systems would. The
 * day is simulated (after a few weeks of warm-up so stock and demand are settled) into a
 * scratch directory; its sales file per co-op is then cut by hour and each hour is written
 * to `<outDir>/inbox/` as its own batch (`__<seq>` = hour + 1, additive, not a correction),
 * one hour every `intervalMs`. A CLI can pass `intervalMs: 3_600_000` for real time.
 * With `push`, co-ops that have a push key POST each hour to the push endpoint instead (as
 * `seq` = hour + 1, signed with their key); co-ops without a key still drop files.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { compactDate, todayInKuwait } from './kuwait-time';
import { pushBatch, type PushTarget } from './push-client';
import type { Scale } from './scales';
import { simulate } from './simulate';

export interface LiveOptions {
  scale: Scale;
  seed: number;
  outDir: string;
  /** The day to drip (default: today in Kuwait). */
  date?: string;
  /** Hours to send, Kuwait local, both included (default 0 to the current Kuwait hour). */
  fromHour?: number;
  toHour?: number;
  /** Pause between hours (default 0: all at once). */
  intervalMs?: number;
  warmupDays?: number;
  signal?: AbortSignal;
  /** Send to the push endpoint instead of the inbox (co-ops with a key). */
  push?: PushTarget;
  onBatch?: (event: LiveBatch) => void;
}

export interface LiveBatch {
  coopId: string;
  hour: number;
  rows: number;
  /** The inbox file written, or the URL path pushed to. */
  file: string;
  /** For a pushed batch: the batch id the server gave and whether it was accepted or a duplicate. */
  pushed?: { batchId: string; outcome: string };
}

function currentKuwaitHour(): number {
  return (new Date().getUTCHours() + 3) % 24;
}

/** The Kuwait hour of one sales line of any vendor (A offset time, B hour column, C UTC `ts`). */
export function lineHour(line: string): number {
  if (line.startsWith('{')) {
    const ts = /"ts":"([^"]+)"/.exec(line)?.[1] ?? '';
    return (new Date(ts).getUTCHours() + 3) % 24;
  }
  const fields = line.split(',');
  const a = /T(\d{2}):/.exec(fields[3] ?? '');
  return a ? Number(a[1]) : Number(fields[4]);
}

/** One co-op's sales day, cut by hour: the lines as written, in latin1 so any encoding passes through. */
interface CoopDaySales {
  coopId: string;
  ext: string;
  header: string | null;
  eol: string;
  hours: Map<number, string[]>;
}

export async function simulateLive(options: LiveOptions): Promise<{ batches: number; rows: number }> {
  const date = options.date ?? todayInKuwait();
  const fromHour = options.fromHour ?? 0;
  const toHour = options.toHour ?? (options.date ? 23 : currentKuwaitHour());
  if (!(fromHour >= 0 && toHour <= 23 && fromHour <= toHour))
    throw new Error(`hours must satisfy 0 <= fromHour <= toHour <= 23, got ${fromHour}..${toHour}`);
  const work = await mkdtemp(path.join(tmpdir(), 'rabt-live-'));
  try {
    await simulate({
      scale: options.scale,
      seed: options.seed,
      outDir: work,
      endDate: date,
      days: options.warmupDays ?? 28,
      feeds: ['sales', 'stock'],
    });
    const byCoop = await salesByHour(path.join(work, 'inbox'), compactDate(date));
    let batches = 0;
    let rows = 0;
    for (let hour = fromHour; hour <= toHour; hour++) {
      if (options.signal?.aborted) break;
      for (const coop of byCoop) {
        const lines = coop.hours.get(hour) ?? [];
        batches++;
        rows += lines.length;
        await sendHour(options, date, coop, hour, lines);
      }
      if (hour < toHour && (options.intervalMs ?? 0) > 0)
        await sleep(options.intervalMs as number, undefined, { signal: options.signal }).catch(() => undefined);
    }
    return { batches, rows };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every co-op's sales file of the day, its lines grouped by Kuwait hour. */
async function salesByHour(inbox: string, day: string): Promise<CoopDaySales[]> {
  const byCoop: CoopDaySales[] = [];
  for (const coopId of (await readdir(inbox)).sort()) {
    const name = (await readdir(path.join(inbox, coopId))).find((f) => f.includes(`__sales__${day}__`));
    if (!name) continue;
    // latin1 keeps every byte as one char, so Windows-1256 and UTF-8 files pass through unchanged.
    const text = (await readFile(path.join(inbox, coopId, name))).toString('latin1');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(eol).filter((l) => l !== '');
    const ext = path.extname(name).slice(1);
    const header = ext === 'jsonl' ? null : (lines.shift() as string);
    const hours = new Map<number, string[]>();
    for (const line of lines) {
      const h = lineHour(line);
      hours.set(h, [...(hours.get(h) ?? []), line]);
    }
    byCoop.push({ coopId, ext, header, eol, hours });
  }
  return byCoop;
}

/** One co-op's hour as its own batch: pushed when the co-op has a key, else dropped in the inbox. */
async function sendHour(
  options: LiveOptions,
  date: string,
  coop: CoopDaySales,
  hour: number,
  lines: string[],
): Promise<void> {
  const body = Buffer.from(
    [...(coop.header === null ? [] : [coop.header]), ...lines].map((l) => `${l}${coop.eol}`).join(''),
    'latin1',
  );
  const key = options.push?.keyFor(coop.coopId);
  if (options.push && key !== undefined) {
    const batch = {
      coopId: coop.coopId,
      feed: 'sales',
      businessDate: date,
      seq: hour + 1,
      format: coop.ext === 'jsonl' ? ('jsonl' as const) : ('csv' as const),
    };
    const result = await pushBatch(options.push, key, batch, body);
    options.onBatch?.({
      coopId: coop.coopId,
      hour,
      rows: lines.length,
      file: `/v1/batches/sales?coop_id=${coop.coopId}&business_date=${date}&seq=${hour + 1}`,
      pushed: { batchId: result.batchId, outcome: result.outcome },
    });
    return;
  }
  const dir = path.join(options.outDir, 'inbox', coop.coopId);
  await mkdir(dir, { recursive: true });
  const file = path.join(
    dir,
    `${coop.coopId}__sales__${compactDate(date)}__${String(hour + 1).padStart(3, '0')}.${coop.ext}`,
  );
  await writeFile(file, body);
  options.onBatch?.({ coopId: coop.coopId, hour, file, rows: lines.length });
}
