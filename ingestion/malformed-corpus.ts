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

/** One file being made: its kind, vendor, feed and day, its good rows and spares to break. */
interface Draft {
  kind: FileKind;
  vendor: Vendor;
  feed: Feed;
  coop: string;
  date: string;
  ext: string;
  name: string;
  goodCount: number;
  rows: Row[];
  header: string[];
  goodLines: string[];
  /** Rows past goodCount, to break. */
  spare: Row[];
  /** Bad rows planted so far, by reason code. */
  bad: Record<string, number>;
  rand: () => number;
  pick: <T>(items: readonly T[]) => T;
}

export function generateMalformedCorpus(fileCount = 320, seed = 2025): CorpusFile[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const files: CorpusFile[] = [];
  for (let i = 0; i < fileCount; i++) files.push(BUILD[FILE_KINDS[i % FILE_KINDS.length]!](draft(i, rand, pick)));
  return files;
}

const CORPUS_START = Date.parse('2024-01-01T00:00:00Z');

/** The i-th file's vendor, feed, day and rows, drawn in the order the seed fixes. */
function draft(i: number, rand: () => number, pick: <T>(items: readonly T[]) => T): Draft {
  const kind = FILE_KINDS[i % FILE_KINDS.length]!;
  let vendor: Vendor = pick(ALL);
  if (kind === 'BOM before Windows-1256' || kind === 'UTF-8 vendor B') vendor = 'B';
  if (kind === 'truncated' || kind === 'duplicate lines') vendor = pick(['A', 'C'] as const);
  if (['missing column', 'extra column', 'swapped columns', 'header only'].includes(kind)) vendor = pick(CSV);
  const feed: Feed = pick(['sales', 'stock'] as const);
  const coop = COOP[vendor];
  // Each file its own day, so no two files are one batch by accident.
  const date = new Date(CORPUS_START + i * 86_400_000).toISOString().slice(0, 10);
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
  const d = { kind, vendor, feed, coop, date, ext, name, goodCount, rows, header: HEADERS[feed][vendor] };
  return {
    ...d,
    goodLines: rows.slice(0, goodCount).map((r) => render(d, r)),
    spare: rows.slice(goodCount),
    bad: {},
    rand,
    pick,
  };
}

function render({ vendor, feed }: Pick<Draft, 'vendor' | 'feed'>, row: Row): string {
  return vendor === 'C' ? jsonLine(feed, row) : cells(feed, vendor, row).map(csvCell).join(',');
}

function addBad(d: Draft, reason: string, n = 1): void {
  d.bad[reason] = (d.bad[reason] ?? 0) + n;
}

function encode(d: Draft, text: string): Buffer {
  return d.vendor === 'B' ? iconv.encode(text, 'windows-1256') : Buffer.from(text, 'utf8');
}

function withHeader(d: Draft, lines: string[], head = d.header): string {
  return [...(d.vendor === 'C' ? [] : [head.join(',')]), ...lines].join(d.vendor === 'B' ? '\r\n' : '\n') + '\n';
}

function corpusFile(d: Draft, bytes: Buffer, good: number, rejected = false, relName = d.name): CorpusFile {
  return { relPath: `${d.coop}/${relName}`, bytes, good, bad: { ...d.bad }, rejected, kind: d.kind };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How each kind of file is made from its draft. */
const BUILD: Record<FileKind, (d: Draft) => CorpusFile> = {
  'row defects': rowDefects,
  'duplicate lines': (d) => {
    const lines = [...d.goodLines, d.goodLines[0]!, d.goodLines[d.goodLines.length - 1]!];
    addBad(d, 'duplicate_row', 2);
    return corpusFile(d, encode(d, withHeader(d, lines)), d.goodCount);
  },
  'missing column': missingColumn,
  'extra column': (d) => {
    const lines = d.rows
      .slice(0, d.goodCount)
      .map((r) => [...cells(d.feed, d.vendor, r), 'note, with a comma'].map(csvCell).join(','));
    const head = [...d.header, d.vendor === 'A' ? 'notes' : 'ملاحظات'];
    return corpusFile(d, encode(d, withHeader(d, lines, head)), d.goodCount);
  },
  'swapped columns': swappedColumns,
  truncated,
  empty: (d) => corpusFile(d, Buffer.alloc(0), 0),
  'header only': (d) => corpusFile(d, encode(d, withHeader(d, [])), 0),
  'UTF-16 without BOM': (d) => corpusFile(d, iconv.encode(withHeader(d, d.goodLines), 'utf-16le'), 0, true),
  'BOM before Windows-1256': (d) =>
    corpusFile(d, Buffer.concat([BOM, iconv.encode(withHeader(d, d.goodLines), 'windows-1256')]), 0, true),
  binary: (d) => {
    const bytes = Buffer.alloc(512);
    for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(d.rand() * 256);
    bytes[7] = 0;
    return corpusFile(d, bytes, 0, true);
  },
  'bad file name': (d) => corpusFile(d, encode(d, withHeader(d, d.goodLines)), 0, true, `export_${d.date}.${d.ext}`),
  'UTF-8 vendor B': utf8VendorB,
};

/** 1–3 spare rows broken one way each, slipped in among the good ones. */
function rowDefects(d: Draft): CorpusFile {
  const lines = [...d.goodLines];
  const candidates = DEFECTS.filter((x) => x.feeds.includes(d.feed) && x.vendors.includes(d.vendor));
  const defectCount = 1 + Math.floor(d.rand() * 3);
  for (let k = 0; k < defectCount; k++) {
    const defect = d.pick(candidates);
    const base = d.spare[k]!;
    const applied = defect.apply(base);
    const line = 'line' in applied ? applied.line(d.vendor, d.feed, render(d, base)) : render(d, applied);
    lines.splice(Math.floor(d.rand() * (lines.length + 1)), 0, line);
    addBad(d, defect.reason);
  }
  return corpusFile(d, encode(d, withHeader(d, lines)), d.goodCount);
}

/** A required column gone from the header and every row: every row is quarantined. */
function missingColumn(d: Draft): CorpusFile {
  const drop = 1 + Math.floor(d.rand() * (d.header.length - 1));
  const cut = (cs: string[]): string[] => cs.filter((_, idx) => idx !== drop);
  const lines = d.rows.slice(0, d.goodCount).map((r) =>
    cut(cells(d.feed, d.vendor, r))
      .map(csvCell)
      .join(','),
  );
  addBad(d, 'missing_column', d.goodCount);
  return corpusFile(d, encode(d, withHeader(d, lines, cut(d.header))), 0);
}

/** Columns in reverse order, header and rows alike: every row lands. */
function swappedColumns(d: Draft): CorpusFile {
  const order = d.header.map((_, idx) => idx).reverse();
  const lines = d.rows.slice(0, d.goodCount).map((r) =>
    order
      .map((idx) => cells(d.feed, d.vendor, r)[idx]!)
      .map(csvCell)
      .join(','),
  );
  const head = order.map((idx) => d.header[idx]!);
  return corpusFile(d, encode(d, withHeader(d, lines, head)), d.goodCount);
}

/** Cut the last line before its last delimiter: that row must fail, the others land. */
function truncated(d: Draft): CorpusFile {
  const text = withHeader(d, d.goodLines).replace(/\n$/, '');
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const cutAt = text.length - lastLine.length + Math.max(1, lastLine.lastIndexOf(d.vendor === 'C' ? '"' : ',') - 2);
  addBad(d, d.vendor === 'C' ? 'malformed_json' : 'column_count_mismatch');
  return corpusFile(d, encode(d, text.slice(0, cutAt)), d.goodCount - 1);
}

/** The newer vendor B export: UTF-8 with BOM and Arabic-Indic digits. */
function utf8VendorB(d: Draft): CorpusFile {
  const arabic = (s: string): string => s.replace(/[0-9]/g, (digit) => '٠١٢٣٤٥٦٧٨٩'[Number(digit)]!);
  const lines = d.rows.slice(0, d.goodCount).map((r) =>
    cells(d.feed, d.vendor, r)
      .map((c, idx) => (idx >= 3 ? arabic(c) : c))
      .map(csvCell)
      .join(','),
  );
  return corpusFile(d, Buffer.concat([BOM, Buffer.from(withHeader(d, lines), 'utf8')]), d.goodCount);
}
