import { describeError } from './describe-error';

/** Mimics @cubejs-client's RequestError: a message and the HTTP status. */
function requestError(message: string, status?: number): Error {
  return Object.assign(new Error(message), { status });
}

describe('describeError', () => {
  it.each([
    ['a refused token', requestError('Invalid token', 403), 'denied', 'errorDenied'],
    ['a missing token', requestError("Authorization header isn't set", 401), 'denied', 'errorDenied'],
    ['a query Cube refuses', requestError("Cube 'anomalies' not found", 400), 'rejected', 'errorRejected'],
    ['a Cube crash', requestError('Error: IO Error', 500), 'server', 'errorServer'],
    ['Cube down (fetch failed)', requestError('network Error'), 'unreachable', 'errorUnreachable'],
    ['a browser fetch failure', new TypeError('Failed to fetch'), 'unreachable', 'errorUnreachable'],
    ['a fetch timeout', requestError('timeout'), 'timeout', 'errorTimeout'],
    ['the token endpoint failing', new Error('/api/token answered 502'), 'server', 'errorServer'],
    ['the config endpoint missing', new Error('/api/config answered 404'), 'rejected', 'errorRejected'],
    ['something else', new Error('boom'), 'server', 'errorServer'],
  ] as const)('%s → %s', (_name, error, kind, message) => {
    const d = describeError(error);
    expect(d.kind).toBe(kind);
    expect(d.message).toBe(message);
    expect(d.detail).toBe(error.message);
  });

  it('accepts a thrown string', () => {
    expect(describeError('network Error')).toMatchObject({ kind: 'unreachable', detail: 'network Error' });
  });
});
