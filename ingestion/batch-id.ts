import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A batch's id comes from its content, so a resend of the same bytes is recognised as the
 * same batch. Co-op, feed and business date are hashed in too: two co-ops' header-only
 * files are byte-identical but are different batches. 24 hex digits (96 bits) keep file
 * names short with no practical chance of collision.
 */
export function batchIdFor(key: { coopId: string; feed: string; businessDate: string }, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(`rabt-batch-v1\u0000${key.coopId}\u0000${key.feed}\u0000${key.businessDate}\u0000`)
    .update(bytes)
    .digest('hex')
    .slice(0, 24);
}
