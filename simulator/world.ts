/**
 * The simulated world: which co-ops, sites and products take part at a scale, how popular
 * each product is at each site, and each vendor's export style. Built once per run from the
 * reference data and the seed.
 */
import { CATEGORIES } from './reference/catalogue-spec';
import type { ReferenceData, ReferenceRow } from '../domain/reference-data';
import { CATEGORY_GROUP, type DemandGroup } from './demand-shape';
import type { Random } from './random';
import type { ScaleSpec } from './scales';
import type { Vendor, VendorStyle } from './vendor-formats';

export interface WorldProduct {
  gtin: string;
  categoryId: string;
  group: DemandGroup;
  isEssential: boolean;
  priceFils: number;
  costFils: number;
  supplierId: string;
  leadTimeDays: number;
  shelfLifeDays: number;
  /** Units a day at a main market of an average co-op on an ordinary weekday. */
  baseDaily: number;
  /** Chance that a shopper buying it takes more than one. */
  multiBuy: number;
}

export interface WorldSite {
  siteId: string;
  /** Demand relative to an average main market (main 0.7–1.5, branches 0.25–0.6). */
  size: number;
}

export interface WorldCoop {
  coopId: string;
  governorateId: string;
  areaId: string;
  linkedSince: string;
  style: VendorStyle;
  /** Selling sites: the main market first, then branches. */
  sellingSites: WorldSite[];
  warehouseId: string;
}

export interface World {
  coops: WorldCoop[];
  products: WorldProduct[];
}

const MULTI_BUY: Partial<Record<DemandGroup, number>> = { water: 0.45, drinks: 0.35, fresh: 0.2, sweets: 0.25 };

function pickCoops(reference: ReferenceData, count: number | null): ReferenceRow<'ref_coops'>[] {
  if (count === null) return reference.ref_coops;
  // Cover every vendor and as many governorates as the count allows, preferring co-ops
  // linked early so the whole span has files.
  const byLink = [...reference.ref_coops].sort(
    (a, b) => a.linked_since.localeCompare(b.linked_since) || a.coop_id.localeCompare(b.coop_id),
  );
  const chosen: ReferenceRow<'ref_coops'>[] = [];
  const governorates = reference.ref_governorates.map((g) => g.governorate_id);
  const vendors: Vendor[] = ['A', 'B', 'C'];
  for (let k = 0; chosen.length < count && k < governorates.length * 2; k++) {
    const gov = governorates[k % governorates.length];
    const vendor = vendors[chosen.length % vendors.length];
    const candidate =
      byLink.find((c) => c.governorate_id === gov && c.vendor === vendor && !chosen.includes(c)) ??
      byLink.find((c) => c.governorate_id === gov && !chosen.includes(c));
    if (candidate) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.coop_id.localeCompare(b.coop_id));
}

function pickProducts(products: WorldProduct[], spec: ScaleSpec): WorldProduct[] {
  if (!Number.isFinite(spec.products)) return products;
  const byPopularity = [...products].sort((a, b) => b.baseDaily - a.baseDaily || a.gtin.localeCompare(b.gtin));
  const chosen = new Set<WorldProduct>();
  const essentialCategories = [...new Set(products.filter((p) => p.isEssential).map((p) => p.categoryId))];
  for (const categoryId of essentialCategories) {
    byPopularity
      .filter((p) => p.categoryId === categoryId)
      .slice(0, spec.essentialsPerCategory)
      .forEach((p) => chosen.add(p));
  }
  // Half the rest from the top sellers, half spread evenly over the long tail, so a scale
  // with few products still shows slow movers next to the staples.
  const rest = byPopularity.filter((p) => !chosen.has(p));
  const free = Math.max(0, spec.products - chosen.size);
  const top = Math.ceil(free / 2);
  rest.slice(0, top).forEach((p) => chosen.add(p));
  const tail = rest.slice(top);
  const spread = free - top;
  for (let k = 0; k < spread && tail.length > 0; k++)
    chosen.add(tail[Math.floor((k * tail.length) / spread)] as WorldProduct);
  return products.filter((p) => chosen.has(p));
}

export function buildWorld(reference: ReferenceData, spec: ScaleSpec, random: Random): World {
  const leadTimes = new Map(reference.ref_suppliers.map((s) => [s.supplier_id, Number(s.lead_time_days)]));
  const weights = new Map(CATEGORIES.map((c) => [c.id, c.demandWeight]));
  const perCategory = new Map<string, number>();
  for (const p of reference.ref_products) perCategory.set(p.category_id, (perCategory.get(p.category_id) ?? 0) + 1);
  const popularity = random.fork('popularity');
  const allProducts: WorldProduct[] = reference.ref_products.map((p) => {
    const group = CATEGORY_GROUP[p.category_id];
    if (!group) throw new Error(`No demand group for category ${p.category_id}`);
    const categoryDaily = (weights.get(p.category_id) ?? 1) * 40;
    // Long tail: a lognormal share of the category's demand.
    const share = Math.exp(popularity.normal(-0.6, 1.1)) / (perCategory.get(p.category_id) ?? 1);
    return {
      gtin: p.product_id,
      categoryId: p.category_id,
      group,
      isEssential: p.is_essential === 'true',
      priceFils: Math.round(Number(p.unit_price_kwd) * 1000),
      costFils: Math.round(Number(p.unit_cost_kwd) * 1000),
      supplierId: p.supplier_id,
      leadTimeDays: leadTimes.get(p.supplier_id) ?? 7,
      shelfLifeDays: Number(p.shelf_life_days),
      baseDaily: categoryDaily * share,
      multiBuy: MULTI_BUY[group] ?? 0.1,
    };
  });
  const products = pickProducts(allProducts, spec);
  const siteRandom = random.fork('sites');
  let bOrdinal = 0;
  const coops = pickCoops(reference, spec.coops).map((coop): WorldCoop => {
    const sites = reference.ref_sites.filter((s) => s.coop_id === coop.coop_id);
    const coopSize = siteRandom.uniform(0.7, 1.5);
    const branches = sites.filter((s) => s.site_type === 'branch').slice(0, spec.maxBranches);
    const main = sites.find((s) => s.site_type === 'main_market');
    const warehouse = sites.find((s) => s.site_type === 'warehouse');
    if (!main || !warehouse) throw new Error(`Co-op ${coop.coop_id} lacks a main market or warehouse in ref_sites`);
    const vendor = coop.vendor as Vendor;
    // Vendor B's installations differ: old Windows-1256 exports (some with decimal commas)
    // and the newer UTF-8 export with Arabic-Indic digits; rotate so every run has each.
    const bFlavour = vendor === 'B' ? bOrdinal++ % 3 : -1;
    return {
      coopId: coop.coop_id,
      governorateId: coop.governorate_id,
      areaId: coop.area_id,
      linkedSince: coop.linked_since,
      style: {
        vendor,
        arabicIndicDigits: bFlavour === 1,
        decimalComma: bFlavour === 0,
      },
      sellingSites: [
        { siteId: main.site_id, size: coopSize },
        ...branches.map((b) => ({ siteId: b.site_id, size: coopSize * siteRandom.uniform(0.25, 0.6) })),
      ],
      warehouseId: warehouse.site_id,
    };
  });
  return { coops, products };
}
