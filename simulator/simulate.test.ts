import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCsv } from './csv';
import { readVendorFile } from './read-vendor-file';
import { simulate, type SimulationSummary } from './simulate';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

async function digest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir)) {
    hash.update(path.relative(dir, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

describe('simulate (small scale, fixed end date)', () => {
  let out: string;
  let summary: SimulationSummary;

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'rabt-sim-'));
    summary = await simulate({ scale: 'small', seed: 11, outDir: out, endDate: '2025-06-30', days: 30 });
  }, 60_000);
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('covers all three vendors and at least three governorates', async () => {
    const coops = parseCsv(await readFile(path.join(out, 'truth', 'coops.csv'), 'utf8')).slice(1);
    expect(new Set(coops.map((c) => c[2]))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(coops.map((c) => c[1])).size).toBeGreaterThanOrEqual(3);
    expect(summary.coops).toBe(5);
    expect(summary.products).toBe(100);
    expect(summary.startDate).toBe('2025-06-01');
  });

  it('names files per the contract, one co-op and feed per file', async () => {
    const files = await listFiles(path.join(out, 'inbox'));
    expect(files.length).toBe(summary.files);
    for (const file of files) {
      const rel = path.relative(path.join(out, 'inbox'), file);
      expect(rel).toMatch(
        /^(C\d{3})\/\1__(sales|stock|deliveries|prices|stocktake|finance|transactions|shareholders|aid|hr|cameras|contractors)__2025\d{4}__\d{3}(__corr)?\.(csv|jsonl|xlsx)$/,
      );
    }
    // Vendor C sends finance as a workbook and everything else as JSON Lines; A and B send CSV.
    const vendorOf = new Map(
      parseCsv(await readFile(path.join(out, 'truth', 'coops.csv'), 'utf8'))
        .slice(1)
        .map((c) => [c[0]!, c[2]!]),
    );
    const extensions = new Set(
      files.map((f) => {
        const [coop, feed] = path.basename(f).split('__');
        return `${vendorOf.get(coop!)}:${feed === 'finance' ? 'finance' : 'other'}:${path.extname(f)}`;
      }),
    );
    expect(extensions).toEqual(
      new Set([
        'A:finance:.csv',
        'A:other:.csv',
        'B:finance:.csv',
        'B:other:.csv',
        'C:finance:.xlsx',
        'C:other:.jsonl',
      ]),
    );
  });

  it('keeps the stock ledger balanced and never sells more than is on hand', async () => {
    const ledgers = await listFiles(path.join(out, 'truth', 'ledger'));
    expect(ledgers.length).toBe(5);
    let rows = 0;
    for (const file of ledgers) {
      const [header, ...lines] = parseCsv(await readFile(file, 'utf8'));
      expect(header).toEqual([
        'date',
        'site_id',
        'product_id',
        'opening',
        'received',
        'transferred_out',
        'demand',
        'sold',
        'shrinkage',
        'adjustment',
        'closing',
        'book',
      ]);
      for (const line of lines) {
        const [opening, received, out_, demand, sold, shrink, adjust, closing, book] = line
          .slice(3)
          .map(Number) as number[];
        expect(closing).toBe(opening! + received! - out_! - sold! - shrink! + adjust!);
        expect(sold).toBeLessThanOrEqual(opening! + received!);
        expect(sold).toBeLessThanOrEqual(demand!);
        expect(closing).toBeGreaterThanOrEqual(0);
        expect(book).toBeGreaterThanOrEqual(0);
        rows++;
      }
    }
    // 5 co-ops × 3 sites × 100 products × 30 days.
    expect(rows).toBe(5 * 3 * 100 * 30);
  });

  it('reports in the inbox exactly what the ledger says was sold and left', async () => {
    const sold = new Map<string, number>();
    const closing = new Map<string, number>();
    for (const file of await listFiles(path.join(out, 'truth', 'ledger'))) {
      for (const line of parseCsv(await readFile(file, 'utf8')).slice(1)) {
        const key = `${line[0]}|${line[1]}|${line[2]}`;
        sold.set(key, Number(line[7]));
        // The stock feed reports the co-op's book, which the planted shrinkage and miscounts move off the shelf.
        closing.set(key, Number(line[11]));
      }
    }
    const reportedSold = new Map<string, number>();
    for (const file of await listFiles(path.join(out, 'inbox'))) {
      if (!/__(sales|stock)__/.test(file)) continue;
      const ext = path.extname(file).slice(1);
      const records = readVendorFile(await readFile(file), ext);
      if (file.includes('__sales__')) {
        for (const r of records) {
          const key = `${r.date}|${r.site}|${r.gtin}`;
          reportedSold.set(key, (reportedSold.get(key) ?? 0) + r.qty);
        }
        expect(
          records.filter((r) => !(r.hour >= 0 && r.hour < 24 && r.fils > 0 && r.qty > 0)),
          file,
        ).toEqual([]);
      } else {
        const wrong = records.filter((r) => r.qty !== closing.get(`${r.date}|${r.site}|${r.gtin}`));
        expect(wrong, file).toEqual([]);
      }
    }
    const mismatched = [...sold].filter(([key, qty]) => (reportedSold.get(key) ?? 0) !== qty);
    expect(mismatched).toEqual([]);
  });

  it('puts the default crisis in the span and makes essentials run out there', async () => {
    expect(summary.crisis.startDate).toBe('2025-06-15');
    const lines = parseCsv(await readFile(path.join(out, 'truth', 'stockouts.csv'), 'utf8')).slice(1);
    const inCrisis = lines.filter((l) => l[0]! >= '2025-06-15' && l[0]! <= '2025-06-27').length;
    const before = lines.filter((l) => l[0]! < '2025-06-15').length;
    expect(inCrisis).toBeGreaterThan(before * 3);
  });

  it('lists every planted event in the truth with its place and window', async () => {
    const [header, ...events] = parseCsv(await readFile(path.join(out, 'truth', 'events.csv'), 'utf8'));
    expect(header).toEqual([
      'event_type',
      'coop_id',
      'governorate_id',
      'site_id',
      'product_scope',
      'start_date',
      'end_date',
      'detail',
    ]);
    const waves = events.filter((e) => e[0] === 'crisis_wave');
    expect(waves.map((e) => e[2])).toEqual(summary.crisis.spreadOrder);
    expect(waves[0]?.slice(5, 7)).toEqual(['2025-06-15', '2025-06-21']);
    const gouging = events.filter((e) => e[0] === 'price_gouging');
    expect(gouging.length).toBeGreaterThanOrEqual(1);
    // The gouging co-op really charged more for essentials inside its window than before it.
    const [, coopId, gov, , , start, end] = gouging[0]!;
    expect(waves.find((w) => w[2] === gov)?.slice(5, 7)).toEqual([start, end]);
    const files = (await listFiles(path.join(out, 'inbox', coopId!))).filter((f) => f.includes('__sales__'));
    const unitPrice = async (date: string): Promise<Map<string, number>> => {
      const file = files.find((f) => f.includes(`__${date.replaceAll('-', '')}__`))!;
      const prices = new Map<string, number>();
      for (const r of readVendorFile(await readFile(file), path.extname(file).slice(1)))
        prices.set(r.gtin, r.fils / r.qty);
      return prices;
    };
    const before = await unitPrice('2025-06-05');
    const during = await unitPrice(start!);
    const raised = [...during].filter(([gtin, price]) => before.has(gtin) && price > before.get(gtin)! * 1.2);
    expect(raised.length).toBeGreaterThan(5);
  });

  it('gives byte-identical output for the same seed and different output for another', async () => {
    const a = await mkdtemp(path.join(tmpdir(), 'rabt-sim-a-'));
    const b = await mkdtemp(path.join(tmpdir(), 'rabt-sim-b-'));
    const c = await mkdtemp(path.join(tmpdir(), 'rabt-sim-c-'));
    try {
      const options = { scale: 'small' as const, outDir: a, endDate: '2025-05-31', days: 5 };
      await simulate({ ...options, seed: 3 });
      await simulate({ ...options, seed: 3, outDir: b });
      await simulate({ ...options, seed: 4, outDir: c });
      expect(await digest(a)).toBe(await digest(b));
      expect(await digest(a)).not.toBe(await digest(c));
    } finally {
      await Promise.all([a, b, c].map((d) => rm(d, { recursive: true, force: true })));
    }
  });

  it('rejects bad options with a clear error', async () => {
    await expect(simulate({ scale: 'huge' as 'small', seed: 1, outDir: out })).rejects.toThrow(/scale/);
    await expect(simulate({ scale: 'small', seed: 1, outDir: out, endDate: '30/06/2025' })).rejects.toThrow(/endDate/);
    await expect(simulate({ scale: 'small', seed: 1, outDir: out, days: 0 })).rejects.toThrow(/days/);
  });
});
