import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../ml/anomalies/anomaly';
import { scoreAnomalies, type TruthEvent } from './anomaly-eval';

const ev = (
  event_type: string,
  coop_id: string,
  site_id: string,
  start_date: string,
  end_date: string,
  detail = '',
): TruthEvent => ({
  event_type,
  coop_id,
  governorate_id: 'KW-JA',
  site_id,
  product_scope: '',
  start_date,
  end_date,
  detail,
});
const found = (
  kind: Anomaly['kind'],
  coopId: string,
  siteId: string | null,
  startDate: string,
  endDate: string,
): Anomaly => ({
  kind,
  coopId,
  governorateId: 'KW-JA',
  siteId,
  productId: null,
  startDate,
  endDate,
  score: 1,
  valueAtStakeKwd: 1,
  observed: null,
  expected: null,
  detail: '',
});

const TRUTH = [
  ev('suspicious_refunds', 'C011', 'C011-M', '2025-05-12', '2025-06-22'),
  ev('duplicate_invoice', 'C011', 'C011-W', '2025-05-14', '2025-05-30'),
  ev('duplicate_invoice', 'C040', 'C040-W', '2025-04-01', '2025-04-10'),
  ev('crisis_wave', '', '', '2025-06-15', '2025-06-25'),
];

describe('scoreAnomalies', () => {
  it.each([
    [
      'the refund run at its site',
      [found('suspicious_refunds', 'C011', 'C011-M', '2025-05-27', '2025-06-22')],
      1,
      [1, 0],
    ],
    [
      'refunds at another site of the co-op are not it',
      [found('suspicious_refunds', 'C011', 'C011-B01', '2025-05-27', '2025-06-22')],
      0,
      [0, 0],
    ],
    [
      'refunds before the run are not it',
      [found('suspicious_refunds', 'C011', 'C011-M', '2025-03-01', '2025-04-30')],
      0,
      [0, 0],
    ],
    [
      'one of two invoices booked twice',
      [found('duplicate_invoice', 'C011', 'C011-W', '2025-05-14', '2025-05-30')],
      1,
      [0, 1],
    ],
    [
      'both invoices, and a wrong kind at the site',
      [
        found('duplicate_invoice', 'C011', 'C011-W', '2025-05-14', '2025-05-30'),
        found('duplicate_invoice', 'C040', 'C040-W', '2025-04-01', '2025-04-03'),
        found('duplicate_aid', 'C011', null, '2025-05-14', '2025-05-20'),
      ],
      2,
      [0, 2],
    ],
  ])('%s', (_, ranked, hits, [refunds, invoices]) => {
    const s = scoreAnomalies(ranked, TRUTH);
    expect(s.hitsAtK).toBe(hits);
    expect(s.k).toBe(ranked.length);
    expect(s.recall.map((r) => [r.truth, r.hits, r.planted])).toEqual([
      ['duplicate_invoice', invoices, 2],
      ['suspicious_refunds', refunds, 1],
    ]);
  });

  it.each([
    ['at the first charity', 'C027', 1],
    ['at the other charity, which paid second', 'C053', 1],
    ['at a third co-op', 'C001', 0],
  ])('aid paid by two charities, the case %s', (_, coop, hits) => {
    const truth = [
      ev(
        'aid_paid_twice',
        'C027',
        '',
        '2026-01-07',
        '2026-03-31',
        'civil_id=286021149636;aid_type=monthly_family;other_coop_id=C053',
      ),
    ];
    const s = scoreAnomalies([found('duplicate_aid', coop, null, '2026-03-08', '2026-03-08')], truth);
    expect(s.recall.find((r) => r.truth === 'aid_paid_twice')?.hits).toBe(hits);
  });

  it('counts precision over the top k only and lists the kinds not planted', () => {
    const ranked = [
      found('duplicate_aid', 'C001', null, '2025-05-01', '2025-05-02'),
      found('duplicate_invoice', 'C011', 'C011-W', '2025-05-14', '2025-05-30'),
    ];
    const s = scoreAnomalies(ranked, TRUTH, 1);
    expect([s.hitsAtK, s.k]).toEqual([0, 1]);
    expect(s.unplanted).toContain('aid_paid_twice');
    expect(s.unplanted).not.toContain('suspicious_refunds');
    expect(s.byKind).toEqual({ duplicate_aid: 1, duplicate_invoice: 1 });
  });
});
