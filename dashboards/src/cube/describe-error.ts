import type { MessageKey } from '../i18n/messages';

/** What went wrong, in words a reader can act on; the raw text stays beside it for support. */
export type ErrorKind = 'unreachable' | 'timeout' | 'denied' | 'rejected' | 'server';

export interface DescribedError {
  kind: ErrorKind;
  /** The translated headline. */
  message: MessageKey;
  detail: string;
}

const MESSAGE: Record<ErrorKind, MessageKey> = {
  unreachable: 'errorUnreachable',
  timeout: 'errorTimeout',
  denied: 'errorDenied',
  rejected: 'errorRejected',
  server: 'errorServer',
};

/**
 * Classifies an error from @cubejs-client (a RequestError with `status`, or its
 * "network Error"/"timeout" placeholders when fetch itself failed) or from our own
 * /api fetches, whose messages carry the status ("/api/token answered 500").
 */
export function describeError(error: unknown): DescribedError {
  const detail = error instanceof Error ? error.message : String(error);
  const raw = (error as { status?: unknown } | null)?.status;
  const inMessage = /answered (\d{3})/.exec(detail)?.[1];
  const status = typeof raw === 'number' ? raw : inMessage ? Number(inMessage) : null;
  let kind: ErrorKind;
  if (status === 401 || status === 403) kind = 'denied';
  else if (status !== null && status >= 400 && status < 500) kind = 'rejected';
  else if (status !== null && status >= 500) kind = 'server';
  else if (/timeout|timed out/i.test(detail)) kind = 'timeout';
  else if (/network|failed to fetch|load failed|ECONNREFUSED/i.test(detail) || detail === '') kind = 'unreachable';
  else kind = 'server';
  return { kind, message: MESSAGE[kind], detail: detail || kind };
}
