/* global COMPILE_CONTEXT, view, sales, stock, anomaly_cases -- Cube model globals: the compiler provides them */
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
// day it concerns, to the mart rows, to the batch each figure came from.
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
      { join_path: anomaly_cases.governorates, includes: [`governorate_id`, `governorate_name_ar`, `governorate_name_en`] },
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
}
