import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidGtin13 } from '../gtin';
import { buildReference } from './build-reference';
import { REFERENCE_COLUMNS, type ReferenceTable } from '../../domain/reference-data';
import { referenceCsvText } from './write-reference';
import { REFERENCE_DIR } from '../../domain/reference-data';

const data = buildReference();

describe('reference data', () => {
  it('the committed CSVs are exactly what the generator writes', async () => {
    for (const table of Object.keys(REFERENCE_COLUMNS) as ReferenceTable[]) {
      const committed = await readFile(path.join(REFERENCE_DIR, `${table}.csv`), 'utf8');
      expect(committed, `${table}.csv is stale: run npm run reference:generate`).toBe(
        referenceCsvText(table, data[table]),
      );
    }
  });

  it('has the six governorates with ISO ids and ~70 co-ops in each of them', () => {
    expect(data.ref_governorates.map((g) => g.governorate_id).sort()).toEqual([
      'KW-AH',
      'KW-FA',
      'KW-HA',
      'KW-JA',
      'KW-KU',
      'KW-MU',
    ]);
    expect(data.ref_coops.length).toBeGreaterThanOrEqual(65);
    for (const g of data.ref_governorates)
      expect(data.ref_coops.some((c) => c.governorate_id === g.governorate_id)).toBe(true);
    expect(new Set(data.ref_coops.map((c) => c.vendor))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('places every co-op in an area of its own governorate, with one main market, branches and a warehouse', () => {
    const areas = new Map(data.ref_areas.map((a) => [a.area_id, a]));
    for (const coop of data.ref_coops) {
      expect(coop.coop_id).toMatch(/^C\d{3}$/);
      expect(areas.get(coop.area_id)?.governorate_id).toBe(coop.governorate_id);
      const sites = data.ref_sites.filter((s) => s.coop_id === coop.coop_id);
      expect(sites.filter((s) => s.site_type === 'main_market').map((s) => s.site_id)).toEqual([`${coop.coop_id}-M`]);
      expect(sites.filter((s) => s.site_type === 'warehouse').map((s) => s.site_id)).toEqual([`${coop.coop_id}-W`]);
      expect(sites.filter((s) => s.site_type === 'branch').length).toBeGreaterThanOrEqual(1);
      for (const site of sites) expect(areas.get(site.area_id)?.governorate_id).toBe(coop.governorate_id);
      expect(coop.name_ar).toMatch(/جمعية/);
    }
  });

  it('has at least 1,500 products with valid unique GTINs, bilingual names and sane prices', () => {
    const products = data.ref_products;
    expect(products.length).toBeGreaterThanOrEqual(1500);
    expect(new Set(products.map((p) => p.product_id)).size).toBe(products.length);
    const suppliers = new Set(data.ref_suppliers.map((s) => s.supplier_id));
    const categories = new Map(data.ref_categories.map((c) => [c.category_id, c]));
    for (const p of products) {
      expect(isValidGtin13(p.product_id), p.product_id).toBe(true);
      expect(p.name_ar).toMatch(/[\u0600-\u06FF]/);
      expect(p.name_en).toMatch(/^[\x20-\x7E]+$/);
      expect(p.unit_price_kwd).toMatch(/^\d+\.\d{3}$/);
      expect(Number(p.unit_cost_kwd)).toBeLessThan(Number(p.unit_price_kwd));
      expect(suppliers.has(p.supplier_id)).toBe(true);
      expect(p.is_essential).toBe(categories.get(p.category_id)?.is_essential);
    }
  });

  it('flags the goods that run out in a crisis as essential', () => {
    const essential = new Set(data.ref_categories.filter((c) => c.is_essential === 'true').map((c) => c.name_en));
    for (const name of [
      'Bottled water',
      'Rice',
      'Flour',
      'Cooking oil & ghee',
      'Milk',
      'Eggs',
      'Bread & bakery',
      'Canned food',
      'Baby formula',
      'Dates',
    ]) {
      expect(essential.has(name), name).toBe(true);
    }
    expect(essential.has('Soft drinks')).toBe(false);
  });
});
