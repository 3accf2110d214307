import { DEFAULT_STATE, parseUrlState } from '../state/url-state';
import {
  CLEAR_ANOMALY_FILTERS,
  NO_ANOMALY_FILTERS,
  QUEUE_LIMIT,
  anomaliesQuery,
  anomalyCountQuery,
  anomalyCoopsQuery,
  anomalyCubeFilters,
  anomalyFilters,
  anomalyGovernoratesQuery,
  hasAnomalyFilters,
  toAnomalyCount,
  toOptions,
  type AnomalyFilters,
} from './anomalies';

const f = (patch: Partial<AnomalyFilters>): AnomalyFilters => ({ ...NO_ANOMALY_FILTERS, ...patch });

describe('anomaly queue filters', () => {
  it.each<[string, AnomalyFilters, unknown[]]>([
    ['none', NO_ANOMALY_FILTERS, []],
    [
      'one kind',
      f({ kinds: ['price_gouging'] }),
      [{ member: 'anomalies.kind', operator: 'equals', values: ['price_gouging'] }],
    ],
    [
      'several kinds (one IN filter)',
      f({ kinds: ['duplicate_aid', 'price_gouging'] }),
      [{ member: 'anomalies.kind', operator: 'equals', values: ['duplicate_aid', 'price_gouging'] }],
    ],
    [
      'governorate',
      f({ gov: 'KW-HA' }),
      [{ member: 'anomalies.governorate_id', operator: 'equals', values: ['KW-HA'] }],
    ],
    ['co-op', f({ coop: 'C011' }), [{ member: 'anomalies.coop_id', operator: 'equals', values: ['C011'] }]],
    ['minimum score', f({ minScore: 12.5 }), [{ member: 'anomalies.score', operator: 'gte', values: ['12.5'] }]],
    [
      'a minimum score of 0 is still a filter',
      f({ minScore: 0 }),
      [{ member: 'anomalies.score', operator: 'gte', values: ['0'] }],
    ],
    // a case is kept when its days overlap the range: it ends on/after `from` and starts on/before `to`
    [
      'from only',
      f({ from: '2025-06-01' }),
      [{ member: 'anomalies.end_date', operator: 'inDateRange', values: ['2025-06-01', '2100-12-31'] }],
    ],
    [
      'to only',
      f({ to: '2025-06-30' }),
      [{ member: 'anomalies.start_date', operator: 'inDateRange', values: ['2000-01-01', '2025-06-30'] }],
    ],
    [
      'everything at once',
      {
        kinds: ['stocktake_shrinkage'],
        gov: 'KW-JA',
        coop: 'C012',
        minScore: 10,
        from: '2025-06-01',
        to: '2025-06-30',
      },
      [
        { member: 'anomalies.kind', operator: 'equals', values: ['stocktake_shrinkage'] },
        { member: 'anomalies.governorate_id', operator: 'equals', values: ['KW-JA'] },
        { member: 'anomalies.coop_id', operator: 'equals', values: ['C012'] },
        { member: 'anomalies.score', operator: 'gte', values: ['10'] },
        { member: 'anomalies.end_date', operator: 'inDateRange', values: ['2025-06-01', '2100-12-31'] },
        { member: 'anomalies.start_date', operator: 'inDateRange', values: ['2000-01-01', '2025-06-30'] },
      ],
    ],
  ])('%s → Cube filters', (_name, filters, expected) => {
    expect(anomalyCubeFilters(filters)).toEqual(expected);
    // the queue and its count ask the semantic layer with the same filters, on the public view only
    const queue = anomaliesQuery(filters);
    const count = anomalyCountQuery(filters);
    expect(queue.filters).toEqual(expected);
    expect(count.filters).toEqual(expected);
    expect(queue.limit).toBe(QUEUE_LIMIT);
    expect(queue.order).toEqual({ 'anomalies.anomaly_rank': 'asc' });
    expect(count.measures).toEqual(['anomalies.case_count', 'anomalies.value_at_stake_kwd']);
    expect(count.dimensions ?? []).toEqual([]);
    const members = [
      ...(queue.measures ?? []),
      ...(queue.dimensions ?? []),
      ...expected.map((x) => (x as { member: string }).member),
    ];
    expect(new Set(members.map((m) => m.split('.')[0]))).toEqual(new Set(['anomalies']));
    expect(hasAnomalyFilters(filters)).toBe(expected.length > 0);
  });

  it.each<[string, AnomalyFilters]>([
    ['', NO_ANOMALY_FILTERS],
    ['?page=audit&kind=price_gouging,duplicate_aid', f({ kinds: ['duplicate_aid', 'price_gouging'] })],
    ['?gov=KW-HA&qcoop=C011&minScore=10.5', f({ gov: 'KW-HA', coop: 'C011', minScore: 10.5 })],
    ['?qfrom=2025-06-30&qto=2025-06-01', f({ from: '2025-06-01', to: '2025-06-30' })],
    // the drill's co-op and days are not the queue's filters
    ['?coop=C011&from=2025-06-16&to=2025-06-22', NO_ANOMALY_FILTERS],
    ["?kind=x' or 1=1&qcoop=C011;drop&minScore=abc", NO_ANOMALY_FILTERS],
  ])('the link %j filters the queue by %j', (search, expected) => {
    expect(anomalyFilters(parseUrlState(search))).toEqual(expected);
  });

  it('clears every queue filter and nothing of the drill', () => {
    const url = {
      ...parseUrlState(
        '?page=audit&lang=en&kind=price_gouging&gov=KW-HA&qcoop=C011&minScore=3&qfrom=2025-06-01&qto=2025-06-30',
      ),
      ...CLEAR_ANOMALY_FILTERS,
    };
    expect(url).toEqual({ ...DEFAULT_STATE, page: 'audit', lang: 'en' });
    expect(hasAnomalyFilters(anomalyFilters(url))).toBe(false);
  });

  it('counts every match, not only the listed ones', () => {
    expect(toAnomalyCount([{ 'anomalies.case_count': '73', 'anomalies.value_at_stake_kwd': '1234.5' }])).toEqual({
      cases: 73,
      valueAtStake: 1234.5,
    });
    // no case matches: Cube sends a row of nulls (or none)
    expect(toAnomalyCount([{ 'anomalies.case_count': '0', 'anomalies.value_at_stake_kwd': null }])).toEqual({
      cases: 0,
      valueAtStake: null,
    });
    expect(toAnomalyCount([])).toEqual({ cases: 0, valueAtStake: null });
  });

  it("offers the governorates and co-ops that have cases, named in the reader's language", () => {
    expect(anomalyGovernoratesQuery().filters).toEqual([{ member: 'anomalies.governorate_id', operator: 'set' }]);
    expect(anomalyCoopsQuery(null).filters).toEqual([]);
    expect(anomalyCoopsQuery('KW-HA').filters).toEqual([
      { member: 'anomalies.governorate_id', operator: 'equals', values: ['KW-HA'] },
    ]);
    const raw = [
      { 'anomalies.coop_id': 'C011', 'anomalies.coop_name_ar': 'الشامية', 'anomalies.coop_name_en': 'Shamiya' },
      { 'anomalies.coop_id': 'C012', 'anomalies.coop_name_ar': null, 'anomalies.coop_name_en': 'Rawda' },
      { 'anomalies.coop_id': 'C013', 'anomalies.coop_name_ar': null, 'anomalies.coop_name_en': null },
      { 'anomalies.coop_id': null },
    ];
    expect(toOptions(raw, 'coop', 'ar')).toEqual([
      { id: 'C011', name: 'الشامية' },
      { id: 'C012', name: 'Rawda' },
      { id: 'C013', name: 'C013' },
    ]);
    expect(toOptions(raw, 'coop', 'en')[0]).toEqual({ id: 'C011', name: 'Shamiya' });
  });
});
