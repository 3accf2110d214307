/**
 * Reads a batch of any vendor back into uniform records keyed by the A (English) column
 * names, with values as A writes them (ISO dates, Kuwait times with offset, KWD with a dot).
 * The simulator's tests use it to check what was written; it is also the reference reading
 * of the contract for anyone landing these feeds.
 */
import iconv from 'iconv-lite';
import { parseCsv } from '../csv';
import { kwdFromFils } from '../vendor-formats';
import type { FeedTable } from './feed-table';
import { readFeedXlsx } from './xlsx-batch';

const latinDigits = (text: string): string => text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

function fromDmy(text: string): string {
  const [dd, mm, yyyy] = text.split('/');
  return `${yyyy}-${mm}-${dd}`;
}

function kuwaitFromUtc(text: string): string {
  return `${new Date(Date.parse(text) + 3 * 3_600_000).toISOString().slice(0, 16)}:00+03:00`;
}

/** A record of C values (JSON Lines object or workbook row) in A's spelling. */
function fromC(table: FeedTable, obj: Record<string, unknown>): Record<string, string> {
  const keys = Object.keys(obj);
  if (keys.join(',') !== table.columns.map((c) => c.json).join(','))
    throw new Error(`${table.feed}: keys ${keys.join(',')} are not the contract's`);
  return Object.fromEntries(
    table.columns.map((c) => {
      const v = obj[c.json];
      const value =
        c.type === 'kwd' ? kwdFromFils(v as number) : c.type === 'time' ? kuwaitFromUtc(String(v)) : String(v);
      return [c.name, value];
    }),
  );
}

/** Any vendor's batch, the XLSX of vendor C's finance included. */
export async function readFeedFile(
  table: FeedTable,
  bytes: Buffer,
  extension: string,
): Promise<Record<string, string>[]> {
  if (extension === 'xlsx') return (await readFeedXlsx(table, bytes)).map((row) => fromC(table, row));
  return readFeed(table, bytes, extension);
}

/** A text batch (CSV or JSON Lines) of any vendor. */
export function readFeed(table: FeedTable, bytes: Buffer, extension: string): Record<string, string>[] {
  const { columns } = table;
  if (extension === 'jsonl') {
    const text = bytes.toString('utf8');
    return text
      .split('\n')
      .filter((l) => l !== '')
      .map((line) => fromC(table, JSON.parse(line) as Record<string, unknown>));
  }
  const text =
    bytes[0] === 0xef && bytes[1] === 0xbb
      ? bytes.subarray(3).toString('utf8')
      : extension === 'csv' && !isUtf8(bytes)
        ? iconv.decode(bytes, 'windows-1256')
        : bytes.toString('utf8');
  const [header, ...rows] = parseCsv(text);
  const arabic = header?.[0] === columns[0]?.ar;
  const expected = columns.map((c) => (arabic ? c.ar : c.name));
  if (header?.join(',') !== expected.join(','))
    throw new Error(`${table.feed}: header "${header?.join(',') ?? ''}" is not the contract's`);
  return rows.map((fields) =>
    Object.fromEntries(
      columns.map((c, i) => {
        const raw = fields[i] as string;
        if (!arabic) return [c.name, raw];
        const v = latinDigits(raw);
        switch (c.type) {
          case 'date':
            return [c.name, fromDmy(v)];
          case 'time':
            return [c.name, `${fromDmy(v.slice(0, 10))}T${v.slice(11, 16)}:00+03:00`];
          case 'kwd':
            return [c.name, v.replace(',', '.')];
          case 'bool':
            return [c.name, v === 'نعم' ? 'true' : 'false'];
          case 'int':
            return [c.name, v];
          default:
            return [c.name, raw];
        }
      }),
    ),
  );
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
