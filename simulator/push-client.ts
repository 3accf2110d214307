/**
 * What a co-op system does instead of dropping a file: POST the batch to Rabt's push endpoint
 * (`POST /v1/batches/:feed`, ingestion/push-server.ts), signed with the co-op's own key.
 */
import { pushHeaders } from '../domain/push-signature';

export interface PushTarget {
  /** The push server's origin, e.g. `http://127.0.0.1:8089`. */
  url: string;
  /** The co-op's push key; a co-op without one drops files instead. */
  keyFor: (coopId: string) => string | undefined;
}

export interface PushBatch {
  coopId: string;
  feed: string;
  businessDate: string;
  seq: number;
  correction?: boolean;
  format: 'csv' | 'jsonl';
}

export interface PushResult {
  status: number;
  batchId: string;
  /** `accepted` (queued for ingestion) or `duplicate` (these bytes already landed). */
  outcome: string;
}

export async function pushBatch(target: PushTarget, key: string, batch: PushBatch, body: Buffer): Promise<PushResult> {
  const query = new URLSearchParams({
    coop_id: batch.coopId,
    business_date: batch.businessDate,
    seq: String(batch.seq),
    correction: String(batch.correction ?? false),
    format: batch.format,
  });
  const url = new URL(`/v1/batches/${encodeURIComponent(batch.feed)}?${query.toString()}`, target.url);
  // The signature covers the path and query exactly as the server receives them.
  const signedPath = `${url.pathname}${url.search}`;
  const response = await fetch(url, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: {
      'content-type': batch.format === 'jsonl' ? 'application/x-ndjson' : 'text/csv',
      ...pushHeaders(batch.coopId, key, 'POST', signedPath, body),
    },
  });
  const answer = (await response.json().catch(() => ({}))) as { batch_id?: string; status?: string; error?: string };
  if (!response.ok) {
    throw new Error(
      `push of ${batch.coopId} ${batch.feed} ${batch.businessDate} #${batch.seq} refused: HTTP ${response.status} ${answer.error ?? ''}`.trim(),
    );
  }
  return { status: response.status, batchId: answer.batch_id ?? '', outcome: answer.status ?? '' };
}
