/**
 * One co-op's stock, day by day: demand drawn per selling site and product and spread over the
 * day's hours, sold from what is on the shelf (never more), shrinkage and planted theft,
 * replenishment from the warehouse and the warehouse's orders from suppliers. What it sells
 * and holds goes into the day's sales and stock files; the truth ledger records every move.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { FEED_CONTRACTS } from '../domain/feed-contracts';
import { csvLine } from './csv';
import { hourCumulative, hourProfile, type DemandDay } from './demand-shape';
import type { BatchWriter, PeriodBatches } from './feeds/batch-writer';
import { deliveryNotes, type DeliveredLine, type DeliveryCounters, type Invoice } from './feeds/deliveries';
import type { Cell } from './feeds/feed-table';
import type { FeedPlan, PhantomDelivery, TheftPlan } from './feeds/planted';
import { countLine } from './feeds/stocktake';
import type { Promotion } from './promotions';
import type { Random } from './random';
import { detail, type TruthEvent } from './truth-event';
import { kwdFromFils, type SalesFile, type StockFile } from './vendor-formats';
import type { WorldCoop, WorldProduct } from './world';

export interface CoopState {
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

export interface StockFeedState {
  theft: TheftPlan | null;
  theftRandom: Random;
  countRandom: Random;
  deliveries: PeriodBatches;
}

export function initialState(
  coop: WorldCoop,
  products: WorldProduct[],
  random: Random,
  truthDir: string | null,
  feeds: StockFeedState,
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

export interface CoopDayResult {
  stockOuts: string[];
  /** Supplier goods that reached the warehouse this morning. */
  delivered: DeliveredLine[];
  siteTotals: Array<{ siteId: string; revenueFils: number; costFils: number }>;
}

/** Chance a day that a planted thief takes one of the chosen products at the chosen site. */
const THEFT_RATE = 0.15;

/** What one co-op's day works with: the day, its demand factors, and the files it writes. */
interface CoopDay {
  state: CoopState;
  products: WorldProduct[];
  date: string;
  dayIndex: number;
  /** Calendar demand factor per product for the day (the same at every co-op). */
  factors: Float64Array;
  /** 1 for products the crisis wave lifts. */
  crisisMask: Uint8Array;
  crisisFactor: number;
  gougeFactor: number;
  /** The co-op's promotion running today: its products sell cheaper and more. */
  promo: Promotion | null;
  /** The day's sales and stock files, or null before the co-op links (nothing is sent). */
  files: { sales: SalesFile; stock: StockFile | null } | null;
  /** Share of the day's shoppers come by the end of each hour. */
  cumulative: Float64Array;
  firstOpenHour: number;
  /** One shared shock per co-op and day (weather, a wedding season, a closed road). */
  coopShock: number;
  /** Scratch: units wanted per hour of one site and product. */
  hourly: Int32Array;
  stockOuts: string[];
}

/** What reached the warehouse this morning, and what it held before. */
interface WarehouseMorning {
  opening: Int32Array;
  received: Int32Array;
  delivered: DeliveredLine[];
}

export function simulateCoopDay(
  state: CoopState,
  products: WorldProduct[],
  day: DemandDay,
  dayIndex: number,
  factors: Float64Array,
  crisisMask: Uint8Array,
  crisisFactor: number,
  gougeFactor: number,
  promo: Promotion | null,
  files: { sales: SalesFile; stock: StockFile | null } | null,
): CoopDayResult {
  const cumulative = hourCumulative(hourProfile(day.day));
  let firstOpenHour = 0;
  while ((cumulative[firstOpenHour] as number) === 0) firstOpenHour++;
  const ctx: CoopDay = {
    state,
    products,
    date: day.day.date,
    dayIndex,
    factors,
    crisisMask,
    crisisFactor,
    gougeFactor,
    promo,
    files,
    cumulative,
    firstOpenHour,
    coopShock: Math.exp(state.random.normal(0, 0.08)),
    hourly: new Int32Array(24),
    stockOuts: [],
  };
  const morning = receiveSupplierGoods(state, products, dayIndex);
  const siteTotals = state.coop.sellingSites.map((site, s) => sellAtSite(ctx, site.siteId, s));
  const transferredOut = replenishSites(state, products.length, promo);
  orderFromSuppliers(ctx, morning, transferredOut);
  return { stockOuts: ctx.stockOuts, delivered: morning.delivered, siteTotals };
}

/** Supplier deliveries reach the warehouse first thing in the morning. */
function receiveSupplierGoods(state: CoopState, products: WorldProduct[], dayIndex: number): WarehouseMorning {
  const { warehouse } = state;
  const received = new Int32Array(products.length);
  const delivered: DeliveredLine[] = [];
  const arrivals = state.supplierArrivals.get(dayIndex);
  if (arrivals) {
    for (const [p, qty] of arrivals) {
      warehouse[p] = (warehouse[p] as number) + qty;
      state.onOrder[p] = (state.onOrder[p] as number) - qty;
      received[p] = qty;
      delivered.push({ product: products[p] as WorldProduct, quantity: qty });
    }
    state.supplierArrivals.delete(dayIndex);
  }
  const opening = Int32Array.from(warehouse);
  for (let i = 0; i < opening.length; i++) opening[i] = (opening[i] as number) - (received[i] as number);
  return { opening, received, delivered };
}

/** One selling site's day, product by product; its takings and their cost for finance. */
function sellAtSite(ctx: CoopDay, siteId: string, s: number): CoopDayResult['siteTotals'][number] {
  const { state, products } = ctx;
  const { onHand, inTransit, drift } = state;
  const n = products.length;
  const totals = { siteId, revenueFils: 0, costFils: 0 };
  for (let p = 0; p < n; p++) {
    const product = products[p] as WorldProduct;
    const k = s * n + p;
    const opening = onHand[k] as number;
    const received = inTransit[k] as number;
    inTransit[k] = 0;
    const { demand, sold } = sellProduct(ctx, siteId, p, k, opening + received, totals);
    let available = opening + received - sold;
    const shrinkage = shrink(ctx, s, p, k, available);
    available -= shrinkage;
    onHand[k] = available;
    const book = available + (drift[k] as number);
    ctx.files?.stock?.add(siteId, product.gtin, book);
    state.ledger?.write(
      `${ctx.date},${siteId},${product.gtin},${opening},${received},0,${demand},${sold},${shrinkage},0,${available},${book}\n`,
    );
  }
  return totals;
}

/** The day's demand for one product at one site, sold hour by hour from what is on the shelf. */
function sellProduct(
  ctx: CoopDay,
  siteId: string,
  p: number,
  k: number,
  onShelf: number,
  totals: CoopDayResult['siteTotals'][number],
): { demand: number; sold: number } {
  const { state, promo, hourly } = ctx;
  const product = ctx.products[p] as WorldProduct;
  const crisisLift = ctx.crisisMask[p] === 1 ? ctx.crisisFactor : 1;
  const promoted = promo !== null && promo.mask[p] === 1;
  const demand = state.random.poisson(
    (state.rate[k] as number) * (ctx.factors[p] as number) * ctx.coopShock * crisisLift * (promoted ? promo.lift : 1),
  );
  if (demand === 0) return { demand, sold: 0 };
  spreadOverHours(ctx, demand);
  const unitFils = promoted
    ? (promo.priceFils[p] as number)
    : product.isEssential && ctx.gougeFactor !== 1
      ? Math.round(product.priceFils * ctx.gougeFactor)
      : product.priceFils;
  let available = onShelf;
  let sold = 0;
  // Shoppers come in hour order; once the shelf is empty the rest go home empty-handed.
  for (let h = 0; h < 24; h++) {
    const wanted = hourly[h] as number;
    if (wanted === 0 || available === 0) continue;
    const q = Math.min(wanted, available);
    available -= q;
    sold += q;
    const receipts = q - state.random.binomial(q - 1, product.multiBuy);
    ctx.files?.sales.add(siteId, product.gtin, h, q, q * unitFils, receipts);
    totals.revenueFils += q * unitFils;
    totals.costFils += q * product.costFils;
  }
  if (sold < demand) ctx.stockOuts.push(`${siteId},${product.gtin},${demand},${sold},${demand - sold}`);
  return { demand, sold };
}

/** Units wanted per hour (ctx.hourly) along the day's hour profile. */
function spreadOverHours(ctx: CoopDay, demand: number): void {
  const { hourly, cumulative, state } = ctx;
  hourly.fill(0);
  if (demand <= 24) {
    for (let u = 0; u < demand; u++) {
      const x = state.random.next();
      let h = ctx.firstOpenHour;
      while ((cumulative[h] as number) < x) h++;
      hourly[h] = (hourly[h] as number) + 1;
    }
    return;
  }
  let left = demand;
  let prev = 0;
  for (let h = 0; h < 24 && left > 0; h++) {
    const share = (cumulative[h] as number) - prev;
    prev = cumulative[h] as number;
    const q = h === 23 ? left : state.random.binomial(left, share / Math.max(1e-9, 1 - (prev - share)));
    hourly[h] = q;
    left -= q;
  }
}

/**
 * Breakage and expiry (perishables lose more), and planted theft: goods leave the shelf
 * unrecorded, so the book keeps them (drift). Returns the units lost.
 */
function shrink(ctx: CoopDay, s: number, p: number, k: number, available: number): number {
  const { state } = ctx;
  const { theft, drift } = state;
  const product = ctx.products[p] as WorldProduct;
  let shrinkage = 0;
  if (available > 0 && state.random.chance(product.shelfLifeDays <= 7 ? 0.06 : 0.01)) shrinkage = 1;
  const left = available - shrinkage;
  if (
    theft &&
    s === theft.site &&
    ctx.dayIndex >= theft.startIndex &&
    left > 0 &&
    theft.products.has(p) &&
    theft.random.chance(THEFT_RATE)
  ) {
    const taken = Math.min(left, theft.random.int(1, 2));
    shrinkage += taken;
    drift[k] = (drift[k] as number) + taken;
    theft.units += taken;
    theft.valueFils += taken * product.costFils;
  }
  return shrinkage;
}

/** Each site asks the warehouse for what brings it back to its order-up-to level; returns units sent per product. */
function replenishSites(state: CoopState, n: number, promo: Promotion | null): Int32Array {
  const { onHand, inTransit, rate, warehouse } = state;
  const transferredOut = new Int32Array(n);
  state.coop.sellingSites.forEach((_, s) => {
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
  return transferredOut;
}

/** The warehouse orders from the supplier by its reorder point, arriving after the lead time; its closing stock. */
function orderFromSuppliers(ctx: CoopDay, morning: WarehouseMorning, transferredOut: Int32Array): void {
  const { state, products, promo } = ctx;
  const { coop, warehouse, drift } = state;
  const n = products.length;
  for (let p = 0; p < n; p++) {
    const product = products[p] as WorldProduct;
    const daily = (state.totalRate[p] as number) * (promo !== null && promo.mask[p] === 1 ? promo.lift : 1);
    const position = (warehouse[p] as number) + (state.onOrder[p] as number);
    if (position <= Math.ceil(daily * (product.leadTimeDays + 4))) {
      const qty = Math.ceil(daily * (product.leadTimeDays + 12)) - position;
      if (qty > 0) {
        const arrival = ctx.dayIndex + product.leadTimeDays + (state.random.chance(0.2) ? 1 : 0);
        let due = state.supplierArrivals.get(arrival);
        if (!due) state.supplierArrivals.set(arrival, (due = new Map()));
        due.set(p, (due.get(p) ?? 0) + qty);
        state.onOrder[p] = (state.onOrder[p] as number) + qty;
      }
    }
    const book = (warehouse[p] as number) + (drift[coop.sellingSites.length * n + p] as number);
    ctx.files?.stock?.add(coop.warehouseId, product.gtin, book);
    state.ledger?.write(
      `${ctx.date},${coop.warehouseId},${product.gtin},${morning.opening[p]},${morning.received[p]},${transferredOut[p]},0,0,0,0,${warehouse[p]},${book}\n`,
    );
  }
}

/** Books what reached the warehouse today (and any planted paper-only delivery) as delivery lines and invoices. */
export async function recordDeliveries(
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
export async function countStock(
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
export function plantedStockEvents(
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
