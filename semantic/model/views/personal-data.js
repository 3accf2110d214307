/* global COMPILE_CONTEXT, view, gl_lines, shareholder_register, register_events -- Cube model globals: the compiler provides them */
// Finance and administration views with members carrying personal data (shareholders' civil
// IDs, employee ids among ledger counterparties). Cube compiles the model once per role
// (cube-server's contextToAppId) with that role's security context in COMPILE_CONTEXT, so a
// member left out here does not exist for the role: it is absent from /meta and /load refuses
// it. (A member's own `public: false` does not hide it from a view that includes it.) Who may
// query each view at all is VIEW_ACCESS in query-rewrite.ts.
const role = (COMPILE_CONTEXT.securityContext || {}).role;

// The same rule as audit.js: only auditors see personal data.
const PERSONAL_DATA_ROLES = ['auditor'];

function visible(members, personal) {
  return PERSONAL_DATA_ROLES.includes(role) ? members.concat(personal) : members;
}

const COOP_NAMES = [`coop_name_ar`, `coop_name_en`];
const GOVERNORATE_NAMES = [`governorate_id`, `governorate_name_ar`, `governorate_name_en`];

view(`ledger`, {
  description: `General-ledger lines per co-op, account and month, down to the batch and source row`,
  cubes: [
    {
      join_path: gl_lines,
      includes: visible(
        [
          `gl_line_key`,
          `entry_id`,
          `coop_id`,
          `account_code`,
          `account_type`,
          `statement_line`,
          `cost_center`,
          `document_no`,
          `description`,
          `batch_id`,
          `source_row`,
          `entry_date`,
          `entry_month`,
          `batch_received_at`,
          `debit_kwd`,
          `credit_kwd`,
          `amount_kwd`,
          `line_count`,
        ],
        [`counterparty`],
      ),
    },
    { join_path: gl_lines.gl_accounts, includes: [`account_name_ar`, `account_name_en`] },
    { join_path: gl_lines.coops, includes: COOP_NAMES },
    { join_path: gl_lines.coops.governorates, includes: GOVERNORATE_NAMES },
  ],
});

view(`shareholders`, {
  description: `The current shareholder register: members, shares, dividends and transfers per co-op`,
  cubes: [
    {
      join_path: shareholder_register,
      includes: visible(
        [
          `coop_id`,
          `area_id`,
          `is_member`,
          `transferred_from_coop_id`,
          `transferred_to_coop_id`,
          `member_since`,
          `last_exit_date`,
          `shareholder_count`,
          `member_count`,
          `former_member_count`,
          `shares`,
          `dividends_kwd`,
          `transferred_in_count`,
          `transferred_out_count`,
        ],
        [`civil_id`],
      ),
    },
    { join_path: shareholder_register.coops, includes: COOP_NAMES },
    { join_path: shareholder_register.coops.governorates, includes: GOVERNORATE_NAMES },
  ],
});

view(`shareholder_events`, {
  description: `Shareholders joining, leaving and transferring between co-ops, by day`,
  cubes: [
    {
      join_path: register_events,
      includes: visible([`coop_id`, `event_type`, `other_coop_id`, `event_date`, `event_count`], [`civil_id`]),
    },
    { join_path: register_events.coops, includes: COOP_NAMES },
    { join_path: register_events.coops.governorates, includes: GOVERNORATE_NAMES },
  ],
});
