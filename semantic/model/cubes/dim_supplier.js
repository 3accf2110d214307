/* global cube -- Cube model global: the compiler provides it */
import { PUBLICATION_REFRESH_KEY } from './shared/refresh-key';

// Suppliers delivering to the co-ops' warehouses (marts.dim_supplier).
cube(`dim_supplier`, {
  sql_table: `marts.dim_supplier`,
  public: false,
  refresh_key: PUBLICATION_REFRESH_KEY,
  dimensions: {
    supplier_id: { sql: `supplier_id`, type: `string`, primary_key: true, public: true },
    supplier_name_en: { sql: `supplier_name_en`, type: `string` },
    supplier_name_ar: { sql: `supplier_name_ar`, type: `string` },
    lead_time_days: { sql: `lead_time_days`, type: `number` },
  },
});
