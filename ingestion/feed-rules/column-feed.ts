import type { FeedSpec } from '../feeds';
import type { FeedRules, Required, Rule } from '../validation-sql';
import { productKey } from './shared';

/**
 * The feeds after sales and stock are each a list of columns with an A (English) header,
 * a B (Arabic) header, a C (JSON) key and a value type (docs/contracts.md, "Other feeds").
 * From that list this builds the feed's header aliases and its validation: every value
 * typed, every id checked against the reference data, enumerations against their codes.
 */
export type ColumnType = 'text' | 'date' | 'time' | 'int' | 'kwd' | 'bool';

export interface Column {
  /** A header, also the landed column name (except `barcode`, which lands as `product_id`). */
  name: string;
  /** B header (Arabic). */
  ar: string;
  /** C key; a `kwd` value under a key ending `_fils` is integer fils. */
  json: string;
  type: ColumnType;
  /** May be empty (lands as NULL). */
  optional?: boolean;
  /** Allowed codes of a text column. */
  values?: readonly string[];
  /** What the value must name: a site of the sending co-op (`site_or_coop`: or the co-op itself, for head office), a product, a supplier, any co-op, a civil ID. */
  ref?: 'site' | 'site_or_coop' | 'product' | 'supplier' | 'coop' | 'civil_id';
  /** Smallest allowed value of an int or kwd column. */
  min?: number;
  /** Largest allowed value of an int column. */
  max?: number;
  /** Earliest plausible date (default 2000-01-01): a shareholder registered or an employee hired decades ago. */
  since?: string;
}

export interface ColumnFeed {
  feed: string;
  columns: Column[];
  /** Landed columns that identify a row within a batch. */
  key: string[];
  /** What a person reads for a duplicate. */
  duplicateDetail: string;
  /** Extra rules after the column checks. */
  rules?: Rule[];
}

const COOP_COLUMN: Column = { name: 'coop_id', ar: 'رقم الجمعية', json: 'coop', type: 'text' };

/** The coop_id column every feed starts with. */
export const coopColumn = (): Column => COOP_COLUMN;

const landedName = (c: Column): string => (c.ref === 'product' ? 'product_id' : c.name);
const quoted = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The typed value of a column (`v_<name>`), NULL when its text cannot be read. */
function typedExpr(c: Column): string {
  const f = `f_${c.name}`;
  switch (c.type) {
    case 'date':
      return `rabt_date(${f})`;
    case 'time':
      return `rabt_kuwait_timestamp(${f})`;
    case 'int':
      return `rabt_integer(${f})`;
    case 'kwd':
      return c.json.endsWith('_fils')
        ? `CASE WHEN is_json THEN CAST(CAST(rabt_integer(${f}) AS DECIMAL(18,0)) * 0.001 AS DECIMAL(18,3)) ELSE rabt_decimal3(${f}) END`
        : `rabt_decimal3(${f})`;
    case 'bool':
      return `CASE WHEN lower(${f}) IN ('true', '1', 'yes', 'نعم') THEN true WHEN lower(${f}) IN ('false', '0', 'no', 'لا') THEN false END`;
    default:
      return c.ref === 'product' ? productKey(f) : f;
  }
}

/** The landed value: typed, in the contract's SQL type. */
function landedExpr(c: Column): string {
  const v = `v_${c.name}`;
  switch (c.type) {
    case 'int':
      return `CAST(${v} AS INTEGER)`;
    case 'kwd':
      return `CAST(${v} AS DECIMAL(18,3))`;
    default:
      return v;
  }
}

function columnRules(c: Column): Rule[] {
  const f = `f_${c.name}`;
  const v = `v_${c.name}`;
  const shown = `'''' || ${f} || ''''`;
  const present = c.optional ? `${f} IS NOT NULL AND ` : '';
  const rules: Rule[] = [];
  switch (c.type) {
    case 'date': {
      const since = c.since ?? '2000-01-01';
      rules.push({
        code: 'bad_date',
        when: `${present}(${v} IS NULL OR ${v} < DATE '${since}' OR ${v} > DATE '2099-12-31')`,
        detail: `'${c.name} ' || ${shown} || ' is not a date (ISO, dd/mm/yyyy or Excel serial) from ${since} to 2099'`,
      });
      break;
    }
    case 'time':
      rules.push({
        code: 'bad_timestamp',
        when: `${present}(${v} IS NULL OR ${v} < TIMESTAMP '2000-01-01' OR ${v} >= TIMESTAMP '2100-01-01')`,
        detail: `'${c.name} ' || ${shown} || ' is not a time (ISO with offset, or dd/mm/yyyy hh:mm Kuwait time)'`,
      });
      break;
    case 'int':
      rules.push({
        code: 'bad_number',
        when: `${present}(${v} IS NULL OR ${v} > 2147483647 OR ${v} < -2147483648)`,
        detail: `'${c.name} ' || ${shown} || ' is not a whole number'`,
      });
      break;
    case 'kwd':
      rules.push({
        code: 'bad_amount',
        when: `${present}${v} IS NULL`,
        detail: `'${c.name} ' || ${shown} || ' is not an amount with at most 3 decimals'`,
      });
      break;
    case 'bool':
      rules.push({
        code: 'bad_boolean',
        when: `${present}${v} IS NULL`,
        detail: `'${c.name} ' || ${shown} || ' is not true/false (نعم/لا)'`,
      });
      break;
    default:
      break;
  }
  if (c.min !== undefined) {
    rules.push({
      code: c.min === 0 ? (c.type === 'kwd' ? 'negative_amount' : 'negative_quantity') : 'out_of_range',
      when: `${v} < ${c.min}`,
      detail: `'${c.name} ' || ${f} || ' is below ${c.min}'`,
    });
  }
  if (c.max !== undefined) {
    rules.push({
      code: 'out_of_range',
      when: `${v} > ${c.max}`,
      detail: `'${c.name} ' || ${f} || ' is above ${c.max}'`,
    });
  }
  if (c.values) {
    rules.push({
      code: 'bad_value',
      when: `${present}${f} NOT IN (${c.values.map(quoted).join(', ')})`,
      detail: `'${c.name} ' || ${shown} || ' is not one of ${c.values.join(', ')}'`,
    });
  }
  const alias = `r_${c.name}`;
  switch (c.ref) {
    case 'site':
    case 'site_or_coop': {
      const headOffice = c.ref === 'site_or_coop' ? `${f} <> f_coop_id AND ` : '';
      rules.push(
        {
          code: 'unknown_site',
          when: `${present}${headOffice}${alias}.site_id IS NULL`,
          detail: `'site ' || ${f} || ' is not in ref_sites'`,
        },
        {
          code: 'site_of_other_coop',
          when: `${alias}.coop_id <> f_coop_id`,
          detail: `'site ' || ${f} || ' belongs to co-op ' || ${alias}.coop_id`,
        },
      );
      break;
    }
    case 'product':
      rules.push({
        code: 'unknown_product',
        when: `${present}${alias}.product_id IS NULL`,
        detail: `'barcode ' || ${f} || ' is not in ref_products'`,
      });
      break;
    case 'supplier':
      rules.push({
        code: 'unknown_supplier',
        when: `${present}${alias}.supplier_id IS NULL`,
        detail: `'supplier ' || ${f} || ' is not in ref_suppliers'`,
      });
      break;
    case 'coop':
      rules.push({
        code: 'unknown_coop',
        when: `${present}${alias}.coop_id IS NULL`,
        detail: `'co-op ' || ${f} || ' is not in ref_coops'`,
      });
      break;
    case 'civil_id':
      rules.push({
        code: 'bad_civil_id',
        when: `${present}NOT rabt_civil_id_ok(${f})`,
        detail: `'civil ID ' || ${shown} || ' is not 12 digits with a valid check digit'`,
      });
      break;
    default:
      break;
  }
  return rules;
}

function refJoin(c: Column): string {
  const alias = `r_${c.name}`;
  switch (c.ref) {
    case 'site':
    case 'site_or_coop':
      return `LEFT JOIN ref_sites ${alias} ON ${alias}.site_id = t.f_${c.name}`;
    case 'product':
      return `LEFT JOIN ref_products ${alias} ON ${alias}.product_id = t.v_${c.name}`;
    case 'supplier':
      return `LEFT JOIN ref_suppliers ${alias} ON ${alias}.supplier_id = t.f_${c.name}`;
    case 'coop':
      return `LEFT JOIN ref_coops ${alias} ON ${alias}.coop_id = t.f_${c.name}`;
    default:
      return '';
  }
}

export function columnFeedRules(def: ColumnFeed): FeedRules {
  const [first, ...rest] = def.columns;
  if (first?.name !== 'coop_id') throw new Error(`${def.feed}: the first column must be coop_id`);
  const spec: FeedSpec = {
    feed: def.feed,
    fields: def.columns.map((c) => ({ name: c.name, aliases: [c.name, c.ar, c.json] })),
    required: def.columns.filter((c) => !c.optional).map((c) => [[c.name]]),
    jsonKeys: def.columns.map((c) => c.json),
  };
  const required: Required[] = def.columns.filter((c) => !c.optional).map((c) => [c.name, c.name]);
  return {
    spec,
    required,
    typed: [rest.map((c) => `${typedExpr(c)} AS v_${c.name}`)],
    joins: rest
      .map(refJoin)
      .filter((j) => j !== '')
      .join('\n'),
    rules: [...rest.flatMap(columnRules), ...(def.rules ?? [])],
    output: [['coop_id', 'f_coop_id'], ...rest.map((c): [string, string] => [landedName(c), landedExpr(c)])],
    key: def.key,
    duplicateDetail: def.duplicateDetail,
    dateColumn: null,
  };
}
