/* global COMPILE_CONTEXT, view, sales -- Cube model globals: the compiler provides them */
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

// Audit (auditors only): drill from any figure down to the mart row it came from.
if (ROW_LEVEL_ROLES.includes(role)) {
  view(`audit`, {
    description: `Row-level sales and stock lineage for auditors: every figure down to its mart row`,
    cubes: [
      {
        join_path: sales,
        includes: visible([
          `sales_daily_key`,
          `business_date`,
          `coop_id`,
          `site_id`,
          `product_id`,
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
}
