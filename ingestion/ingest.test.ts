import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ingestInbox, type IngestProgressEvent } from './ingest';
import { makeWorkspace, OIL, query, RICE, UNKNOWN_GTIN, type Workspace } from './test-fixtures';

const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const parquet = (dir: string): string => `${sq(join(dir, '**', '*.parquet'))}, hive_partitioning = false`;

function run(ws: Workspace, onProgress?: (e: IngestProgressEvent) => void) {
  return ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference, onProgress });
}

const VENDOR_A_SALES = [
  'coop_id,branch_id,barcode,sale_hour,quantity,net_amount_kwd,receipts',
  `C001,C001-B01,${RICE},2025-06-14T18:00:00+03:00,3,5.850,2`,
  `C001,C001-M,${OIL},2025-06-14T09:00:00+03:00,1.5,1.650,1`,
  `C001,C001-M,${UNKNOWN_GTIN},2025-06-14T09:00:00+03:00,1,1.000,1`,
  `C001,C001-M,${RICE},2025-06-14T10:00:00+03:00,-2,1.000,1`,
  `C001,C001-B01,${RICE},2025-06-14T18:00:00+03:00,3,5.850,2`,
].join('\n');

describe('ingestInbox: vendor A sales', () => {
  it('lands good rows with contract types and quarantines bad ones with reasons', async () => {
    const ws = makeWorkspace();
    ws.put('C001/C001__sales__20250614__001.csv', `${VENDOR_A_SALES}\n`);
    const events: IngestProgressEvent[] = [];
    const summary = await run(ws, (e) => events.push(e));

    expect(summary).toMatchObject({
      files: 1,
      batches: 1,
      duplicates_skipped: 0,
      rows_in: 5,
      rows_landed: 2,
      rows_quarantined: 3,
    });
    expect(summary.reasons).toEqual({ unknown_product: 1, negative_quantity: 1, duplicate_row: 1 });
    expect(summary.failures).toEqual([]);
    expect(events).toMatchObject([
      { stage: 'ingest', done: 1, total: 1, outcome: 'landed', rows_landed: 2, rows_quarantined: 3 },
    ]);

    const batchId = events[0]!.batch_id!;
    const landedFile = join(ws.lake, 'raw', 'sales', 'dt=2025-06-14', 'coop_id=C001', `part-${batchId}.parquet`);
    expect(existsSync(landedFile)).toBe(true);
    const schema = await query(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${sq(landedFile)}, hive_partitioning = false))`,
    );
    expect(Object.fromEntries(schema.map((r) => [r.column_name, r.column_type]))).toEqual({
      batch_id: 'VARCHAR',
      source_row: 'INTEGER',
      coop_id: 'VARCHAR',
      branch_id: 'VARCHAR',
      product_id: 'VARCHAR',
      business_date: 'DATE',
      sale_hour: 'TIMESTAMP',
      quantity: 'DECIMAL(14,3)',
      net_amount_kwd: 'DECIMAL(18,3)',
      receipt_count: 'INTEGER',
      ingested_at: 'TIMESTAMP WITH TIME ZONE',
    });
    const rows = await query(
      `SELECT source_row, branch_id, product_id, CAST(sale_hour AS VARCHAR) AS sale_hour, CAST(quantity AS VARCHAR) AS q,
         CAST(net_amount_kwd AS VARCHAR) AS amount, receipt_count FROM read_parquet(${sq(landedFile)}) ORDER BY source_row`,
    );
    expect(rows).toEqual([
      {
        source_row: 2,
        branch_id: 'C001-B01',
        product_id: RICE,
        sale_hour: '2025-06-14 18:00:00',
        q: '3.000',
        amount: '5.850',
        receipt_count: 2,
      },
      {
        source_row: 3,
        branch_id: 'C001-M',
        product_id: OIL,
        sale_hour: '2025-06-14 09:00:00',
        q: '1.500',
        amount: '1.650',
        receipt_count: 1,
      },
    ]);

    const quarantined = await query(
      `SELECT source_row, reason_code, reason_detail, raw_text FROM read_parquet(${parquet(join(ws.lake, 'quarantine', 'sales'))}) ORDER BY source_row`,
    );
    expect(quarantined.map((r) => [r.source_row, r.reason_code])).toEqual([
      [4, 'unknown_product'],
      [5, 'negative_quantity'],
      [6, 'duplicate_row'],
    ]);
    expect(quarantined[0]!.raw_text).toBe(`C001,C001-M,${UNKNOWN_GTIN},2025-06-14T09:00:00+03:00,1,1.000,1`);
    expect(quarantined[0]!.reason_detail).toContain(UNKNOWN_GTIN);

    const ledger = await query(
      `SELECT * EXCLUDE (received_at) FROM read_parquet(${sq(join(ws.lake, 'ledger', `${batchId}.parquet`))})`,
    );
    expect(ledger).toEqual([
      {
        batch_id: batchId,
        coop_id: 'C001',
        feed: 'sales',
        vendor: 'A',
        file_name: 'C001__sales__20250614__001.csv',
        checksum_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        business_date: '2025-06-14',
        rows_in: '5',
        rows_landed: '2',
        rows_quarantined: '3',
        status: 'landed',
        supersedes_batch_id: null,
        reject_reason: null,
      },
    ]);
  });
});

describe('ingestInbox: cells quoted wrongly', () => {
  it.each([
    ['a quote inside a cell', `C001,C001-M,${RICE},2025-06-14T09:00:00+03:00,1,1.000,1"x"`],
    ['text after a closing quote', `C001,C001-M,${RICE},2025-06-14T09:00:00+03:00,1,"1.000"5,1`],
    ['a quote never closed', `C001,C001-M,${RICE},2025-06-14T09:00:00+03:00,1,1.000,"1`],
  ])('%s: the row is quarantined with its raw text, not landed with the cell cut short', async (_label, badLine) => {
    const ws = makeWorkspace();
    const good = `C001,C001-B01,${RICE},2025-06-14T18:00:00+03:00,3,5.850,2`;
    ws.put('C001/C001__sales__20250614__001.csv', `${VENDOR_A_SALES.split('\n')[0]}\n${good}\n${badLine}\n`);
    const summary = await run(ws);
    expect(summary).toMatchObject({ rows_in: 2, rows_landed: 1, rows_quarantined: 1 });
    const landed = await query(`SELECT source_row FROM read_parquet(${parquet(join(ws.lake, 'raw', 'sales'))})`);
    expect(landed).toEqual([{ source_row: 2 }]);
    const quarantined = await query(
      `SELECT source_row, raw_text FROM read_parquet(${parquet(join(ws.lake, 'quarantine', 'sales'))})`,
    );
    expect(quarantined).toEqual([{ source_row: 3, raw_text: badLine }]);
  });
});

describe('ingestInbox: vendor B (Windows-1256, Arabic headers)', () => {
  it('reads Arabic headers in any order, dd/mm/yyyy, Arabic-Indic digits and decimal commas', async () => {
    const ws = makeWorkspace();
    const csv = [
      'رقم الجمعية,رقم الفرع,الباركود,التاريخ,الساعة,الكمية,المبلغ,عدد الفواتير',
      `C002,C002-B01,${RICE},14/06/2025,18,3,"5,850",2`,
      `C002,C002-M,${OIL},14/06/2025,9,"1,5","1,650",1`,
      `C002,C002-M,${OIL},31/06/2025,9,1,"1,650",1`,
      `C002,C002-M,${OIL},14/06/2025,24,1,"1,650",1`,
      `C002,C002-W,${OIL},14/06/2025,10,1,"1,650",1`,
    ].join('\r\n');
    ws.put('C002/C002__sales__20250614__001.csv', iconv.encode(csv, 'windows-1256'));
    // Swapped columns, stock feed.
    const stock = [
      'الرصيد,الباركود,رقم الموقع,رقم الجمعية,التاريخ',
      `"12,5",${RICE},C002-W,C002,14/06/2025`,
      `-1,${OIL},C002-W,C002,14/06/2025`,
    ].join('\r\n');
    ws.put('C002/C002__stock__20250614__001.csv', iconv.encode(stock, 'windows-1256'));
    // Windows-1256 has no Arabic-Indic digits: a system that writes them sends UTF-8.
    ws.put(
      'C002/C002__stock__20250615__001.csv',
      `\uFEFFرقم الجمعية,رقم الموقع,الباركود,التاريخ,الرصيد\nC002,C002-M,${OIL},١٥/٠٦/٢٠٢٥,"١٢٫٥"\n`,
    );

    const summary = await run(ws);
    expect(summary).toMatchObject({ files: 3, batches: 3, rows_in: 8, rows_landed: 4, rows_quarantined: 4 });
    expect(summary.reasons).toEqual({ bad_date: 1, bad_hour: 1, not_a_sales_site: 1, negative_stock: 1 });

    const sales = await query(
      `SELECT product_id, CAST(sale_hour AS VARCHAR) AS h, CAST(quantity AS VARCHAR) AS q, CAST(net_amount_kwd AS VARCHAR) AS a, receipt_count
       FROM read_parquet(${parquet(join(ws.lake, 'raw', 'sales'))}) ORDER BY h`,
    );
    expect(sales).toEqual([
      { product_id: OIL, h: '2025-06-14 09:00:00', q: '1.500', a: '1.650', receipt_count: 1 },
      { product_id: RICE, h: '2025-06-14 18:00:00', q: '3.000', a: '5.850', receipt_count: 2 },
    ]);
    const stockRows = await query(
      `SELECT site_id, product_id, CAST(stock_date AS VARCHAR) AS d, CAST(closing_qty AS VARCHAR) AS q FROM read_parquet(${parquet(join(ws.lake, 'raw', 'stock'))}) ORDER BY d`,
    );
    expect(stockRows).toEqual([
      { site_id: 'C002-W', product_id: RICE, d: '2025-06-14', q: '12.500' },
      { site_id: 'C002-M', product_id: OIL, d: '2025-06-15', q: '12.500' },
    ]);
    const quarantine = await query(
      `SELECT raw_text FROM read_parquet(${parquet(join(ws.lake, 'quarantine', 'stock'))})`,
    );
    expect(quarantine).toEqual([{ raw_text: `-1,${OIL},C002-W,C002,14/06/2025` }]);
    const ledger = await query(`SELECT DISTINCT vendor FROM read_parquet(${parquet(join(ws.lake, 'ledger'))})`);
    expect(ledger).toEqual([{ vendor: 'B' }]);
  });
});

describe('ingestInbox: vendor C (JSON Lines)', () => {
  it('converts UTC hours to Kuwait wall clock and fils to KWD', async () => {
    const ws = makeWorkspace();
    const lines = [
      { coop: 'C003', site: 'C003-B01', gtin: RICE, ts: '2025-06-14T15:00:00Z', qty: 3, amount_fils: 5850, tickets: 2 },
      { coop: 'C003', site: 'C003-B01', gtin: RICE, ts: '2025-06-14T21:00:00Z', qty: 1, amount_fils: 1950, tickets: 1 },
      { coop: 'C001', site: 'C001-B01', gtin: RICE, ts: '2025-06-14T16:00:00Z', qty: 1, amount_fils: 1950, tickets: 1 },
      { coop: 'C003', site: 'C003-B01', gtin: RICE, ts: '2025-06-14T16:30:00Z', qty: 1, amount_fils: 1950, tickets: 1 },
    ].map((o) => JSON.stringify(o));
    ws.put('C003/C003__sales__20250614__001.jsonl', `${lines.join('\n')}\n{"coop":"C003",\n`);
    ws.put(
      'C003/C003__stock__20250614__001.jsonl',
      `${JSON.stringify({ coop: 'C003', site: 'C003-W', gtin: OIL, date: '2025-06-14', on_hand: 42 })}\n`,
    );

    const summary = await run(ws);
    expect(summary.reasons).toEqual({ coop_mismatch: 1, bad_timestamp: 1, malformed_json: 1 });
    expect(summary).toMatchObject({ rows_in: 6, rows_landed: 3, rows_quarantined: 3 });
    const sales = await query(
      `SELECT CAST(business_date AS VARCHAR) AS d, CAST(sale_hour AS VARCHAR) AS h, CAST(net_amount_kwd AS VARCHAR) AS a
       FROM read_parquet(${parquet(join(ws.lake, 'raw', 'sales'))}) ORDER BY h`,
    );
    // 21:00 UTC is midnight in Kuwait: the next business day, in its own dt= partition.
    expect(sales).toEqual([
      { d: '2025-06-14', h: '2025-06-14 18:00:00', a: '5.850' },
      { d: '2025-06-15', h: '2025-06-15 00:00:00', a: '1.950' },
    ]);
    expect(readdirSync(join(ws.lake, 'raw', 'sales')).sort()).toEqual(['dt=2025-06-14', 'dt=2025-06-15']);
  });
});

describe('ingestInbox: exactly once', () => {
  it('skips batches already landed, in this run or an earlier one', async () => {
    const ws = makeWorkspace();
    ws.put('C001/C001__sales__20250614__001.csv', VENDOR_A_SALES);
    ws.put('C001/C001__sales__20250614__002.csv', VENDOR_A_SALES); // a resend of the same bytes
    const first = await run(ws);
    expect(first).toMatchObject({ files: 2, batches: 1, duplicates_skipped: 1, rows_landed: 2 });

    const second = await run(ws);
    expect(second).toMatchObject({ files: 2, batches: 0, duplicates_skipped: 2, rows_in: 0, rows_landed: 0 });
    const count = await query(`SELECT count(*) AS n FROM read_parquet(${parquet(join(ws.lake, 'raw'))})`);
    expect(count).toEqual([{ n: '2' }]);
  });

  it('a correction supersedes the current batch of its co-op, feed and day', async () => {
    const ws = makeWorkspace();
    const header = 'coop_id,site_id,barcode,stock_date,closing_qty';
    ws.put('C001/C001__stock__20250614__001.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,10\n`);
    await run(ws);
    ws.put('C001/C001__stock__20250614__002__corr.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,12\n`);
    await run(ws);
    ws.put('C001/C001__stock__20250614__003__corr.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,13\n`);
    ws.put('C001/C001__stock__20250615__001.csv', `${header}\nC001,C001-W,${RICE},2025-06-15,9\n`);
    await run(ws);

    const ledger = await query(
      `SELECT file_name, batch_id, supersedes_batch_id FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}) ORDER BY file_name`,
    );
    const id = Object.fromEntries(ledger.map((r) => [r.file_name, r.batch_id]));
    expect(ledger.map((r) => [r.file_name, r.supersedes_batch_id])).toEqual([
      ['C001__stock__20250614__001.csv', null],
      ['C001__stock__20250614__002__corr.csv', id['C001__stock__20250614__001.csv']],
      ['C001__stock__20250614__003__corr.csv', id['C001__stock__20250614__002__corr.csv']],
      ['C001__stock__20250615__001.csv', null],
    ]);
    // What dbt sees after leaving superseded batches out: the last correction and the next day.
    const current = await query(`
      WITH ledger AS (FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}))
      SELECT CAST(stock_date AS VARCHAR) AS d, CAST(closing_qty AS VARCHAR) AS q FROM read_parquet(${parquet(join(ws.lake, 'raw', 'stock'))})
      WHERE batch_id NOT IN (SELECT supersedes_batch_id FROM ledger WHERE supersedes_batch_id IS NOT NULL) ORDER BY d`);
    expect(current).toEqual([
      { d: '2025-06-14', q: '13.000' },
      { d: '2025-06-15', q: '9.000' },
    ]);
  });

  it('an original arriving after its correction lands but does not count: it is superseded on arrival', async () => {
    const ws = makeWorkspace();
    const header = 'coop_id,site_id,barcode,stock_date,closing_qty';
    ws.put('C001/C001__stock__20250614__002__corr.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,12\n`);
    await run(ws);
    ws.put('C001/C001__stock__20250614__001.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,10\n`);
    const late = await run(ws);
    expect(late).toMatchObject({ batches: 1, rows_in: 1, rows_landed: 1 });
    const ledger = await query(
      `SELECT file_name, status, supersedes_batch_id FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}) ORDER BY file_name`,
    );
    expect(ledger).toEqual([
      { file_name: 'C001__stock__20250614__001.csv', status: 'superseded', supersedes_batch_id: null },
      { file_name: 'C001__stock__20250614__002__corr.csv', status: 'landed', supersedes_batch_id: null },
    ]);
    // Readers count landed batches nobody supersedes: only the correction's 12.
    const current = await query(`
      WITH ledger AS (FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}))
      SELECT CAST(closing_qty AS VARCHAR) AS q FROM read_parquet(${parquet(join(ws.lake, 'raw', 'stock'))})
      WHERE batch_id IN (SELECT batch_id FROM ledger WHERE status = 'landed')
        AND batch_id NOT IN (SELECT supersedes_batch_id FROM ledger WHERE supersedes_batch_id IS NOT NULL)`);
    expect(current).toEqual([{ q: '12.000' }]);
  });

  it('a correction in the same run as its original supersedes it', async () => {
    const ws = makeWorkspace();
    const header = 'coop_id,site_id,barcode,stock_date,closing_qty';
    ws.put('C001/C001__stock__20250614__002__corr.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,12\n`);
    ws.put('C001/C001__stock__20250614__001.csv', `${header}\nC001,C001-W,${RICE},2025-06-14,10\n`);
    await run(ws);
    const ledger = await query(
      `SELECT file_name, batch_id, supersedes_batch_id FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}) ORDER BY file_name`,
    );
    expect(ledger[1]!.supersedes_batch_id).toBe(ledger[0]!.batch_id);
  });
});

describe('ingestInbox: files that cannot be read', () => {
  it('moves them aside with their reason and accounts for every file; empty files are batches without rows', async () => {
    const ws = makeWorkspace();
    ws.put('C001/C001__sales__20250614__001.csv', '\uFEFF');
    ws.put('C003/C003__sales__20250614__001.jsonl', '');
    ws.put('C001/C001__stock__20250614__001.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    ws.put('C001/C001__stock__20250615__001.csv', 'name,colour\nrice,white\n');
    ws.put('C001/notes.txt', 'hello');
    ws.put('C001/C001__payroll__20250614__001.csv', 'x\n');
    const summary = await run(ws);

    expect(summary).toMatchObject({ files: 6, batches: 4, rows_in: 0 });
    expect(summary.failures.map((f) => [f.file, f.reason.split(':')[0]]).sort()).toEqual([
      ['C001/C001__payroll__20250614__001.csv', 'unsupported_feed'],
      ['C001/C001__stock__20250614__001.csv', 'binary_content'],
      ['C001/C001__stock__20250615__001.csv', 'unrecognised_header'],
      ['C001/notes.txt', 'bad_file_name'],
    ]);
    expect(existsSync(join(ws.inbox, 'C001', 'C001__stock__20250614__001.csv'))).toBe(false);
    expect(existsSync(join(ws.inbox, 'C001', 'C001__payroll__20250614__001.csv'))).toBe(true);
    expect(
      readFileSync(join(ws.lake, 'rejected', 'C001', 'C001__stock__20250614__001.csv.reason.txt'), 'utf8'),
    ).toMatch(/^binary_content/);
    const ledger = await query(
      `SELECT status, count(*) AS n, sum(rows_in) AS rows_in FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}) GROUP BY status ORDER BY status`,
    );
    expect(ledger).toEqual([
      { status: 'landed', n: '2', rows_in: '0' },
      { status: 'rejected', n: '2', rows_in: '0' },
    ]);
    // The ledger says why, as the reason file does: the audit drill reads the ledger, not the lake's files.
    const reasons = await query(
      `SELECT file_name, status, reject_reason FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}) ORDER BY file_name`,
    );
    const reasonFile = (name: string) =>
      readFileSync(join(ws.lake, 'rejected', 'C001', `${name}.reason.txt`), 'utf8').trim();
    expect(reasons).toEqual([
      { file_name: 'C001__sales__20250614__001.csv', status: 'landed', reject_reason: null },
      {
        file_name: 'C001__stock__20250614__001.csv',
        status: 'rejected',
        reject_reason: reasonFile('C001__stock__20250614__001.csv'),
      },
      {
        file_name: 'C001__stock__20250615__001.csv',
        status: 'rejected',
        reject_reason: reasonFile('C001__stock__20250615__001.csv'),
      },
      { file_name: 'C003__sales__20250614__001.jsonl', status: 'landed', reject_reason: null },
    ]);
    expect(reasons[2]!.reject_reason).toMatch(/^unrecognised_header: /);
  });

  it('reads a ledger written before reject_reason existed: its batches stay landed once, and a correction supersedes them', async () => {
    const ws = makeWorkspace();
    ws.put('C001/C001__sales__20250614__001.csv', `${VENDOR_A_SALES}\n`);
    await run(ws);
    // Rewrite every ledger file as the previous version wrote it: without the column.
    for (const name of readdirSync(join(ws.lake, 'ledger'))) {
      const file = join(ws.lake, 'ledger', name);
      await query(
        `COPY (SELECT * EXCLUDE (reject_reason) FROM read_parquet(${sq(file)})) TO ${sq(`${file}.old`)} (FORMAT parquet)`,
      );
      renameSync(`${file}.old`, file);
    }
    expect(
      await query(
        `SELECT count(*) AS n FROM (DESCRIBE SELECT * FROM read_parquet(${parquet(join(ws.lake, 'ledger'))})) WHERE column_name = 'reject_reason'`,
      ),
    ).toEqual([{ n: '0' }]);

    ws.put('C001/C001__sales__20250614__002__corr.csv', `${VENDOR_A_SALES.split('\n').slice(0, 3).join('\n')}\n`);
    ws.put('C001/C001__stock__20250614__001.csv', 'name,colour\nrice,white\n');
    const summary = await run(ws);
    expect(summary).toMatchObject({ duplicates_skipped: 1, batches: 2, rows_landed: 2 });
    const ledger = await query(
      `SELECT file_name, status, supersedes_batch_id IS NOT NULL AS corrects, reject_reason IS NOT NULL AS has_reason
       FROM read_parquet(${parquet(join(ws.lake, 'ledger'))}, union_by_name = true) ORDER BY file_name`,
    );
    expect(ledger).toEqual([
      { file_name: 'C001__sales__20250614__001.csv', status: 'landed', corrects: false, has_reason: false },
      { file_name: 'C001__sales__20250614__002__corr.csv', status: 'landed', corrects: true, has_reason: false },
      { file_name: 'C001__stock__20250614__001.csv', status: 'rejected', corrects: false, has_reason: true },
    ]);
  });

  it('quarantines every row of a file whose header lacks a required column', async () => {
    const ws = makeWorkspace();
    ws.put(
      'C001/C001__stock__20250614__001.csv',
      `coop_id,site_id,barcode,closing_qty\nC001,C001-W,${RICE},4\nC001,C001-M,${RICE},5\n`,
    );
    const summary = await run(ws);
    expect(summary).toMatchObject({ rows_in: 2, rows_landed: 0, rows_quarantined: 2, reasons: { missing_column: 2 } });
    const rows = await query(
      `SELECT DISTINCT reason_detail FROM read_parquet(${parquet(join(ws.lake, 'quarantine'))})`,
    );
    expect(rows).toEqual([{ reason_detail: 'header lacks stock_date' }]);
  });
});

describe('ingestInbox: bad input', () => {
  it('refuses a missing inbox and a missing reference with a clear error', async () => {
    const ws = makeWorkspace();
    await expect(
      ingestInbox({ inboxDir: join(ws.root, 'nope'), lakeDir: ws.lake, referenceDir: ws.reference }),
    ).rejects.toThrow(/cannot read the inbox/);
    await expect(
      ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: join(ws.root, 'nope') }),
    ).rejects.toThrow(/ref_coops.csv is missing/);
  });
});

describe('ingestInbox: vendor C finance as XLSX', () => {
  it('lands the workbook rows like JSON Lines and rejects a workbook it cannot open, whole', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('finance');
    const keys = [
      'coop',
      'entry',
      'date',
      'account',
      'cost_center',
      'debit_fils',
      'credit_fils',
      'document',
      'counterparty',
      'memo',
    ];
    sheet.addRow(keys);
    sheet.addRow(['C003', 'JE-1', '2025-06-01', '1110', 'C003-M', 12500, 0, 'Z-1', '', 'daily_sales']);
    sheet.addRow(['C003', 'JE-1', '2025-06-01', '4100', 'C003-M', 0, 12500, 'Z-1', '', 'daily_sales']);
    sheet.addRow(['C003', 'JE-2', 'not a date', '1110', 'C003-M', 1, 0, 'Z-2', '', 'daily_sales']);
    const ws = makeWorkspace();
    ws.put('C003/C003__finance__20250630__001.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    ws.put('C003/C003__finance__20250531__001.xlsx', Buffer.from('PK\u0003\u0004 truncated'));

    const summary = await run(ws);
    expect(summary).toMatchObject({ files: 2, batches: 2, rows_in: 3, rows_landed: 2, rows_quarantined: 1 });
    expect(summary.failures.map((f) => [f.file, f.reason.split(':')[0]])).toEqual([
      ['C003/C003__finance__20250531__001.xlsx', 'bad_xlsx'],
    ]);
    const landed = await query(
      `SELECT entry_id, account_code, CAST(debit_kwd AS VARCHAR) AS debit FROM read_parquet(${parquet(join(ws.lake, 'raw', 'finance'))}) ORDER BY account_code`,
    );
    expect(landed).toEqual([
      { entry_id: 'JE-1', account_code: '1110', debit: '12.500' },
      { entry_id: 'JE-1', account_code: '4100', debit: '0.000' },
    ]);
    expect(existsSync(join(ws.lake, 'rejected', 'C003', 'C003__finance__20250531__001.xlsx'))).toBe(true);
  });
});
