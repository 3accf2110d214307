/**
 * Writes a co-op's low-volume feeds as one file per period (weekly, monthly, quarterly),
 * header-only when nothing happened, and now and then sends a batch twice: a byte-identical
 * resend (`__002`) or a correction (`__002__corr`) of a first send that carried a line twice.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { compactDate } from '../kuwait-time';
import { Random } from '../random';
import { feedExtension } from '../vendor-formats';
import type { WorldCoop } from '../world';
import { formatFeed, type Cell, type FeedTable } from './feed-table';
import { formatFeedXlsx } from './xlsx-batch';
import { periodEnd, periodEnds, type Cadence } from './periods';
import { detail, type TruthEvent } from '../truth-event';

const RESEND_RATE = 0.01;
const CORRECTION_RATE = 0.01;

export class BatchWriter {
  files = 0;
  readonly rows: Record<string, number> = {};
  readonly events: TruthEvent[] = [];

  constructor(
    private readonly inboxDir: string,
    private readonly seed: string,
  ) {}

  /** One batch of one co-op's feed, dated `date`; may also send it again. */
  async write(coop: WorldCoop, table: FeedTable, date: string, rows: readonly (readonly Cell[])[]): Promise<void> {
    const name = (seq: string, corr = ''): string =>
      path.join(
        this.inboxDir,
        coop.coopId,
        `${coop.coopId}__${table.feed}__${compactDate(date)}__${seq}${corr}.${feedExtension(coop.style.vendor, table.feed)}`,
      );
    const random = new Random(`${this.seed}/batches/${coop.coopId}/${table.feed}/${date}`);
    const format = (lines: readonly (readonly Cell[])[]): Promise<Buffer> | Buffer =>
      feedExtension(coop.style.vendor, table.feed) === 'xlsx'
        ? formatFeedXlsx(table, lines, date)
        : formatFeed(table, coop.style, lines);
    const bytes = await format(rows);
    const event = {
      coop_id: coop.coopId,
      governorate_id: coop.governorateId,
      site_id: '',
      product_scope: '',
      start_date: date,
      end_date: date,
    };
    const counted = (n: number): void => {
      this.rows[table.feed] = (this.rows[table.feed] ?? 0) + n;
    };
    if (rows.length >= 2 && random.chance(CORRECTION_RATE)) {
      // The first send carried one line twice; the correction replaces the whole batch.
      const k = random.int(0, rows.length - 1);
      const faulty = [...rows.slice(0, k + 1), rows[k] as readonly Cell[], ...rows.slice(k + 1)];
      writeFileSync(name('001'), await format(faulty));
      writeFileSync(name('002', '__corr'), bytes);
      this.files += 2;
      counted(faulty.length + rows.length);
      this.events.push({
        ...event,
        event_type: 'corrected_file',
        detail: detail({ file: path.basename(name('002', '__corr')), duplicated_line: k + 2 }),
      });
      return;
    }
    writeFileSync(name('001'), bytes);
    this.files++;
    counted(rows.length);
    if (random.chance(RESEND_RATE)) {
      writeFileSync(name('002'), bytes);
      this.files++;
      this.events.push({ ...event, event_type: 'resent_file', detail: detail({ file: path.basename(name('002')) }) });
    }
  }
}

/** Rows of one co-op's feed gathered by period and written when the period closes. */
export class PeriodBatches {
  private readonly pending = new Map<string, Cell[][]>();
  /** Period end of each date seen, so a busy feed works it out once a day, not once a row. */
  private readonly endOf = new Map<string, string>();
  private readonly ends: string[];
  private next = 0;

  constructor(
    private readonly coop: WorldCoop,
    private readonly table: FeedTable,
    private readonly cadence: Cadence,
    /** First day the co-op sends anything (its linked_since, or the span's start). */
    private readonly firstDay: string,
    private readonly spanEnd: string,
  ) {
    this.ends = firstDay <= spanEnd ? periodEnds(firstDay, cadence, spanEnd) : [];
  }

  add(date: string, row: Cell[]): void {
    if (date < this.firstDay || date > this.spanEnd) return;
    let end = this.endOf.get(date);
    if (end === undefined) this.endOf.set(date, (end = periodEnd(date, this.cadence, this.spanEnd)));
    let rows = this.pending.get(end);
    if (!rows) this.pending.set(end, (rows = []));
    rows.push(row);
  }

  /** Writes every period that has closed by `date`. */
  async flushThrough(date: string, writer: BatchWriter): Promise<void> {
    while (this.next < this.ends.length && (this.ends[this.next] as string) <= date) {
      const end = this.ends[this.next++] as string;
      await writer.write(this.coop, this.table, end, this.pending.get(end) ?? []);
      this.pending.delete(end);
    }
  }
}
