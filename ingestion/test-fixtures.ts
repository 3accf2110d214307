import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** Two valid GTIN-13s (check digits computed) and one unknown to the reference. */
export const RICE = '6281000000014';
export const OIL = '6281000000021';
export const UNKNOWN_GTIN = '6281000000038';

/**
 * A tiny reference set in the contract's columns: C001 on vendor A, C002 on B, C003 on C,
 * each with a main market, one branch and a warehouse.
 */
export function writeFixtureReference(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'ref_coops.csv'),
    'coop_id,name_en,name_ar,area_id,governorate_id,vendor,linked_since\n' +
      'C001,Rawda,الروضة,A-KU-01,KW-KU,A,2020-01-01\n' +
      'C002,Jahra,الجهراء,A-JA-01,KW-JA,B,2020-01-01\n' +
      'C003,Salmiya,السالمية,A-HA-01,KW-HA,C,2020-01-01\n',
  );
  const sites = ['C001', 'C002', 'C003'].flatMap((c) => [
    `${c}-M,${c},main_market,${c} main,${c} رئيسي,A-KU-01`,
    `${c}-B01,${c},branch,${c} branch 1,${c} فرع ١,A-KU-01`,
    `${c}-W,${c},warehouse,${c} warehouse,${c} مستودع,A-KU-01`,
  ]);
  writeFileSync(join(dir, 'ref_sites.csv'), `site_id,coop_id,site_type,name_en,name_ar,area_id\n${sites.join('\n')}\n`);
  writeFileSync(
    join(dir, 'ref_products.csv'),
    'product_id,name_en,name_ar,category_id,pack_size,unit,shelf_life_days,supplier_id,is_essential,unit_cost_kwd,unit_price_kwd\n' +
      `${RICE},Rice 5kg,أرز ٥ كغ,RICE,5,kg,365,S01,true,1.500,1.950\n` +
      `${OIL},Oil 1.5l,زيت ١٫٥ لتر,OIL,1.5,l,365,S01,true,0.800,1.100\n`,
  );
  writeFileSync(
    join(dir, 'ref_suppliers.csv'),
    'supplier_id,name_en,name_ar,lead_time_days\nS01,Gulf Foods,أغذية الخليج,3\n',
  );
}

export interface Workspace {
  root: string;
  inbox: string;
  lake: string;
  reference: string;
  put(relPath: string, content: string | Buffer): string;
}

/** A fresh temp directory with an inbox, a lake and the fixture reference. */
export function makeWorkspace(prefix = 'rabt-ingest-'): Workspace {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const ws: Workspace = {
    root,
    inbox: join(root, 'inbox'),
    lake: join(root, 'lake'),
    reference: join(root, 'reference'),
    put(relPath, content) {
      const path = join(ws.inbox, relPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
  };
  mkdirSync(ws.inbox, { recursive: true });
  writeFixtureReference(ws.reference);
  return ws;
}

/** Runs a query on a throwaway in-memory DuckDB and returns JSON-friendly rows. */
export async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const reader = await con.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
