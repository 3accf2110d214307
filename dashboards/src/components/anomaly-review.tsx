import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApp } from '../app-context';
import { formatDateTime } from '../format/date';
import {
  indexReviews,
  loadReviews,
  REVIEW_STATUSES,
  ReviewsUnavailableError,
  saveReview,
  type Review,
  type ReviewStatus,
} from '../reviews/review-client';

export interface ReviewsState {
  latest: Map<string, Review>;
  history: Map<string, Review[]>;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

/** The review log as the server keeps it, reloaded after every save. */
export function useReviews(): ReviewsState {
  const { session } = useApp();
  const [reviews, setReviews] = useState<Review[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadReviews(session).then(
      (r) => {
        if (!live) return;
        setReviews(r);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [session, tick]);
  const index = useMemo(() => indexReviews(reviews), [reviews]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...index, error, loading, reload };
}

/** A case's standing verdict in the queue: status, who, when. */
export function ReviewBadge({ review }: { review: Review | undefined }) {
  const { t, lang } = useApp();
  if (!review) return <span data-review-status="none">{t.reviewNone}</span>;
  return (
    <span data-review-status={review.status} title={review.comment}>
      <span className="review-status">{t[`reviewStatus_${review.status}`]}</span> · {review.reviewer} ·{' '}
      {formatDateTime(review.reviewed_at, lang)}
    </span>
  );
}

const REVIEWER_KEY = 'rabt.reviewer';

function rememberedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The verdict being written: status, reviewer (remembered on this browser), comment, and its save. */
function useVerdictDraft(anomalyId: string, onSaved: () => void) {
  const { session } = useApp();
  const [status, setStatus] = useState<ReviewStatus>('reviewed');
  const [comment, setComment] = useState('');
  const [reviewer, setReviewer] = useState(rememberedReviewer);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await saveReview(session, { anomaly_id: anomalyId, status, comment, reviewer });
      try {
        localStorage.setItem(REVIEWER_KEY, reviewer);
      } catch {
        // Remembering the name is a convenience only.
      }
      setComment('');
      onSaved();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return { status, setStatus, comment, setComment, reviewer, setReviewer, saving, failure, submit };
}

/** A case's verdicts, newest first as the log returns them. */
function ReviewHistory({ history }: { history: readonly Review[] }) {
  const { t, lang } = useApp();
  if (history.length === 0) return null;
  return (
    <>
      <h4>{t.reviewHistory}</h4>
      <ul data-testid="review-history">
        {history.map((r) => (
          <li key={`${r.reviewed_at}:${r.reviewer}`} data-review-status={r.status}>
            <strong>{t[`reviewStatus_${r.status}`]}</strong> — {r.comment} — {t.reviewBy} {r.reviewer} {t.reviewAt}{' '}
            {formatDateTime(r.reviewed_at, lang)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The verdict form for one case and its history; the log is append-only, so a new verdict adds a line. */
export function ReviewForm({
  anomalyId,
  reviews,
  onSaved,
}: {
  anomalyId: string;
  reviews: ReviewsState;
  onSaved: () => void;
}) {
  const { t } = useApp();
  const draft = useVerdictDraft(anomalyId, onSaved);
  if (reviews.error instanceof ReviewsUnavailableError) {
    return (
      <p className="hint" data-testid="review-unavailable">
        {t.reviewUnavailable}
      </p>
    );
  }
  return (
    <div className="panel" data-testid="review-form" data-anomaly-id={anomalyId}>
      <h3>
        {t.review}: {anomalyId}
      </h3>
      <form
        className="review-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void draft.submit();
        }}
      >
        <select
          data-testid="review-status"
          value={draft.status}
          onChange={(e) => draft.setStatus(e.target.value as ReviewStatus)}
          aria-label={t.status}
        >
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t[`reviewStatus_${s}`]}
            </option>
          ))}
        </select>
        <input
          data-testid="review-reviewer"
          required
          placeholder={t.reviewer}
          aria-label={t.reviewer}
          value={draft.reviewer}
          onChange={(e) => draft.setReviewer(e.target.value)}
        />
        <input
          data-testid="review-comment"
          required
          size={40}
          placeholder={t.reviewComment}
          aria-label={t.reviewComment}
          value={draft.comment}
          onChange={(e) => draft.setComment(e.target.value)}
        />
        <button
          type="submit"
          data-testid="review-save"
          disabled={draft.saving || !draft.comment.trim() || !draft.reviewer.trim()}
        >
          {t.reviewSave}
        </button>
      </form>
      {draft.failure && (
        <p className="query-error" role="alert">
          {t.reviewSaveFailed}: {draft.failure}
        </p>
      )}
      <ReviewHistory history={reviews.history.get(anomalyId) ?? []} />
    </div>
  );
}
