import cube, { type Query } from '@cubejs-client/core';
import { startCubeHarness, type CubeHarness } from './testing/cube-harness';

/** The dashboards' own client library against the real server, one load per public view. */
let h: CubeHarness;
beforeAll(async () => {
  h = await startCubeHarness({ coops: 3, days: 3 });
});
afterAll(async () => {
  await h?.close();
});

type Role = 'leadership' | 'planner' | 'auditor' | 'controller' | 'coop_board';
const client = async (role: Role, coopId?: string) =>
  cube(await h.token(role, coopId), { apiUrl: `${h.cube.url}/cubejs-api/v1` });

// One dashboard-shaped query per public view: [view, role that reads it, query, a measure that must be > 0].
const cases: [string, Role, Query, string][] = [
  [
    'crisis_now',
    'leadership',
    {
      measures: ['crisis_now.site_products', 'crisis_now.days_of_cover'],
      dimensions: ['crisis_now.cover_band', 'crisis_now.governorate_name_ar'],
    },
    'crisis_now.site_products',
  ],
  [
    'consumption',
    'planner',
    {
      measures: ['consumption.net_amount_kwd'],
      dimensions: ['consumption.category_name_en'],
      timeDimensions: [{ dimension: 'consumption.business_date', granularity: 'day' }],
    },
    'consumption.net_amount_kwd',
  ],
  [
    'consumption_hourly',
    'planner',
    {
      measures: ['consumption_hourly.quantity'],
      dimensions: ['consumption_hourly.hour_of_day', 'consumption_hourly.is_weekend'],
    },
    'consumption_hourly.quantity',
  ],
  [
    'demand_forecast',
    'leadership',
    {
      measures: ['demand_forecast.yhat', 'demand_forecast.yhat_lower', 'demand_forecast.yhat_upper'],
      timeDimensions: [{ dimension: 'demand_forecast.ds', granularity: 'day' }],
    },
    'demand_forecast.yhat',
  ],
  [
    'region_forecast',
    'planner',
    {
      measures: ['region_forecast.yhat', 'region_forecast.yhat_lower', 'region_forecast.yhat_upper'],
      dimensions: ['region_forecast.governorate_name_ar', 'region_forecast.category_name_ar'],
      timeDimensions: [{ dimension: 'region_forecast.ds', granularity: 'day' }],
    },
    'region_forecast.yhat',
  ],
  [
    'hourly_forecast',
    'leadership',
    {
      measures: ['hourly_forecast.yhat'],
      dimensions: ['hourly_forecast.hour_of_day'],
      timeDimensions: [{ dimension: 'hourly_forecast.ds_hour', granularity: 'hour' }],
    },
    'hourly_forecast.yhat',
  ],
  [
    'stock_cover_forecast',
    'leadership',
    {
      measures: ['stock_cover_forecast.days_of_cover', 'stock_cover_forecast.stock_on_hand'],
      dimensions: ['stock_cover_forecast.governorate_name_ar', 'stock_cover_forecast.product_name_ar'],
      filters: [{ member: 'stock_cover_forecast.cover_level', operator: 'equals', values: ['governorate'] }],
    },
    'stock_cover_forecast.days_of_cover',
  ],
  [
    'surge_alerts',
    'leadership',
    {
      measures: ['surge_alerts.open_count', 'surge_alerts.peak_ratio'],
      dimensions: ['surge_alerts.governorate_name_ar', 'surge_alerts.category_name_ar', 'surge_alerts.severity'],
    },
    'surge_alerts.open_count',
  ],
  [
    'surge_alert_events',
    'planner',
    {
      measures: ['surge_alert_events.event_count'],
      dimensions: ['surge_alert_events.alert_id', 'surge_alert_events.event'],
      timeDimensions: [{ dimension: 'surge_alert_events.event_at', granularity: 'hour' }],
    },
    'surge_alert_events.event_count',
  ],
  [
    'linkage',
    'leadership',
    {
      measures: ['linkage.rows_in', 'linkage.coop_feeds'],
      dimensions: ['linkage.coop_name_ar', 'linkage.feed', 'linkage.late_days'],
    },
    'linkage.rows_in',
  ],
  [
    'income_statements',
    'controller',
    {
      measures: ['income_statements.net_sales_kwd', 'income_statements.gross_margin'],
      dimensions: ['income_statements.coop_name_ar'],
      timeDimensions: [{ dimension: 'income_statements.entry_month', granularity: 'month' }],
    },
    'income_statements.net_sales_kwd',
  ],
  [
    'employment',
    'controller',
    { measures: ['employment.kuwaiti_ratio', 'employment.employees'], dimensions: ['employment.governorate_name_ar'] },
    'employment.kuwaiti_ratio',
  ],
  [
    'transactions',
    'controller',
    {
      measures: ['transactions.stalled_count'],
      dimensions: ['transactions.transaction_id', 'transactions.coop_name_ar', 'transactions.working_days_in_status'],
      filters: [{ member: 'transactions.is_stalled', operator: 'equals', values: ['true'] }],
    },
    'transactions.stalled_count',
  ],
  [
    'ledger',
    'controller',
    {
      measures: ['ledger.credit_kwd', 'ledger.line_count'],
      dimensions: ['ledger.account_name_ar', 'ledger.statement_line'],
      timeDimensions: [{ dimension: 'ledger.entry_month', granularity: 'month' }],
    },
    'ledger.line_count',
  ],
  [
    'shareholders',
    'controller',
    {
      measures: ['shareholders.member_count', 'shareholders.shares', 'shareholders.dividends_kwd'],
      dimensions: ['shareholders.coop_name_ar'],
    },
    'shareholders.shares',
  ],
  [
    'shareholder_events',
    'leadership',
    {
      measures: ['shareholder_events.event_count'],
      dimensions: ['shareholder_events.event_type', 'shareholder_events.governorate_name_ar'],
      timeDimensions: [{ dimension: 'shareholder_events.event_date', granularity: 'month' }],
    },
    'shareholder_events.event_count',
  ],
  [
    'camera_uptime',
    'controller',
    {
      measures: ['camera_uptime.uptime_share', 'camera_uptime.camera_count'],
      dimensions: ['camera_uptime.coop_name_ar', 'camera_uptime.current_status'],
    },
    'camera_uptime.camera_count',
  ],
  [
    'contractors',
    'controller',
    {
      measures: ['contractors.avg_rating', 'contractors.contract_value_kwd', 'contractors.rating_count'],
      dimensions: ['contractors.contractor_name', 'contractors.category'],
      timeDimensions: [{ dimension: 'contractors.rating_period_end', granularity: 'quarter' }],
    },
    'contractors.rating_count',
  ],
  [
    'audit_deliveries',
    'auditor',
    {
      measures: ['audit_deliveries.line_value_kwd'],
      dimensions: [
        'audit_deliveries.delivery_line_key',
        'audit_deliveries.supplier_name_ar',
        'audit_deliveries.batch_id',
      ],
      limit: 20,
    },
    'audit_deliveries.line_value_kwd',
  ],
  [
    'audit_price_changes',
    'auditor',
    {
      measures: ['audit_price_changes.change_count', 'audit_price_changes.max_change_share'],
      dimensions: [
        'audit_price_changes.price_change_key',
        'audit_price_changes.reason',
        'audit_price_changes.batch_id',
      ],
      limit: 20,
    },
    'audit_price_changes.change_count',
  ],
  [
    'audit_stocktake',
    'auditor',
    {
      measures: ['audit_stocktake.book_qty', 'audit_stocktake.variance_value_kwd'],
      dimensions: ['audit_stocktake.stocktake_line_key', 'audit_stocktake.batch_id'],
      limit: 20,
    },
    'audit_stocktake.book_qty',
  ],
  [
    'anomalies',
    'auditor',
    {
      measures: ['anomalies.value_at_stake_kwd'],
      dimensions: [
        'anomalies.anomaly_rank',
        'anomalies.kind',
        'anomalies.coop_id',
        'anomalies.site_id',
        'anomalies.product_id',
      ],
      timeDimensions: [{ dimension: 'anomalies.start_date', granularity: 'day' }],
      order: { 'anomalies.anomaly_rank': 'asc' },
    },
    'anomalies.value_at_stake_kwd',
  ],
  [
    'audit',
    'auditor',
    { measures: ['audit.net_amount_kwd'], dimensions: ['audit.sales_daily_key', 'audit.batch_count'], limit: 20 },
    'audit.net_amount_kwd',
  ],
  [
    'audit_stock',
    'auditor',
    {
      measures: ['audit_stock.stock_on_hand'],
      dimensions: ['audit_stock.stock_daily_key', 'audit_stock.batch_id'],
      limit: 20,
    },
    'audit_stock.stock_on_hand',
  ],
  [
    'audit_batches',
    'auditor',
    {
      measures: ['audit_batches.batch_count', 'audit_batches.total_rows_in'],
      dimensions: [
        'audit_batches.batch_id',
        'audit_batches.feed',
        'audit_batches.file_name',
        'audit_batches.batch_status',
        'audit_batches.rows_quarantined',
      ],
      timeDimensions: [
        { dimension: 'audit_batches.business_date', dateRange: ['2025-06-13', '2025-06-13'], granularity: 'day' },
        { dimension: 'audit_batches.received_at', granularity: 'minute' },
      ],
      filters: [{ member: 'audit_batches.coop_id', operator: 'equals', values: ['C001'] }],
    },
    'audit_batches.batch_count',
  ],
  [
    'audit_quarantine',
    'auditor',
    {
      measures: ['audit_quarantine.row_count'],
      dimensions: [
        'audit_quarantine.source_row',
        'audit_quarantine.reason_code',
        'audit_quarantine.reason_detail',
        'audit_quarantine.raw_text',
      ],
      order: { 'audit_quarantine.source_row': 'asc' },
    },
    'audit_quarantine.row_count',
  ],
];

describe('@cubejs-client/core', () => {
  it('has a case for every public view', async () => {
    const { VIEW_ACCESS } = await import('./query-rewrite');
    expect(cases.map((c) => c[0]).sort()).toEqual(Object.keys(VIEW_ACCESS).sort());
  });

  it.each(cases)('loads the %s view as %s', async (_name, role, query, measure) => {
    const rs = await (await client(role)).load(query);
    const rows = rs.tablePivot();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r[measure])).toBeGreaterThan(0);
  });

  it('keeps the forecast interval around the forecast', async () => {
    const rs = await (await client('planner')).load(cases.find((c) => c[0] === 'demand_forecast')![2]);
    for (const r of rs.tablePivot()) {
      expect(Number(r['demand_forecast.yhat_lower'])).toBeLessThanOrEqual(Number(r['demand_forecast.yhat']));
      expect(Number(r['demand_forecast.yhat'])).toBeLessThanOrEqual(Number(r['demand_forecast.yhat_upper']));
    }
  });

  it('gives an auditor the civil IDs a controller cannot ask for', async () => {
    const query: Query = { measures: ['shareholders.shares'], dimensions: ['shareholders.civil_id'] };
    const rows = (await (await client('auditor')).load(query)).tablePivot();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^\d{12}$/.test(String(r['shareholders.civil_id'])))).toBe(true);
    await expect((await client('controller')).load(query)).rejects.toThrow(/civil_id/);
  });

  it('gives a board only its co-op through the client too', async () => {
    const rs = await (
      await client('coop_board', 'C003')
    ).load({ measures: ['consumption.quantity'], dimensions: ['consumption.coop_id'] });
    expect(rs.tablePivot().map((r) => r['consumption.coop_id'])).toEqual(['C003']);
  });

  // Cube 0.33's /meta does not carry a measure's `format`, so the KWD/decimals hint the
  // dashboards format with travels in `meta`.
  it('reads the KWD and number-format hints from /meta', async () => {
    const meta = await (await client('planner')).meta();
    expect(meta.resolveMember('consumption.net_amount_kwd', 'measures')).toMatchObject({
      meta: { currency: 'KWD', number_format: ',.3f' },
    });
    expect(meta.resolveMember('crisis_now.days_of_cover', 'measures')).toMatchObject({
      meta: { number_format: ',.1f' },
    });
  });
});
