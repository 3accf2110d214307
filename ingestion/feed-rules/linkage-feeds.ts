import { columnFeedRules, coopColumn, type ColumnFeed } from './column-feed';

/**
 * The column tables of the feeds after sales and stock (docs/contracts.md, "Other feeds"):
 * A header, B header, C key, type, and what each value must be. Checked independently of
 * the simulator that writes them: these are the contract as ingestion enforces it.
 */
const FEEDS: ColumnFeed[] = [
  {
    feed: 'deliveries',
    columns: [
      coopColumn(),
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
    duplicateDetail: 'same delivery note and product as an earlier row of this file',
  },
  {
    feed: 'prices',
    columns: [
      coopColumn(),
      { name: 'site_id', ar: 'رقم الفرع', json: 'site', type: 'text', ref: 'site' },
      { name: 'barcode', ar: 'الباركود', json: 'gtin', type: 'text', ref: 'product' },
      { name: 'effective_date', ar: 'تاريخ السريان', json: 'effective', type: 'date' },
      { name: 'price_kwd', ar: 'السعر', json: 'price_fils', type: 'kwd', min: 0 },
      { name: 'reason', ar: 'سبب التغيير', json: 'reason', type: 'text', values: ['list', 'promotion', 'promotion_end', 'manual'] },
    ],
    key: ['site_id', 'product_id', 'effective_date'],
    duplicateDetail: 'same site, product and effective date as an earlier row of this file',
  },
  {
    feed: 'stocktake',
    columns: [
      coopColumn(),
      { name: 'site_id', ar: 'رقم الموقع', json: 'site', type: 'text', ref: 'site' },
      { name: 'barcode', ar: 'الباركود', json: 'gtin', type: 'text', ref: 'product' },
      { name: 'count_date', ar: 'تاريخ الجرد', json: 'date', type: 'date' },
      { name: 'book_qty', ar: 'الرصيد الدفتري', json: 'book', type: 'int', min: 0 },
      { name: 'counted_qty', ar: 'الكمية المعدودة', json: 'counted', type: 'int', min: 0 },
    ],
    key: ['site_id', 'product_id', 'count_date'],
    duplicateDetail: 'same site, product and count date as an earlier row of this file',
  },
  {
    feed: 'finance',
    columns: [
      coopColumn(),
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
    duplicateDetail: 'same entry, account, cost centre, amounts, document and counterparty as an earlier line of this file',
    rules: [
      {
        code: 'bad_amount',
        when: '(v_debit_kwd = 0) = (v_credit_kwd = 0)',
        detail: `'a ledger line has either a debit or a credit, not ' || f_debit_kwd || ' and ' || f_credit_kwd`,
      },
    ],
  },
  {
    feed: 'transactions',
    columns: [
      coopColumn(),
      { name: 'transaction_id', ar: 'رقم المعاملة', json: 'transaction', type: 'text' },
      {
        name: 'request_type',
        ar: 'نوع الطلب',
        json: 'type',
        type: 'text',
        values: ['budget_approval', 'board_minutes', 'tender_approval', 'branch_license', 'price_list_approval', 'membership_audit', 'aid_budget_transfer'],
      },
      { name: 'status', ar: 'الحالة', json: 'status', type: 'text', values: ['submitted', 'under_review', 'returned', 'resubmitted', 'approved', 'rejected'] },
      { name: 'status_at', ar: 'وقت الحالة', json: 'at', type: 'time' },
      { name: 'actor', ar: 'الجهة', json: 'actor', type: 'text', values: ['coop', 'ministry'] },
    ],
    key: ['transaction_id', 'status', 'status_at'],
    duplicateDetail: 'same transaction, status and time as an earlier row of this file',
  },
  {
    feed: 'shareholders',
    columns: [
      coopColumn(),
      { name: 'event_id', ar: 'رقم الحركة', json: 'event', type: 'text' },
      { name: 'civil_id', ar: 'الرقم المدني', json: 'civil_id', type: 'text', ref: 'civil_id' },
      { name: 'event_type', ar: 'نوع الحركة', json: 'type', type: 'text', values: ['register', 'join', 'leave', 'transfer_in', 'transfer_out', 'dividend'] },
      { name: 'event_date', ar: 'التاريخ', json: 'date', type: 'date', since: '1950-01-01' },
      { name: 'shares', ar: 'عدد الأسهم', json: 'shares', type: 'int', min: 0 },
      { name: 'area_id', ar: 'المنطقة', json: 'area', type: 'text' },
      { name: 'other_coop_id', ar: 'الجمعية الأخرى', json: 'other_coop', type: 'text', optional: true, ref: 'coop' },
      { name: 'amount_kwd', ar: 'المبلغ', json: 'amount_fils', type: 'kwd', min: 0 },
    ],
    key: ['event_id'],
    duplicateDetail: 'same register event as an earlier row of this file',
    rules: [
      {
        code: 'missing_value',
        when: `v_event_type IN ('transfer_in', 'transfer_out') AND f_other_coop_id IS NULL`,
        detail: `'a transfer names the other co-op'`,
      },
    ],
  },
  {
    feed: 'aid',
    columns: [
      coopColumn(),
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
    duplicateDetail: 'same payment as an earlier row of this file',
  },
  {
    feed: 'hr',
    columns: [
      coopColumn(),
      { name: 'employee_id', ar: 'الرقم الوظيفي', json: 'employee', type: 'text' },
      { name: 'civil_id', ar: 'الرقم المدني', json: 'civil_id', type: 'text', ref: 'civil_id' },
      { name: 'site_id', ar: 'رقم الموقع', json: 'site', type: 'text', ref: 'site_or_coop' },
      { name: 'nationality', ar: 'الجنسية', json: 'nationality', type: 'text' },
      {
        name: 'job_title',
        ar: 'المسمى الوظيفي',
        json: 'job_title',
        type: 'text',
        values: ['general_manager', 'branch_manager', 'section_supervisor', 'accountant', 'it_officer', 'cashier', 'sales_associate', 'storekeeper', 'driver', 'security_guard'],
      },
      { name: 'is_supervisory', ar: 'وظيفة إشرافية', json: 'supervisory', type: 'bool' },
      { name: 'hire_date', ar: 'تاريخ التعيين', json: 'hired', type: 'date', since: '1950-01-01' },
      { name: 'snapshot_date', ar: 'تاريخ الكشف', json: 'as_of', type: 'date' },
      { name: 'monthly_salary_kwd', ar: 'الراتب الشهري', json: 'salary_fils', type: 'kwd', min: 0 },
    ],
    key: ['employee_id', 'snapshot_date'],
    duplicateDetail: 'same employee and snapshot date as an earlier row of this file',
    rules: [
      {
        code: 'bad_value',
        when: `NOT regexp_full_match(f_nationality, '[A-Z]{2}')`,
        detail: `'nationality ''' || f_nationality || ''' is not an ISO 3166 alpha-2 code'`,
      },
    ],
  },
  {
    feed: 'cameras',
    columns: [
      coopColumn(),
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
    duplicateDetail: 'same camera and time as an earlier row of this file',
  },
  {
    feed: 'contractors',
    columns: [
      coopColumn(),
      { name: 'contract_id', ar: 'رقم العقد', json: 'contract', type: 'text' },
      { name: 'contractor_id', ar: 'رقم المقاول', json: 'contractor', type: 'text' },
      { name: 'contractor_name', ar: 'اسم المقاول', json: 'contractor_name', type: 'text' },
      { name: 'category', ar: 'نوع العقد', json: 'category', type: 'text', values: ['it', 'air_conditioning', 'civil_works'] },
      { name: 'start_date', ar: 'بداية العقد', json: 'start', type: 'date', since: '1990-01-01' },
      { name: 'end_date', ar: 'نهاية العقد', json: 'end', type: 'date' },
      { name: 'value_kwd', ar: 'قيمة العقد', json: 'value_fils', type: 'kwd', min: 0 },
      { name: 'rating_period_end', ar: 'نهاية فترة التقييم', json: 'period_end', type: 'date' },
      { name: 'rating', ar: 'التقييم', json: 'rating', type: 'int', min: 1, max: 5 },
    ],
    key: ['contract_id', 'rating_period_end'],
    duplicateDetail: 'same contract and rating period as an earlier row of this file',
    rules: [
      { code: 'bad_date', when: 'v_end_date < v_start_date', detail: `'contract ends ' || f_end_date || ' before it starts ' || f_start_date` },
    ],
  },
];

export const LINKAGE_FEED_RULES = Object.fromEntries(FEEDS.map((def) => [def.feed, columnFeedRules(def)]));
