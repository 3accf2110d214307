/**
 * The co-op simulator: a day-by-day stock and sales model for every simulated co-op, written
 * out as the files each co-op's system would send (inbox/) plus what really happened (truth/).
 * The CLI's `rabt simulate` calls `simulate()`; progress goes to `onProgress`, never stdout.
 */
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FEED_CONTRACTS } from '../domain/feed-contracts';
import { ALL_FEEDS, type FeedName } from '../domain/feeds';
import { addDays, kuwaitDays } from '../domain/kuwait-calendar';
import {
  countStock,
  initialState,
  plantedStockEvents,
  recordDeliveries,
  simulateCoopDay,
  type CoopState,
} from './coop-stock';
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
import { calendarFactor, demandDays, type DemandDay, type DemandGroup } from './demand-shape';
import { BatchWriter, PeriodBatches } from './feeds/batch-writer';
import { writeCoopFeeds } from './feeds/coop-feeds';
import { plantFeedProblems, type FeedPlan } from './feeds/planted';
import { isCountDay } from './feeds/stocktake';
import { compactDate, todayInKuwait } from './kuwait-time';
import { activePromotion, planPromotions, promotionEvents, type Promotion } from './promotions';
import { Random } from './random';
import { loadReference } from './reference/load-reference';
import { SCALES, isScale, type Scale, type ScaleSpec } from './scales';
import { TRUTH_EVENT_COLUMNS, type TruthEvent } from './truth-event';
import { feedExtension, SalesFile, StockFile } from './vendor-formats';
import { buildWorld, type World, type WorldCoop, type WorldProduct } from './world';

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
  const run = await startRun(options);
  for (let dayIndex = 0; dayIndex < run.calendar.length; dayIndex++) await simulateDay(run, dayIndex);
  await Promise.all([...run.states.map((s) => closeStream(s.ledger)), closeStream(run.stockOuts)]);
  const feedEvents = await writeOtherFeeds(run);
  await writeTruth(run, feedEvents);
  return run.summary;
}

/** Everything a simulation works with, made once before its first day. */
interface SimulationRun {
  options: SimulateOptions;
  spec: ScaleSpec;
  startDate: string;
  endDate: string;
  crisis: CrisisConfig;
  root: Random;
  world: World;
  calendar: DemandDay[];
  /** 1 for products the crisis wave lifts. */
  crisisMask: Uint8Array;
  crisisStarts: Map<string, string | null>;
  inbox: string;
  truth: string;
  planted: PlantedProblems;
  feeds: Set<FeedName>;
  plan: FeedPlan;
  writer: BatchWriter;
  states: CoopState[];
  stockOuts: WriteStream;
  promotions: Map<string, Promotion[]>;
  summary: SimulationSummary;
}

/** The span and the crisis as asked for (the default wave moved into the span when it does not fall in it). */
function runSpan(options: SimulateOptions): Pick<SimulationRun, 'spec' | 'startDate' | 'endDate' | 'crisis'> & {
  days: number;
} {
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
  return { spec, startDate, endDate, days, crisis };
}

/** Builds the world, clears the output folders, plants the problems and opens every co-op's stock. */
async function startRun(options: SimulateOptions): Promise<SimulationRun> {
  const { spec, startDate, endDate, days, crisis } = runSpan(options);
  const reference = await loadReference(options.referenceDir);
  const root = new Random(options.seed);
  const world = buildWorld(reference, spec, root.fork('world'));
  const calendar = demandDays(kuwaitDays(startDate, endDate), kuwaitDays(addDays(endDate, 1), addDays(endDate, 10)));
  const crisisCategories = new Set(
    crisis.categoryIds ?? reference.ref_categories.filter((c) => c.is_essential === 'true').map((c) => c.category_id),
  );
  const crisisMask = Uint8Array.from(world.products, (p) => (crisisCategories.has(p.categoryId) ? 1 : 0));
  const { inbox, truth } = await clearOutput(options.outDir, world.coops);

  const planted = plantProblems(world.coops, crisis, { startDate, endDate }, root.fork('planted'));
  const plan = plantFeedProblems(
    world.coops,
    world.products,
    reference,
    new Set([...planted.gougers, ...planted.salesOnly]),
    calendar.length,
    root.fork('planted-feeds'),
  );
  const firstDay = (coop: WorldCoop): string => firstDayOf(coop, startDate);
  const states = world.coops.map((coop) =>
    initialState(coop, world.products, root.fork(`coop/${coop.coopId}`), spec.fullLedger ? truth : null, {
      theft: plan.theft.get(coop.coopId) ?? null,
      theftRandom: root.fork(`theft/${coop.coopId}`),
      countRandom: root.fork(`count/${coop.coopId}`),
      deliveries: new PeriodBatches(coop, FEED_CONTRACTS.deliveries, 'weekly', firstDay(coop), endDate),
    }),
  );
  const stockOuts = createWriteStream(path.join(truth, 'stockouts.csv'));
  stockOuts.write(`${csvLine(['date', 'site_id', 'product_id', 'true_demand', 'sold', 'lost_sales'])}\n`);
  const promotions = planPromotions(
    world.coops,
    world.products,
    calendar.map((d) => d.day.date),
    (coop) => Math.max(0, daysBetween(startDate, firstDay(coop))),
    root.fork('promotions'),
  );
  return {
    ...{ options, spec, startDate, endDate, crisis, root, world, calendar, crisisMask, inbox, truth },
    ...{ planted, plan, states, stockOuts, promotions },
    crisisStarts: new Map(world.coops.map((c) => [c.governorateId, crisisStartIn(crisis, c.governorateId)])),
    feeds: new Set<FeedName>(options.feeds ?? ALL_FEEDS),
    writer: new BatchWriter(inbox, String(options.seed)),
    summary: emptySummary(options, { startDate, endDate, days }, world, crisis),
  };
}

/** A co-op sends from the later of its linking day and the span's first day. */
function firstDayOf(coop: WorldCoop, startDate: string): string {
  return coop.linkedSince > startDate ? coop.linkedSince : startDate;
}

/** Empties inbox/ and truth/ and makes a folder per co-op. */
async function clearOutput(outDir: string, coops: WorldCoop[]): Promise<{ inbox: string; truth: string }> {
  const inbox = path.join(outDir, 'inbox');
  const truth = path.join(outDir, 'truth');
  await rm(inbox, { recursive: true, force: true });
  await rm(truth, { recursive: true, force: true });
  await mkdir(path.join(truth, 'ledger'), { recursive: true });
  for (const coop of coops) await mkdir(path.join(inbox, coop.coopId), { recursive: true });
  return { inbox, truth };
}

function emptySummary(
  options: SimulateOptions,
  { startDate, endDate, days }: { startDate: string; endDate: string; days: number },
  world: World,
  crisis: CrisisConfig,
): SimulationSummary {
  return {
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
}

/** One day at every co-op, then the day's stock-outs to the truth. */
async function simulateDay(run: SimulationRun, dayIndex: number): Promise<void> {
  const day = run.calendar[dayIndex] as DemandDay;
  const date = day.day.date;
  const factors = productFactors(run.world.products, day);
  const stockOutLines: string[] = [];
  for (const state of run.states) await simulateCoopOnDay(run, state, day, dayIndex, factors, stockOutLines);
  if (stockOutLines.length > 0) run.stockOuts.write(stockOutLines.join(''));
  run.options.onProgress?.({
    stage: 'simulate',
    done: dayIndex + 1,
    total: run.calendar.length,
    message: `simulated ${date}`,
  });
}

/** One co-op's day: its stock model, then its sales and stock files, deliveries and (on count days) the stocktake. */
async function simulateCoopOnDay(
  run: SimulationRun,
  state: CoopState,
  day: DemandDay,
  dayIndex: number,
  factors: Float64Array,
  stockOutLines: string[],
): Promise<void> {
  const { crisis, planted, summary } = run;
  const { coop } = state;
  const date = day.day.date;
  const crisisStart = run.crisisStarts.get(coop.governorateId) ?? null;
  const crisisOffset = crisisStart === null ? -1 : daysBetween(crisisStart, date);
  const gouging = planted.gougers.has(coop.coopId) && crisisOffset >= 0 && crisisOffset < crisis.durationDays;
  const files =
    date >= coop.linkedSince
      ? {
          sales: new SalesFile(coop.style, coop.coopId, date),
          stock: planted.salesOnly.has(coop.coopId) ? null : new StockFile(coop.style, coop.coopId, date),
        }
      : null;
  const result = simulateCoopDay(
    state,
    run.world.products,
    day,
    dayIndex,
    factors,
    run.crisisMask,
    crisisMultiplier(crisis, crisisOffset),
    gouging ? GOUGE_FACTOR : 1,
    activePromotion(run.promotions.get(coop.coopId), dayIndex),
    files,
  );
  summary.stockOutDays += result.stockOuts.length;
  for (const line of result.stockOuts) stockOutLines.push(`${date},${line}\n`);
  if (!files) return;
  writeDayFiles(run, coop, date, files);
  if (!files.stock) return;
  await recordDeliveries(
    state,
    date,
    result.delivered,
    run.plan.phantomDeliveries.get(coop.coopId)?.filter((d) => d.dayIndex === dayIndex) ?? [],
    run.feeds.has('deliveries') ? run.writer : null,
  );
  state.log.siteDays.push(...result.siteTotals.map((t) => ({ date, ...t })));
  if (isCountDay(date))
    await countStock(state, run.world.products, date, run.feeds.has('stocktake') ? run.writer : null);
}

/** The day's sales file (when anything sold) and stock file (unless the co-op sends sales only). */
function writeDayFiles(
  run: SimulationRun,
  coop: WorldCoop,
  date: string,
  files: { sales: SalesFile; stock: StockFile | null },
): void {
  const { summary } = run;
  const ext = feedExtension(coop.style.vendor);
  const base = path.join(run.inbox, coop.coopId, `${coop.coopId}__`);
  const stamp = `__${compactDate(date)}__001.${ext}`;
  if (files.sales.rows > 0) {
    writeFileSync(`${base}sales${stamp}`, files.sales.bytes());
    summary.files++;
    summary.rows.sales += files.sales.rows;
  }
  if (!files.stock || date > (run.planted.stockStops.get(coop.coopId) ?? date)) return;
  writeFileSync(`${base}stock${stamp}`, files.stock.bytes());
  summary.files++;
  summary.rows.stock += files.stock.rows;
}

/** The feeds after sales and stock, from what the stock model logged; their truth events. */
async function writeOtherFeeds(run: SimulationRun): Promise<TruthEvent[]> {
  const { world, planted, crisis, startDate, endDate } = run;
  const senders = run.states.filter(
    (s) => !planted.salesOnly.has(s.coop.coopId) && firstDayOf(s.coop, startDate) <= endDate,
  );
  const feedEvents: TruthEvent[] = senders.flatMap((state) =>
    plantedStockEvents(state, world.products, run.plan, run.calendar),
  );
  feedEvents.push(
    ...(await writeCoopFeeds({
      coops: world.coops,
      senders: senders.map((s) => ({ coop: s.coop, firstDay: firstDayOf(s.coop, startDate), log: s.log })),
      products: world.products,
      promotions: (coop) => run.promotions.get(coop.coopId) ?? [],
      gouging: (coop) => {
        const start = crisisStartIn(crisis, coop.governorateId);
        return planted.gougers.has(coop.coopId) && start
          ? { start, end: addDays(start, crisis.durationDays), factor: GOUGE_FACTOR }
          : null;
      },
      plan: run.plan,
      spec: run.spec,
      startDate,
      endDate,
      feeds: run.feeds,
      writer: run.writer,
      random: run.root.fork('feeds'),
    })),
  );
  return feedEvents;
}

/** truth/summary.json, coops.csv and events.csv. */
async function writeTruth(run: SimulationRun, feedEvents: TruthEvent[]): Promise<void> {
  const { summary, writer, world } = run;
  summary.files += writer.files;
  for (const [feed, rows] of Object.entries(writer.rows)) summary.rows[feed] = rows;
  await writeTruthSummary(run.truth, summary, world.coops);
  const promotionTruth = world.coops.flatMap((coop) =>
    promotionEvents(coop, run.promotions.get(coop.coopId) ?? [], world.products),
  );
  await writeEvents(run.truth, [
    ...truthEvents(world.coops, run.crisis, run.planted, run.calendar, run.startDate, run.endDate),
    ...promotionTruth,
    ...feedEvents,
    ...writer.events,
  ]);
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
  /** A co-op whose stock files stop (the last day it sends one) while its sales keep coming. */
  stockStops: Map<string, string>;
}

/** Days before the end that the planted stock feed falls silent: past the warehouse's 2 stale days. */
const STOCK_STOP_DAYS = 5;

function plantProblems(
  coops: WorldCoop[],
  crisis: CrisisConfig,
  span: { startDate: string; endDate: string },
  random: Random,
): PlantedProblems {
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
  return { gougers, salesOnly, stockStops: plantStockStop(coops, gougers, salesOnly, span, random) };
}

/** One co-op, linked from the first day and otherwise sound, whose stock feed stops before the end. */
function plantStockStop(
  coops: WorldCoop[],
  gougers: Set<string>,
  salesOnly: Set<string>,
  { startDate, endDate }: { startDate: string; endDate: string },
  random: Random,
): Map<string, string> {
  const candidates = coops.filter(
    (c) => !gougers.has(c.coopId) && !salesOnly.has(c.coopId) && c.linkedSince <= startDate,
  );
  const lastStockDay = addDays(endDate, -STOCK_STOP_DAYS);
  const [coop] = random.shuffle(candidates);
  return coop && lastStockDay > startDate ? new Map([[coop.coopId, lastStockDay]]) : new Map();
}

function truthEvents(
  coops: WorldCoop[],
  crisis: CrisisConfig,
  planted: PlantedProblems,
  calendar: DemandDay[],
  startDate: string,
  endDate: string,
): TruthEvent[] {
  return [
    ...crisisWaveEvents(crisis),
    ...coops.flatMap((coop) => plantedCoopEvents(coop, crisis, planted, startDate, endDate)),
    ...seasonEvents(calendar),
  ];
}

const BLANK_EVENT = { coop_id: '', governorate_id: '', site_id: '', product_scope: '' };

/** One `crisis_wave` per governorate the wave reaches. */
function crisisWaveEvents(crisis: CrisisConfig): TruthEvent[] {
  const scope = crisis.categoryIds ? `categories:${crisis.categoryIds.join(' ')}` : 'essential';
  return crisis.spreadOrder.map((gov) => {
    const start = crisisStartIn(crisis, gov) as string;
    return {
      ...BLANK_EVENT,
      event_type: 'crisis_wave',
      governorate_id: gov,
      product_scope: scope,
      start_date: start,
      end_date: addDays(start, crisis.durationDays - 1),
      detail: `peak demand x${crisis.peakMultiplier}`,
    };
  });
}

/** A co-op's planted problems: price gouging, a missing or stopped stock feed, a late link. */
function plantedCoopEvents(
  coop: WorldCoop,
  crisis: CrisisConfig,
  planted: PlantedProblems,
  startDate: string,
  endDate: string,
): TruthEvent[] {
  const events: TruthEvent[] = [];
  const where = { ...BLANK_EVENT, coop_id: coop.coopId, governorate_id: coop.governorateId };
  if (planted.gougers.has(coop.coopId)) {
    const start = crisisStartIn(crisis, coop.governorateId) as string;
    events.push({
      ...where,
      event_type: 'price_gouging',
      product_scope: 'essential',
      start_date: start,
      end_date: addDays(start, crisis.durationDays - 1),
      detail: `essential prices x${GOUGE_FACTOR} in sales amounts`,
    });
  }
  if (planted.salesOnly.has(coop.coopId)) {
    events.push({
      ...where,
      event_type: 'missing_feed',
      start_date: startDate,
      end_date: endDate,
      detail: 'sends sales only, never stock',
    });
  }
  const lastStockDay = planted.stockStops.get(coop.coopId);
  if (lastStockDay) {
    events.push({
      ...where,
      event_type: 'stock_feed_stopped',
      start_date: addDays(lastStockDay, 1),
      end_date: endDate,
      detail: `last_stock_day=${lastStockDay}`,
    });
  }
  if (coop.linkedSince > startDate) {
    events.push({
      ...where,
      event_type: 'late_link',
      start_date: startDate,
      end_date: addDays(coop.linkedSince, -1),
      detail: `first files on ${coop.linkedSince}`,
    });
  }
  return events;
}

/** Calendar seasons the demand model applies, so forecasts can be judged against them. */
function seasonEvents(calendar: DemandDay[]): TruthEvent[] {
  const events: TruthEvent[] = [];
  let run: { type: string; start: string; end: string } | null = null;
  const flush = (): void => {
    if (run)
      events.push({ ...BLANK_EVENT, event_type: run.type, start_date: run.start, end_date: run.end, detail: '' });
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
