import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { batchIdFor, sha256Hex } from './batch-id';
import { BINARY_CONTENT, decodeInboxBytes, isPlainUtf8 } from './decode';
import { FEED_RULES, FEEDS, type FeedSpec } from './feeds';
import { judgeWithReaders, latinDigits, scanBytes, windows1256ToUtf8, type FastReadable } from './fast-read';
import { detectDelimiter, mapHeader, splitCsvLine } from './header-map';
import { parseInboxFileName, type InboxFileName } from './inbox-file-name';
import { listInboxFiles } from './inbox-files';
import { acquireLakeLock } from './lake-lock';
import {
  ledgeredBatchIds,
  readLedgerHeads,
  supersedeKey,
  writeLedgerRows,
  type LedgerHead,
  type LedgerRow,
} from './ledger';
import { copyPartitionedIntoPlace, sqlString } from './partitioned-copy';
import { DEFAULT_REFERENCE_DIR, loadReference } from './reference';
import { installSqlFunctions } from './sql-functions';
import {
  checkedStatements,
  duplicateFilesSql,
  judgedAsChecked,
  positionColumns,
  type FeedRules,
} from './validation-sql';
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

interface PreparedFile {
  relPath: string;
  name: InboxFileName;
  batchId: string;
  checksum: string;
  receivedAt: string;
  vendor: string;
  /** The file's bytes (a workbook: its JSON Lines). */
  bytes: Buffer;
  /** Decoded text, when decoding was needed to read the header; else decoded on demand (textOf). */
  text: string | null;
  isJson: boolean;
  delimiter: string;
  headerRow: number;
  headerCells: number | null;
  headerProblem: string | null;
  positions: Record<string, number>;
  supersedes: string | null;
  /** A correction for the same co-op, feed and day landed before this original arrived. */
  arrivedSuperseded: boolean;
  /** Set when DuckDB's CSV/JSON reader may split the file (fast-read.ts); null: line by line. */
  fast: FastReadable | null;
  /** The inbox file itself when the reader can read it as it is (UTF-8, nothing to translate), with its size and mtime when hashed. */
  direct: { path: string; size: number; mtimeMs: number } | null;
}

type Preparation = { ok: PreparedFile } | { reject: string };

/** The first non-blank line and its 1-based number, without splitting a large text. */
function firstLine(text: string): { line: string; number: number } {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = (end < 0 ? text.slice(start) : text.slice(start, end)).replace(/\r$/, '');
    if (line.trim() !== '' || end < 0) return { line, number };
    start = end + 1;
    number++;
  }
  return { line: '', number };
}

const hasArabic = (s: string): boolean => /[\u0600-\u06FF]/.test(s);

/** The first line of plain UTF-8 bytes that is not blank, decoded, without decoding the rest. */
function firstLineOfBytes(bytes: Buffer): { line: string; number: number } {
  let start = 0;
  let number = 1;
  while (start <= bytes.length) {
    const nl = bytes.indexOf(10, start);
    const end = nl < 0 ? bytes.length : nl;
    const line = bytes.toString('utf8', start, end).replace(/\r$/, '');
    if (line.trim() !== '' || nl < 0) return { line, number };
    start = nl + 1;
    number++;
  }
  return { line: '', number };
}

/**
 * Decides how a file is read. Plain UTF-8 (the common case) is only validated here: its text
 * is decoded if it goes line by line, and DuckDB reads it from the inbox otherwise.
 */
function prepare(
  relPath: string,
  name: InboxFileName,
  spec: FeedSpec,
  bytes: Buffer,
  batchId: string,
  receivedAt: string,
  refVendors: Map<string, string>,
  inboxStat: { path: string; size: number; mtimeMs: number },
  convertedText?: string,
): Preparation {
  const plainUtf8 = convertedText === undefined && isPlainUtf8(bytes);
  let text: string | null = convertedText ?? null;
  let encoding: string = convertedText !== undefined ? 'converted' : 'utf-8';
  if (plainUtf8) {
    if (bytes.includes(0)) return { reject: `${BINARY_CONTENT.reasonCode}: ${BINARY_CONTENT.error}` };
  } else if (text === null) {
    const decoded = decodeInboxBytes(bytes);
    if ('error' in decoded) return { reject: `${decoded.reasonCode}: ${decoded.error}` };
    text = decoded.text;
    encoding = decoded.encoding;
  }
  const first = text === null ? firstLineOfBytes(bytes) : firstLine(text);
  // No header at all: a batch with no rows, landed as such (vendor C's empty day is one).
  const isJson = first.line.trim() === '' || /^\s*[[{]/.test(first.line);
  let delimiter = ',';
  let headerRow = 0;
  let headerCells: number | null = null;
  let positions: Record<string, number>;
  let headerProblem: string | null = null;
  if (isJson) {
    positions = mapHeader(spec.jsonKeys, spec).positions;
  } else {
    delimiter = detectDelimiter(first.line);
    const cells = splitCsvLine(first.line, delimiter);
    const map = mapHeader(cells, spec);
    if (Object.keys(map.positions).length === 0) {
      return {
        reject: `unrecognised_header: no column of the ${spec.feed} feed in the first line '${first.line.slice(0, 120)}'`,
      };
    }
    positions = map.positions;
    headerRow = first.number;
    headerCells = map.cellCount;
    if (map.missing.length > 0) headerProblem = map.missing.join('; ');
  }
  const detectedVendor = isJson ? 'C' : hasArabic(first.line) ? 'B' : 'A';
  const fast = readerPlan(bytes, text, encoding, headerRow, headerProblem);
  return {
    ok: {
      relPath,
      name,
      batchId,
      checksum: sha256Hex(bytes),
      receivedAt,
      vendor: refVendors.get(name.coopId) ?? detectedVendor,
      bytes,
      text,
      isJson,
      delimiter,
      headerRow,
      headerCells,
      headerProblem,
      positions,
      supersedes: null,
      arrivedSuperseded: false,
      fast,
      direct: fast !== null && fast.bytes === null ? inboxStat : null,
    },
  };
}

/** Whether DuckDB's readers may split the file (fast-read.ts), and the bytes they then read. */
function readerPlan(
  bytes: Buffer,
  text: string | null,
  encoding: string,
  headerRow: number,
  headerProblem: string | null,
): FastReadable | null {
  if (headerProblem !== null || headerRow > 1) return null;
  const scanned =
    encoding === 'utf-8' || encoding === 'windows-1256'
      ? scanBytes(bytes, encoding)
      : text !== null
        ? scanBytes(Buffer.from(text, 'utf8'), 'utf-8')
        : null;
  if (scanned === null || 'no' in scanned) return null;
  const rows = Math.max(0, scanned.ok.lines - headerRow);
  if (encoding === 'utf-8' && !scanned.ok.needsLatin) return { rows, bytes: null };
  if (encoding === 'windows-1256' && !scanned.ok.needsLatin) return { rows, bytes: windows1256ToUtf8(bytes) };
  const decoded = text ?? bytes.toString('utf8');
  return { rows, bytes: Buffer.from(scanned.ok.needsLatin ? latinDigits(decoded) : decoded, 'utf8') };
}

/** Sort so a batch's original comes before its corrections, and corrections in sequence. */
function landingOrder(
  a: { name: InboxFileName; relPath: string },
  b: { name: InboxFileName; relPath: string },
): number {
  const ka = [a.name.feed, a.name.coopId, a.name.businessDate];
  const kb = [b.name.feed, b.name.coopId, b.name.businessDate];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  if (a.name.isCorrection !== b.name.isCorrection) return a.name.isCorrection ? 1 : -1;
  if (a.name.seq !== b.name.seq) return a.name.seq - b.name.seq;
  return a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0;
}

/**
 * Lands every file in the inbox into the lake exactly once: valid rows as Parquet under
 * lake/raw/<feed>/, invalid rows under lake/quarantine/<feed>/ with a reason, one ledger row
 * per batch written last, unreadable files moved to lake/rejected/. Safe to rerun at any
 * time, including after a crash: landed batches are recognised by their content.
 */
export async function ingestInbox(options: IngestOptions): Promise<IngestSummary> {
  const inboxDir = resolve(options.inboxDir);
  const lakeDir = resolve(options.lakeDir);
  const referenceDir = resolve(options.referenceDir ?? DEFAULT_REFERENCE_DIR);
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const summary: IngestSummary = {
    files: 0,
    batches: 0,
    duplicates_skipped: 0,
    rows_in: 0,
    rows_landed: 0,
    rows_quarantined: 0,
    reasons: {},
    failures: [],
    read_by_duckdb: 0,
  };

  let inboxFiles: string[];
  try {
    inboxFiles = listInboxFiles(inboxDir);
  } catch (err) {
    throw new Error(`cannot read the inbox ${inboxDir}: ${(err as Error).message}`);
  }

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
  const inFlight = new Set<Promise<void>>();

  try {
    await con.run('SET partitioned_write_max_open_files = 10000');
    await installSqlFunctions(con);
    const refVendors = await loadReference(con, referenceDir);
    const ingestedAt = new Date().toISOString();
    const ledgered = await ledgeredBatchIds(con, lakeDir);
    const seenThisRun = new Set<string>();
    const headsThisRun = new Map<string, LedgerHead>();
    let headsOnDisk: Map<string, LedgerHead> | null = null;
    let done = 0;
    summary.files = inboxFiles.length;

    const report = (
      file: string,
      outcome: FileOutcome,
      message: string,
      extra: Partial<IngestProgressEvent> = {},
    ): void => {
      done++;
      options.onProgress?.({ stage: 'ingest', done, total: inboxFiles.length, file, message, outcome, ...extra });
    };

    const moveAside = (relPath: string, reason: string): void => {
      const source = join(inboxDir, relPath);
      const destination = join(lakeDir, 'rejected', relPath);
      mkdirSync(dirname(destination), { recursive: true });
      copyFileSync(source, destination);
      writeFileSync(`${destination}.reason.txt`, `${reason}\n`);
    };

    // Name check first: a file whose name says nothing about co-op, feed or day cannot be batched.
    const named: { relPath: string; name: InboxFileName }[] = [];
    for (const relPath of inboxFiles) {
      const name = parseInboxFileName(basename(relPath));
      if ('error' in name) {
        const reason = `bad_file_name: ${name.error}`;
        moveAside(relPath, reason);
        unlinkSync(join(inboxDir, relPath));
        summary.failures.push({ file: relPath, reason });
        report(relPath, 'rejected', reason);
      } else if (!FEEDS[name.feed]) {
        const reason = `unsupported_feed: ingestion does not handle the ${name.feed} feed yet; file left in the inbox`;
        summary.failures.push({ file: relPath, reason });
        report(relPath, 'unsupported', reason);
      } else {
        named.push({ relPath, name });
      }
    }
    named.sort(landingOrder);

    let chunk: PreparedFile[] = [];
    let chunkSize = 0;
    let chunkNo = 0;
    const idle = [...workers];
    const createdDirs = new Set<string>();
    const landingErrors: unknown[] = [];

    const settle = (files: PreparedFile[], counts: ChunkCounts): void => {
      for (const [reason, n] of counts.reasons) summary.reasons[reason] = (summary.reasons[reason] ?? 0) + n;
      summary.read_by_duckdb += counts.readByDuckdb;
      files.forEach((file, idx) => {
        const c = counts.perFile.get(idx) ?? { landed: 0, quarantined: 0 };
        summary.batches++;
        summary.rows_landed += c.landed;
        summary.rows_quarantined += c.quarantined;
        summary.rows_in += c.landed + c.quarantined;
        report(file.relPath, 'landed', `${c.landed} rows landed, ${c.quarantined} quarantined`, {
          batch_id: file.batchId,
          rows_in: c.landed + c.quarantined,
          rows_landed: c.landed,
          rows_quarantined: c.quarantined,
        });
      });
    };

    /** Hands the chunk to an idle connection and returns once it is under way. */
    const flush = async (): Promise<void> => {
      if (chunk.length === 0) return;
      const files = chunk;
      chunk = [];
      chunkSize = 0;
      chunkNo++;
      while (idle.length === 0) await Promise.race(inFlight);
      if (landingErrors.length > 0) throw landingErrors[0];
      const worker = idle.pop()!;
      const rules = FEED_RULES[files[0]!.name.feed]!;
      const landing: Promise<void> = landChunk(
        worker,
        rules,
        files,
        lakeDir,
        join(stagingRoot, `chunk-${chunkNo}`),
        ingestedAt,
        createdDirs,
        options.readers ?? true,
      )
        .then((counts) => settle(files, counts))
        .catch((error: unknown) => {
          landingErrors.push(error);
        })
        .finally(() => {
          idle.push(worker);
          inFlight.delete(landing);
        });
      inFlight.add(landing);
    };

    let sinceYield = 0;
    for (const { relPath, name } of named) {
      // Reading and hashing is synchronous; let landings in flight take their next step.
      if (++sinceYield % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (landingErrors.length > 0) throw landingErrors[0];
      const path = join(inboxDir, relPath);
      const stat = statSync(path);
      const receivedAt = stat.mtime.toISOString();
      if (stat.size > MAX_FILE_BYTES) {
        const reason = `file_too_large: ${stat.size} bytes, more than ${MAX_FILE_BYTES}`;
        moveAside(relPath, reason);
        unlinkSync(path);
        summary.failures.push({ file: relPath, reason });
        report(relPath, 'rejected', reason);
        continue;
      }
      const bytes = readFileSync(path);
      const batchId = batchIdFor(name, bytes);
      if (ledgered.has(batchId) || seenThisRun.has(batchId)) {
        summary.duplicates_skipped++;
        report(relPath, 'duplicate', `batch ${batchId} already landed`, { batch_id: batchId });
        continue;
      }
      seenThisRun.add(batchId);
      const spec = FEEDS[name.feed]!;
      if (chunk.length > 0 && chunk[0]!.name.feed !== name.feed) await flush();
      const converted = name.extension === 'xlsx' ? await xlsxToJsonLines(bytes, name.feed) : undefined;
      const prepared: Preparation =
        converted && 'error' in converted
          ? { reject: `${converted.reasonCode}: ${converted.error}` }
          : prepare(
              relPath,
              name,
              spec,
              bytes,
              batchId,
              receivedAt,
              refVendors,
              { path, size: stat.size, mtimeMs: stat.mtimeMs },
              converted?.text,
            );
      if ('reject' in prepared) {
        // Rejections are written at once (rare); chunked landings before them are unaffected.
        moveAside(relPath, prepared.reject);
        await writeLedgerRows(con, lakeDir, join(stagingRoot, `ledger-rejected-${batchId}`), [
          {
            batch_id: batchId,
            coop_id: name.coopId,
            feed: name.feed,
            vendor: refVendors.get(name.coopId) ?? null,
            file_name: basename(relPath),
            checksum_sha256: sha256Hex(bytes),
            business_date: name.businessDate,
            received_at: receivedAt,
            rows_in: 0,
            rows_landed: 0,
            rows_quarantined: 0,
            status: 'rejected',
            supersedes_batch_id: null,
            reject_reason: prepared.reject,
          },
        ]);
        unlinkSync(path);
        summary.batches++;
        summary.failures.push({ file: relPath, reason: prepared.reject });
        report(relPath, 'rejected', prepared.reject, { batch_id: batchId });
        continue;
      }
      const file = prepared.ok;
      const key = supersedeKey(name.coopId, name.feed, name.businessDate);
      let previous = headsThisRun.get(key);
      if (previous === undefined) {
        headsOnDisk ??= await readLedgerHeads(con, lakeDir);
        previous = headsOnDisk.get(key);
      }
      if (name.isCorrection) {
        file.supersedes = previous?.batchId ?? null;
        headsThisRun.set(key, { batchId, seq: name.seq, correction: true });
      } else if (previous?.correction && previous.seq > name.seq) {
        // A late original: its correction is already current. Its rows land (nothing is
        // lost) under a ledger status readers do not count, so nothing counts twice.
        file.arrivedSuperseded = true;
      } else {
        headsThisRun.set(key, { batchId, seq: name.seq, correction: false });
      }
      chunk.push(file);
      chunkSize += file.bytes.length;
      if (chunkSize >= chunkChars || chunk.length >= MAX_FILES_PER_CHUNK) await flush();
    }
    await flush();
    await Promise.all(inFlight);
    if (landingErrors.length > 0) throw landingErrors[0];
    return summary;
  } finally {
    // A failed run may still have a landing under way; let it finish before closing under it.
    await Promise.allSettled([...inFlight]);
    for (const worker of workers) worker.closeSync();
    con.closeSync();
    instance.closeSync();
    rmSync(stagingRoot, { recursive: true, force: true });
    releaseLock();
  }
}

/** The text the line-by-line path splits: exactly what decodeInboxBytes makes of the file. */
function textOf(file: PreparedFile): string {
  if (file.text !== null) return file.text;
  const decoded = decodeInboxBytes(file.bytes);
  if ('error' in decoded) throw new Error(`${file.relPath} no longer decodes: ${decoded.error}`);
  return decoded.text;
}

const fileChanged = (seen: { path: string; size: number; mtimeMs: number }): boolean => {
  try {
    const now = statSync(seen.path);
    return now.size !== seen.size || now.mtimeMs !== seen.mtimeMs;
  } catch {
    return true;
  }
};

interface ChunkCounts {
  readByDuckdb: number;
  perFile: Map<number, { landed: number; quarantined: number }>;
  reasons: Map<string, number>;
}

/**
 * Validates one chunk of files of one feed in DuckDB, puts the landed and quarantined
 * Parquet files in place, then writes the chunk's ledger rows: data first, ledger last.
 */
async function landChunk(
  con: DuckDBConnection,
  rules: FeedRules,
  files: PreparedFile[],
  lakeDir: string,
  stagingDir: string,
  ingestedAt: string,
  createdDirs: Set<string>,
  readers: boolean,
): Promise<ChunkCounts> {
  const { spec } = rules;
  const positionCols = positionColumns(spec);
  await con.run(`CREATE OR REPLACE TEMP TABLE ingest_files (
    file_idx INTEGER, batch_id VARCHAR, coop_id VARCHAR, business_date VARCHAR, is_json BOOLEAN, delim VARCHAR,
    header_row INTEGER, header_cells INTEGER, header_problem VARCHAR,
    ${positionCols.map((c) => `${c} INTEGER`).join(', ')})`);
  const appender = await con.createAppender('ingest_files');
  files.forEach((file, idx) => {
    appender.appendInteger(idx);
    appender.appendVarchar(file.batchId);
    appender.appendVarchar(file.name.coopId);
    appender.appendVarchar(file.name.businessDate);
    appender.appendBoolean(file.isJson);
    appender.appendVarchar(file.delimiter);
    appender.appendInteger(file.headerRow);
    if (file.headerCells === null) appender.appendNull();
    else appender.appendInteger(file.headerCells);
    if (file.headerProblem === null) appender.appendNull();
    else appender.appendVarchar(file.headerProblem);
    for (const field of spec.fields) {
      const pos = file.positions[field.name];
      if (pos === undefined) appender.appendNull();
      else appender.appendInteger(pos);
    }
    appender.endRow();
  });
  appender.closeSync();

  // Clean files go through DuckDB's readers; a file with any row that does not land is
  // judged again line by line, so its quarantined rows keep their raw text (fast-read.ts).
  const lineByLine = new Set<number>();
  const readable: number[] = [];
  files.forEach((file, idx) => {
    if (file.fast === null || !readers) lineByLine.add(idx);
    else if (file.fast.rows > 0) readable.push(idx);
  });
  if (readable.length > 0) {
    const refused = new Set(await judgeWithReaders(con, rules, files, readable, join(stagingDir, 'read')));
    const outcome = await con.runAndReadAll(
      'SELECT file_idx, count(*) AS n, count(first_reason) AS bad, min(source_row) AS first, max(source_row) AS last FROM judged GROUP BY file_idx',
    );
    const read = new Map(
      outcome
        .getRowObjectsJson()
        .map((r) => [
          Number(r.file_idx),
          { n: Number(r.n), bad: Number(r.bad), first: Number(r.first), last: Number(r.last) },
        ]),
    );
    const repeated = await con.runAndReadAll(duplicateFilesSql(rules));
    for (const r of repeated.getRowObjectsJson()) lineByLine.add(Number(r.file_idx));
    for (const idx of readable) {
      const file = files[idx]!;
      const got = read.get(idx);
      const rows = file.fast!.rows;
      // A file changed in the inbox since it was hashed is judged from the bytes that were hashed.
      const changed = file.direct !== null && fileChanged(file.direct);
      const numbered =
        got !== undefined && got.n === rows && got.first === file.headerRow + 1 && got.last === file.headerRow + rows;
      if (refused.has(idx) || !numbered || got.bad > 0 || changed) lineByLine.add(idx);
    }
    const again = readable.filter((idx) => lineByLine.has(idx));
    if (again.length > 0) await con.run(`DELETE FROM judged WHERE file_idx IN (${again.join(', ')})`);
  }
  const readByDuckdb = readable.filter((idx) => !lineByLine.has(idx)).length;
  const parts: string[] = readable.length > 0 ? [judgedAsChecked(rules)] : [];
  if (lineByLine.size > 0 || readable.length === 0) {
    await con.run('CREATE OR REPLACE TEMP TABLE ingest_texts (file_idx INTEGER, content VARCHAR)');
    const texts = await con.createAppender('ingest_texts');
    for (const idx of lineByLine) {
      texts.appendInteger(idx);
      texts.appendVarchar(textOf(files[idx]!));
      texts.endRow();
    }
    texts.closeSync();
    for (const statement of checkedStatements(rules, 'lines', 'checked_lines')) await con.run(statement);
    await con.run('DROP TABLE ingest_texts');
    parts.push('SELECT * FROM checked_lines');
  }
  await con.run(`CREATE OR REPLACE TEMP VIEW checked AS ${parts.join(' UNION ALL ')}`);
  for (const file of files) {
    file.text = null;
    file.bytes = Buffer.alloc(0);
  }
  await con.run('DROP TABLE ingest_files');
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ingest_batches AS SELECT * FROM (VALUES ${files
      .map(
        (f, idx) => `(${idx}, ${sqlString(f.batchId)}, ${sqlString(f.name.coopId)}, ${sqlString(f.name.businessDate)})`,
      )
      .join(', ')}) AS t(file_idx, batch_id, coop_id, business_date)`,
  );

  const perFile = new Map<number, { landed: number; quarantined: number }>();
  const countReader = await con.runAndReadAll(
    `SELECT file_idx, count(*) FILTER (reason_code IS NULL) AS landed, count(*) FILTER (reason_code IS NOT NULL) AS quarantined
     FROM checked GROUP BY file_idx`,
  );
  for (const r of countReader.getRowObjectsJson()) {
    perFile.set(Number(r.file_idx), { landed: Number(r.landed), quarantined: Number(r.quarantined) });
  }
  const reasons = new Map<string, number>();
  const reasonReader = await con.runAndReadAll(
    'SELECT reason_code, count(*) AS n FROM checked WHERE reason_code IS NOT NULL GROUP BY reason_code',
  );
  for (const r of reasonReader.getRowObjectsJson()) reasons.set(String(r.reason_code), Number(r.n));

  const ingestedAtSql = `CAST(${sqlString(ingestedAt)} AS TIMESTAMPTZ)`;
  const landedCols = rules.output.map(([name]) => `c.${name}`).join(', ');
  await copyPartitionedIntoPlace(
    con,
    `SELECT b.batch_id, c.source_row, ${landedCols}, ${ingestedAtSql} AS ingested_at,
       ${rules.dateColumn ? `CAST(c.${rules.dateColumn} AS VARCHAR)` : 'b.business_date'} AS p_dt, b.coop_id AS p_coop, b.batch_id AS p_batch
     FROM checked c JOIN ingest_batches b USING (file_idx) WHERE c.reason_code IS NULL`,
    ['p_dt', 'p_coop', 'p_batch'],
    join(stagingDir, 'raw'),
    (v) => join(lakeDir, 'raw', spec.feed, `dt=${v.p_dt}`, `coop_id=${v.p_coop}`, `part-${v.p_batch}.parquet`),
    createdDirs,
  );
  await copyPartitionedIntoPlace(
    con,
    `SELECT b.batch_id, c.source_row, c.raw_text, c.reason_code, c.reason_detail, ${ingestedAtSql} AS ingested_at,
       b.business_date AS p_dt, b.coop_id AS p_coop, b.batch_id AS p_batch
     FROM checked c JOIN ingest_batches b USING (file_idx) WHERE c.reason_code IS NOT NULL`,
    ['p_dt', 'p_coop', 'p_batch'],
    join(stagingDir, 'quarantine'),
    (v) => join(lakeDir, 'quarantine', spec.feed, `dt=${v.p_dt}`, `coop_id=${v.p_coop}`, `part-${v.p_batch}.parquet`),
    createdDirs,
  );

  const ledgerRows: LedgerRow[] = files.map((file, idx) => {
    const c = perFile.get(idx) ?? { landed: 0, quarantined: 0 };
    return {
      batch_id: file.batchId,
      coop_id: file.name.coopId,
      feed: spec.feed,
      vendor: file.vendor,
      file_name: basename(file.relPath),
      checksum_sha256: file.checksum,
      business_date: file.name.businessDate,
      received_at: file.receivedAt,
      rows_in: c.landed + c.quarantined,
      rows_landed: c.landed,
      rows_quarantined: c.quarantined,
      status: file.arrivedSuperseded ? 'superseded' : 'landed',
      supersedes_batch_id: file.supersedes,
      reject_reason: null,
    };
  });
  await writeLedgerRows(con, lakeDir, join(stagingDir, 'ledger'), ledgerRows);
  await con.run('DROP VIEW checked');
  await con.run('DROP TABLE IF EXISTS judged');
  await con.run('DROP TABLE IF EXISTS checked_lines');
  await con.run('DROP TABLE IF EXISTS fast_firsts');
  await con.run('DROP TABLE ingest_batches');
  return { perFile, reasons, readByDuckdb };
}
