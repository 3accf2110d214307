import { fetchToken } from '../cube/client';
import type { Session } from '../state/session';

/** Mirrors semantic/reviews/review-log.ts (the browser bundle must not import node code). */
export const REVIEW_STATUSES = ['reviewed', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Review {
  anomaly_id: string;
  status: ReviewStatus;
  comment: string;
  reviewer: string;
  role: string;
  reviewed_at: string;
}

export type ReviewInput = Pick<Review, 'anomaly_id' | 'status' | 'comment' | 'reviewer'>;

/** The server has no review log (older web server): said plainly instead of as a failure. */
export class ReviewsUnavailableError extends Error {}

async function call(session: Session, init: RequestInit = {}): Promise<Response> {
  const { token } = await fetchToken(session);
  const r = await fetch('/api/reviews', { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  if (r.status === 404) throw new ReviewsUnavailableError('/api/reviews is not served here');
  if (!r.ok) {
    const body = (await r.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `/api/reviews answered ${r.status}`);
  }
  return r;
}

export async function loadReviews(session: Session): Promise<Review[]> {
  return ((await (await call(session)).json()) as { reviews: Review[] }).reviews;
}

export async function saveReview(session: Session, input: ReviewInput): Promise<Review> {
  return (await (
    await call(session, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
  ).json()) as Review;
}

/** Each case's standing verdict (its newest entry) and its history, newest first. */
export function indexReviews(reviews: readonly Review[]): {
  latest: Map<string, Review>;
  history: Map<string, Review[]>;
} {
  const latest = new Map<string, Review>();
  const history = new Map<string, Review[]>();
  for (const r of reviews) {
    const prev = latest.get(r.anomaly_id);
    if (!prev || prev.reviewed_at <= r.reviewed_at) latest.set(r.anomaly_id, r);
    history.set(r.anomaly_id, [...(history.get(r.anomaly_id) ?? []), r]);
  }
  for (const list of history.values()) list.sort((a, b) => b.reviewed_at.localeCompare(a.reviewed_at));
  return { latest, history };
}
