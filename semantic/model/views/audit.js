/* global COMPILE_CONTEXT, view, sales, stock, anomaly_cases, deliveries, price_changes, stocktake_variance, batches, quarantined_rows -- Cube model globals: the compiler provides them */
// Role-dependent part of the model. Cube compiles the model once per role (cube-server's
// contextToAppId), with that role's security context in COMPILE_CONTEXT, so a view or member
// left out here does not exist for the role at all: it is absent from /meta and /load refuses it.
// (A member's own `public: false` does not hide it from a view that includes it.)
const role = (COMPILE_CONTEXT.securityContext || {}).role;

// Roles that may see personal data (employee or shareholder identities, civil IDs). Members
// carrying it are listed per view in `personal` and only compiled for these roles.
const PERSONAL_DATA_ROLES = ['auditor'];
const ROW_LEVEL_ROLES = ['auditor'];

function visible(members, personal) {
  return PERSONAL_DATA_ROLES.includes(role) ? members.concat(personal || []) : members;
}

// The audit workbench (auditors only): from a ranked anomaly to the co-op, site, product and
// day it concerns, to the mart rows (sales, stock, deliveries, price changes, stocktake), to the
// batch each figure came from.
if (ROW_LEVEL_ROLES.includes(role)) {
  view(`anomalies`, {
    description: `Auditor cases (price gouging, stopped or flat feeds, shrinkage...), ranked, with drill keys and value at stake`,
    cubes: [
      {
        join_path: anomaly_cases,
        includes: [
          `anomaly_id`,
          `kind`,
          `anomaly_rank`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `start_date`,
          `end_date`,
          `days`,
          `score`,
          `observed`,
          `expected`,
          `detail`,
          `generated_at`,
          `case_count`,
          `value_at_stake_kwd`,
          `max_score`,
        ],
      },
      {
        join_path: anomaly_cases.governorates,
        includes: [`governorate_id`, `governorate_name_ar`, `governorate_name_en`],
      },
      { join_path: anomaly_cases.coops, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: anomaly_cases.sites, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: anomaly_cases.products, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });

  view(`audit`, {
    description: `Row-level sales lineage for auditors: every figure down to its mart row and its batches`,
    cubes: [
      {
        join_path: sales,
        includes: visible([
          `sales_daily_key`,
          `business_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `batch_count`,
          `batch_received_at`,
          `quantity`,
          `net_amount_kwd`,
          `receipt_count`,
          `row_count`,
        ]),
      },
      { join_path: sales.coops, includes: [`coop_name_ar`, `coop_name_en`, `vendor`] },
      { join_path: sales.sites, includes: [`site_name_ar`, `site_name_en`, `site_type`] },
      { join_path: sales.products, includes: [`product_name_ar`, `product_name_en`, `unit_price_kwd`] },
    ],
  });

  view(`audit_stock`, {
    description: `Row-level stock lineage for auditors: each closing count and the batch it came from`,
    cubes: [
      {
        join_path: stock,
        includes: visible([
          `stock_daily_key`,
          `stock_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `is_latest`,
          `batch_id`,
          `batch_received_at`,
          `stock_on_hand`,
          `demand_per_day`,
          `days_of_cover`,
          `row_count`,
        ]),
      },
      { join_path: stock.coops, includes: [`coop_name_ar`, `coop_name_en`, `vendor`] },
      { join_path: stock.sites, includes: [`site_name_ar`, `site_name_en`, `site_type`] },
      { join_path: stock.products, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });

  view(`audit_deliveries`, {
    description: `Supplier delivery lines for auditors: each line, its invoice and the batch it came from`,
    cubes: [
      {
        join_path: deliveries,
        includes: visible([
          `delivery_line_key`,
          `delivery_id`,
          `invoice_no`,
          `delivery_date`,
          `coop_id`,
          `site_id`,
          `supplier_id`,
          `product_id`,
          `batch_id`,
          `batch_received_at`,
          `quantity`,
          `line_value_kwd`,
          `avg_unit_cost_kwd`,
          `line_count`,
          `delivery_count`,
        ]),
      },
      { join_path: deliveries.coops, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: deliveries.sites, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: deliveries.products, includes: [`product_name_ar`, `product_name_en`] },
      { join_path: deliveries.suppliers, includes: [`supplier_name_ar`, `supplier_name_en`] },
    ],
  });

  view(`audit_price_changes`, {
    description: `Shelf price changes for auditors: price before and after, reason, how long it held, and the batch`,
    cubes: [
      {
        join_path: price_changes,
        includes: visible([
          `price_change_key`,
          `effective_date`,
          `valid_until`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `reason`,
          `is_current`,
          `price_kwd`,
          `previous_price_kwd`,
          `change_kwd`,
          `change_share`,
          `batch_id`,
          `batch_received_at`,
          `change_count`,
          `increase_count`,
          `avg_price_kwd`,
          `avg_change_share`,
          `max_change_share`,
        ]),
      },
      { join_path: price_changes.coops, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: price_changes.sites, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: price_changes.products, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });

  view(`audit_stocktake`, {
    description: `Stocktake count lines against the books for auditors, valued at cost, and the batch each came from`,
    cubes: [
      {
        join_path: stocktake_variance,
        includes: visible([
          `stocktake_line_key`,
          `count_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
          `batch_id`,
          `batch_received_at`,
          `book_qty`,
          `counted_qty`,
          `variance_qty`,
          `variance_value_kwd`,
          `shrinkage_value_kwd`,
          `variance_share`,
          `line_count`,
        ]),
      },
      { join_path: stocktake_variance.coops, includes: [`coop_name_ar`, `coop_name_en`] },
      { join_path: stocktake_variance.sites, includes: [`site_name_ar`, `site_name_en`] },
      { join_path: stocktake_variance.products, includes: [`product_name_ar`, `product_name_en`] },
    ],
  });

  // The end of the drill: the files a co-op sent for a business day (every feed), landed,
  // superseded by a correction or rejected, and the rows ingestion refused in each.
  view(`audit_batches`, {
    description: `The batch ledger for auditors: file, vendor, received time, rows in / landed / quarantined and status of every batch`,
    cubes: [
      {
        join_path: batches,
        includes: visible([
          `batch_id`,
          `coop_id`,
          `feed`,
          `vendor`,
          `file_name`,
          `checksum_sha256`,
          `business_date`,
          `received_at`,
          `rows_in`,
          `rows_landed`,
          `rows_quarantined`,
          `status`,
          `batch_status`,
          `reject_code`,
          `reject_reason`,
          `is_current`,
          `supersedes_batch_id`,
          `superseded_by_batch_id`,
          `batch_count`,
          `total_rows_in`,
          `total_rows_landed`,
          `total_rows_quarantined`,
        ]),
      },
      { join_path: batches.coops, includes: [`coop_name_ar`, `coop_name_en`] },
    ],
  });

  view(`audit_quarantine`, {
    description: `Rows ingestion refused, for auditors: row number in the file, reason and the raw text as sent`,
    cubes: [
      {
        join_path: quarantined_rows,
        // raw_text is what the co-op sent, personal data included (an aid payment's civil ID):
        // personal, so it stays auditor-only even if this view were ever compiled for others.
        includes: visible(
          [
            `quarantined_row_key`,
            `batch_id`,
            `source_row`,
            `coop_id`,
            `feed`,
            `file_name`,
            `business_date`,
            `ingested_at`,
            `reason_code`,
            `reason_detail`,
            `row_count`,
          ],
          [`raw_text`],
        ),
      },
    ],
  });
}
