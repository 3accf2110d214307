import iconv from 'iconv-lite';
import { OIL, RICE, UNKNOWN_GTIN } from './test-fixtures';

/**
 * A generated inbox of broken files, for the fixture reference in test-fixtures.ts (C001 on
 * vendor A, C002 on B, C003 on C). Each file mixes good rows with rows broken in one known
 * way, or is broken as a whole, and says how many rows of each it holds, so a test can check
 * that ingestion lands exactly the good ones and quarantines exactly the bad ones.
 */
export interface CorpusFile {
  relPath: string;
  bytes: Buffer;
  /** Rows that must land. */
  good: number;
  /** Rows that must be quarantined, by reason code. */
  bad: Record<string, number>;
  /** The file as a whole must be refused and moved aside (rows then count 0). */
  rejected: boolean;
  /** What was done to it, for a failing test's message. */
  kind: string;
}

type Vendor = 'A' | 'B' | 'C';
type Feed = 'sales' | 'stock';
const COOP: Record<Vendor, string> = { A: 'C001', B: 'C002', C: 'C003' };

/** Small, seeded, reproducible (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One row as canonical values; rendered per vendor. */
interface Row {
  coop: string;
  site: string;
  gtin: string;
  /** YYYY-MM-DD */
  date: string;
  hour: number;
  qty: string;
  /** KWD with 3 decimals, as text */
  amount: string;
  receipts: string;
  /** Replaces the rendered date/time cell when set (bad dates). */
  rawTime?: string;
}

const HEADERS: Record<Feed, Record<Vendor, string[]>> = {
  sales: {
    A: ['coop_id', 'branch_id', 'barcode', 'sale_hour', 'quantity', 'net_amount_kwd', 'receipts'],
    B: ['رقم الجمعية', 'رقم الفرع', 'الباركود', 'التاريخ', 'الساعة', 'الكمية', 'المبلغ', 'عدد الفواتير'],
    C: [],
  },
  stock: {
    A: ['coop_id', 'site_id', 'barcode', 'stock_date', 'closing_qty'],
    B: ['رقم الجمعية', 'رقم الموقع', 'الباركود', 'التاريخ', 'الرصيد'],
    C: [],
  },
};

const pad = (n: number): string => String(n).padStart(2, '0');
const dmy = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function cells(feed: Feed, vendor: Vendor, row: Row): string[] {
  if (feed === 'sales') {
    if (vendor === 'A') {
      const ts = row.rawTime ?? `${row.date}T${pad(row.hour)}:00:00+03:00`;
      return [row.coop, row.site, row.gtin, ts, row.qty, row.amount, row.receipts];
    }
    return [
      row.coop,
      row.site,
      row.gtin,
      row.rawTime ?? dmy(row.date),
      String(row.hour),
      row.qty,
      row.amount.replace('.', ','),
      row.receipts,
    ];
  }
  if (vendor === 'A') return [row.coop, row.site, row.gtin, row.rawTime ?? row.date, row.qty];
  return [row.coop, row.site, row.gtin, row.rawTime ?? dmy(row.date), row.qty];
}

function jsonLine(feed: Feed, row: Row): string {
  if (feed === 'sales') {
    const utc = new Date(Date.parse(`${row.date}T${pad(row.hour)}:00:00+03:00`)).toISOString().replace('.000Z', 'Z');
    const fils = Math.round(Number(row.amount) * 1000);
    return JSON.stringify({
      coop: row.coop,
      site: row.site,
      gtin: row.gtin,
      ts: row.rawTime ?? utc,
      qty: Number.isNaN(Number(row.qty)) ? row.qty : Number(row.qty),
      amount_fils: Number.isNaN(fils) ? row.amount : fils,
      tickets: Number.isNaN(Number(row.receipts)) ? row.receipts : Number(row.receipts),
    });
  }
  return JSON.stringify({
    coop: row.coop,
    site: row.site,
    gtin: row.gtin,
    date: row.rawTime ?? row.date,
    on_hand: Number.isNaN(Number(row.qty)) ? row.qty : Number(row.qty),
  });
}

/** A row-level defect: how to break a good row, and the reason ingestion must give. */
interface Defect {
  name: string;
  reason: string;
  feeds: Feed[];
  vendors: Vendor[];
  apply(row: Row): Row | { line: (vendor: Vendor, feed: Feed, good: string) => string };
}

const ALL: Vendor[] = ['A', 'B', 'C'];
const CSV: Vendor[] = ['A', 'B'];

const DEFECTS: Defect[] = [
  {
    name: 'negative quantity',
    reason: 'negative_quantity',
    feeds: ['sales'],
    vendors: ALL,
    apply: (r) => ({ ...r, qty: `-${r.qty}` }),
  },
  {
    name: 'negative stock',
    reason: 'negative_stock',
    feeds: ['stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, qty: `-${r.qty}` }),
  },
  {
    name: 'quantity not a number',
    reason: 'bad_quantity',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, qty: 'twelve' }),
  },
  {
    name: 'quantity with 4 decimals',
    reason: 'bad_quantity',
    feeds: ['sales', 'stock'],
    vendors: ['A', 'C'],
    apply: (r) => ({ ...r, qty: '1.2345' }),
  },
  {
    name: 'amount not a number',
    reason: 'bad_amount',
    feeds: ['sales'],
    vendors: ['A', 'B'],
    apply: (r) => ({ ...r, amount: '1.2.3' }),
  },
  {
    name: 'impossible date',
    reason: 'bad_date',
    feeds: ['stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, rawTime: r.rawTime ?? '2025-02-30' }),
  },
  {
    name: 'impossible date',
    reason: 'bad_date',
    feeds: ['sales'],
    vendors: ['B'],
    apply: (r) => ({ ...r, rawTime: '30/02/2025' }),
  },
  {
    name: 'timestamp not a time',
    reason: 'bad_timestamp',
    feeds: ['sales'],
    vendors: ['A', 'C'],
    apply: (r) => ({ ...r, rawTime: 'yesterday 6pm' }),
  },
  {
    name: 'month-first date',
    reason: 'bad_date',
    feeds: ['stock'],
    vendors: ['B'],
    apply: (r) => ({ ...r, rawTime: '12/31/2025' }),
  },
  {
    name: 'unknown co-op',
    reason: 'unknown_coop',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, coop: 'C999' }),
  },
  {
    name: 'another co-op',
    reason: 'coop_mismatch',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, coop: r.coop === 'C001' ? 'C002' : 'C001' }),
  },
  {
    name: 'unknown site',
    reason: 'unknown_site',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, site: `${r.coop}-B99` }),
  },
  {
    name: 'unknown product',
    reason: 'unknown_product',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, gtin: UNKNOWN_GTIN }),
  },
  {
    name: 'formula injection',
    reason: 'formula_injection',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, gtin: '=HYPERLINK("http://evil.example/x","open")' }),
  },
  {
    name: 'huge field',
    reason: 'oversized_row',
    feeds: ['sales', 'stock'],
    vendors: ALL,
    apply: (r) => ({ ...r, gtin: '9'.repeat(6000) }),
  },
  {
    name: 'missing quantity',
    reason: 'missing_value',
    feeds: ['sales', 'stock'],
    vendors: CSV,
    apply: (r) => ({ ...r, qty: '' }),
  },
  {
    name: 'extra cell',
    reason: 'column_count_mismatch',
    feeds: ['sales', 'stock'],
    vendors: CSV,
    apply: () => ({ line: (_v, _f, good) => `${good},surplus` }),
  },
  {
    name: 'missing cell',
    reason: 'column_count_mismatch',
    feeds: ['sales', 'stock'],
    vendors: CSV,
    apply: () => ({ line: (_v, _f, good) => good.slice(0, good.lastIndexOf(',')) }),
  },
  {
    name: 'broken JSON',
    reason: 'malformed_json',
    feeds: ['sales', 'stock'],
    vendors: ['C'],
    apply: () => ({ line: (_v, _f, good) => good.slice(0, -5) }),
  },
  {
    name: 'JSON array, not object',
    reason: 'malformed_json',
    feeds: ['sales', 'stock'],
    vendors: ['C'],
    apply: () => ({ line: (_v, _f, good) => `[${good}]` }),
  },
];

/** File-level defects; `rows` counts stay exact because each keeps or kills rows knowingly. */
type FileKind =
  | 'row defects'
  | 'duplicate lines'
  | 'missing column'
  | 'extra column'
  | 'swapped columns'
  | 'truncated'
  | 'empty'
  | 'UTF-16 without BOM'
  | 'BOM before Windows-1256'
  | 'binary'
  | 'bad file name'
  | 'header only'
  | 'UTF-8 vendor B';

const FILE_KINDS: FileKind[] = [
  'row defects',
  'row defects',
  'row defects',
  'row defects',
  'row defects',
  'row defects',
  'duplicate lines',
  'missing column',
  'extra column',
  'swapped columns',
  'truncated',
  'empty',
  'UTF-16 without BOM',
  'BOM before Windows-1256',
  'binary',
  'bad file name',
  'header only',
  'UTF-8 vendor B',
];

export function generateMalformedCorpus(fileCount = 320, seed = 2025): CorpusFile[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const files: CorpusFile[] = [];
  const start = Date.parse('2024-01-01T00:00:00Z');

  for (let i = 0; i < fileCount; i++) {
    const kind = FILE_KINDS[i % FILE_KINDS.length]!;
    let vendor: Vendor = pick(ALL);
    if (kind === 'BOM before Windows-1256' || kind === 'UTF-8 vendor B') vendor = 'B';
    if (kind === 'truncated' || kind === 'duplicate lines') vendor = pick(['A', 'C'] as const);
    if (['missing column', 'extra column', 'swapped columns', 'header only'].includes(kind)) vendor = pick(CSV);
    const feed: Feed = pick(['sales', 'stock'] as const);
    const coop = COOP[vendor];
    // Each file its own day, so no two files are one batch by accident.
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const ext = vendor === 'C' ? 'jsonl' : 'csv';
    const name = `${coop}__${feed}__${date.replaceAll('-', '')}__001.${ext}`;

    // Good rows, each on its own key (site, product, hour) so none is a duplicate of another.
    const sites = feed === 'sales' ? [`${coop}-M`, `${coop}-B01`] : [`${coop}-M`, `${coop}-B01`, `${coop}-W`];
    const keys: { site: string; gtin: string; hour: number }[] = [];
    for (const site of sites)
      for (const gtin of [RICE, OIL])
        for (let h = 0; h < (feed === 'sales' ? 24 : 1); h++) keys.push({ site, gtin, hour: h });
    const goodCount = 1 + Math.floor(rand() * Math.min(8, keys.length - 1));
    // Rows past goodCount are spares to break; a broken row never counts as a duplicate, so keys may repeat.
    const rows: Row[] = Array.from({ length: goodCount + 4 }, (_, idx) => keys[idx % keys.length]!).map((k) => ({
      coop,
      site: k.site,
      gtin: k.gtin,
      date,
      hour: k.hour,
      qty: String(1 + Math.floor(rand() * 20)),
      amount: (Math.floor(rand() * 20000) / 1000).toFixed(3),
      receipts: String(1 + Math.floor(rand() * 5)),
    }));
    const header = HEADERS[feed][vendor];
    const render = (row: Row): string =>
      vendor === 'C' ? jsonLine(feed, row) : cells(feed, vendor, row).map(csvCell).join(',');
    const goodLines = rows.slice(0, goodCount).map(render);
    const spare = rows.slice(goodCount);
    const bad: Record<string, number> = {};
    const addBad = (reason: string, n = 1): void => {
      bad[reason] = (bad[reason] ?? 0) + n;
    };
    const encode = (text: string): Buffer =>
      vendor === 'B' ? iconv.encode(text, 'windows-1256') : Buffer.from(text, 'utf8');
    const withHeader = (lines: string[], head = header): string =>
      [...(vendor === 'C' ? [] : [head.join(',')]), ...lines].join(vendor === 'B' ? '\r\n' : '\n') + '\n';
    const file = (bytes: Buffer, good: number, rejected = false, relName = name): CorpusFile => ({
      relPath: `${coop}/${relName}`,
      bytes,
      good,
      bad: { ...bad },
      rejected,
      kind,
    });

    switch (kind) {
      case 'row defects': {
        const lines = [...goodLines];
        const candidates = DEFECTS.filter((d) => d.feeds.includes(feed) && d.vendors.includes(vendor));
        const defectCount = 1 + Math.floor(rand() * 3);
        for (let d = 0; d < defectCount; d++) {
          const defect = pick(candidates);
          const base = spare[d]!;
          const applied = defect.apply(base);
          const line = 'line' in applied ? applied.line(vendor, feed, render(base)) : render(applied);
          lines.splice(Math.floor(rand() * (lines.length + 1)), 0, line);
          addBad(defect.reason);
        }
        files.push(file(encode(withHeader(lines)), goodCount));
        break;
      }
      case 'duplicate lines': {
        const lines = [...goodLines, goodLines[0]!, goodLines[goodLines.length - 1]!];
        addBad('duplicate_row', 2);
        files.push(file(encode(withHeader(lines)), goodCount));
        break;
      }
      case 'missing column': {
        const drop = 1 + Math.floor(rand() * (header.length - 1));
        const cut = (cs: string[]): string[] => cs.filter((_, idx) => idx !== drop);
        const lines = rows.slice(0, goodCount).map((r) =>
          cut(cells(feed, vendor, r))
            .map(csvCell)
            .join(','),
        );
        addBad('missing_column', goodCount);
        files.push(file(encode(withHeader(lines, cut(header))), 0));
        break;
      }
      case 'extra column': {
        const lines = rows
          .slice(0, goodCount)
          .map((r) => [...cells(feed, vendor, r), 'note, with a comma'].map(csvCell).join(','));
        files.push(file(encode(withHeader(lines, [...header, vendor === 'A' ? 'notes' : 'ملاحظات'])), goodCount));
        break;
      }
      case 'swapped columns': {
        const order = header.map((_, idx) => idx).reverse();
        const lines = rows.slice(0, goodCount).map((r) =>
          order
            .map((idx) => cells(feed, vendor, r)[idx]!)
            .map(csvCell)
            .join(','),
        );
        files.push(
          file(
            encode(
              withHeader(
                lines,
                order.map((idx) => header[idx]!),
              ),
            ),
            goodCount,
          ),
        );
        break;
      }
      case 'truncated': {
        // Cut the last line before its last delimiter: that row must fail, the others land.
        const text = withHeader(goodLines).replace(/\n$/, '');
        const lastLine = text.slice(text.lastIndexOf('\n') + 1);
        const cutAt = text.length - lastLine.length + Math.max(1, lastLine.lastIndexOf(vendor === 'C' ? '"' : ',') - 2);
        addBad(vendor === 'C' ? 'malformed_json' : 'column_count_mismatch');
        files.push(file(encode(text.slice(0, cutAt)), goodCount - 1));
        break;
      }
      case 'empty':
        files.push(file(Buffer.alloc(0), 0));
        break;
      case 'header only':
        files.push(file(encode(withHeader([])), 0));
        break;
      case 'UTF-16 without BOM':
        files.push(file(iconv.encode(withHeader(goodLines), 'utf-16le'), 0, true));
        break;
      case 'BOM before Windows-1256':
        files.push(
          file(
            Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(withHeader(goodLines), 'windows-1256')]),
            0,
            true,
          ),
        );
        break;
      case 'binary': {
        const bytes = Buffer.alloc(512);
        for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(rand() * 256);
        bytes[7] = 0;
        files.push(file(bytes, 0, true));
        break;
      }
      case 'bad file name':
        files.push(file(encode(withHeader(goodLines)), 0, true, `export_${date}.${ext}`));
        break;
      case 'UTF-8 vendor B': {
        // The newer vendor B export: UTF-8 with BOM and Arabic-Indic digits.
        const arabic = (s: string): string => s.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
        const lines = rows.slice(0, goodCount).map((r) => {
          const cs = cells(feed, vendor, r);
          return cs
            .map((c, idx) => (idx >= 3 ? arabic(c) : c))
            .map(csvCell)
            .join(',');
        });
        files.push(
          file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(withHeader(lines), 'utf8')]), goodCount),
        );
        break;
      }
    }
  }
  return files;
}
