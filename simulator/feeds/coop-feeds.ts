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

/** What every co-op's feeds draw on: the registers, aid cases and contracts, planted across co-ops. */
interface SharedPlan {
  ids: CivilIds;
  shareholders: ReturnType<typeof shareholderEvents>;
  cases: Map<string, AidCase[]>;
  /** The co-op that pays one family's monthly support twice in a month. */
  sameCoopTwice: string;
  contracts: Map<string, Contract[]>;
  poor: { contractorId: string; from: string };
  cameraCoops: Set<string>;
}

type Sender = CoopFeedsInput['senders'][number];

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
  const { cases, sameCoopTwice } = planAidCases(input, ids, events);
  const { contracts, poor } = planContracts(input, events);
  const plan: SharedPlan = {
    ...{ ids, shareholders, cases, sameCoopTwice, contracts, poor },
    cameraCoops: new Set(input.plan.cameraOutages),
  };
  for (const sender of senders) events.push(...(await writeSenderFeeds(input, plan, sender)));
  return events;
}

/** Families on each co-op's aid books; one family planted on two co-ops' books at once. */
function planAidCases(
  input: CoopFeedsInput,
  ids: CivilIds,
  events: TruthEvent[],
): { cases: Map<string, AidCase[]>; sameCoopTwice: string } {
  const { senders, startDate, endDate, random, spec } = input;
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
    const [a, b] = aidRandom.shuffle(senders) as [Sender, Sender];
    const original = aidRandom.pick(cases.get(a.coop.coopId)!);
    const since = addDays(b.firstDay, aidRandom.int(10, 60));
    const list = cases.get(b.coop.coopId)!;
    list.push({
      caseId: `AC-${b.coop.coopId}-${String(list.length + 1).padStart(4, '0')}`,
      civilId: original.civilId,
      monthlyFils: aidRandom.int(5, 15) * 10_000,
      since,
    });
    if (since <= endDate) {
      events.push({
        event_type: 'aid_paid_twice',
        coop_id: b.coop.coopId,
        governorate_id: b.coop.governorateId,
        site_id: '',
        product_scope: '',
        start_date: since,
        end_date: endDate,
        detail: detail({ civil_id: original.civilId, aid_type: 'monthly_family', other_coop_id: a.coop.coopId }),
      });
    }
  }
  const sameCoopTwice = senders.length > 0 ? aidRandom.pick(senders).coop.coopId : '';
  return { cases, sameCoopTwice };
}

/** Each co-op's contracts; the contractor most co-ops use turns poor from a third of the way through. */
function planContracts(
  input: CoopFeedsInput,
  events: TruthEvent[],
): { contracts: Map<string, Contract[]>; poor: SharedPlan['poor'] } {
  const { senders, startDate, endDate, random } = input;
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
  return { contracts, poor };
}

/** One co-op's feeds, each from its own random stream; the truth events they plant. */
async function writeSenderFeeds(input: CoopFeedsInput, plan: SharedPlan, sender: Sender): Promise<TruthEvent[]> {
  const { coop, firstDay } = sender;
  const { endDate, random } = input;
  const events: TruthEvent[] = [];
  const r = (feed: string): Random => random.fork(`${feed}/${coop.coopId}`);
  const write = (table: FeedTable, cadence: Cadence, rows: ReadonlyArray<{ date: string; row: Cell[] }>) =>
    writeFeed(input, coop, firstDay, table, cadence, rows);
  await write(
    FEED_CONTRACTS.prices,
    'weekly',
    priceRows(coop, input.products, firstDay, input.gouging(coop), input.promotions(coop)),
  );

  const transactions = transactionFeed(coop, firstDay, endDate, r('transactions'));
  await write(FEED_CONTRACTS.transactions, 'weekly', transactions.rows);
  if (input.feeds.has('transactions')) events.push(...transactions.events);

  const employees = employeesOf(coop, input.startDate, endDate, r('hr'), plan.ids);
  const snapshots = periodEnds(firstDay, 'quarterly', endDate).flatMap((end) =>
    hrRows(coop, employees, end).map((row) => ({ date: end, row })),
  );
  await write(FEED_CONTRACTS.hr, 'quarterly', snapshots);

  const payments = aidPayments(coop, plan.cases.get(coop.coopId) ?? [], firstDay, endDate, r('aid'));
  if (coop.coopId === plan.sameCoopTwice) events.push(...payTwice(coop, payments, endDate, r('aid-twice')));
  await write(FEED_CONTRACTS.aid, 'monthly', aidRows(coop, payments));

  await write(FEED_CONTRACTS.shareholders, 'monthly', shareholderRows(plan.shareholders.events, coop, firstDay));

  const cameras = cameraFeed(
    coop,
    camerasOf(coop, r('camera-points')),
    firstDay,
    endDate,
    plan.cameraCoops.has(coop.coopId),
    r('cameras'),
  );
  await write(FEED_CONTRACTS.cameras, 'weekly', cameras.rows);
  if (input.feeds.has('cameras')) events.push(...cameras.events);

  const coopContracts = plan.contracts.get(coop.coopId) ?? [];
  await write(
    FEED_CONTRACTS.contractors,
    'quarterly',
    contractorFeed(coop, coop.style, coopContracts, firstDay, endDate, plan.poor, r('contractors')),
  );

  const finance = coopFinance(
    input,
    plan,
    sender,
    { employees, contracts: coopContracts, aid: payments },
    r('finance'),
  );
  await write(FEED_CONTRACTS.finance, 'monthly', finance.rows);
  if (input.feeds.has('finance')) events.push(...finance.events);
  return events;
}

/** Planted: one family's monthly support paid again 3–9 days later. */
function payTwice(coop: WorldCoop, payments: AidPayment[], endDate: string, random: Random): TruthEvent[] {
  const monthly = payments.filter((p) => p.aidType === 'monthly_family' && addDays(p.date, 9) <= endDate);
  if (monthly.length === 0) return [];
  const first = random.pick(monthly);
  const again = {
    ...first,
    paymentId: `AP-${coop.coopId}-${String(900_001).padStart(6, '0')}`,
    date: addDays(first.date, random.int(3, 9)),
  };
  payments.push(again);
  return [
    {
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
    },
  ];
}

/** The co-op's general ledger from what the stock model logged and what the other feeds paid. */
function coopFinance(
  input: CoopFeedsInput,
  plan: SharedPlan,
  { coop, firstDay, log }: Sender,
  paid: Pick<FinanceInput, 'employees' | 'contracts' | 'aid'>,
  random: Random,
): ReturnType<typeof financeFeed> {
  const dividends = new Map<string, number>();
  for (const e of plan.shareholders.events)
    if (e.coop === coop && e.type === 'dividend') dividends.set(e.date, (dividends.get(e.date) ?? 0) + e.amountFils);
  return financeFeed(
    coop,
    { ...log, ...paid, dividends: [...dividends].map(([date, amountFils]) => ({ date, amountFils })) },
    firstDay,
    input.endDate,
    {
      duplicateInvoice: input.plan.duplicateInvoices.has(coop.coopId),
      suspiciousRefunds: input.plan.suspiciousRefunds.has(coop.coopId),
    },
    random,
  );
}
