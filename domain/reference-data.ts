import { fileURLToPath } from 'node:url';

/** Column order of each reference CSV, exactly as docs/contracts.md lists them. */
export const REFERENCE_COLUMNS = {
  ref_governorates: ['governorate_id', 'name_en', 'name_ar'],
  ref_areas: ['area_id', 'governorate_id', 'name_en', 'name_ar'],
  ref_coops: ['coop_id', 'name_en', 'name_ar', 'area_id', 'governorate_id', 'vendor', 'linked_since'],
  ref_sites: ['site_id', 'coop_id', 'site_type', 'name_en', 'name_ar', 'area_id'],
  ref_categories: ['category_id', 'name_en', 'name_ar', 'is_essential'],
  ref_products: [
    'product_id',
    'name_en',
    'name_ar',
    'category_id',
    'pack_size',
    'unit',
    'shelf_life_days',
    'supplier_id',
    'is_essential',
    'unit_cost_kwd',
    'unit_price_kwd',
  ],
  ref_suppliers: ['supplier_id', 'name_en', 'name_ar', 'lead_time_days'],
} as const;

export type ReferenceTable = keyof typeof REFERENCE_COLUMNS;
export type ReferenceRow<T extends ReferenceTable> = Record<(typeof REFERENCE_COLUMNS)[T][number], string>;
export type ReferenceData = { [T in ReferenceTable]: ReferenceRow<T>[] };

/**
 * Where the reference CSVs are committed: dbt seeds them, the simulator writes them,
 * ingestion checks incoming ids against them. One folder, named once.
 */
export const REFERENCE_DIR = fileURLToPath(new URL('../transform/seeds/reference/', import.meta.url));
