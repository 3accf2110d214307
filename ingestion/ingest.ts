import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { batchIdFor, sha256Hex } from './batch-id';
import { FEED_RULES, FEEDS } from './feeds';
import { parseInboxFileName, type InboxFileName } from './inbox-file-name';
import { listInboxFiles } from './inbox-files';
import { acquireLakeLock } from './lake-lock';
import { landChunk, type ChunkCounts } from './land-chunk';
import { ledgeredBatchIds, readLedgerHeads, supersedeKey, writeLedgerRows, type LedgerHead } from './ledger';
import { landingOrder, prepare, type Preparation, type PreparedFile } from './prepared-file';
import { DEFAULT_REFERENCE_DIR, loadReference } from './reference';
import { installSqlFunctions } from './sql-functions';
import { xlsxToJsonLines } from './xlsx-to-json-lines';

export interface IngestOptions {
  inboxDir: string;
  lakeDir: string;
  /** Reference CSVs (ref_coops, ref_sites, ref_products); default transform/seeds/reference. */
  referenceDir?: string;
  /** Called once per inbox file, after its fate is settled (landed, duplicate, rejected, unsupported). */
  onProgress?: (event: IngestProgressEvent) => void;
  /** Tuning and tests: how much text one DuckDB pass validates at most. */
  chunkChars?: number;
  /**
   * Let DuckDB's CSV / JSON readers split clean files (fast-read.ts); default true. False
   * judges every file line by line: the same result, slower (tests compare the two).
   */
  readers?: boolean;
}

export type FileOutcome = 'landed' | 'duplicate' | 'rejected' | 'unsupported';

/** Shaped like the CLI reporter's ProgressEvent (stage, done, total, file, message), plus the file's counts. */
export interface IngestProgressEvent {
  stage: 'ingest';
  done: number;
  total: number;
  file: string;
  message: string;
  outcome: FileOutcome;
  batch_id?: string;
  rows_in?: number;
  rows_landed?: number;
  rows_quarantined?: number;
}

/** docs/contracts.md: what `rabt ingest --json` prints. */
export interface IngestSummary {
  /** Files found in the inbox. */
  files: number;
  /** New batches this run put in the ledger (landed or rejected); duplicates are not among them. */
  batches: number;
  duplicates_skipped: number;
  rows_in: number;
  rows_landed: number;
  rows_quarantined: number;
  /** Quarantined rows per reason code. */
  reasons: Record<string, number>;
  /** Files that could not be ingested, with why: moved to lake/rejected/, or of a feed not handled yet (left in place). */
  failures: { file: string; reason: string }[];
  /** Of the batches landed, how many DuckDB's readers split (every row landed); the rest were judged line by line or held no rows. */
  read_by_duckdb: number;
}

/** Bigger files are refused whole rather than risking the process's memory. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const DEFAULT_CHUNK_CHARS = 64 * 1024 * 1024;
/**
 * DuckDB's cost per Parquet file written grows with the partitions one COPY holds open;
 * a few hundred files per chunk keeps it flat while the chunk still has enough lines for
 * both threads.
 */
const MAX_FILES_PER_CHUNK = 400;
/** Chunks validated and written at once, each on its own connection: while one is in a single-threaded step (splitting lines, renaming files) the other keeps the second core busy. */
const CONCURRENT_CHUNKS = 2;

/**
 * Lands every file in the inbox into the lake exactly once: valid rows as Parquet under
 * lake/raw/<feed>/, invalid rows under lake/quarantine/<feed>/ with a reason, one ledger row
 * per batch written last, unreadable files moved to lake/rejected/. Safe to rerun at any
 * time, including after a crash: landed batches are recognised by their content.
 */
export async function ingestInbox(options: IngestOptions): Promise<IngestSummary> {
  const inboxDir = resolve(options.inboxDir);
  let inboxFiles: string[];
  try {
    inboxFiles = listInboxFiles(inboxDir);
  } catch (err) {
    throw new Error(`cannot read the inbox ${inboxDir}: ${(err as Error).message}`);
  }
  const run = await InboxRun.open(options, inboxDir, inboxFiles.length);
  try {
    await run.start();
    let sinceYield = 0;
    for (const { relPath, name } of run.namedFiles(inboxFiles)) {
      // Reading and hashing is synchronous; let landings in flight take their next step.
      if (++sinceYield % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      run.throwIfLandingFailed();
      await run.take(relPath, name);
    }
    return await run.finish();
  } finally {
    await run.close();
  }
}

const emptySummary = (): IngestSummary => ({
  files: 0,
  batches: 0,
  duplicates_skipped: 0,
  rows_in: 0,
  rows_landed: 0,
  rows_quarantined: 0,
  reasons: {},
  failures: [],
  read_by_duckdb: 0,
});

/**
 * One ingestion run: the lake locked, one DuckDB instance with a connection for the run's own
 * statements and one per chunk in flight, and what the run has learnt so far (batches seen,
 * the current batch of each co-op, feed and day). Files are read, judged whole, then gathered
 * into chunks of one feed that land on the idle connections while the next files are read.
 */
class InboxRun {
  readonly summary = emptySummary();
  private readonly stagingRoot: string;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly idle: DuckDBConnection[];
  private readonly landingErrors: unknown[] = [];
  private readonly createdDirs = new Set<string>();
  private readonly seenThisRun = new Set<string>();
  private readonly headsThisRun = new Map<string, LedgerHead>();
  private headsOnDisk: Map<string, LedgerHead> | null = null;
  private refVendors = new Map<string, string>();
  private ledgered = new Set<string>();
  private ingestedAt = '';
  private done = 0;
  private chunk: PreparedFile[] = [];
  private chunkSize = 0;
  private chunkNo = 0;

  private constructor(
    private readonly options: IngestOptions,
    private readonly inboxDir: string,
    private readonly lakeDir: string,
    private readonly total: number,
    private readonly releaseLock: () => void,
    private readonly instance: DuckDBInstance,
    private readonly con: DuckDBConnection,
    private readonly workers: DuckDBConnection[],
  ) {
    this.stagingRoot = join(lakeDir, '.staging');
    this.idle = [...workers];
  }

  /** Locks the lake, clears what a killed run left in staging, and opens DuckDB. */
  static async open(options: IngestOptions, inboxDir: string, total: number): Promise<InboxRun> {
    const lakeDir = resolve(options.lakeDir);
    const releaseLock = acquireLakeLock(lakeDir);
    const stagingRoot = join(lakeDir, '.staging');
    // Whatever a killed run left half-written is garbage: nothing outside .staging refers to it.
    rmSync(stagingRoot, { recursive: true, force: true });
    mkdirSync(stagingRoot, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '2',
      temp_directory: join(stagingRoot, 'duckdb-tmp'),
      // fast-read.ts numbers the rows its readers insert by rowid, which needs the order kept.
      preserve_insertion_order: 'true',
    });
    const con = await instance.connect();
    const workers: DuckDBConnection[] = [];
    for (let i = 0; i < CONCURRENT_CHUNKS; i++) workers.push(await instance.connect());
    return new InboxRun(options, inboxDir, lakeDir, total, releaseLock, instance, con, workers);
  }

  /** SQL functions, the reference data, and the batches the ledger already holds. */
  async start(): Promise<void> {
    await this.con.run('SET partitioned_write_max_open_files = 10000');
    await installSqlFunctions(this.con);
    this.refVendors = await loadReference(this.con, resolve(this.options.referenceDir ?? DEFAULT_REFERENCE_DIR));
    this.ingestedAt = new Date().toISOString();
    this.ledgered = await ledgeredBatchIds(this.con, this.lakeDir);
    this.summary.files = this.total;
  }

  /**
   * Name check first: a file whose name says nothing about co-op, feed or day cannot be
   * batched. The rest in landing order.
   */
  namedFiles(inboxFiles: string[]): { relPath: string; name: InboxFileName }[] {
    const named: { relPath: string; name: InboxFileName }[] = [];
    for (const relPath of inboxFiles) {
      const name = parseInboxFileName(basename(relPath));
      if ('error' in name) {
        const reason = `bad_file_name: ${name.error}`;
        this.moveAside(relPath, reason);
        unlinkSync(join(this.inboxDir, relPath));
        this.fail(relPath, 'rejected', reason);
      } else if (!FEEDS[name.feed]) {
        const reason = `unsupported_feed: ingestion does not handle the ${name.feed} feed yet; file left in the inbox`;
        this.fail(relPath, 'unsupported', reason);
      } else {
        named.push({ relPath, name });
      }
    }
    return named.sort(landingOrder);
  }

  /** Reads one file: a duplicate is skipped, a file refused whole is ledgered as rejected, the rest joins a chunk. */
  async take(relPath: string, name: InboxFileName): Promise<void> {
    const path = join(this.inboxDir, relPath);
    const stat = statSync(path);
    const receivedAt = stat.mtime.toISOString();
    if (stat.size > MAX_FILE_BYTES) {
      const reason = `file_too_large: ${stat.size} bytes, more than ${MAX_FILE_BYTES}`;
      this.moveAside(relPath, reason);
      unlinkSync(path);
      this.fail(relPath, 'rejected', reason);
      return;
    }
    const bytes = readFileSync(path);
    const batchId = batchIdFor(name, bytes);
    if (this.ledgered.has(batchId) || this.seenThisRun.has(batchId)) {
      this.summary.duplicates_skipped++;
      this.report(relPath, 'duplicate', `batch ${batchId} already landed`, { batch_id: batchId });
      return;
    }
    this.seenThisRun.add(batchId);
    if (this.chunk.length > 0 && this.chunk[0]!.name.feed !== name.feed) await this.flush();
    const converted = name.extension === 'xlsx' ? await xlsxToJsonLines(bytes, name.feed) : undefined;
    const prepared: Preparation =
      converted && 'error' in converted
        ? { reject: `${converted.reasonCode}: ${converted.error}` }
        : prepare(
            relPath,
            name,
            FEEDS[name.feed]!,
            bytes,
            batchId,
            receivedAt,
            this.refVendors,
            { path, size: stat.size, mtimeMs: stat.mtimeMs },
            converted?.text,
          );
    if ('reject' in prepared) {
      await this.rejectWhole(relPath, name, bytes, batchId, receivedAt, prepared.reject);
      return;
    }
    await this.placeInChain(prepared.ok);
    await this.addToChunk(prepared.ok);
  }

  /** Rejections are written at once (rare); chunked landings before them are unaffected. */
  private async rejectWhole(
    relPath: string,
    name: InboxFileName,
    bytes: Buffer,
    batchId: string,
    receivedAt: string,
    reason: string,
  ): Promise<void> {
    this.moveAside(relPath, reason);
    await writeLedgerRows(this.con, this.lakeDir, join(this.stagingRoot, `ledger-rejected-${batchId}`), [
      {
        batch_id: batchId,
        coop_id: name.coopId,
        feed: name.feed,
        vendor: this.refVendors.get(name.coopId) ?? null,
        file_name: basename(relPath),
        checksum_sha256: sha256Hex(bytes),
        business_date: name.businessDate,
        received_at: receivedAt,
        rows_in: 0,
        rows_landed: 0,
        rows_quarantined: 0,
        status: 'rejected',
        supersedes_batch_id: null,
        reject_reason: reason,
      },
    ]);
    unlinkSync(join(this.inboxDir, relPath));
    this.summary.batches++;
    this.summary.failures.push({ file: relPath, reason });
    this.report(relPath, 'rejected', reason, { batch_id: batchId });
  }

  /** Which batch a correction supersedes; whether an original arrives after its correction. */
  private async placeInChain(file: PreparedFile): Promise<void> {
    const { name, batchId } = file;
    const key = supersedeKey(name.coopId, name.feed, name.businessDate);
    let previous = this.headsThisRun.get(key);
    if (previous === undefined) {
      this.headsOnDisk ??= await readLedgerHeads(this.con, this.lakeDir);
      previous = this.headsOnDisk.get(key);
    }
    if (name.isCorrection) {
      file.supersedes = previous?.batchId ?? null;
      this.headsThisRun.set(key, { batchId, seq: name.seq, correction: true });
    } else if (previous?.correction && previous.seq > name.seq) {
      // A late original: its correction is already current. Its rows land (nothing is
      // lost) under a ledger status readers do not count, so nothing counts twice.
      file.arrivedSuperseded = true;
    } else {
      this.headsThisRun.set(key, { batchId, seq: name.seq, correction: false });
    }
  }

  private async addToChunk(file: PreparedFile): Promise<void> {
    this.chunk.push(file);
    this.chunkSize += file.bytes.length;
    const chunkChars = this.options.chunkChars ?? DEFAULT_CHUNK_CHARS;
    if (this.chunkSize >= chunkChars || this.chunk.length >= MAX_FILES_PER_CHUNK) await this.flush();
  }

  /** Hands the chunk to an idle connection and returns once it is under way. */
  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const files = this.chunk;
    this.chunk = [];
    this.chunkSize = 0;
    this.chunkNo++;
    while (this.idle.length === 0) await Promise.race(this.inFlight);
    this.throwIfLandingFailed();
    const worker = this.idle.pop()!;
    const landing: Promise<void> = landChunk(worker, FEED_RULES[files[0]!.name.feed]!, files, {
      lakeDir: this.lakeDir,
      stagingDir: join(this.stagingRoot, `chunk-${this.chunkNo}`),
      ingestedAt: this.ingestedAt,
      createdDirs: this.createdDirs,
      readers: this.options.readers ?? true,
    })
      .then((counts) => this.settle(files, counts))
      .catch((error: unknown) => {
        this.landingErrors.push(error);
      })
      .finally(() => {
        this.idle.push(worker);
        this.inFlight.delete(landing);
      });
    this.inFlight.add(landing);
  }

  /** A landed chunk's counts into the summary, and one progress event per file. */
  private settle(files: PreparedFile[], counts: ChunkCounts): void {
    const { summary } = this;
    for (const [reason, n] of counts.reasons) summary.reasons[reason] = (summary.reasons[reason] ?? 0) + n;
    summary.read_by_duckdb += counts.readByDuckdb;
    files.forEach((file, idx) => {
      const c = counts.perFile.get(idx) ?? { landed: 0, quarantined: 0 };
      summary.batches++;
      summary.rows_landed += c.landed;
      summary.rows_quarantined += c.quarantined;
      summary.rows_in += c.landed + c.quarantined;
      this.report(file.relPath, 'landed', `${c.landed} rows landed, ${c.quarantined} quarantined`, {
        batch_id: file.batchId,
        rows_in: c.landed + c.quarantined,
        rows_landed: c.landed,
        rows_quarantined: c.quarantined,
      });
    });
  }

  throwIfLandingFailed(): void {
    if (this.landingErrors.length > 0) throw this.landingErrors[0];
  }

  /** Lands the last chunk and waits for every chunk in flight. */
  async finish(): Promise<IngestSummary> {
    await this.flush();
    await Promise.all(this.inFlight);
    this.throwIfLandingFailed();
    return this.summary;
  }

  /** A failed run may still have a landing under way; let it finish before closing under it. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    for (const worker of this.workers) worker.closeSync();
    this.con.closeSync();
    this.instance.closeSync();
    rmSync(this.stagingRoot, { recursive: true, force: true });
    this.releaseLock();
  }

  private fail(relPath: string, outcome: FileOutcome, reason: string): void {
    this.summary.failures.push({ file: relPath, reason });
    this.report(relPath, outcome, reason);
  }

  private report(file: string, outcome: FileOutcome, message: string, extra: Partial<IngestProgressEvent> = {}): void {
    this.done++;
    this.options.onProgress?.({
      stage: 'ingest',
      done: this.done,
      total: this.total,
      file,
      message,
      outcome,
      ...extra,
    });
  }

  private moveAside(relPath: string, reason: string): void {
    const source = join(this.inboxDir, relPath);
    const destination = join(this.lakeDir, 'rejected', relPath);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(source, destination);
    writeFileSync(`${destination}.reason.txt`, `${reason}\n`);
  }
}
