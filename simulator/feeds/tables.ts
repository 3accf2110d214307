/** The column contracts of the feeds after sales and stock (docs/contracts.md, "Other feeds"). */
import { feedTable } from './feed-table';

const COOP = ['coop_id', 'رقم الجمعية', 'coop', 'text'] as const;

export const DELIVERIES = feedTable('deliveries', [
  COOP,
  ['delivery_id', 'رقم الإرسالية', 'delivery', 'text'],
  ['site_id', 'رقم الموقع', 'site', 'text'],
  ['supplier_id', 'رقم المورد', 'supplier', 'text'],
  ['barcode', 'الباركود', 'gtin', 'text'],
  ['delivery_date', 'تاريخ الاستلام', 'date', 'date'],
  ['quantity', 'الكمية', 'qty', 'int'],
  ['unit_cost_kwd', 'سعر التكلفة', 'unit_cost_fils', 'kwd'],
  ['invoice_no', 'رقم الفاتورة', 'invoice', 'text'],
]);

export const PRICES = feedTable('prices', [
  COOP,
  ['site_id', 'رقم الفرع', 'site', 'text'],
  ['barcode', 'الباركود', 'gtin', 'text'],
  ['effective_date', 'تاريخ السريان', 'effective', 'date'],
  ['price_kwd', 'السعر', 'price_fils', 'kwd'],
  ['reason', 'سبب التغيير', 'reason', 'text'],
]);

export const STOCKTAKE = feedTable('stocktake', [
  COOP,
  ['site_id', 'رقم الموقع', 'site', 'text'],
  ['barcode', 'الباركود', 'gtin', 'text'],
  ['count_date', 'تاريخ الجرد', 'date', 'date'],
  ['book_qty', 'الرصيد الدفتري', 'book', 'int'],
  ['counted_qty', 'الكمية المعدودة', 'counted', 'int'],
]);

export const FINANCE = feedTable('finance', [
  COOP,
  ['entry_id', 'رقم القيد', 'entry', 'text'],
  ['entry_date', 'تاريخ القيد', 'date', 'date'],
  ['account_code', 'رقم الحساب', 'account', 'text'],
  ['cost_center', 'مركز التكلفة', 'cost_center', 'text'],
  ['debit_kwd', 'مدين', 'debit_fils', 'kwd'],
  ['credit_kwd', 'دائن', 'credit_fils', 'kwd'],
  ['document_no', 'رقم المستند', 'document', 'text'],
  ['counterparty', 'الطرف المقابل', 'counterparty', 'text'],
  ['description', 'البيان', 'memo', 'text'],
]);

export const TRANSACTIONS = feedTable('transactions', [
  COOP,
  ['transaction_id', 'رقم المعاملة', 'transaction', 'text'],
  ['request_type', 'نوع الطلب', 'type', 'text'],
  ['status', 'الحالة', 'status', 'text'],
  ['status_at', 'وقت الحالة', 'at', 'time'],
  ['actor', 'الجهة', 'actor', 'text'],
]);

export const SHAREHOLDERS = feedTable('shareholders', [
  COOP,
  ['event_id', 'رقم الحركة', 'event', 'text'],
  ['civil_id', 'الرقم المدني', 'civil_id', 'text'],
  ['event_type', 'نوع الحركة', 'type', 'text'],
  ['event_date', 'التاريخ', 'date', 'date'],
  ['shares', 'عدد الأسهم', 'shares', 'int'],
  ['area_id', 'المنطقة', 'area', 'text'],
  ['other_coop_id', 'الجمعية الأخرى', 'other_coop', 'text'],
  ['amount_kwd', 'المبلغ', 'amount_fils', 'kwd'],
]);

export const AID = feedTable('aid', [
  COOP,
  ['payment_id', 'رقم الصرف', 'payment', 'text'],
  ['case_id', 'رقم الحالة', 'case', 'text'],
  ['civil_id', 'الرقم المدني', 'civil_id', 'text'],
  ['aid_type', 'نوع المساعدة', 'aid_type', 'text'],
  ['payment_date', 'تاريخ الصرف', 'date', 'date'],
  ['amount_kwd', 'المبلغ', 'amount_fils', 'kwd'],
]);

export const HR = feedTable('hr', [
  COOP,
  ['employee_id', 'الرقم الوظيفي', 'employee', 'text'],
  ['civil_id', 'الرقم المدني', 'civil_id', 'text'],
  ['site_id', 'رقم الموقع', 'site', 'text'],
  ['nationality', 'الجنسية', 'nationality', 'text'],
  ['job_title', 'المسمى الوظيفي', 'job_title', 'text'],
  ['is_supervisory', 'وظيفة إشرافية', 'supervisory', 'bool'],
  ['hire_date', 'تاريخ التعيين', 'hired', 'date'],
  ['snapshot_date', 'تاريخ الكشف', 'as_of', 'date'],
  ['monthly_salary_kwd', 'الراتب الشهري', 'salary_fils', 'kwd'],
]);

export const CAMERAS = feedTable('cameras', [
  COOP,
  ['camera_id', 'رقم الكاميرا', 'camera', 'text'],
  ['site_id', 'رقم الموقع', 'site', 'text'],
  ['location', 'الموقع داخل المبنى', 'location', 'text'],
  ['status', 'الحالة', 'status', 'text'],
  ['event_at', 'وقت الحدث', 'at', 'time'],
]);

export const CONTRACTORS = feedTable('contractors', [
  COOP,
  ['contract_id', 'رقم العقد', 'contract', 'text'],
  ['contractor_id', 'رقم المقاول', 'contractor', 'text'],
  ['contractor_name', 'اسم المقاول', 'contractor_name', 'text'],
  ['category', 'نوع العقد', 'category', 'text'],
  ['start_date', 'بداية العقد', 'start', 'date'],
  ['end_date', 'نهاية العقد', 'end', 'date'],
  ['value_kwd', 'قيمة العقد', 'value_fils', 'kwd'],
  ['rating_period_end', 'نهاية فترة التقييم', 'period_end', 'date'],
  ['rating', 'التقييم', 'rating', 'int'],
]);
