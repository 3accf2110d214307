import { anomaliesQuery, anomalyDrill, toAnomalyRows } from './anomalies';

describe('anomaly queue', () => {
  it('asks the anomalies view, best-ranked first', () => {
    const q = anomaliesQuery();
    expect(q.order).toEqual({ 'anomalies.anomaly_rank': 'asc' });
    expect(new Set([...q.measures!, ...q.dimensions!].map((m) => m.split('.')[0]))).toEqual(new Set(['anomalies']));
    // the case's days on Kuwait's calendar, not as UTC instants
    expect(q.timeDimensions).toEqual([
      { dimension: 'anomalies.start_date', granularity: 'day' },
      { dimension: 'anomalies.end_date', granularity: 'day' },
    ]);
    expect(q.dimensions).not.toContain('anomalies.start_date');
  });

  it('maps a case and drills to its co-op, product and days', () => {
    const [a] = toAnomalyRows(
      [
        {
          'anomalies.anomaly_id': 'a1',
          'anomalies.kind': 'price_gouging',
          'anomalies.anomaly_rank': 1,
          'anomalies.score': '4.2',
          'anomalies.coop_id': 'C011',
          'anomalies.coop_name_ar': 'الشامية',
          'anomalies.site_id': null,
          'anomalies.product_id': '6281000000001',
          'anomalies.product_name_en': 'Rice 5kg',
          // what Cube sends: the plain dimensions as UTC instants, the day granularity on Kuwait's calendar
          'anomalies.start_date': '2025-06-15T21:00:00.000',
          'anomalies.end_date': '2025-06-21T21:00:00.000',
          'anomalies.start_date.day': '2025-06-16T00:00:00.000',
          'anomalies.end_date.day': '2025-06-22T00:00:00.000',
          'anomalies.value_at_stake_kwd': '12.345',
        },
      ],
      'ar',
    );
    expect(a).toEqual({
      id: 'a1',
      kind: 'price_gouging',
      rank: 1,
      score: 4.2,
      coopId: 'C011',
      coop: 'الشامية',
      siteId: null,
      productId: '6281000000001',
      product: 'Rice 5kg',
      start: '2025-06-16',
      end: '2025-06-22',
      valueAtStake: 12.345,
    });
    expect(anomalyDrill(a!)).toEqual({
      coop: 'C011',
      site: null,
      product: '6281000000001',
      day: null,
      batch: null,
      from: '2025-06-16',
      to: '2025-06-22',
    });
  });
});
