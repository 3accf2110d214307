/**
 * The columns of every feed, as docs/contracts.md ("Inbox files", "Other feeds", "Lake")
 * publishes them: what each vendor's system writes, and what lands in the lake. Plain data:
 * the simulator writes its files from it, ingestion builds its header mapping and its
 * validation from it, and feed-contracts.test.ts holds it against the document.
 */
import type { FeedName } from './feeds';

/** How a value is written (docs/contracts.md, the table of types under "Other feeds"). */
export type FeedColumnType = 'text' | 'date' | 'time' | 'int' | 'kwd' | 'bool';

/**
 * What a value must name: a site of the sending co-op (`site_or_coop`: or the co-op itself,
 * for head office), a product, a supplier, any co-op, or a civil ID with a valid check digit.
 */
export type FeedColumnRef = 'site' | 'site_or_coop' | 'product' | 'supplier' | 'coop' | 'civil_id';

export interface FeedColumn {
  /** Vendor A's header, also the landed column name (except `barcode`, which lands as `product_id`). */
  name: string;
  /** Vendor B's header (Arabic). */
  ar: string;
  /** Vendor C's JSON key; a `kwd` value under a key ending `_fils` is integer fils. */
  json: string;
  type: FeedColumnType;
  /** May be empty (lands as NULL). */
  optional?: boolean;
  /** Allowed codes of a text column. */
  values?: readonly string[];
  ref?: FeedColumnRef;
  /** Smallest allowed value of an int or kwd column. */
  min?: number;
  /** Largest allowed value of an int column. */
  max?: number;
  /** Earliest plausible date (default 2000-01-01): a shareholder registered or an employee hired decades ago. */
  since?: string;
}

/** The feeds after sales and stock: one column list, written three ways. */
export type LinkageFeedName = Exclude<FeedName, 'sales' | 'stock'>;

export interface FeedContract {
  feed: LinkageFeedName;
  /** In the order every vendor writes them; the first is always `coop_id`. */
  columns: readonly FeedColumn[];
  /** Landed columns that identify a row within a batch. */
  key: readonly string[];
}

/** The column every feed starts with. */
export const COOP_COLUMN: FeedColumn = { name: 'coop_id', ar: 'رقم الجمعية', json: 'coop', type: 'text' };

const DELIVERIES: FeedContract = {
  feed: 'deliveries',
  columns: [
    COOP_COLUMN,
    { name: 'delivery_id', ar: 'رقم الإرسالية', json: 'delivery', type: 'text' },
    { name: 'site_id', ar: 'رقم الموقع', json: 'site', type: 'text', ref: 'site' },
    { name: 'supplier_id', ar: 'رقم المورد', json: 'supplier', type: 'text', ref: 'supplier' },
    { name: 'barcode', ar: 'الباركود', json: 'gtin', type: 'text', ref: 'product' },
    { name: 'delivery_date', ar: 'تاريخ الاستلام', json: 'date', type: 'date' },
    { name: 'quantity', ar: 'الكمية', json: 'qty', type: 'int', min: 0 },
    { name: 'unit_cost_kwd', ar: 'سعر التكلفة', json: 'unit_cost_fils', type: 'kwd', min: 0 },
    { name: 'invoice_no', ar: 'رقم الفاتورة', json: 'invoice', type: 'text' },
  ],
  key: ['delivery_id', 'product_id'],
};

const PRICES: FeedContract = {
  feed: 'prices',
  columns: [
    COOP_COLUMN,
    { name: 'site_id', ar: 'رقم الفرع', json: 'site', type: 'text', ref: 'site' },
    { name: 'barcode', ar: 'الباركود', json: 'gtin', type: 'text', ref: 'product' },
    { name: 'effective_date', ar: 'تاريخ السريان', json: 'effective', type: 'date' },
    { name: 'price_kwd', ar: 'السعر', json: 'price_fils', type: 'kwd', min: 0 },
    {
      name: 'reason',
      ar: 'سبب التغيير',
      json: 'reason',
      type: 'text',
      values: ['list', 'promotion', 'promotion_end', 'manual'],
    },
  ],
  key: ['site_id', 'product_id', 'effective_date'],
};

const STOCKTAKE: FeedContract = {
  feed: 'stocktake',
  columns: [
    COOP_COLUMN,
    { name: 'site_id', ar: 'رقم الموقع', json: 'site', type: 'text', ref: 'site' },
    { name: 'barcode', ar: 'الباركود', json: 'gtin', type: 'text', ref: 'product' },
    { name: 'count_date', ar: 'تاريخ الجرد', json: 'date', type: 'date' },
    { name: 'book_qty', ar: 'الرصيد الدفتري', json: 'book', type: 'int', min: 0 },
    { name: 'counted_qty', ar: 'الكمية المعدودة', json: 'counted', type: 'int', min: 0 },
  ],
  key: ['site_id', 'product_id', 'count_date'],
};

const FINANCE: FeedContract = {
  feed: 'finance',
  columns: [
    COOP_COLUMN,
    { name: 'entry_id', ar: 'رقم القيد', json: 'entry', type: 'text' },
    { name: 'entry_date', ar: 'تاريخ القيد', json: 'date', type: 'date' },
    { name: 'account_code', ar: 'رقم الحساب', json: 'account', type: 'text' },
    { name: 'cost_center', ar: 'مركز التكلفة', json: 'cost_center', type: 'text', ref: 'site_or_coop' },
    { name: 'debit_kwd', ar: 'مدين', json: 'debit_fils', type: 'kwd', min: 0 },
    { name: 'credit_kwd', ar: 'دائن', json: 'credit_fils', type: 'kwd', min: 0 },
    { name: 'document_no', ar: 'رقم المستند', json: 'document', type: 'text', optional: true },
    { name: 'counterparty', ar: 'الطرف المقابل', json: 'counterparty', type: 'text', optional: true },
    { name: 'description', ar: 'البيان', json: 'memo', type: 'text', optional: true },
  ],
  key: ['entry_id', 'account_code', 'cost_center', 'debit_kwd', 'credit_kwd', 'document_no', 'counterparty'],
};

const TRANSACTIONS: FeedContract = {
  feed: 'transactions',
  columns: [
    COOP_COLUMN,
    { name: 'transaction_id', ar: 'رقم المعاملة', json: 'transaction', type: 'text' },
    {
      name: 'request_type',
      ar: 'نوع الطلب',
      json: 'type',
      type: 'text',
      values: [
        'budget_approval',
        'board_minutes',
        'tender_approval',
        'branch_license',
        'price_list_approval',
        'membership_audit',
        'aid_budget_transfer',
      ],
    },
    {
      name: 'status',
      ar: 'الحالة',
      json: 'status',
      type: 'text',
      values: ['submitted', 'under_review', 'returned', 'resubmitted', 'approved', 'rejected'],
    },
    { name: 'status_at', ar: 'وقت الحالة', json: 'at', type: 'time' },
    { name: 'actor', ar: 'الجهة', json: 'actor', type: 'text', values: ['coop', 'ministry'] },
  ],
  key: ['transaction_id', 'status', 'status_at'],
};

const SHAREHOLDERS: FeedContract = {
  feed: 'shareholders',
  columns: [
    COOP_COLUMN,
    { name: 'event_id', ar: 'رقم الحركة', json: 'event', type: 'text' },
    { name: 'civil_id', ar: 'الرقم المدني', json: 'civil_id', type: 'text', ref: 'civil_id' },
    {
      name: 'event_type',
      ar: 'نوع الحركة',
      json: 'type',
      type: 'text',
      values: ['register', 'join', 'leave', 'transfer_in', 'transfer_out', 'dividend'],
    },
    { name: 'event_date', ar: 'التاريخ', json: 'date', type: 'date', since: '1950-01-01' },
    { name: 'shares', ar: 'عدد الأسهم', json: 'shares', type: 'int', min: 0 },
    { name: 'area_id', ar: 'المنطقة', json: 'area', type: 'text' },
    { name: 'other_coop_id', ar: 'الجمعية الأخرى', json: 'other_coop', type: 'text', optional: true, ref: 'coop' },
    { name: 'amount_kwd', ar: 'المبلغ', json: 'amount_fils', type: 'kwd', min: 0 },
  ],
  key: ['event_id'],
};

const AID: FeedContract = {
  feed: 'aid',
  columns: [
    COOP_COLUMN,
    { name: 'payment_id', ar: 'رقم الصرف', json: 'payment', type: 'text' },
    { name: 'case_id', ar: 'رقم الحالة', json: 'case', type: 'text' },
    { name: 'civil_id', ar: 'الرقم المدني', json: 'civil_id', type: 'text', ref: 'civil_id' },
    {
      name: 'aid_type',
      ar: 'نوع المساعدة',
      json: 'aid_type',
      type: 'text',
      values: ['monthly_family', 'ramadan_basket', 'eid_clothing', 'school_bag', 'medical', 'rent'],
    },
    { name: 'payment_date', ar: 'تاريخ الصرف', json: 'date', type: 'date' },
    { name: 'amount_kwd', ar: 'المبلغ', json: 'amount_fils', type: 'kwd', min: 0 },
  ],
  key: ['payment_id'],
};

const HR: FeedContract = {
  feed: 'hr',
  columns: [
    COOP_COLUMN,
    { name: 'employee_id', ar: 'الرقم الوظيفي', json: 'employee', type: 'text' },
    { name: 'civil_id', ar: 'الرقم المدني', json: 'civil_id', type: 'text', ref: 'civil_id' },
    { name: 'site_id', ar: 'رقم الموقع', json: 'site', type: 'text', ref: 'site_or_coop' },
    { name: 'nationality', ar: 'الجنسية', json: 'nationality', type: 'text' },
    {
      name: 'job_title',
      ar: 'المسمى الوظيفي',
      json: 'job_title',
      type: 'text',
      values: [
        'general_manager',
        'branch_manager',
        'section_supervisor',
        'accountant',
        'it_officer',
        'cashier',
        'sales_associate',
        'storekeeper',
        'driver',
        'security_guard',
      ],
    },
    { name: 'is_supervisory', ar: 'وظيفة إشرافية', json: 'supervisory', type: 'bool' },
    { name: 'hire_date', ar: 'تاريخ التعيين', json: 'hired', type: 'date', since: '1950-01-01' },
    { name: 'snapshot_date', ar: 'تاريخ الكشف', json: 'as_of', type: 'date' },
    { name: 'monthly_salary_kwd', ar: 'الراتب الشهري', json: 'salary_fils', type: 'kwd', min: 0 },
  ],
  key: ['employee_id', 'snapshot_date'],
};

const CAMERAS: FeedContract = {
  feed: 'cameras',
  columns: [
    COOP_COLUMN,
    { name: 'camera_id', ar: 'رقم الكاميرا', json: 'camera', type: 'text' },
    { name: 'site_id', ar: 'رقم الموقع', json: 'site', type: 'text', ref: 'site' },
    {
      name: 'location',
      ar: 'الموقع داخل المبنى',
      json: 'location',
      type: 'text',
      values: ['entrance', 'cashiers', 'sales_floor', 'warehouse_dock', 'cold_store', 'parking'],
    },
    { name: 'status', ar: 'الحالة', json: 'status', type: 'text', values: ['online', 'offline'] },
    { name: 'event_at', ar: 'وقت الحدث', json: 'at', type: 'time' },
  ],
  key: ['camera_id', 'event_at'],
};

const CONTRACTORS: FeedContract = {
  feed: 'contractors',
  columns: [
    COOP_COLUMN,
    { name: 'contract_id', ar: 'رقم العقد', json: 'contract', type: 'text' },
    { name: 'contractor_id', ar: 'رقم المقاول', json: 'contractor', type: 'text' },
    { name: 'contractor_name', ar: 'اسم المقاول', json: 'contractor_name', type: 'text' },
    {
      name: 'category',
      ar: 'نوع العقد',
      json: 'category',
      type: 'text',
      values: ['it', 'air_conditioning', 'civil_works'],
    },
    { name: 'start_date', ar: 'بداية العقد', json: 'start', type: 'date', since: '1990-01-01' },
    { name: 'end_date', ar: 'نهاية العقد', json: 'end', type: 'date' },
    { name: 'value_kwd', ar: 'قيمة العقد', json: 'value_fils', type: 'kwd', min: 0 },
    { name: 'rating_period_end', ar: 'نهاية فترة التقييم', json: 'period_end', type: 'date' },
    { name: 'rating', ar: 'التقييم', json: 'rating', type: 'int', min: 1, max: 5 },
  ],
  key: ['contract_id', 'rating_period_end'],
};

/** Every feed after sales and stock, by name. */
export const FEED_CONTRACTS: Readonly<Record<LinkageFeedName, FeedContract>> = {
  deliveries: DELIVERIES,
  prices: PRICES,
  stocktake: STOCKTAKE,
  finance: FINANCE,
  transactions: TRANSACTIONS,
  shareholders: SHAREHOLDERS,
  aid: AID,
  hr: HR,
  cameras: CAMERAS,
  contractors: CONTRACTORS,
};

/** The same, in the order of `ALL_FEEDS`. */
export const LINKAGE_FEED_CONTRACTS: readonly FeedContract[] = Object.values(FEED_CONTRACTS);

/**
 * Sales and stock: each vendor has its own layout (vendor B sends a date and an hour where A
 * and C send one timestamp; C sends amounts in fils), so the columns are listed per vendor.
 */
export interface VendorLayoutContract<Lake extends string = string> {
  feed: 'sales' | 'stock';
  /** Vendor A's header cells, in order. */
  headerA: readonly string[];
  /** Vendor B's header cells (Arabic), in order. */
  headerB: readonly string[];
  /** Vendor C's JSON keys, in order. */
  keysC: readonly string[];
  /** Landed columns between `batch_id, source_row` and `ingested_at`, in order. */
  lakeColumns: readonly Lake[];
  /** Landed columns that identify a row within a batch. */
  key: readonly Lake[];
}

const SALES_LAKE = [
  'coop_id',
  'branch_id',
  'product_id',
  'business_date',
  'sale_hour',
  'quantity',
  'net_amount_kwd',
  'receipt_count',
] as const;
export type SalesLakeColumn = (typeof SALES_LAKE)[number];

export const SALES_CONTRACT: VendorLayoutContract<SalesLakeColumn> = {
  feed: 'sales',
  headerA: ['coop_id', 'branch_id', 'barcode', 'sale_hour', 'quantity', 'net_amount_kwd', 'receipts'],
  headerB: ['رقم الجمعية', 'رقم الفرع', 'الباركود', 'التاريخ', 'الساعة', 'الكمية', 'المبلغ', 'عدد الفواتير'],
  keysC: ['coop', 'site', 'gtin', 'ts', 'qty', 'amount_fils', 'tickets'],
  lakeColumns: SALES_LAKE,
  key: ['branch_id', 'product_id', 'sale_hour'],
};

const STOCK_LAKE = ['coop_id', 'site_id', 'product_id', 'stock_date', 'closing_qty'] as const;
export type StockLakeColumn = (typeof STOCK_LAKE)[number];

export const STOCK_CONTRACT: VendorLayoutContract<StockLakeColumn> = {
  feed: 'stock',
  headerA: ['coop_id', 'site_id', 'barcode', 'stock_date', 'closing_qty'],
  headerB: ['رقم الجمعية', 'رقم الموقع', 'الباركود', 'التاريخ', 'الرصيد'],
  keysC: ['coop', 'site', 'gtin', 'date', 'on_hand'],
  lakeColumns: STOCK_LAKE,
  key: ['site_id', 'product_id', 'stock_date'],
};
