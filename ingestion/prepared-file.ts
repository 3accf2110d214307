import { sha256Hex } from './batch-id';
import { BINARY_CONTENT, decodeInboxBytes, isPlainUtf8 } from './decode';
import type { FeedSpec } from './feeds';
import { latinDigits, scanBytes, windows1256ToUtf8, type FastReadable } from './fast-read';
import { detectDelimiter, mapHeader, splitCsvLine } from './header-map';
import type { InboxFileName } from './inbox-file-name';

/**
 * One inbox file made ready for its chunk: decoded as far as its header needs, its header
 * mapped to the feed's fields, and the way its rows will be split decided (DuckDB's readers
 * or line by line).
 */
export interface PreparedFile {
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

export type Preparation = { ok: PreparedFile } | { reject: string };

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
export function prepare(
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
export function landingOrder(
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

/** The text the line-by-line path splits: exactly what decodeInboxBytes makes of the file. */
export function textOf(file: PreparedFile): string {
  if (file.text !== null) return file.text;
  const decoded = decodeInboxBytes(file.bytes);
  if ('error' in decoded) throw new Error(`${file.relPath} no longer decodes: ${decoded.error}`);
  return decoded.text;
}
