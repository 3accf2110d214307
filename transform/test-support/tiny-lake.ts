import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { REFERENCE_COLUMNS, type ReferenceTable } from '../../domain/reference-data';

/*
 * A tiny lake and reference set that match docs/contracts.md, for tests that run real dbt.
 * Tests own their data: the reference CSVs here are a handful of rows so a test does not
 * depend on whatever the simulator's committed seeds hold on a given day; the calendar is
 * the real committed one (the lead's generator writes it).
 */

const transformDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** GTIN-13 with a valid check digit from a 12-digit body. */
export function gtin13(body: string): string {
  if (!/^\d{12}$/.test(body)) throw new Error(`GTIN body must be 12 digits: ${body}`);
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

export const PRODUCTS = {
  rice: gtin13('628100000001'),
  oil: gtin13('628100000002'),
  soap: gtin13('628100000003'),
} as const;

function csv(rows: SeedRow[]): string {
  return (
    rows
      .map((r) =>
        r.map((v) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v))).join(','),
      )
      .join('\n') + '\n'
  );
}

const PROJECT_ENTRIES = ['dbt_project.yml', 'profiles.yml', 'macros', 'models', 'tests', 'snapshots', 'analyses'];

type SeedRow = (string | number | boolean)[];

/** The tiny reference seeds: a handful of rows per CSV, in the seeds' column order (domain/reference-data.ts). */
const TINY_REFERENCE: Record<ReferenceTable, SeedRow[]> = {
  ref_governorates: [
    ['KW-KU', 'Capital', 'العاصمة'],
    ['KW-JA', 'Jahra', 'الجهراء'],
  ],
  ref_areas: [
    ['A-KU-01', 'KW-KU', 'Shuwaikh', 'الشويخ'],
    ['A-JA-01', 'KW-JA', 'Jahra', 'الجهراء'],
  ],
  ref_coops: [
    ['C001', 'Shuwaikh Co-op', 'جمعية الشويخ', 'A-KU-01', 'KW-KU', 'A', '2024-01-01'],
    ['C002', 'Jahra Co-op', 'جمعية الجهراء', 'A-JA-01', 'KW-JA', 'B', '2024-06-01'],
  ],
  ref_sites: [
    ['C001-M', 'C001', 'main_market', 'Shuwaikh main market', 'السوق المركزي الشويخ', 'A-KU-01'],
    ['C001-B01', 'C001', 'branch', 'Shuwaikh branch 1', 'فرع الشويخ 1', 'A-KU-01'],
    ['C001-W', 'C001', 'warehouse', 'Shuwaikh warehouse', 'مستودع الشويخ', 'A-KU-01'],
    ['C002-M', 'C002', 'main_market', 'Jahra main market', 'السوق المركزي الجهراء', 'A-JA-01'],
  ],
  ref_categories: [
    ['RICE', 'Rice', 'أرز', true],
    ['OIL', 'Cooking oil', 'زيت الطبخ', true],
    ['CLEAN', 'Cleaning', 'منظفات', false],
  ],
  ref_products: [
    [PRODUCTS.rice, 'Basmati rice 5 kg', 'أرز بسمتي 5 كغ', 'RICE', '5', 'kg', 540, 'S01', true, '2.100', '2.450'],
    [PRODUCTS.oil, 'Corn oil 1.5 l', 'زيت ذرة 1.5 لتر', 'OIL', '1.5', 'l', 365, 'S01', true, '0.900', '1.150'],
    [PRODUCTS.soap, 'Soap', 'صابون', 'CLEAN', '1', 'pcs', 900, 'S01', false, '0.150', '0.250'],
  ],
  ref_suppliers: [['S01', 'Gulf Foods', 'أغذية الخليج', 3]],
};

function copyProject(projectDir: string): void {
  mkdirSync(projectDir, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    if (existsSync(join(transformDir, entry)))
      cpSync(join(transformDir, entry), join(projectDir, entry), { recursive: true });
  }
}

/** The real calendar (and any seed YAML) beside the tiny reference CSVs. */
function writeReferenceSeeds(ref: string): void {
  mkdirSync(ref, { recursive: true });
  const realRef = join(transformDir, 'seeds', 'reference');
  for (const file of readdirSync(realRef)) {
    if (file.endsWith('.yml') || file === 'ref_calendar.csv') copyFileSync(join(realRef, file), join(ref, file));
  }
  if (!existsSync(join(ref, 'ref_calendar.csv')))
    throw new Error('transform/seeds/reference/ref_calendar.csv is missing');
  for (const [table, rows] of Object.entries(TINY_REFERENCE) as [ReferenceTable, SeedRow[]][]) {
    writeFileSync(join(ref, `${table}.csv`), csv([[...REFERENCE_COLUMNS[table]], ...rows]));
  }
}

/**
 * Copies the dbt project (not its seeds or target) to `projectDir` and writes tiny
 * reference seeds there. A copy, not a seed-paths override: dbt writes each node's
 * compiled SQL to target/run/<seed path>, which for a seed path outside the project
 * lands on the CSV itself.
 */
export function writeTestProject(projectDir: string): void {
  copyProject(projectDir);
  writeReferenceSeeds(join(projectDir, 'seeds', 'reference'));
}

export interface SalesRow {
  siteId: string;
  productId: string;
  hour?: number;
  quantity: number;
  amount: number;
  receipts?: number;
}

export interface StockRow {
  siteId: string;
  productId: string;
  closingQty: number;
}

export interface BatchSpec {
  batchId: string;
  coopId: string;
  businessDate: string;
  receivedAt: string;
  status?: 'landed' | 'rejected';
  supersedes?: string | null;
  quarantined?: number;
}

const q = (s: string | null | undefined): string => (s == null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);

/** Writes Parquet into a lake laid out as in docs/contracts.md, one DuckDB session per fixture. */
export class TinyLake {
  private constructor(
    readonly lakeDir: string,
    private readonly instance: DuckDBInstance,
  ) {}

  static async create(lakeDir: string): Promise<TinyLake> {
    mkdirSync(lakeDir, { recursive: true });
    return new TinyLake(lakeDir, await DuckDBInstance.create(':memory:'));
  }

  private async copy(select: string, path: string): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    const connection = await this.instance.connect();
    try {
      await connection.run(`copy (${select}) to ${q(path)} (format parquet, compression zstd)`);
    } finally {
      connection.closeSync();
    }
  }

  private partition(feed: string, batch: BatchSpec, kind = 'raw'): string {
    return join(
      this.lakeDir,
      kind,
      feed,
      `dt=${batch.businessDate}`,
      `coop_id=${batch.coopId}`,
      `part-${batch.batchId}.parquet`,
    );
  }

  private async ledger(feed: string, batch: BatchSpec, rowsLanded: number): Promise<void> {
    const quarantined = batch.quarantined ?? 0;
    await this.copy(
      `select ${q(batch.batchId)} as batch_id, ${q(batch.coopId)} as coop_id, ${q(feed)} as feed, 'A' as vendor,
        ${q(`${batch.coopId}__${feed}__${batch.businessDate.replace(/-/g, '')}__01.csv`)} as file_name,
        repeat('0', 64) as checksum_sha256, date ${q(batch.businessDate)} as business_date,
        timestamptz ${q(batch.receivedAt)} as received_at,
        cast(${rowsLanded + quarantined} as bigint) as rows_in, cast(${rowsLanded} as bigint) as rows_landed,
        cast(${quarantined} as bigint) as rows_quarantined, ${q(batch.status ?? 'landed')} as status,
        cast(${q(batch.supersedes ?? null)} as varchar) as supersedes_batch_id`,
      join(this.lakeDir, 'ledger', `${batch.batchId}.parquet`),
    );
  }

  async sales(batch: BatchSpec, rows: SalesRow[]): Promise<void> {
    const values = rows
      .map(
        (r, i) =>
          `(${i + 1}, ${q(r.siteId)}, ${q(r.productId)}, ${r.hour ?? 10}, ${r.quantity}, ${r.amount}, ${r.receipts ?? 1})`,
      )
      .join(', ');
    await this.copy(
      `select ${q(batch.batchId)} as batch_id, cast(v.n as integer) as source_row, ${q(batch.coopId)} as coop_id,
        v.site as branch_id, v.product as product_id, date ${q(batch.businessDate)} as business_date,
        cast(date ${q(batch.businessDate)} + to_hours(v.hour) as timestamp) as sale_hour,
        cast(v.qty as decimal(14,3)) as quantity, cast(v.amount as decimal(18,3)) as net_amount_kwd,
        cast(v.receipts as integer) as receipt_count, timestamptz ${q(batch.receivedAt)} as ingested_at
       from (values ${values}) as v(n, site, product, hour, qty, amount, receipts)`,
      this.partition('sales', batch),
    );
    await this.ledger('sales', batch, rows.length);
  }

  async stock(batch: BatchSpec, rows: StockRow[]): Promise<void> {
    const values = rows.map((r, i) => `(${i + 1}, ${q(r.siteId)}, ${q(r.productId)}, ${r.closingQty})`).join(', ');
    await this.copy(
      `select ${q(batch.batchId)} as batch_id, cast(v.n as integer) as source_row, ${q(batch.coopId)} as coop_id,
        v.site as site_id, v.product as product_id, date ${q(batch.businessDate)} as stock_date,
        cast(v.qty as decimal(14,3)) as closing_qty, timestamptz ${q(batch.receivedAt)} as ingested_at
       from (values ${values}) as v(n, site, product, qty)`,
      this.partition('stock', batch),
    );
    await this.ledger('stock', batch, rows.length);
  }

  async forecasts(
    rows: { siteId: string; productId: string; ds: string; yhat: number }[],
    generatedAt: string,
  ): Promise<void> {
    const values = rows.map((r) => `(${q(r.siteId)}, ${q(r.productId)}, ${q(r.ds)}, ${r.yhat})`).join(', ');
    await this.copy(
      `select v.site || '|' || v.product as series_id, split_part(v.site, '-', 1) as coop_id, v.site as site_id,
        v.product as product_id, cast(v.ds as date) as ds, 'seasonal_naive' as model, cast(v.yhat as double) as yhat,
        cast(v.yhat * 0.8 as double) as yhat_lower, cast(v.yhat * 1.2 as double) as yhat_upper,
        cast(0.8 as double) as level, timestamptz ${q(generatedAt)} as generated_at
       from (values ${values}) as v(site, product, ds, yhat)`,
      join(this.lakeDir, 'ml', 'demand_forecast', `part-${generatedAt.replace(/\D/g, '')}.parquet`),
    );
  }

  close(): void {
    this.instance.closeSync();
  }
}
