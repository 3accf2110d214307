const memo = new Map<string, string>();

/**
 * Whole-day arithmetic on ISO dates, at UTC so the machine's zone never shifts a day.
 * Memoised: forecasting asks for the same few hundred dates and offsets millions of times.
 */
export function addDaysIso(isoDate: string, days: number): string {
  const key = `${isoDate}|${days}`;
  let out = memo.get(key);
  if (out === undefined) {
    out = new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    if (memo.size > 200_000) memo.clear();
    memo.set(key, out);
  }
  return out;
}

export function daysBetweenIso(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
