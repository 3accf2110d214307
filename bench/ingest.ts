/**
 * `npm run bench:ingest [-- --inbox DIR] [--scale small] [--days N]`: rows per second for
 * Rabt's landing (decode, validate, quarantine, ledger, atomic renames) against DuckDB's
 * bare `COPY (FROM read_csv(…)) TO … (FORMAT parquet)` over the same files, and the ratio.
 * Without --inbox it simulates one (small scale) into a temp dir first.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { DuckDBInstance } from '@duckdb/node-api';
import { decodeInboxBytes } from '../ingestion/decode';
import { detectDelimiter, splitCsvLine } from '../ingestion/header-map';
import { ingestInbox } from '../ingestion/ingest';
import { listInboxFiles } from '../ingestion/inbox-files';
import { sqlString } from '../ingestion/partitioned-copy';
import { xlsxToJsonLines } from '../ingestion/xlsx-to-json-lines';

interface Options {
  inbox?: string;
  scale: string;
  days?: string;
  endDate: string;
}

const program = new Command()
  .option('--inbox <dir>', 'ingest this inbox instead of simulating one')
  .option('--scale <scale>', 'simulator scale when no --inbox', 'small')
  .option('--days <n>', 'simulated days when no --inbox')
  .option('--end-date <date>', 'last simulated day', '2025-06-30')
  .parse();
const options = program.opts<Options>();

const work = mkdtempSync(join(tmpdir(), 'rabt-bench-ingest-'));
try {
  let inboxDir = options.inbox;
  if (!inboxDir) {
    const { simulate } = await import('../simulator/simulate');
    const started = performance.now();
    await simulate({
      scale: options.scale as 'small',
      seed: 11,
      outDir: join(work, 'sim'),
      endDate: options.endDate,
      days: options.days ? Number(options.days) : undefined,
    });
    inboxDir = join(work, 'sim', 'inbox');
    console.log(`simulated ${options.scale} inbox in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(inboxDir)) throw new Error(`no inbox at ${inboxDir}`);
  const files = listInboxFiles(inboxDir).map((f) => join(inboxDir!, f));
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);

  // Bare copy: one COPY per group of same-shaped files, the fastest way DuckDB alone lands
  // them (no validation, no quarantine, no ledger, no per-batch files). DuckDB reads only
  // UTF-8 here (its other encodings are an extension, downloaded), so Windows-1256 files
  // are turned into UTF-8 and vendor C's workbooks into JSON Lines before the clock starts:
  // the bare copy gets that work for free.
  const bareInbox = join(work, 'bare-inbox');
  mkdirSync(bareInbox, { recursive: true });
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const name = basename(file);
    const feed = name.split('__')[1] ?? 'unknown';
    const bytes = readFileSync(file);
    let text: string;
    let path = file;
    if (name.endsWith('.xlsx')) {
      const converted = await xlsxToJsonLines(bytes, feed);
      if ('error' in converted) continue;
      text = converted.text;
      path = join(bareInbox, `${name}.jsonl`);
      writeFileSync(path, text);
    } else {
      const decoded = decodeInboxBytes(bytes);
      if ('error' in decoded) continue;
      text = decoded.text;
      if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom') {
        path = join(bareInbox, name);
        writeFileSync(path, text);
      }
    }
    const kind = path.endsWith('.jsonl') ? 'json' : 'csv';
    const firstLine = text.split('\n', 1)[0] ?? '';
    const key = `${feed}|${kind}|${kind === 'json' ? '' : firstLine}`;
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();

  /**
   * One COPY per group of alike files. `perFile`: one Parquet file per inbox file, as the
   * lake keeps one per batch; otherwise one per group, the fastest DuckDB alone can go.
   */
  const bareCopy = async (perFile: boolean): Promise<{ rows: number; seconds: number; cpuSeconds: number }> => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let rows = 0;
    let group = 0;
    for (const [key, list] of groups) {
      const kind = key.split('|')[1];
      const fileList = `[${list.map(sqlString).join(', ')}]`;
      // Columns given, not sniffed: DuckDB otherwise sniffs every small file, which costs it
      // more than the copy itself and would flatter Rabt's ratio.
      const header = key.slice(key.indexOf('|', key.indexOf('|') + 1) + 1);
      const fileName = perFile ? ', filename = true' : '';
      let source: string;
      if (kind === 'json') {
        const firstRow = list.map((f) => readFileSync(f, 'utf8').split('\n')[0] ?? '').find((l) => l.trim() !== '');
        if (firstRow === undefined) continue;
        const columns = Object.keys(JSON.parse(firstRow) as object)
          .map((k) => `${sqlString(k)}: 'VARCHAR'`)
          .join(', ');
        source = `read_json(${fileList}, format = 'newline_delimited', columns = {${columns}}${fileName})`;
      } else {
        const delimiter = detectDelimiter(header);
        const columns = splitCsvLine(header, delimiter)
          .map((_, i) => `'c${i + 1}': 'VARCHAR'`)
          .join(', ');
        source = `read_csv(${fileList}, header = true, auto_detect = false, delim = ${sqlString(delimiter)}, quote = '"', columns = {${columns}}${fileName})`;
      }
      const out = join(work, `bare-${perFile ? 'per-file' : 'grouped'}-${group++}`);
      if (perFile) {
        await con.run(
          `COPY (SELECT * EXCLUDE (filename), md5(filename) AS p_file FROM ${source}) TO ${sqlString(out)}
           (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (p_file), WRITE_PARTITION_COLUMNS false)`,
        );
        // A group whose files hold no rows writes no file.
        if (!existsSync(out) || readdirSync(out).length === 0) continue;
      } else {
        await con.run(`COPY (FROM ${source}) TO ${sqlString(`${out}.parquet`)} (FORMAT parquet, COMPRESSION zstd)`);
      }
      const reader = await con.runAndReadAll(
        `SELECT count(*) AS n FROM read_parquet(${sqlString(perFile ? `${out}/*/*.parquet` : `${out}.parquet`)})`,
      );
      rows += Number(reader.getRowObjectsJson()[0]!.n);
    }
    const cpu = process.cpuUsage(cpuBefore);
    return { rows, seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
  const bare = await bareCopy(false);
  const bareLayout = await bareCopy(true);
  con.closeSync();
  instance.closeSync();

  const rabtStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  let lastShown = rabtStarted;
  let emptyBatches = 0;
  let rejectedBatches = 0;
  const summary = await ingestInbox({
    inboxDir,
    lakeDir: join(work, 'lake'),
    onProgress: (e) => {
      if (e.outcome === 'landed' && e.rows_in === 0) emptyBatches++;
      if (e.outcome === 'rejected' && e.batch_id !== undefined) rejectedBatches++;
      if (performance.now() - lastShown < 10_000) return;
      lastShown = performance.now();
      console.log(`  ${e.done}/${e.total} files, ${((lastShown - rabtStarted) / 1000).toFixed(0)} s`);
    },
  });
  const rabtSeconds = (performance.now() - rabtStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const bareRate = bare.rows / bare.seconds;
  const bareLayoutRate = bareLayout.rows / bareLayout.seconds;
  const rabtRate = summary.rows_in / rabtSeconds;
  console.log(
    `bare DuckDB COPY read_csv → parquet: ${bare.rows} rows in ${bare.seconds.toFixed(2)} s = ${Math.round(bareRate)} rows/s; ${bare.cpuSeconds.toFixed(1)} CPU-s`,
  );
  console.log(
    `  the same, one Parquet per file:     ${bareLayout.rows} rows in ${bareLayout.seconds.toFixed(2)} s = ${Math.round(bareLayoutRate)} rows/s; ` +
      `${bareLayout.cpuSeconds.toFixed(1)} CPU-s (the lake keeps one file per batch; for comparison only)`,
  );
  console.log(
    `Rabt landing (validated):            ${summary.rows_in} rows in ${rabtSeconds.toFixed(2)} s = ${Math.round(rabtRate)} rows/s ` +
      `(${summary.rows_landed} landed, ${summary.rows_quarantined} quarantined, ${summary.batches} batches)`,
  );
  const lineByLine = summary.batches - summary.read_by_duckdb - emptyBatches - rejectedBatches;
  console.log(
    `  of ${summary.batches} batches, ${summary.read_by_duckdb} were split by DuckDB's readers, ${lineByLine} judged line by line ` +
      `(ingestion/fast-read.ts), ${emptyBatches} held no rows, ${rejectedBatches} were rejected whole`,
  );
  console.log(
    `Rabt: ${summary.files} files in ${rabtSeconds.toFixed(1)} s = ${(summary.files / rabtSeconds).toFixed(0)} files/s; ` +
      `${cpuSeconds.toFixed(1)} CPU-s (${((cpuSeconds * 1e6) / Math.max(1, summary.rows_in)).toFixed(1)} µs of CPU per row, both cores together)`,
  );
  console.log(
    `ratio Rabt / bare: ${(rabtRate / bareRate).toFixed(2)} (CPU-s bare / Rabt: ${(bare.cpuSeconds / cpuSeconds).toFixed(2)}; load average ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log(`  against the one-file-per-batch copy: ${(rabtRate / bareLayoutRate).toFixed(2)}`);
  // The lake keeps a file per batch (dt=/coop_id=/part-<batch>); DuckDB writing that layout
  // with no validation at all is the most any landing in it could reach against the bare copy.
  console.log(`layout ceiling (one-file-per-batch copy / bare): ${(bareLayoutRate / bareRate).toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
