import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { scanBytes, windows1256ToUtf8 } from './fast-read';
import { ingestInbox, type IngestSummary } from './ingest';
import { generateMalformedCorpus } from './malformed-corpus';
import { makeWorkspace, query, type Workspace } from './test-fixtures';
import { MAX_ROW_CHARS } from './validation-sql';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('scanBytes: which files DuckDB readers may split', () => {
  it.each([
    ['plain CSV', 'a,b\n1,2\n3,4\n', { lines: 3, needsLatin: false }],
    ['no final newline', 'a,b\n1,2', { lines: 2, needsLatin: false }],
    ['CRLF', 'a,b\r\n1,2\r\n', { lines: 2, needsLatin: false }],
    ['empty file', '', { lines: 0, needsLatin: false }],
    ['negative number', 'a,b\n-1,+2.5\n', { lines: 2, needsLatin: false }],
    ['dates, ids, offsets', 'x,y\n2025-06-14T18:00:00+03:00,C001-M\n', { lines: 2, needsLatin: false }],
    ['JSON with a negative', '{"coop":"C001","qty":-3}\n', { lines: 1, needsLatin: false }],
    ['Arabic-Indic digits', 'a\n١٢\n', { lines: 2, needsLatin: true }],
    ['Extended Arabic-Indic digits', 'a\n۱۲\n', { lines: 2, needsLatin: true }],
    ['a no-break space', 'a\nx\u00a0y\n', { lines: 2, needsLatin: true }],
    ['Arabic letters only', 'اسم\nمحمد\n', { lines: 2, needsLatin: false }],
  ])('%s is readable', (_label, text, expected) => {
    expect(scanBytes(utf8(text), 'utf-8')).toEqual({ ok: expected });
  });

  it.each([
    ['a blank line', 'a,b\n1,2\n\n3,4\n', 'a blank line'],
    ['a blank CRLF line', 'a,b\r\n\r\n1,2\r\n', 'a blank line'],
    ['a blank first line', '\na,b\n', 'a blank line'],
    ['an oversized line', `a\n${'x'.repeat(MAX_ROW_CHARS + 1)}\n`, 'an oversized line'],
    ['=HYPERLINK', 'a,b\n1,=HYPERLINK("x")\n', 'a cell that may be a formula'],
    ['quoted @SUM', 'a,b\n1,"@SUM(A1)"\n', 'a cell that may be a formula'],
    ['+cmd', 'a;b\n1; +cmd\n', 'a cell that may be a formula'],
    ['-x after a tab', 'a\tb\n1\t-x\n', 'a cell that may be a formula'],
    ['a JSON value', '{"memo":"=1+1"}\n', 'a cell that may be a formula'],
    ['a formula behind a no-break space', 'a,b\n1,\u00a0=x\n', 'a cell that may be a formula'],
    ['a formula at the first line', '=x,b\n', 'a cell that may be a formula'],
    ['a sign before an Arabic digit (conservative)', 'a,b\n1,-١\n', 'a cell that may be a formula'],
  ])('%s sends the file line by line', (_label, text, reason) => {
    expect(scanBytes(utf8(text), 'utf-8')).toEqual({ no: reason });
  });

  it('reads Windows-1256 bytes: a no-break space (0xA0) needs Latin digits, Arabic letters do not', () => {
    expect(scanBytes(iconv.encode('الكمية\n5\n', 'windows-1256'), 'windows-1256')).toEqual({
      ok: { lines: 2, needsLatin: false },
    });
    expect(scanBytes(Buffer.from([0x61, 0x0a, 0x31, 0xa0, 0x32, 0x0a]), 'windows-1256')).toEqual({
      ok: { lines: 2, needsLatin: true },
    });
  });
});

describe('windows1256ToUtf8', () => {
  it('gives the same text as iconv-lite for every byte', () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
    expect(windows1256ToUtf8(every).toString('utf8')).toBe(iconv.decode(every, 'windows-1256'));
  });
});

const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const parquetFiles = (dir: string): string[] => {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name.endsWith('.parquet')) out.push(relative(dir, join(d, entry.name)));
    }
  };
  walk(dir);
  return out.sort();
};

/** Rows of one lake area that the other lake lacks, both ways; ingested_at is the run's own clock. */
async function differences(a: string, b: string, area: string): Promise<Record<string, unknown>[]> {
  const read = (lake: string): string =>
    `SELECT * EXCLUDE (ingested_at, filename), filename[${lake.length + 2}:] AS file FROM read_parquet(${sq(join(lake, area, '**', '*.parquet'))}, hive_partitioning = false, filename = true, union_by_name = true)`;
  return query(`(${read(a)} EXCEPT ALL ${read(b)}) UNION ALL (${read(b)} EXCEPT ALL ${read(a)}) LIMIT 5`);
}

async function ingestBothWays(
  ws: Workspace,
  referenceDir?: string,
): Promise<{ withReaders: IngestSummary; lineByLine: IngestSummary; lakes: [string, string] }> {
  const lakes: [string, string] = [join(ws.root, 'lake-readers'), join(ws.root, 'lake-lines')];
  // Ingestion moves unreadable files out of its inbox: each run gets its own copy (same mtimes, so the same received_at).
  const copy = join(ws.root, 'inbox-copy');
  cpSync(ws.inbox, copy, { recursive: true, preserveTimestamps: true });
  const withReaders = await ingestInbox({
    inboxDir: ws.inbox,
    lakeDir: lakes[0],
    referenceDir,
    chunkChars: 256 * 1024,
  });
  const lineByLine = await ingestInbox({
    inboxDir: copy,
    lakeDir: lakes[1],
    referenceDir,
    chunkChars: 256 * 1024,
    readers: false,
  });
  return { withReaders, lineByLine, lakes };
}

async function expectSameLakes(lakes: [string, string]): Promise<void> {
  for (const area of ['raw', 'quarantine']) {
    const files = lakes.map((lake) => (existsSync(join(lake, area)) ? parquetFiles(join(lake, area)) : []));
    expect(files[0]).toEqual(files[1]);
    if (files[0]!.length > 0) expect(await differences(lakes[0], lakes[1], area)).toEqual([]);
  }
  const ledger = (lake: string): string =>
    `SELECT batch_id, coop_id, feed, vendor, file_name, checksum_sha256, business_date, rows_in, rows_landed, rows_quarantined, status, supersedes_batch_id
     FROM read_parquet(${sq(join(lake, 'ledger', '*.parquet'))}, union_by_name = true)`;
  expect(
    await query(
      `(${ledger(lakes[0])} EXCEPT ALL ${ledger(lakes[1])}) UNION ALL (${ledger(lakes[1])} EXCEPT ALL ${ledger(lakes[0])})`,
    ),
  ).toEqual([]);
}

describe('DuckDB readers and the line-by-line path land the same lake', () => {
  it('on a simulated month of every feed and vendor (UTF-8, Windows-1256, BOM with Arabic-Indic digits, JSON Lines, XLSX)', async () => {
    const { simulate } = await import('../simulator/simulate');
    const ws = makeWorkspace('rabt-readers-');
    await simulate({ scale: 'small', seed: 5, outDir: join(ws.root, 'sim'), endDate: '2025-06-30', days: 35 });
    ws.inbox = join(ws.root, 'sim', 'inbox');
    const { withReaders, lineByLine, lakes } = await ingestBothWays(ws);
    const { read_by_duckdb: readers, ...summary } = withReaders;
    const { read_by_duckdb: none, ...lineSummary } = lineByLine;
    expect(summary).toEqual(lineSummary);
    expect(none).toBe(0);
    // Most batches take the readers; the ones that do not are judged line by line in the same run.
    expect(readers).toBeGreaterThan(summary.batches * 0.8);
    await expectSameLakes(lakes);
  }, 180_000);

  it('on the malformed corpus, where most files go line by line and clean ones share chunks with them', async () => {
    const ws = makeWorkspace('rabt-readers-');
    for (const file of generateMalformedCorpus(320, 2025)) ws.put(file.relPath, file.bytes);
    const { withReaders, lineByLine, lakes } = await ingestBothWays(ws, ws.reference);
    const { read_by_duckdb: readers, ...summary } = withReaders;
    const { read_by_duckdb: none, ...lineSummary } = lineByLine;
    expect(summary).toEqual(lineSummary);
    expect(none).toBe(0);
    expect(readers).toBeGreaterThan(0);
    expect(readers).toBeLessThan(summary.batches);
    await expectSameLakes(lakes);
  }, 120_000);

  it('a file alone in its chunk that the reader refuses outright is still judged line by line', async () => {
    // One file of each malformed kind, each in an inbox of its own: some stop DuckDB's CSV
    // reader altogether ("invalid state"), leaving the reader path with no file at all.
    const firstOfKind = new Map(
      generateMalformedCorpus(320, 2025)
        .reverse()
        .map((file) => [file.kind, file]),
    );
    for (const file of firstOfKind.values()) {
      const ws = makeWorkspace('rabt-readers-');
      ws.put(file.relPath, file.bytes);
      const summary = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });
      const bad = Object.values(file.bad).reduce((a, b) => a + b, 0);
      expect({
        kind: file.kind,
        landed: summary.rows_landed,
        quarantined: summary.rows_quarantined,
        rejected: summary.failures.length > 0,
      }).toEqual({
        kind: file.kind,
        landed: file.rejected ? 0 : file.good,
        quarantined: file.rejected ? 0 : bad,
        rejected: file.rejected,
      });
    }
  }, 120_000);
});
