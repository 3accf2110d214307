import type { FeedColumn, FeedContract } from '../../domain/feed-contracts';
import type { FeedSpec } from '../feeds';
import type { FeedRules, Required, Rule } from '../validation-sql';
import { productKey } from './shared';

/**
 * The feeds after sales and stock are each a list of columns with an A (English) header,
 * a B (Arabic) header, a C (JSON) key and a value type (domain/feed-contracts.ts). From that
 * list this builds the feed's header aliases and its validation: every value typed, every id
 * checked against the reference data, enumerations against their codes.
 */

/** What ingestion adds to a feed's contract: how a duplicate reads, and rules across columns. */
export interface ColumnFeedJudging {
  /** What a person reads for a duplicate. */
  duplicateDetail: string;
  /** Extra rules after the column checks. */
  rules?: Rule[];
}

const landedName = (c: FeedColumn): string => (c.ref === 'product' ? 'product_id' : c.name);
const quoted = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The typed value of a column (`v_<name>`), NULL when its text cannot be read. */
function typedExpr(c: FeedColumn): string {
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
function landedExpr(c: FeedColumn): string {
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

/** The rule that a column's text reads as its type (text columns have none). */
function typeRule(c: FeedColumn, f: string, v: string, shown: string, present: string): Rule | null {
  switch (c.type) {
    case 'date': {
      const since = c.since ?? '2000-01-01';
      return {
        code: 'bad_date',
        when: `${present}(${v} IS NULL OR ${v} < DATE '${since}' OR ${v} > DATE '2099-12-31')`,
        detail: `'${c.name} ' || ${shown} || ' is not a date (ISO, dd/mm/yyyy or Excel serial) from ${since} to 2099'`,
      };
    }
    case 'time':
      return {
        code: 'bad_timestamp',
        when: `${present}(${v} IS NULL OR ${v} < TIMESTAMP '2000-01-01' OR ${v} >= TIMESTAMP '2100-01-01')`,
        detail: `'${c.name} ' || ${shown} || ' is not a time (ISO with offset, or dd/mm/yyyy hh:mm Kuwait time)'`,
      };
    case 'int':
      return {
        code: 'bad_number',
        when: `${present}(${v} IS NULL OR ${v} > 2147483647 OR ${v} < -2147483648)`,
        detail: `'${c.name} ' || ${shown} || ' is not a whole number'`,
      };
    case 'kwd':
      return {
        code: 'bad_amount',
        when: `${present}${v} IS NULL`,
        detail: `'${c.name} ' || ${shown} || ' is not an amount with at most 3 decimals'`,
      };
    case 'bool':
      return {
        code: 'bad_boolean',
        when: `${present}${v} IS NULL`,
        detail: `'${c.name} ' || ${shown} || ' is not true/false (نعم/لا)'`,
      };
    default:
      return null;
  }
}

/** The contract's bounds (`min`, `max`) and allowed codes (`values`). */
function boundRules(c: FeedColumn, f: string, v: string, shown: string, present: string): Rule[] {
  const rules: Rule[] = [];
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
  return rules;
}

/** What the value must name, checked against the joined reference row (`r_<name>`, see refJoin). */
function referenceRules(c: FeedColumn, f: string, shown: string, present: string): Rule[] {
  const alias = `r_${c.name}`;
  switch (c.ref) {
    case 'site':
    case 'site_or_coop': {
      const headOffice = c.ref === 'site_or_coop' ? `${f} <> f_coop_id AND ` : '';
      return [
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
      ];
    }
    case 'product':
      return [
        {
          code: 'unknown_product',
          when: `${present}${alias}.product_id IS NULL`,
          detail: `'barcode ' || ${f} || ' is not in ref_products'`,
        },
      ];
    case 'supplier':
      return [
        {
          code: 'unknown_supplier',
          when: `${present}${alias}.supplier_id IS NULL`,
          detail: `'supplier ' || ${f} || ' is not in ref_suppliers'`,
        },
      ];
    case 'coop':
      return [
        {
          code: 'unknown_coop',
          when: `${present}${alias}.coop_id IS NULL`,
          detail: `'co-op ' || ${f} || ' is not in ref_coops'`,
        },
      ];
    case 'civil_id':
      return [
        {
          code: 'bad_civil_id',
          when: `${present}NOT rabt_civil_id_ok(${f})`,
          detail: `'civil ID ' || ${shown} || ' is not 12 digits with a valid check digit'`,
        },
      ];
    default:
      return [];
  }
}

/** A column's rules in the order they name a row's reason: its type, its bounds, its reference. */
function columnRules(c: FeedColumn): Rule[] {
  const f = `f_${c.name}`;
  const v = `v_${c.name}`;
  const shown = `'''' || ${f} || ''''`;
  const present = c.optional ? `${f} IS NOT NULL AND ` : '';
  const typed = typeRule(c, f, v, shown, present);
  return [...(typed ? [typed] : []), ...boundRules(c, f, v, shown, present), ...referenceRules(c, f, shown, present)];
}

function refJoin(c: FeedColumn): string {
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

export function columnFeedRules(contract: FeedContract, judging: ColumnFeedJudging): FeedRules {
  const { feed, columns } = contract;
  const [first, ...rest] = columns;
  if (first?.name !== 'coop_id') throw new Error(`${feed}: the first column must be coop_id`);
  const spec: FeedSpec = {
    feed,
    fields: columns.map((c) => ({ name: c.name, aliases: [c.name, c.ar, c.json] })),
    required: columns.filter((c) => !c.optional).map((c) => [[c.name]]),
    jsonKeys: columns.map((c) => c.json),
  };
  const required: Required[] = columns.filter((c) => !c.optional).map((c) => [c.name, c.name]);
  return {
    spec,
    required,
    typed: [rest.map((c) => `${typedExpr(c)} AS v_${c.name}`)],
    joins: rest
      .map(refJoin)
      .filter((j) => j !== '')
      .join('\n'),
    rules: [...rest.flatMap(columnRules), ...(judging.rules ?? [])],
    output: [['coop_id', 'f_coop_id'], ...rest.map((c): [string, string] => [landedName(c), landedExpr(c)])],
    key: [...contract.key],
    duplicateDetail: judging.duplicateDetail,
    dateColumn: null,
  };
}
