/**
 * Expands the hand-written geography and catalogue specs into the reference tables.
 * Deterministic: a fixed seed decides vendors, link dates and price jitter, so rerunning
 * the generator reproduces the committed CSVs byte for byte.
 */
import { Random } from '../random';
import { makeGtin13 } from '../gtin';
import { CATEGORIES, SUPPLIERS, type Unit } from './catalogue-spec';
import { COOPS, GOVERNORATES } from './geography';
import type { ReferenceData, ReferenceRow } from '../../domain/reference-data';

const REFERENCE_SEED = 'rabt-reference-v1';

/** Co-ops that joined the linkage late (planted: "co-ops that link late"). Index into COOPS. */
export const LATE_LINKERS: Record<string, string> = {
  'Waha Co-op': '2025-09-14',
  'Masayel Co-op': '2026-02-01',
  'Dhaher Co-op': '2025-04-20',
  'Qairawan Co-op': '2026-06-07',
};

export function formatKwd(value: number): string {
  return (Math.round(value * 1000) / 1000).toFixed(3);
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

export function packLabel(size: number, unit: Unit): { en: string; ar: string } {
  if (unit === 'pcs') return { en: `${size} pcs`, ar: `${size} حبة` };
  if (size < 1) {
    const small = formatNumber(size * 1000);
    return unit === 'l' ? { en: `${small} ml`, ar: `${small} مل` } : { en: `${small} g`, ar: `${small} غم` };
  }
  const big = formatNumber(size);
  return unit === 'l' ? { en: `${big} L`, ar: `${big} لتر` } : { en: `${big} kg`, ar: `${big} كغ` };
}

function buildGeography(
  random: Random,
): Pick<ReferenceData, 'ref_governorates' | 'ref_areas' | 'ref_coops' | 'ref_sites'> {
  const ref_governorates = GOVERNORATES.map((g) => ({ governorate_id: g.id, name_en: g.nameEn, name_ar: g.nameAr }));
  const ref_areas: ReferenceRow<'ref_areas'>[] = [];
  const ref_coops: ReferenceRow<'ref_coops'>[] = [];
  const ref_sites: ReferenceRow<'ref_sites'>[] = [];
  const areaCounter = new Map<string, number>();
  const addArea = (governorateId: string, nameEn: string, nameAr: string): string => {
    const gov = GOVERNORATES.find((g) => g.id === governorateId);
    if (!gov) throw new Error(`Unknown governorate ${governorateId}`);
    const n = (areaCounter.get(gov.id) ?? 0) + 1;
    areaCounter.set(gov.id, n);
    const areaId = `A-${gov.code}-${String(n).padStart(2, '0')}`;
    ref_areas.push({ area_id: areaId, governorate_id: gov.id, name_en: nameEn, name_ar: nameAr });
    return areaId;
  };
  // Vendors spread over the country like real procurement did: about 45% A, 35% B, 20% C.
  const vendorDeck = COOPS.map((_, index) => (index % 20 < 9 ? 'A' : index % 20 < 16 ? 'B' : 'C'));
  const vendors = random.fork('vendors').shuffle(vendorDeck);
  const linkRandom = random.fork('linked-since');
  COOPS.forEach((coop, index) => {
    const coopId = `C${String(index + 1).padStart(3, '0')}`;
    const areaId = addArea(coop.governorateId, coop.areaEn, coop.areaAr);
    const extraAreas = (coop.alsoServes ?? []).map(([en, ar]) => addArea(coop.governorateId, en, ar));
    const linkedSince =
      LATE_LINKERS[coop.nameEn] ??
      new Date(Date.UTC(2023, 0, 1) + linkRandom.int(0, 540) * 86_400_000).toISOString().slice(0, 10);
    ref_coops.push({
      coop_id: coopId,
      name_en: coop.nameEn,
      name_ar: coop.nameAr,
      area_id: areaId,
      governorate_id: coop.governorateId,
      vendor: vendors[index] as string,
      linked_since: linkedSince,
    });
    const shortEn = coop.nameEn.replace(/ Co-op$/, '');
    ref_sites.push({
      site_id: `${coopId}-M`,
      coop_id: coopId,
      site_type: 'main_market',
      name_en: `${shortEn} Co-op Main Market`,
      name_ar: `السوق المركزي - ${coop.nameAr}`,
      area_id: areaId,
    });
    for (let branch = 1; branch <= coop.branches; branch++) {
      ref_sites.push({
        site_id: `${coopId}-B${String(branch).padStart(2, '0')}`,
        coop_id: coopId,
        site_type: 'branch',
        name_en: `${shortEn} Co-op Branch ${branch}`,
        name_ar: `فرع ${branch} - ${coop.nameAr}`,
        area_id: extraAreas[(branch - 1) % Math.max(1, extraAreas.length)] ?? areaId,
      });
    }
    ref_sites.push({
      site_id: `${coopId}-W`,
      coop_id: coopId,
      site_type: 'warehouse',
      name_en: `${shortEn} Co-op Warehouse`,
      name_ar: `مستودع ${coop.nameAr}`,
      area_id: areaId,
    });
  });
  return { ref_governorates, ref_areas, ref_coops, ref_sites };
}

function buildCatalogue(random: Random): Pick<ReferenceData, 'ref_categories' | 'ref_products' | 'ref_suppliers'> {
  const ref_suppliers = SUPPLIERS.map((s) => ({
    supplier_id: s.id,
    name_en: s.nameEn,
    name_ar: s.nameAr,
    lead_time_days: String(s.leadTimeDays),
  }));
  const ref_categories = CATEGORIES.map((c) => ({
    category_id: c.id,
    name_en: c.nameEn,
    name_ar: c.nameAr,
    is_essential: String(c.isEssential),
  }));
  const ref_products: ReferenceRow<'ref_products'>[] = [];
  const priceRandom = random.fork('prices');
  // Each brand owner gets its own 4-digit company number; items count up within it.
  let company = 1000;
  const seen = new Set<string>();
  for (const category of CATEGORIES) {
    for (const brand of category.brands) {
      company++;
      let item = 0;
      for (const spec of category.items) {
        const [baseSize] = spec.sizes[0] ?? [1];
        for (const [size, unit] of spec.sizes) {
          item++;
          const gtin = makeGtin13(`${brand.gs1Prefix}${company}${String(item).padStart(5, '0')}`);
          if (seen.has(gtin)) throw new Error(`Duplicate GTIN ${gtin}`);
          seen.add(gtin);
          const label = packLabel(size, unit);
          // Bigger packs are cheaper per unit; a little jitter keeps brands apart.
          const raw = spec.price * brand.priceFactor * Math.pow(size / baseSize, 0.9) * priceRandom.uniform(0.93, 1.07);
          const price = Math.max(0.05, Math.round(raw / 0.005) * 0.005);
          const cost = price * priceRandom.uniform(0.7, 0.86);
          ref_products.push({
            product_id: gtin,
            name_en: `${brand.nameEn} ${spec.nameEn} ${label.en}`,
            name_ar: `${spec.nameAr} ${brand.nameAr} ${label.ar}`,
            category_id: category.id,
            pack_size: formatNumber(size),
            unit,
            shelf_life_days: String(spec.shelfLifeDays),
            supplier_id: brand.supplierId,
            is_essential: String(category.isEssential),
            unit_cost_kwd: formatKwd(cost),
            unit_price_kwd: formatKwd(price),
          });
        }
      }
    }
  }
  return { ref_categories, ref_products, ref_suppliers };
}

export function buildReference(): ReferenceData {
  const random = new Random(REFERENCE_SEED);
  return { ...buildGeography(random.fork('geography')), ...buildCatalogue(random.fork('catalogue')) };
}
