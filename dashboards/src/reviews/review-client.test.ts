import { REVIEW_STATUSES as SERVER_STATUSES } from '../../../semantic/reviews/review-log';
import { indexReviews, REVIEW_STATUSES, type Review } from './review-client';

const r = (anomaly_id: string, status: Review['status'], reviewed_at: string): Review => ({
  anomaly_id,
  status,
  comment: '',
  reviewer: 'x',
  role: 'auditor',
  reviewed_at,
});

describe('indexReviews', () => {
  it('keeps the newest verdict per case and the history newest first', () => {
    const { latest, history } = indexReviews([
      r('a', 'reviewed', '2025-06-30T09:00:00.000Z'),
      r('b', 'dismissed', '2025-06-30T09:01:00.000Z'),
      r('a', 'confirmed', '2025-06-30T09:02:00.000Z'),
    ]);
    expect(latest.get('a')?.status).toBe('confirmed');
    expect(latest.get('b')?.status).toBe('dismissed');
    expect(history.get('a')?.map((x) => x.status)).toEqual(['confirmed', 'reviewed']);
  });

  it('offers the statuses the server accepts', () => {
    expect([...REVIEW_STATUSES]).toEqual([...SERVER_STATUSES]);
  });
});
