import { copyFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { auditLanding } from './audit-landing';
import { ingestInbox } from './ingest';
import { generateMalformedCorpus } from './malformed-corpus';
import { makeWorkspace, query } from './test-fixtures';

const sq = (s: string): string => `'${s.replaceAll("'", "''")}'`;

function firstParquet(dir: string): string {
  const found = readdirSync(dir, { recursive: true, withFileTypes: true }).find(
    (e) => e.isFile() && e.name.endsWith('.parquet'),
  );
  if (!found) throw new Error(`no parquet under ${dir}`);
  return join(found.parentPath, found.name);
}

describe('auditLanding', () => {
  it('finds a clean lake clean, and sees a doubled file and a lost ledger row', async () => {
    const ws = makeWorkspace('rabt-audit-');
    for (const file of generateMalformedCorpus(40, 9)) ws.put(file.relPath, file.bytes);
    const summary = await ingestInbox({ inboxDir: ws.inbox, lakeDir: ws.lake, referenceDir: ws.reference });

    const clean = await auditLanding({ lakeDir: ws.lake, inboxDir: ws.inbox });
    expect(clean).toMatchObject({
      rows_in: summary.rows_in,
      rows_landed: summary.rows_landed,
      rows_quarantined: summary.rows_quarantined,
      unbalanced: [],
      mismatched: [],
      duplicated_rows: 0,
      orphan_rows: 0,
      unledgered_files: [],
    });

    const landed = firstParquet(join(ws.lake, 'raw'));
    copyFileSync(landed, landed.replace(/part-/, 'copy-'));
    const doubled = await auditLanding({ lakeDir: ws.lake });
    expect(doubled.duplicated_rows).toBeGreaterThan(0);
    expect(doubled.mismatched).toHaveLength(1);

    const batchId = /part-([0-9a-f]+)\.parquet$/.exec(landed)![1]!;
    // Ledger files hold a chunk of batches each: rewrite the one holding this batch without its row.
    const [holder] = await query(
      `SELECT DISTINCT filename FROM read_parquet(${sq(join(ws.lake, 'ledger', '*.parquet'))}, filename = true) WHERE batch_id = ${sq(batchId)}`,
    );
    const ledgerFile = String(holder!.filename);
    await query(
      `COPY (SELECT * FROM read_parquet(${sq(ledgerFile)}) WHERE batch_id <> ${sq(batchId)}) TO ${sq(`${ledgerFile}.tmp`)} (FORMAT parquet)`,
    );
    renameSync(`${ledgerFile}.tmp`, ledgerFile);
    const lost = await auditLanding({ lakeDir: ws.lake, inboxDir: ws.inbox });
    expect(lost.orphan_rows).toBeGreaterThan(0);
    expect(lost.unledgered_files).toHaveLength(1);
  });
});
