/** What an inbox file's name says about its batch (docs/contracts.md, "Inbox files"). */
export interface InboxFileName {
  coopId: string;
  feed: string;
  /** YYYY-MM-DD, the business date the co-op says the batch covers. */
  businessDate: string;
  seq: number;
  isCorrection: boolean;
  extension: string;
}

const NAME = /^(C\d{3,})__([a-z][a-z_]*)__(\d{4})(\d{2})(\d{2})__(\d+)(__corr)?\.([A-Za-z0-9]+)$/;

/**
 * Parses `<coop_id>__<feed>__<YYYYMMDD>__<seq>[__corr].<ext>`. Returns a reason string
 * instead of throwing, because a badly named file is an inbox fact to report, not a bug.
 */
export function parseInboxFileName(fileName: string): InboxFileName | { error: string } {
  const m = NAME.exec(fileName);
  if (!m) return { error: `file name does not follow <coop_id>__<feed>__<YYYYMMDD>__<seq>.<ext>: ${fileName}` };
  const [, coopId, feed, y, mo, d, seq, corr, extension] = m as unknown as string[];
  const businessDate = `${y}-${mo}-${d}`;
  const parsed = new Date(`${businessDate}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== businessDate) {
    return { error: `file name carries an impossible date ${y}${mo}${d}: ${fileName}` };
  }
  return {
    coopId: coopId!,
    feed: feed!,
    businessDate,
    seq: Number(seq),
    isCorrection: corr !== undefined,
    extension: extension!.toLowerCase(),
  };
}
