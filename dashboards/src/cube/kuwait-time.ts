/**
 * Instants (alert times, receipts, request statuses) must be asked as time dimensions: only
 * then does Cube move them onto the query's clock (Asia/Kuwait, forced by the server). As plain
 * dimensions they come back in UTC without a zone, which the pages read as Kuwait wall clock,
 * three hours early.
 */
export const KUWAIT_TIME_GRANULARITY = 'minute';

export function kuwaitTimeDimensions(
  members: readonly string[],
): { dimension: string; granularity: typeof KUWAIT_TIME_GRANULARITY }[] {
  return members.map((dimension) => ({ dimension, granularity: KUWAIT_TIME_GRANULARITY }));
}

/** The Kuwait wall-clock value of a time member asked with kuwaitTimeDimensions, null when it has none. */
export function kuwaitTime(row: Record<string, unknown>, member: string): string | null {
  const value = row[`${member}.${KUWAIT_TIME_GRANULARITY}`];
  return value === null || value === undefined || value === '' ? null : String(value);
}
