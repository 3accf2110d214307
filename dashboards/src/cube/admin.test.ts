import {
  camerasQuery,
  contractorsQuery,
  employmentQuery,
  incomeQuery,
  processingQuery,
  shareholdersQuery,
  stalledQuery,
  transactionTotalsQuery,
} from './admin-queries';
import {
  incomeByMonth,
  summarizeProcessing,
  toCameraRows,
  toContractorRows,
  toEmploymentRows,
  toIncomeRows,
  toProcessingRows,
  toShareholderRows,
  toStalledRows,
  toTransactionTotals,
  uptimeByCoop,
} from './admin-rows';

describe('admin queries', () => {
  it.each([
    [{}, []],
    [{ gov: 'KW-KU' }, [{ member: 'transactions.governorate_id', operator: 'equals', values: ['KW-KU'] }]],
    [{ coop: 'C011' }, [{ member: 'transactions.coop_id', operator: 'equals', values: ['C011'] }]],
  ])('scope %j filters the totals by %j', (scope, filters) => {
    expect(transactionTotalsQuery(scope).filters).toEqual(filters);
  });

  it('asks only for stalled requests, the longest waiting first', () => {
    const q = stalledQuery({ coop: 'C001' });
    expect(q.filters).toContainEqual({ member: 'transactions.is_stalled', operator: 'equals', values: ['true'] });
    expect(q.filters).toContainEqual({ member: 'transactions.coop_id', operator: 'equals', values: ['C001'] });
    expect(Object.keys(q.order ?? {})[0]).toBe('transactions.working_days_in_status');
    // Instants on Kuwait's clock: time dimensions, never plain ones (those come back in UTC).
    expect(q.timeDimensions?.map((t) => t.dimension)).toEqual([
      'transactions.submitted_at',
      'transactions.current_status_at',
    ]);
    expect(q.dimensions).not.toContain('transactions.submitted_at');
  });

  it('splits processing times by type, holder and decided/open', () => {
    expect(processingQuery({}).dimensions).toEqual([
      'transactions.request_type',
      'transactions.current_actor',
      'transactions.is_final',
    ]);
  });

  it.each([
    [{}, undefined],
    [{ from: '2025-04-01', to: '2025-05-31' }, ['2025-04-01', '2025-05-31']],
    [{ from: '2025-04-01' }, ['2025-04-01', '2100-12-31']],
  ])('income statements in %j → dateRange %j', (scope, range) => {
    expect(incomeQuery(scope).timeDimensions?.[0]?.dateRange).toEqual(range);
    expect(incomeQuery(scope).timeDimensions?.[0]?.granularity).toBe('month');
  });

  it('keeps every employment snapshot (the rows pick the newest)', () => {
    expect(employmentQuery({ gov: 'KW-JA' }).timeDimensions).toEqual([
      { dimension: 'employment.snapshot_date', granularity: 'day' },
    ]);
  });
});

describe('admin rows', () => {
  it.each([
    [[], { transactions: 0, open: 0, stalled: 0 }],
    [
      [{ 'transactions.transaction_count': '12', 'transactions.open_count': '3', 'transactions.stalled_count': '2' }],
      { transactions: 12, open: 3, stalled: 2 },
    ],
  ])('totals of %j', (raw, totals) => {
    expect(toTransactionTotals(raw)).toEqual(totals);
  });

  it('orders stalled requests by working days in status, names in the reader language', () => {
    const rows = toStalledRows(
      [
        {
          'transactions.transaction_id': 'T-1',
          'transactions.coop_id': 'C001',
          'transactions.coop_name_ar': 'أ',
          'transactions.coop_name_en': 'A',
          'transactions.working_days_in_status': '3',
        },
        {
          'transactions.transaction_id': 'T-2',
          'transactions.coop_id': 'C002',
          'transactions.coop_name_ar': '',
          'transactions.coop_name_en': 'B',
          'transactions.working_days_in_status': '7',
        },
      ],
      'ar',
    );
    expect(rows.map((r) => [r.transactionId, r.coop, r.workingDaysInStatus])).toEqual([
      ['T-2', 'B', 7],
      ['T-1', 'أ', 3],
    ]);
  });

  it('weights processing means by request counts over holders', () => {
    const rows = toProcessingRows([
      {
        'transactions.request_type': 'budget_approval',
        'transactions.current_actor': 'ministry',
        'transactions.is_final': true,
        'transactions.transaction_count': '3',
        'transactions.avg_working_days_open': '4',
      },
      {
        'transactions.request_type': 'budget_approval',
        'transactions.current_actor': 'coop',
        'transactions.is_final': true,
        'transactions.transaction_count': '1',
        'transactions.avg_working_days_open': '8',
      },
      {
        'transactions.request_type': 'budget_approval',
        'transactions.current_actor': 'coop',
        'transactions.is_final': 'false',
        'transactions.transaction_count': '2',
        'transactions.avg_working_days_open': '1',
      },
      {
        'transactions.request_type': 'board_minutes',
        'transactions.current_actor': 'ministry',
        'transactions.is_final': 'true',
        'transactions.transaction_count': '1',
        'transactions.avg_working_days_open': '2',
      },
    ]);
    expect(summarizeProcessing(rows)).toEqual([
      { requestType: 'budget_approval', decidedDays: 5, decided: 4, openDays: 1, open: 2 },
      { requestType: 'board_minutes', decidedDays: 2, decided: 1, openDays: null, open: 0 },
    ]);
  });

  it('keeps each co-op newest quarter and puts the furthest below target first', () => {
    const rows = toEmploymentRows(
      [
        {
          'employment.coop_id': 'C001',
          'employment.snapshot_date.day': '2025-03-31T00:00:00.000',
          'employment.kuwaiti_ratio': '40',
        },
        {
          'employment.coop_id': 'C001',
          'employment.snapshot_date.day': '2025-06-30T00:00:00.000',
          'employment.kuwaiti_ratio': '12.5',
        },
        {
          'employment.coop_id': 'C002',
          'employment.snapshot_date.day': '2025-06-30T00:00:00.000',
          'employment.kuwaiti_ratio': '35',
        },
        {
          'employment.coop_id': 'C003',
          'employment.snapshot_date.day': '2025-06-30T00:00:00.000',
          'employment.kuwaiti_ratio': null,
        },
      ],
      'en',
      30,
    );
    expect(rows.map((r) => [r.coopId, r.snapshotDate, r.kuwaitiRatio, r.gap])).toEqual([
      ['C001', '2025-06-30', 12.5, -17.5],
      ['C002', '2025-06-30', 35, 5],
      ['C003', '2025-06-30', null, null],
    ]);
  });

  it('sums statements per month in whole fils, oldest month first', () => {
    const raw = [
      {
        'income_statements.coop_id': 'C001',
        'income_statements.entry_month.month': '2025-05-01T00:00:00.000',
        'income_statements.net_sales_kwd': '0.1',
        'income_statements.gross_profit_kwd': '0.2',
        'income_statements.operating_result_kwd': '-1.5',
      },
      {
        'income_statements.coop_id': 'C002',
        'income_statements.entry_month.month': '2025-05-01T00:00:00.000',
        'income_statements.net_sales_kwd': '0.2',
        'income_statements.gross_profit_kwd': '0.1',
        'income_statements.operating_result_kwd': null,
      },
      {
        'income_statements.coop_id': 'C001',
        'income_statements.entry_month.month': '2025-04-01T00:00:00.000',
        'income_statements.net_sales_kwd': '10.125',
        'income_statements.gross_profit_kwd': '1',
        'income_statements.operating_result_kwd': '2',
      },
    ];
    const rows = toIncomeRows(raw, 'ar');
    expect(rows.map((r) => r.id)).toEqual(['C001:2025-05-01', 'C002:2025-05-01', 'C001:2025-04-01']);
    expect(incomeByMonth(rows)).toEqual([
      { month: '2025-04-01', net_sales_kwd: 10.125, gross_profit_kwd: 1, operating_result_kwd: 2 },
      { month: '2025-05-01', net_sales_kwd: 0.3, gross_profit_kwd: 0.3, operating_result_kwd: -1.5 },
    ]);
  });
});

describe('shareholders, cameras, contractors', () => {
  it.each([
    [shareholdersQuery, 'shareholders'],
    [camerasQuery, 'camera_uptime'],
    [contractorsQuery, 'contractors'],
  ] as const)('%o filters its own view by governorate and co-op', (build, view) => {
    expect(build({ gov: 'KW-KU', coop: 'C011' }).filters).toEqual([
      { member: `${view}.governorate_id`, operator: 'equals', values: ['KW-KU'] },
      { member: `${view}.coop_id`, operator: 'equals', values: ['C011'] },
    ]);
    expect(build({}).filters).toEqual([]);
  });

  it('puts offline cameras first and weights a co-op uptime by hours', () => {
    const cam = (id: string, coop: string, status: string, on: number, off: number) => ({
      'camera_uptime.camera_id': id,
      'camera_uptime.coop_id': coop,
      'camera_uptime.current_status': status,
      'camera_uptime.online_hours': String(on),
      'camera_uptime.offline_hours': String(off),
      'camera_uptime.uptime_share': String((100 * on) / (on + off)),
    });
    const rows = toCameraRows(
      [cam('K1', 'C001', 'online', 90, 10), cam('K2', 'C001', 'offline', 10, 0), cam('K3', 'C002', 'online', 50, 50)],
      'en',
    );
    expect(rows.map((r) => r.cameraId)).toEqual(['K2', 'K3', 'K1']);
    expect(uptimeByCoop(rows)).toEqual([
      { coopId: 'C002', coop: 'C002', cameras: 1, offlineNow: 0, uptime: 50 },
      { coopId: 'C001', coop: 'C001', cameras: 2, offlineNow: 1, uptime: (100 * 100) / 110 },
    ]);
  });

  it('orders contractors worst rating first, one row per contractor and trade', () => {
    const rows = toContractorRows([
      {
        'contractors.contractor_id': 'K1',
        'contractors.contractor_name': 'A',
        'contractors.category': 'it',
        'contractors.avg_rating': '4.5',
        'contractors.rating_count': '2',
      },
      {
        'contractors.contractor_id': 'K1',
        'contractors.contractor_name': 'A',
        'contractors.category': 'civil_works',
        'contractors.avg_rating': '2',
        'contractors.rating_count': '1',
      },
      {
        'contractors.contractor_id': 'K2',
        'contractors.contractor_name': '',
        'contractors.category': 'it',
        'contractors.avg_rating': null,
        'contractors.rating_count': '0',
      },
    ]);
    expect(rows.map((r) => [r.id, r.name, r.avgRating])).toEqual([
      ['K1:civil_works', 'A', 2],
      ['K1:it', 'A', 4.5],
      ['K2:it', 'K2', null],
    ]);
  });

  it.each([
    ['ar', 'شبكات الوطن'],
    ['en', 'Al Watan Networks'],
  ] as const)('merges a contractor spelt two ways (%s shows %s), the mean weighted by ratings', (lang, name) => {
    const spelt = (nm: string, avg: string, ratings: string, poor: string, contracts: string, value: string) => ({
      'contractors.contractor_id': 'K03',
      'contractors.contractor_name': nm,
      'contractors.category': 'it',
      'contractors.avg_rating': avg,
      'contractors.rating_count': ratings,
      'contractors.poor_rating_count': poor,
      'contractors.contract_count': contracts,
      'contractors.contract_value_kwd': value,
    });
    const rows = toContractorRows(
      [spelt('شبكات الوطن', '1', '2', '2', '1', '1000.5'), spelt('Al Watan Networks', '2', '4', '2', '2', '2000')],
      lang,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'K03:it', name, contracts: 3, ratings: 6, poorRatings: 4, valueKwd: 3000.5 });
    expect(rows[0]!.avgRating).toBeCloseTo(10 / 6, 12);
    expect(rows[0]!.poorShare).toBeCloseTo(400 / 6, 12);
  });

  it('orders shareholder rows by members', () => {
    const rows = toShareholderRows(
      [
        { 'shareholders.coop_id': 'C001', 'shareholders.member_count': '5', 'shareholders.dividends_kwd': '10.125' },
        { 'shareholders.coop_id': 'C002', 'shareholders.member_count': '9', 'shareholders.dividends_kwd': null },
      ],
      'ar',
    );
    expect(rows.map((r) => [r.coopId, r.members, r.dividendsKwd])).toEqual([
      ['C002', 9, null],
      ['C001', 5, 10.125],
    ]);
  });
});
