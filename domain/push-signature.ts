import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The string a co-op system signs for a push: timestamp, method, path with query, and the
 * body's bytes, newline-separated. Signing the path too means a captured request cannot be
 * replayed against another feed or business date.
 */
function signedPayload(timestamp: string, method: string, url: string, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${method.toUpperCase()}\n${url}\n`, 'utf8'), body]);
}

/** `v1=<hex HMAC-SHA256>`, the value of the x-rabt-signature header. */
export function signPush(key: string, timestamp: string, method: string, url: string, body: Uint8Array): string {
  return `v1=${createHmac('sha256', key)
    .update(signedPayload(timestamp, method, url, body))
    .digest('hex')}`;
}

export function verifyPush(
  key: string,
  signature: string,
  timestamp: string,
  method: string,
  url: string,
  body: Uint8Array,
): boolean {
  const expected = Buffer.from(signPush(key, timestamp, method, url, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Headers a co-op system sends with a signed push (used by tests and by a co-op's client). */
export function pushHeaders(
  coopId: string,
  key: string,
  method: string,
  url: string,
  body: Uint8Array,
  nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const timestamp = String(nowSeconds);
  return {
    'x-rabt-key-id': coopId,
    'x-rabt-timestamp': timestamp,
    'x-rabt-signature': signPush(key, timestamp, method, url, body),
  };
}
