import { basename, join } from 'node:path';
import { ingestInbox } from './ingest';
import { generateMalformedCorpus } from './malformed-corpus';
import { makeWorkspace, query } from './test-fixtures';

const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const parquet = (dir: string): string => `${sq(join(dir, '**', '*.parquet'))}, hive_partitioning = false`;

describe('a corpus of 320 malformed files', () => {
  it('lands every good row, quarantines every bad one with its reason, rejects unreadable files, and balances', async () => {
    const corpus = generateMalformedCorpus(320, 2025);
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const ws = makeWorkspace();
    for (const file of corpus) ws.put(file.relPath, file.bytes);

    const summary = await ingestInbox({
      inboxDir: ws.inbox,
      lakeDir: ws.lake,
      referenceDir: ws.reference,
      chunkChars: 64 * 1024,
    });

    const expectedReasons: Record<string, number> = {};
    for (const file of corpus)
      for (const [reason, n] of Object.entries(file.bad)) expectedReasons[reason] = (expectedReasons[reason] ?? 0) + n;
    const expectedGood = corpus.reduce((n, f) => n + f.good, 0);
    const expectedBad = Object.values(expectedReasons).reduce((a, b) => a + b, 0);
    expect(summary.files).toBe(corpus.length);
    expect(summary.reasons).toEqual(expectedReasons);
    expect(summary.rows_landed).toBe(expectedGood);
    expect(summary.rows_quarantined).toBe(expectedBad);
    expect(summary.rows_in).toBe(summary.rows_landed + summary.rows_quarantined);
    expect(summary.failures.map((f) => f.file).sort()).toEqual(
      corpus
        .filter((f) => f.rejected)
        .map((f) => f.relPath)
        .sort(),
    );
    // Every refusal says why in words, not just a code.
    for (const failure of summary.failures) expect(failure.reason).toMatch(/^[a-z_]+: .{10,}/);

    // File by file, the ledger says what the generator planted.
    const ledger = await query(
      `SELECT file_name, batch_id, status, rows_in, rows_landed, rows_quarantined FROM read_parquet(${parquet(join(ws.lake, 'ledger'))})`,
    );
    const byName = new Map(ledger.map((r) => [String(r.file_name), r]));
    for (const file of corpus.filter((f) => !f.rejected)) {
      const row = byName.get(basename(file.relPath));
      const bad = Object.values(file.bad).reduce((a, b) => a + b, 0);
      expect({
        file: file.relPath,
        kind: file.kind,
        landed: Number(row?.rows_landed),
        quarantined: Number(row?.rows_quarantined),
      }).toEqual({
        file: file.relPath,
        kind: file.kind,
        landed: file.good,
        quarantined: bad,
      });
    }

    // The ledger balances, and agrees with the rows actually in the lake, batch by batch.
    const mismatches = await query(`
      WITH ledger AS (FROM read_parquet(${parquet(join(ws.lake, 'ledger'))})),
        landed AS (SELECT batch_id, count(*) AS n FROM read_parquet(${parquet(join(ws.lake, 'raw'))}) GROUP BY batch_id),
        quarantined AS (SELECT batch_id, count(*) AS n FROM read_parquet(${parquet(join(ws.lake, 'quarantine'))}) GROUP BY batch_id)
      SELECT l.file_name, l.rows_in, l.rows_landed, l.rows_quarantined, coalesce(a.n, 0) AS in_raw, coalesce(q.n, 0) AS in_quarantine
      FROM ledger l LEFT JOIN landed a USING (batch_id) LEFT JOIN quarantined q USING (batch_id)
      WHERE l.rows_in <> l.rows_landed + l.rows_quarantined OR l.rows_landed <> coalesce(a.n, 0) OR l.rows_quarantined <> coalesce(q.n, 0)`);
    expect(mismatches).toEqual([]);

    const unexplained = await query(
      `SELECT count(*) AS n FROM read_parquet(${parquet(join(ws.lake, 'quarantine'))})
       WHERE reason_code IS NULL OR reason_detail IS NULL OR raw_text IS NULL OR source_row IS NULL OR batch_id IS NULL`,
    );
    expect(unexplained).toEqual([{ n: '0' }]);

    // Replaying the whole inbox lands nothing new.
    const replay = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });
    expect(replay).toMatchObject({ rows_in: 0, rows_landed: 0, rows_quarantined: 0, batches: 0, failures: [] });
    expect(replay.duplicates_skipped).toBe(corpus.filter((f) => !f.rejected).length);
  });
});
