import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export const REVIEW_STATUSES = ['reviewed', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an auditor sends: the case, the verdict, why, and who they are (the demo token carries only a role). */
export const reviewInput = z.object({
  anomaly_id: z.string().min(1).max(200),
  status: z.enum(REVIEW_STATUSES),
  comment: z.string().trim().min(1, 'a comment is required').max(2000),
  reviewer: z.string().trim().min(1, 'the reviewer name is required').max(100),
});
export type ReviewInput = z.infer<typeof reviewInput>;

/** One line of the log: the input plus the verified role and the server's clock. */
export interface ReviewEntry extends ReviewInput {
  role: string;
  /** ISO instant the server kept it. */
  reviewed_at: string;
}

const entrySchema = reviewInput.extend({ role: z.string(), reviewed_at: z.string() });

/**
 * An append-only JSON Lines log: a review is never edited or deleted, a new verdict is a new
 * line, so the history of every case stays readable. Writes in one process are chained so two
 * saves cannot interleave their lines.
 */
export class ReviewLog {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  append(input: ReviewInput, role: string, now = new Date()): Promise<ReviewEntry> {
    const entry: ReviewEntry = { ...input, role, reviewed_at: now.toISOString() };
    const write = this.tail.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, `${JSON.stringify(entry)}\n`, 'utf8');
      return entry;
    });
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Every entry in the order kept; a torn last line (a crash mid-write) is skipped, not fatal. */
  async read(): Promise<ReviewEntry[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return parseReviewLines(text);
  }
}

export function parseReviewLines(text: string): ReviewEntry[] {
  const out: ReviewEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // A half-written line: the entries before and after it still count.
    }
  }
  return out;
}

/** The standing verdict of each case: its newest entry (ties keep the later line). */
export function latestByCase(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const latest = new Map<string, ReviewEntry>();
  for (const e of entries) {
    const prev = latest.get(e.anomaly_id);
    if (!prev || prev.reviewed_at <= e.reviewed_at) latest.set(e.anomaly_id, e);
  }
  return latest;
}
