/**
 * The feeds ingestion understands: the source fields each vendor may send, under which
 * header names (English, Arabic) or JSON keys, and which of them a row needs.
 * docs/contracts.md ("Inbox files") is the authority; aliases beyond it are spellings seen
 * from the same vendors' systems.
 */
export interface SourceField {
  /** Canonical name, also the SQL column `f_<name>` after mapping. */
  name: string;
  /** Header names and JSON keys that mean this field, compared after normaliseHeader(). */
  aliases: string[];
}

export interface FeedSpec {
  feed: string;
  fields: SourceField[];
  /** Each group must be satisfied by one of its alternatives; an alternative lists fields that must all be present. */
  required: string[][][];
  /** Vendor C's JSON keys, extracted from each JSON Lines row in this order; each is also an alias above. */
  jsonKeys: string[];
}

export const SALES: FeedSpec = {
  feed: 'sales',
  fields: [
    { name: 'coop_id', aliases: ['coop_id', 'coop', 'رقم الجمعية', 'الجمعية'] },
    { name: 'branch_id', aliases: ['branch_id', 'site', 'site_id', 'branch', 'رقم الفرع', 'الفرع'] },
    { name: 'product_id', aliases: ['barcode', 'gtin', 'product_id', 'الباركود', 'باركود'] },
    { name: 'sale_hour', aliases: ['sale_hour', 'ts', 'timestamp'] },
    { name: 'sale_date', aliases: ['التاريخ', 'date', 'sale_date', 'business_date'] },
    { name: 'hour', aliases: ['الساعة', 'hour'] },
    { name: 'quantity', aliases: ['quantity', 'qty', 'الكمية'] },
    { name: 'amount_kwd', aliases: ['net_amount_kwd', 'amount_kwd', 'المبلغ', 'amount'] },
    { name: 'amount_fils', aliases: ['amount_fils', 'المبلغ بالفلس'] },
    { name: 'receipts', aliases: ['receipts', 'tickets', 'receipt_count', 'عدد الفواتير'] },
  ],
  required: [
    [['coop_id']],
    [['branch_id']],
    [['product_id']],
    [['sale_hour'], ['sale_date', 'hour']],
    [['quantity']],
    [['amount_kwd'], ['amount_fils']],
    [['receipts']],
  ],
  jsonKeys: ['coop', 'site', 'gtin', 'ts', 'qty', 'amount_fils', 'tickets'],
};

export const STOCK: FeedSpec = {
  feed: 'stock',
  fields: [
    { name: 'coop_id', aliases: ['coop_id', 'coop', 'رقم الجمعية', 'الجمعية'] },
    { name: 'site_id', aliases: ['site_id', 'site', 'branch_id', 'رقم الموقع', 'الموقع', 'رقم الفرع'] },
    { name: 'product_id', aliases: ['barcode', 'gtin', 'product_id', 'الباركود', 'باركود'] },
    { name: 'stock_date', aliases: ['stock_date', 'date', 'التاريخ'] },
    { name: 'closing_qty', aliases: ['closing_qty', 'on_hand', 'qty', 'quantity', 'الرصيد', 'الكمية'] },
  ],
  required: [[['coop_id']], [['site_id']], [['product_id']], [['stock_date']], [['closing_qty']]],
  jsonKeys: ['coop', 'site', 'gtin', 'date', 'on_hand'],
};

export const FEEDS: Record<string, FeedSpec> = { sales: SALES, stock: STOCK };

/**
 * Header cells differ in case, spacing, quoting and Arabic letter forms between exports of
 * the same system; compare them in one canonical spelling.
 */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .toLowerCase()
    .replace(/\u0640/g, '') // tatweel
    .replace(/[\u064B-\u0652]/g, '') // harakat
    .replace(/[أإآ]/g, 'ا')
    .replace(/[\s_-]+/g, ' ')
    .trim();
}
