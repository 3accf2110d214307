/**
 * The feeds that follow from the simulated year once the day-by-day stock model has run:
 * prices, finance, transactions, shareholders, aid, hr, cameras and contractors, for every
 * co-op that sends more than sales. Each co-op and feed draws from its own random stream.
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Promotion } from '../promotions';
import type { Random } from '../random';
import type { ScaleSpec } from '../scales';
import { detail, type TruthEvent } from '../truth-event';
import type { WorldCoop, WorldProduct } from '../world';
import { aidPayments, aidRows, type AidCase, type AidPayment } from './aid';
import { PeriodBatches, type BatchWriter } from './batch-writer';
import { cameraFeed, camerasOf } from './cameras';
import { contractorFeed, contractsOf, poorContractorEvent, type Contract } from './contractors';
import type { FeedTable } from './feed-table';
import type { Cell } from './feed-table';
import type { FeedName } from '../../domain/feeds';
import { FEED_CONTRACTS } from '../../domain/feed-contracts';
import { financeFeed, type FinanceInput } from './finance';
import { employeesOf, hrRows } from './hr';
import { CivilIds } from './people';
import { periodEnds, type Cadence } from './periods';
import type { FeedPlan } from './planted';
import { priceRows, type GougingWindow } from './prices';
import { shareholderEvents, shareholderRows } from './shareholders';
import { transactionFeed } from './transactions';

export interface CoopFeedsInput {
  coops: readonly WorldCoop[];
  /** Co-ops that send more than sales, with what the stock model logged for finance. */
  senders: ReadonlyArray<{
    coop: WorldCoop;
    firstDay: string;
    log: Pick<FinanceInput, 'siteDays' | 'invoices' | 'variances'>;
  }>;
  products: readonly WorldProduct[];
  gouging: (coop: WorldCoop) => GougingWindow | null;
  promotions: (coop: WorldCoop) => readonly Promotion[];
  plan: FeedPlan;
  spec: ScaleSpec;
  startDate: string;
  endDate: string;
  feeds: ReadonlySet<FeedName>;
  writer: BatchWriter;
  random: Random;
}

async function writeFeed(
  input: CoopFeedsInput,
  coop: WorldCoop,
  firstDay: string,
  table: FeedTable,
  cadence: Cadence,
  rows: ReadonlyArray<{ date: string; row: Cell[] }>,
): Promise<void> {
  if (!input.feeds.has(table.feed as FeedName)) return;
  const batches = new PeriodBatches(coop, table, cadence, firstDay, input.endDate);
  for (const { date, row } of rows) batches.add(date, row);
  await batches.flushThrough(input.endDate, input.writer);
}

export async function writeCoopFeeds(input: CoopFeedsInput): Promise<TruthEvent[]> {
  const { coops, senders, startDate, endDate, random, spec } = input;
  const events: TruthEvent[] = [];
  const ids = new CivilIds(random.fork('civil-ids'));
  const shareholders = shareholderEvents(
    coops,
    spec.shareholdersPerCoop,
    startDate,
    endDate,
    random.fork('shareholders'),
    ids,
  );
  const sending = new Set(senders.map((s) => s.coop.coopId));
  events.push(...shareholders.truth.filter((e) => sending.has(e.coop_id)));

  // Families on each co-op's aid books; one family planted on two co-ops' books at once.
  const cases = new Map<string, AidCase[]>();
  const aidRandom = random.fork('aid-cases');
  for (const { coop } of senders) {
    cases.set(
      coop.coopId,
      Array.from({ length: spec.aidCasesPerCoop }, (_, i) => ({
        caseId: `AC-${coop.coopId}-${String(i + 1).padStart(4, '0')}`,
        civilId: ids.next(1955, 1995),
        monthlyFils: aidRandom.int(5, 15) * 10_000,
        since: addDays(startDate, aidRandom.chance(0.8) ? -aidRandom.int(1, 900) : aidRandom.int(0, 200)),
      })),
    );
  }
  if (senders.length > 1) {
    const [a, b] = aidRandom.shuffle(senders);
    const original = aidRandom.pick(cases.get(a!.coop.coopId)!);
    const since = addDays(b!.firstDay, aidRandom.int(10, 60));
    const list = cases.get(b!.coop.coopId)!;
    list.push({
      caseId: `AC-${b!.coop.coopId}-${String(list.length + 1).padStart(4, '0')}`,
      civilId: original.civilId,
      monthlyFils: aidRandom.int(5, 15) * 10_000,
      since,
    });
    if (since <= endDate) {
      events.push({
        event_type: 'aid_paid_twice',
        coop_id: b!.coop.coopId,
        governorate_id: b!.coop.governorateId,
        site_id: '',
        product_scope: '',
        start_date: since,
        end_date: endDate,
        detail: detail({ civil_id: original.civilId, aid_type: 'monthly_family', other_coop_id: a!.coop.coopId }),
      });
    }
  }
  const sameCoopTwice = senders.length > 0 ? aidRandom.pick(senders).coop.coopId : '';

  const contracts = new Map<string, Contract[]>(
    senders.map(({ coop }) => [coop.coopId, contractsOf(coop, startDate, random.fork(`contracts/${coop.coopId}`))]),
  );
  const usage = new Map<string, number>();
  for (const list of contracts.values())
    for (const c of list) usage.set(c.contractor.id, (usage.get(c.contractor.id) ?? 0) + 1);
  const poorId = [...usage].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? 'K01';
  const quarterEnds = periodEnds(startDate, 'quarterly', endDate);
  const poor = { contractorId: poorId, from: quarterEnds[Math.floor(quarterEnds.length / 3)] ?? endDate };
  if (senders.length > 0) events.push(poorContractorEvent(poor, endDate));

  const cameraCoops = new Set(input.plan.cameraOutages);
  for (const { coop, firstDay, log } of senders) {
    const r = (feed: string): Random => random.fork(`${feed}/${coop.coopId}`);
    await writeFeed(
      input,
      coop,
      firstDay,
      FEED_CONTRACTS.prices,
      'weekly',
      priceRows(coop, input.products, firstDay, input.gouging(coop), input.promotions(coop)),
    );

    const transactions = transactionFeed(coop, firstDay, endDate, r('transactions'));
    await writeFeed(input, coop, firstDay, FEED_CONTRACTS.transactions, 'weekly', transactions.rows);
    if (input.feeds.has('transactions')) events.push(...transactions.events);

    const employees = employeesOf(coop, startDate, endDate, r('hr'), ids);
    const snapshots = periodEnds(firstDay, 'quarterly', endDate).flatMap((end) =>
      hrRows(coop, employees, end).map((row) => ({ date: end, row })),
    );
    await writeFeed(input, coop, firstDay, FEED_CONTRACTS.hr, 'quarterly', snapshots);

    const payments: AidPayment[] = aidPayments(coop, cases.get(coop.coopId) ?? [], firstDay, endDate, r('aid'));
    if (coop.coopId === sameCoopTwice) {
      const aidRandom2 = r('aid-twice');
      const monthly = payments.filter((p) => p.aidType === 'monthly_family' && addDays(p.date, 9) <= endDate);
      if (monthly.length > 0) {
        const first = aidRandom2.pick(monthly);
        const again = {
          ...first,
          paymentId: `AP-${coop.coopId}-${String(900_001).padStart(6, '0')}`,
          date: addDays(first.date, aidRandom2.int(3, 9)),
        };
        payments.push(again);
        events.push({
          event_type: 'aid_paid_twice',
          coop_id: coop.coopId,
          governorate_id: coop.governorateId,
          site_id: '',
          product_scope: '',
          start_date: first.date,
          end_date: again.date,
          detail: detail({
            civil_id: first.civilId,
            aid_type: first.aidType,
            payment_ids: `${first.paymentId} ${again.paymentId}`,
          }),
        });
      }
    }
    await writeFeed(input, coop, firstDay, FEED_CONTRACTS.aid, 'monthly', aidRows(coop, payments));

    const holdings = shareholderRows(shareholders.events, coop, firstDay);
    await writeFeed(input, coop, firstDay, FEED_CONTRACTS.shareholders, 'monthly', holdings);

    const cameras = cameraFeed(
      coop,
      camerasOf(coop, r('camera-points')),
      firstDay,
      endDate,
      cameraCoops.has(coop.coopId),
      r('cameras'),
    );
    await writeFeed(input, coop, firstDay, FEED_CONTRACTS.cameras, 'weekly', cameras.rows);
    if (input.feeds.has('cameras')) events.push(...cameras.events);

    const coopContracts = contracts.get(coop.coopId) ?? [];
    await writeFeed(
      input,
      coop,
      firstDay,
      FEED_CONTRACTS.contractors,
      'quarterly',
      contractorFeed(coop, coop.style, coopContracts, firstDay, endDate, poor, r('contractors')),
    );

    const dividends = new Map<string, number>();
    for (const e of shareholders.events)
      if (e.coop === coop && e.type === 'dividend') dividends.set(e.date, (dividends.get(e.date) ?? 0) + e.amountFils);
    const finance = financeFeed(
      coop,
      {
        ...log,
        employees,
        contracts: coopContracts,
        aid: payments,
        dividends: [...dividends].map(([date, amountFils]) => ({ date, amountFils })),
      },
      firstDay,
      endDate,
      {
        duplicateInvoice: input.plan.duplicateInvoices.has(coop.coopId),
        suspiciousRefunds: input.plan.suspiciousRefunds.has(coop.coopId),
      },
      r('finance'),
    );
    await writeFeed(input, coop, firstDay, FEED_CONTRACTS.finance, 'monthly', finance.rows);
    if (input.feeds.has('finance')) events.push(...finance.events);
  }
  return events;
}
