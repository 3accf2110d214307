/**
 * The co-op simulator: a day-by-day stock and sales model for every simulated co-op, written
 * out as the files each co-op's system would send (inbox/) plus what really happened (truth/).
 * The CLI's `rabt simulate` calls `simulate()`; progress goes to `onProgress`, never stdout.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addDays, kuwaitDays } from '../domain/kuwait-calendar';
import {
  crisisMultiplier,
  crisisStartIn,
  crisisWaveDays,
  defaultCrisis,
  placeCrisisStart,
  validateCrisis,
  type CrisisConfig,
} from './crisis';
import { csvLine } from './csv';
import {
  calendarFactor,
  demandDays,
  hourCumulative,
  hourProfile,
  type DemandDay,
  type DemandGroup,
} from './demand-shape';
import { compactDate, todayInKuwait } from './kuwait-time';
import { Random } from './random';
import { loadReference } from './reference/load-reference';
import { SCALES, isScale, type Scale } from './scales';
import { feedExtension, kwdFromFils, SalesFile, StockFile } from './vendor-formats';
import { buildWorld, type WorldCoop, type WorldProduct } from './world';
import { BatchWriter, PeriodBatches } from './feeds/batch-writer';
import { deliveryNotes, type DeliveredLine, type DeliveryCounters, type Invoice } from './feeds/deliveries';
import { writeCoopFeeds } from './feeds/coop-feeds';
import { countLine, isCountDay } from './feeds/stocktake';
import { FEED_CONTRACTS } from '../domain/feed-contracts';
import type { Cell } from './feeds/feed-table';
import { ALL_FEEDS, type FeedName } from '../domain/feeds';
import { activePromotion, planPromotions, promotionEvents, type Promotion } from './promotions';
import { plantFeedProblems, type FeedPlan, type PhantomDelivery, type TheftPlan } from './feeds/planted';
import { TRUTH_EVENT_COLUMNS, detail, type TruthEvent } from './truth-event';

export interface SimulationProgress {
  stage: 'simulate';
  done: number;
  total: number;
  message: string;
}

export interface SimulateOptions {
  scale: Scale;
  seed: number;
  outDir: string;
  /** Last simulated day (YYYY-MM-DD, Kuwait). Default: today in Asia/Kuwait. */
  endDate?: string;
  /** Number of days up to and including endDate. Default: the scale's span. */
  days?: number;
  /** Override parts of the default crisis (mid-June 2025, starting in Jahra). */
  crisis?: Partial<CrisisConfig>;
  /** Directory of the reference CSVs (default: transform/seeds/reference). */
  referenceDir?: string;
  /** Feeds to write (default: all). Sales and stock are always simulated; others can be left out. */
  feeds?: readonly FeedName[];
  onProgress?: (event: SimulationProgress) => void;
}

export interface SimulationSummary {
  scale: Scale;
  seed: number;
  startDate: string;
  endDate: string;
  days: number;
  coops: number;
  sites: number;
  products: number;
  files: number;
  /** Rows per feed in the distinct batches written (a byte-identical resend counts once). */
  rows: Record<string, number> & { sales: number; stock: number };
  stockOutDays: number;
  crisis: CrisisConfig;
  outDir: string;
}

interface CoopState {
  coop: WorldCoop;
  random: Random;
  /** On hand per selling site × product (index site * nProducts + product). */
  onHand: Int32Array;
  /** Transfers from the warehouse arriving tomorrow morning. */
  inTransit: Int32Array;
  /** Nominal daily demand per selling site × product, for replenishment planning. */
  rate: Float64Array;
  warehouse: Int32Array;
  /** Supplier orders: arrivals per day index × product (sparse per day). */
  supplierArrivals: Map<number, Map<number, number>>;
  onOrder: Int32Array;
  /** Summed nominal demand of all selling sites per product. */
  totalRate: Float64Array;
  ledger: WriteStream | null;
  /** Book minus physical stock per site × product, the warehouse last (index nSites * n + p). */
  drift: Int32Array;
  theft: TheftState | null;
  countRandom: Random;
  deliveryCounters: DeliveryCounters;
  deliveries: PeriodBatches;
  log: CoopLog;
}

interface TheftState {
  site: number;
  products: Set<number>;
  startIndex: number;
  random: Random;
  units: number;
  valueFils: number;
}

/** What finance needs from the day-by-day simulation. */
export interface CoopLog {
  invoices: Invoice[];
  siteDays: Array<{ date: string; siteId: string; revenueFils: number; costFils: number }>;
  variances: Array<{ date: string; siteId: string; valueFils: number }>;
}

const LEDGER_HEADER = [
  'date',
  'site_id',
  'product_id',
  'opening',
  'received',
  'transferred_out',
  'demand',
  'sold',
  'shrinkage',
  'adjustment',
  'closing',
  'book',
];

function validateOptions(options: SimulateOptions): void {
  if (!isScale(options.scale)) throw new Error(`scale must be small, demo or national, got "${String(options.scale)}"`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be an integer, got ${String(options.seed)}`);
  if (!options.outDir) throw new Error('outDir is required');
  if (options.endDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.endDate)) {
    throw new Error(`endDate must be YYYY-MM-DD, got "${options.endDate}"`);
  }
  if (options.days !== undefined && !(Number.isInteger(options.days) && options.days >= 1 && options.days <= 3660)) {
    throw new Error(`days must be an integer from 1 to 3660, got ${String(options.days)}`);
  }
}

export async function simulate(options: SimulateOptions): Promise<SimulationSummary> {
  validateOptions(options);
  const spec = SCALES[options.scale];
  const endDate = options.endDate ?? todayInKuwait();
  const days = options.days ?? spec.days;
  const startDate = addDays(endDate, -(days - 1));
  const crisisBase = { ...defaultCrisis(), ...options.crisis };
  const crisis: CrisisConfig = {
    ...crisisBase,
    startDate:
      options.crisis?.startDate ??
      placeCrisisStart(crisisBase.startDate, startDate, endDate, crisisWaveDays(crisisBase)),
  };
  validateCrisis(crisis);

  const reference = await loadReference(options.referenceDir);
  const root = new Random(options.seed);
  const world = buildWorld(reference, spec, root.fork('world'));
  const calendar = demandDays(kuwaitDays(startDate, endDate), kuwaitDays(addDays(endDate, 1), addDays(endDate, 10)));
  const crisisCategories = new Set(
    crisis.categoryIds ?? reference.ref_categories.filter((c) => c.is_essential === 'true').map((c) => c.category_id),
  );
  const crisisMask = Uint8Array.from(world.products, (p) => (crisisCategories.has(p.categoryId) ? 1 : 0));

  const inbox = path.join(options.outDir, 'inbox');
  const truth = path.join(options.outDir, 'truth');
  await rm(inbox, { recursive: true, force: true });
  await rm(truth, { recursive: true, force: true });
  await mkdir(path.join(truth, 'ledger'), { recursive: true });
  for (const coop of world.coops) await mkdir(path.join(inbox, coop.coopId), { recursive: true });

  const planted = plantProblems(world.coops, crisis, root.fork('planted'));
  const feeds = new Set<FeedName>(options.feeds ?? ALL_FEEDS);
  const plan = plantFeedProblems(
    world.coops,
    world.products,
    reference,
    new Set([...planted.gougers, ...planted.salesOnly]),
    calendar.length,
    root.fork('planted-feeds'),
  );
  const writer = new BatchWriter(inbox, String(options.seed));
  const firstDayOf = (coop: WorldCoop): string => (coop.linkedSince > startDate ? coop.linkedSince : startDate);
  const states = world.coops.map((coop) =>
    initialState(coop, world.products, root.fork(`coop/${coop.coopId}`), spec.fullLedger ? truth : null, {
      theft: plan.theft.get(coop.coopId) ?? null,
      theftRandom: root.fork(`theft/${coop.coopId}`),
      countRandom: root.fork(`count/${coop.coopId}`),
      deliveries: new PeriodBatches(coop, FEED_CONTRACTS.deliveries, 'weekly', firstDayOf(coop), endDate),
    }),
  );
  const stockOuts = createWriteStream(path.join(truth, 'stockouts.csv'));
  stockOuts.write(`${csvLine(['date', 'site_id', 'product_id', 'true_demand', 'sold', 'lost_sales'])}\n`);
  const summary: SimulationSummary = {
    scale: options.scale,
    seed: options.seed,
    startDate,
    endDate,
    days,
    coops: world.coops.length,
    sites: world.coops.reduce((n, c) => n + c.sellingSites.length + 1, 0),
    products: world.products.length,
    files: 0,
    rows: { sales: 0, stock: 0 },
    stockOutDays: 0,
    crisis,
    outDir: options.outDir,
  };

  const dates = calendar.map((d) => d.day.date);
  const promotions = planPromotions(
    world.coops,
    world.products,
    dates,
    (coop) => Math.max(0, daysBetween(startDate, firstDayOf(coop))),
    root.fork('promotions'),
  );
  const crisisStarts = new Map(world.coops.map((c) => [c.governorateId, crisisStartIn(crisis, c.governorateId)]));
  for (let dayIndex = 0; dayIndex < calendar.length; dayIndex++) {
    const day = calendar[dayIndex] as DemandDay;
    const date = day.day.date;
    const factors = productFactors(world.products, day);
    const stockOutLines: string[] = [];
    for (const state of states) {
      const crisisStart = crisisStarts.get(state.coop.governorateId) ?? null;
      const crisisOffset = crisisStart === null ? -1 : daysBetween(crisisStart, date);
      const gouging = planted.gougers.has(state.coop.coopId) && crisisOffset >= 0 && crisisOffset < crisis.durationDays;
      const linked = date >= state.coop.linkedSince;
      const salesOnly = planted.salesOnly.has(state.coop.coopId);
      const files = linked
        ? {
            sales: new SalesFile(state.coop.style, state.coop.coopId, date),
            stock: salesOnly ? null : new StockFile(state.coop.style, state.coop.coopId, date),
          }
        : null;
      const result = simulateCoopDay(
        state,
        world.products,
        day,
        dayIndex,
        factors,
        crisisMask,
        crisisMultiplier(crisis, crisisOffset),
        gouging ? GOUGE_FACTOR : 1,
        activePromotion(promotions.get(state.coop.coopId), dayIndex),
        files,
      );
      summary.stockOutDays += result.stockOuts.length;
      for (const line of result.stockOuts) stockOutLines.push(`${date},${line}\n`);
      if (!files) continue;
      const { coop } = state;
      const ext = feedExtension(coop.style.vendor);
      const base = path.join(inbox, coop.coopId, `${coop.coopId}__`);
      const stamp = `__${compactDate(date)}__001.${ext}`;
      if (files.sales.rows > 0) {
        writeFileSync(`${base}sales${stamp}`, files.sales.bytes());
        summary.files++;
        summary.rows.sales += files.sales.rows;
      }
      if (!files.stock) continue;
      writeFileSync(`${base}stock${stamp}`, files.stock.bytes());
      summary.files++;
      summary.rows.stock += files.stock.rows;
      await recordDeliveries(
        state,
        date,
        result.delivered,
        plan.phantomDeliveries.get(coop.coopId)?.filter((d) => d.dayIndex === dayIndex) ?? [],
        feeds.has('deliveries') ? writer : null,
      );
      state.log.siteDays.push(...result.siteTotals.map((t) => ({ date, ...t })));
      if (isCountDay(date)) await countStock(state, world.products, date, feeds.has('stocktake') ? writer : null);
    }
    if (stockOutLines.length > 0) stockOuts.write(stockOutLines.join(''));
    options.onProgress?.({
      stage: 'simulate',
      done: dayIndex + 1,
      total: calendar.length,
      message: `simulated ${date}`,
    });
  }
  await Promise.all([...states.map((s) => closeStream(s.ledger)), closeStream(stockOuts)]);
  const senders = states.filter((s) => !planted.salesOnly.has(s.coop.coopId) && firstDayOf(s.coop) <= endDate);
  const feedEvents: TruthEvent[] = senders.flatMap((state) =>
    plantedStockEvents(state, world.products, plan, calendar),
  );
  feedEvents.push(
    ...(await writeCoopFeeds({
      coops: world.coops,
      senders: senders.map((s) => ({ coop: s.coop, firstDay: firstDayOf(s.coop), log: s.log })),
      products: world.products,
      promotions: (coop) => promotions.get(coop.coopId) ?? [],
      gouging: (coop) => {
        const start = crisisStartIn(crisis, coop.governorateId);
        return planted.gougers.has(coop.coopId) && start
          ? { start, end: addDays(start, crisis.durationDays), factor: GOUGE_FACTOR }
          : null;
      },
      plan,
      spec,
      startDate,
      endDate,
      feeds,
      writer,
      random: root.fork('feeds'),
    })),
  );
  summary.files += writer.files;
  for (const [feed, rows] of Object.entries(writer.rows)) summary.rows[feed] = rows;
  await writeTruthSummary(truth, summary, world.coops);
  const promotionTruth = world.coops.flatMap((coop) =>
    promotionEvents(coop, promotions.get(coop.coopId) ?? [], world.products),
  );
  await writeEvents(truth, [
    ...truthEvents(world.coops, crisis, planted, calendar, startDate, endDate),
    ...promotionTruth,
    ...feedEvents,
    ...writer.events,
  ]);
  return summary;
}

/** The calendar's demand factor for each product on a day, worked out once per demand group. */
function productFactors(products: readonly WorldProduct[], day: DemandDay): Float64Array {
  const byGroup = new Map<DemandGroup, number>();
  return Float64Array.from(products, (product) => {
    let factor = byGroup.get(product.group);
    if (factor === undefined) byGroup.set(product.group, (factor = calendarFactor(day, product.group)));
    return factor;
  });
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Essential prices during the crisis at a gouging co-op, relative to the regulated price. */
const GOUGE_FACTOR = 1.35;

interface PlantedProblems {
  /** Co-ops that overcharge for essentials while the wave is in their governorate. */
  gougers: Set<string>;
  /** Co-ops that send their sales but never their stock. */
  salesOnly: Set<string>;
}

function plantProblems(coops: WorldCoop[], crisis: CrisisConfig, random: Random): PlantedProblems {
  const reached = coops.filter((c) => crisis.spreadOrder.includes(c.governorateId));
  const gougers = new Set<string>();
  const count = Math.max(1, Math.round(reached.length / 25));
  for (const coop of random.shuffle(reached).slice(0, count)) gougers.add(coop.coopId);
  // Only where there are enough co-ops that losing one's stock still leaves the picture whole.
  const salesOnly = new Set<string>();
  if (coops.length > 10) {
    const candidates = coops.filter((c) => !gougers.has(c.coopId));
    for (const coop of random.shuffle(candidates).slice(0, 2)) salesOnly.add(coop.coopId);
  }
  return { gougers, salesOnly };
}

function truthEvents(
  coops: WorldCoop[],
  crisis: CrisisConfig,
  planted: PlantedProblems,
  calendar: DemandDay[],
  startDate: string,
  endDate: string,
): TruthEvent[] {
  const events: TruthEvent[] = [];
  const blank = { coop_id: '', governorate_id: '', site_id: '', product_scope: '' };
  const scope = crisis.categoryIds ? `categories:${crisis.categoryIds.join(' ')}` : 'essential';
  for (const gov of crisis.spreadOrder) {
    const start = crisisStartIn(crisis, gov) as string;
    events.push({
      ...blank,
      event_type: 'crisis_wave',
      governorate_id: gov,
      product_scope: scope,
      start_date: start,
      end_date: addDays(start, crisis.durationDays - 1),
      detail: `peak demand x${crisis.peakMultiplier}`,
    });
  }
  for (const coop of coops) {
    if (planted.gougers.has(coop.coopId)) {
      const start = crisisStartIn(crisis, coop.governorateId) as string;
      events.push({
        ...blank,
        event_type: 'price_gouging',
        coop_id: coop.coopId,
        governorate_id: coop.governorateId,
        product_scope: 'essential',
        start_date: start,
        end_date: addDays(start, crisis.durationDays - 1),
        detail: `essential prices x${GOUGE_FACTOR} in sales amounts`,
      });
    }
    if (planted.salesOnly.has(coop.coopId)) {
      events.push({
        ...blank,
        event_type: 'missing_feed',
        coop_id: coop.coopId,
        governorate_id: coop.governorateId,
        start_date: startDate,
        end_date: endDate,
        detail: 'sends sales only, never stock',
      });
    }
    if (coop.linkedSince > startDate) {
      events.push({
        ...blank,
        event_type: 'late_link',
        coop_id: coop.coopId,
        governorate_id: coop.governorateId,
        start_date: startDate,
        end_date: addDays(coop.linkedSince, -1),
        detail: `first files on ${coop.linkedSince}`,
      });
    }
  }
  // Calendar seasons the demand model applies, so forecasts can be judged against them.
  let run: { type: string; start: string; end: string } | null = null;
  const flush = (): void => {
    if (run) events.push({ ...blank, event_type: run.type, start_date: run.start, end_date: run.end, detail: '' });
    run = null;
  };
  for (const d of calendar) {
    const type = d.day.isRamadan
      ? 'ramadan'
      : d.daysToRamadan !== null
        ? 'pre_ramadan_surge'
        : d.day.isEid
          ? `eid_${d.day.eidName}`
          : null;
    if (type && run && (run as { type: string }).type === type) (run as { end: string }).end = d.day.date;
    else {
      flush();
      if (type) run = { type, start: d.day.date, end: d.day.date };
    }
  }
  flush();
  return events;
}

async function writeEvents(truthDir: string, events: TruthEvent[]): Promise<void> {
  const columns = TRUTH_EVENT_COLUMNS;
  const lines = [csvLine(columns), ...events.map((e) => csvLine(columns.map((c) => e[c])))];
  await writeFile(path.join(truthDir, 'events.csv'), `${lines.join('\n')}\n`);
}

function closeStream(stream: WriteStream | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!stream) return resolve();
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

interface FeedState {
  theft: TheftPlan | null;
  theftRandom: Random;
  countRandom: Random;
  deliveries: PeriodBatches;
}

function initialState(
  coop: WorldCoop,
  products: WorldProduct[],
  random: Random,
  truthDir: string | null,
  feeds: FeedState,
): CoopState {
  const nSites = coop.sellingSites.length;
  const n = products.length;
  const rate = new Float64Array(nSites * n);
  const totalRate = new Float64Array(n);
  const onHand = new Int32Array(nSites * n);
  coop.sellingSites.forEach((site, s) => {
    products.forEach((product, p) => {
      // Each site has its own taste: the same product sells differently across the country.
      const r = product.baseDaily * site.size * Math.exp(random.normal(0, 0.35));
      rate[s * n + p] = r;
      totalRate[p] = (totalRate[p] as number) + r;
      onHand[s * n + p] = orderUpTo(r);
    });
  });
  const warehouse = new Int32Array(n);
  products.forEach((product, p) => {
    warehouse[p] = Math.ceil((totalRate[p] as number) * (product.leadTimeDays + 8));
  });
  let ledger: WriteStream | null = null;
  if (truthDir) {
    ledger = createWriteStream(path.join(truthDir, 'ledger', `${coop.coopId}.csv`));
    ledger.write(`${csvLine(LEDGER_HEADER)}\n`);
  }
  const theft = feeds.theft
    ? {
        site: feeds.theft.site,
        products: new Set(feeds.theft.products),
        startIndex: feeds.theft.startIndex,
        random: feeds.theftRandom,
        units: 0,
        valueFils: 0,
      }
    : null;
  return {
    coop,
    random,
    onHand,
    inTransit: new Int32Array(nSites * n),
    rate,
    warehouse,
    supplierArrivals: new Map(),
    onOrder: new Int32Array(n),
    totalRate,
    ledger,
    drift: new Int32Array((nSites + 1) * n),
    theft,
    countRandom: feeds.countRandom,
    deliveryCounters: { notes: 0, invoices: new Map() },
    deliveries: feeds.deliveries,
    log: { invoices: [], siteDays: [], variances: [] },
  };
}

/** A selling site reorders from its warehouse when it has about three days left. */
function reorderPoint(rate: number): number {
  return Math.max(2, Math.ceil(rate * 3));
}

function orderUpTo(rate: number): number {
  return Math.max(reorderPoint(rate) + 2, Math.ceil(rate * 7));
}

interface CoopDayResult {
  stockOuts: string[];
  /** Supplier goods that reached the warehouse this morning. */
  delivered: DeliveredLine[];
  siteTotals: Array<{ siteId: string; revenueFils: number; costFils: number }>;
}

/** Chance a day that a planted thief takes one of the chosen products at the chosen site. */
const THEFT_RATE = 0.15;

function simulateCoopDay(
  state: CoopState,
  products: WorldProduct[],
  day: DemandDay,
  dayIndex: number,
  /** Calendar demand factor per product for the day (the same at every co-op). */
  factors: Float64Array,
  /** 1 for products the crisis wave lifts. */
  crisisMask: Uint8Array,
  crisisFactor: number,
  gougeFactor: number,
  /** The co-op's promotion running today: its products sell cheaper and more. */
  promo: Promotion | null,
  /** The day's sales and stock files, or null before the co-op links (nothing is sent). */
  files: { sales: SalesFile; stock: StockFile | null } | null,
): CoopDayResult {
  const { coop, random, onHand, inTransit, rate, warehouse } = state;
  const n = products.length;
  const date = day.day.date;
  const cumulative = hourCumulative(hourProfile(day.day));
  let firstOpenHour = 0;
  while ((cumulative[firstOpenHour] as number) === 0) firstOpenHour++;
  const stockOuts: string[] = [];
  const hourly = new Int32Array(24);
  // One shared shock per co-op and day (weather, a wedding season, a closed road).
  const coopShock = Math.exp(random.normal(0, 0.08));
  const transferredOut = new Int32Array(n);
  const whReceived = new Int32Array(n);
  const delivered: DeliveredLine[] = [];
  const siteTotals: CoopDayResult['siteTotals'] = [];
  const { drift, theft } = state;

  // Supplier deliveries reach the warehouse first thing in the morning.
  const arrivals = state.supplierArrivals.get(dayIndex);
  if (arrivals) {
    for (const [p, qty] of arrivals) {
      warehouse[p] = (warehouse[p] as number) + qty;
      state.onOrder[p] = (state.onOrder[p] as number) - qty;
      whReceived[p] = qty;
      delivered.push({ product: products[p] as WorldProduct, quantity: qty });
    }
    state.supplierArrivals.delete(dayIndex);
  }
  const whOpening = Int32Array.from(warehouse);
  for (let i = 0; i < whOpening.length; i++) whOpening[i] = (whOpening[i] as number) - (whReceived[i] as number);

  coop.sellingSites.forEach((site, s) => {
    const totals = { siteId: site.siteId, revenueFils: 0, costFils: 0 };
    siteTotals.push(totals);
    for (let p = 0; p < n; p++) {
      const product = products[p] as WorldProduct;
      const k = s * n + p;
      const opening = onHand[k] as number;
      const received = inTransit[k] as number;
      inTransit[k] = 0;
      let available = opening + received;
      const crisisLift = crisisMask[p] === 1 ? crisisFactor : 1;
      const promoted = promo !== null && promo.mask[p] === 1;
      const demand = random.poisson(
        (rate[k] as number) * (factors[p] as number) * coopShock * crisisLift * (promoted ? promo.lift : 1),
      );
      let sold = 0;
      if (demand > 0) {
        hourly.fill(0);
        if (demand <= 24) {
          for (let u = 0; u < demand; u++) {
            const x = random.next();
            let h = firstOpenHour;
            while ((cumulative[h] as number) < x) h++;
            hourly[h] = (hourly[h] as number) + 1;
          }
        } else {
          let left = demand;
          let prev = 0;
          for (let h = 0; h < 24 && left > 0; h++) {
            const share = (cumulative[h] as number) - prev;
            prev = cumulative[h] as number;
            const q = h === 23 ? left : random.binomial(left, share / Math.max(1e-9, 1 - (prev - share)));
            hourly[h] = q;
            left -= q;
          }
        }
        // Shoppers come in hour order; once the shelf is empty the rest go home empty-handed.
        for (let h = 0; h < 24; h++) {
          const wanted = hourly[h] as number;
          if (wanted === 0 || available === 0) continue;
          const q = Math.min(wanted, available);
          available -= q;
          sold += q;
          const receipts = q - random.binomial(q - 1, product.multiBuy);
          const unitFils = promoted
            ? (promo.priceFils[p] as number)
            : product.isEssential && gougeFactor !== 1
              ? Math.round(product.priceFils * gougeFactor)
              : product.priceFils;
          files?.sales.add(site.siteId, product.gtin, h, q, q * unitFils, receipts);
          totals.revenueFils += q * unitFils;
          totals.costFils += q * product.costFils;
        }
        if (sold < demand) stockOuts.push(`${site.siteId},${product.gtin},${demand},${sold},${demand - sold}`);
      }
      // Breakage and expiry: perishables lose more.
      let shrinkage = 0;
      if (available > 0 && random.chance(product.shelfLifeDays <= 7 ? 0.06 : 0.01)) shrinkage = 1;
      available -= shrinkage;
      // Planted shrinkage: goods leave the shelf unrecorded, so the book keeps them (drift).
      if (
        theft &&
        s === theft.site &&
        dayIndex >= theft.startIndex &&
        available > 0 &&
        theft.products.has(p) &&
        theft.random.chance(THEFT_RATE)
      ) {
        const taken = Math.min(available, theft.random.int(1, 2));
        available -= taken;
        shrinkage += taken;
        drift[k] = (drift[k] as number) + taken;
        theft.units += taken;
        theft.valueFils += taken * product.costFils;
      }
      onHand[k] = available;
      const book = available + (drift[k] as number);
      files?.stock?.add(site.siteId, product.gtin, book);
      state.ledger?.write(
        `${date},${site.siteId},${product.gtin},${opening},${received},0,${demand},${sold},${shrinkage},0,${available},${book}\n`,
      );
    }
  });

  // Replenishment: each site asks the warehouse for what brings it back to its order-up-to level.
  coop.sellingSites.forEach((_, s) => {
    for (let p = 0; p < n; p++) {
      const k = s * n + p;
      // The co-op stocks up for its own promotion.
      const r = (rate[k] as number) * (promo !== null && promo.mask[p] === 1 ? promo.lift : 1);
      const position = onHand[k] as number;
      if (position > reorderPoint(r)) continue;
      const shipped = Math.min(orderUpTo(r) - position, warehouse[p] as number);
      if (shipped <= 0) continue;
      warehouse[p] = (warehouse[p] as number) - shipped;
      inTransit[k] = shipped;
      transferredOut[p] = (transferredOut[p] as number) + shipped;
    }
  });

  // The warehouse orders from the supplier by its reorder point, arriving after the lead time.
  for (let p = 0; p < n; p++) {
    const product = products[p] as WorldProduct;
    const daily = (state.totalRate[p] as number) * (promo !== null && promo.mask[p] === 1 ? promo.lift : 1);
    const position = (warehouse[p] as number) + (state.onOrder[p] as number);
    if (position <= Math.ceil(daily * (product.leadTimeDays + 4))) {
      const qty = Math.ceil(daily * (product.leadTimeDays + 12)) - position;
      if (qty > 0) {
        const arrival = dayIndex + product.leadTimeDays + (random.chance(0.2) ? 1 : 0);
        let due = state.supplierArrivals.get(arrival);
        if (!due) state.supplierArrivals.set(arrival, (due = new Map()));
        due.set(p, (due.get(p) ?? 0) + qty);
        state.onOrder[p] = (state.onOrder[p] as number) + qty;
      }
    }
    const book = (warehouse[p] as number) + (drift[coop.sellingSites.length * n + p] as number);
    files?.stock?.add(coop.warehouseId, product.gtin, book);
    state.ledger?.write(
      `${date},${coop.warehouseId},${product.gtin},${whOpening[p]},${whReceived[p]},${transferredOut[p]},0,0,0,0,${warehouse[p]},${book}\n`,
    );
  }
  return { stockOuts, delivered, siteTotals };
}

async function writeTruthSummary(truthDir: string, summary: SimulationSummary, coops: WorldCoop[]): Promise<void> {
  await writeFile(
    path.join(truthDir, 'summary.json'),
    `${JSON.stringify({ ...summary, outDir: undefined }, null, 2)}\n`,
  );
  const lines = [
    csvLine([
      'coop_id',
      'governorate_id',
      'vendor',
      'arabic_indic_digits',
      'decimal_comma',
      'linked_since',
      'selling_sites',
      'warehouse_id',
    ]),
  ];
  for (const c of coops) {
    lines.push(
      csvLine([
        c.coopId,
        c.governorateId,
        c.style.vendor,
        c.style.arabicIndicDigits,
        c.style.decimalComma,
        c.linkedSince,
        c.sellingSites.map((s) => s.siteId).join(' '),
        c.warehouseId,
      ]),
    );
  }
  await writeFile(path.join(truthDir, 'coops.csv'), `${lines.join('\n')}\n`);
}

/** Books what reached the warehouse today (and any planted paper-only delivery) as delivery lines and invoices. */
async function recordDeliveries(
  state: CoopState,
  date: string,
  delivered: DeliveredLine[],
  phantoms: PhantomDelivery[],
  writer: BatchWriter | null,
): Promise<void> {
  const { coop } = state;
  const lines = [...delivered, ...phantoms.map((d) => ({ product: d.product, quantity: d.quantity }))];
  const { rows, invoices } = deliveryNotes(coop, date, lines, state.deliveryCounters);
  state.log.invoices.push(...invoices);
  for (const row of rows) state.deliveries.add(date, row);
  if (writer) await state.deliveries.flushThrough(date, writer);
}

/** The month's stocktake at every site after closing; the variance is posted and logged for finance. */
async function countStock(
  state: CoopState,
  products: WorldProduct[],
  date: string,
  writer: BatchWriter | null,
): Promise<void> {
  const { coop, drift, countRandom } = state;
  const n = products.length;
  const rows: Cell[][] = [];
  const sites = [...coop.sellingSites.map((s) => s.siteId), coop.warehouseId];
  sites.forEach((siteId, s) => {
    let valueFils = 0;
    for (let p = 0; p < n; p++) {
      const product = products[p] as WorldProduct;
      const k = s * n + p;
      const physical = s < coop.sellingSites.length ? (state.onHand[k] as number) : (state.warehouse[p] as number);
      const { book, counted } = countLine(physical, drift, k, countRandom);
      valueFils += (counted - book) * product.costFils;
      rows.push([coop.coopId, siteId, product.gtin, date, book, counted]);
    }
    if (valueFils !== 0) state.log.variances.push({ date, siteId, valueFils });
  });
  if (writer) await writer.write(coop, FEED_CONTRACTS.stocktake, date, rows);
}

/** Truth rows for the problems planted in a co-op's stock and deliveries. */
function plantedStockEvents(
  state: CoopState,
  products: WorldProduct[],
  plan: FeedPlan,
  calendar: DemandDay[],
): TruthEvent[] {
  const { coop, theft } = state;
  const events: TruthEvent[] = [];
  const base = { coop_id: coop.coopId, governorate_id: coop.governorateId };
  const endDate = (calendar[calendar.length - 1] as DemandDay).day.date;
  if (theft) {
    events.push({
      ...base,
      event_type: 'stocktake_shrinkage',
      site_id: (coop.sellingSites[theft.site] as { siteId: string }).siteId,
      product_scope: [...theft.products].map((p) => (products[p] as WorldProduct).gtin).join(' '),
      start_date: (calendar[theft.startIndex] as DemandDay).day.date,
      end_date: endDate,
      detail: detail({ units: theft.units, value_kwd: kwdFromFils(theft.valueFils) }),
    });
  }
  for (const phantom of plan.phantomDeliveries.get(coop.coopId) ?? []) {
    const date = (calendar[phantom.dayIndex] as DemandDay).day.date;
    if (date < coop.linkedSince) continue;
    const invoice = state.log.invoices.find((i) => i.date === date && i.supplierId === phantom.product.supplierId);
    events.push({
      ...base,
      event_type: 'phantom_delivery',
      site_id: coop.warehouseId,
      product_scope: phantom.product.gtin,
      start_date: date,
      end_date: date,
      detail: detail({
        delivery_id: invoice?.deliveryId ?? '',
        invoice_no: invoice?.invoiceNo ?? '',
        product_id: phantom.product.gtin,
        quantity: phantom.quantity,
      }),
    });
  }
  return events;
}
