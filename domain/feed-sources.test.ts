import { ALL_FEEDS } from './feeds';
import { FEED_CONTRACTS, SALES_CONTRACT, STOCK_CONTRACT, type FeedColumnType } from './feed-contracts';
import { readDbtYaml, type Yaml } from './dbt-yaml-test-helpers';

/**
 * The lake schema is declared once, in domain/feed-contracts.ts; dbt's `feeds` source must
 * describe the same landed columns (ingestion adds batch_id and source_row before them and
 * ingested_at after; a barcode lands as product_id).
 */
type Node = { [key: string]: Yaml };

const feedsSource = ((readDbtYaml('staging', 'feeds', '_feeds__sources.yml') as Node).sources as Node[]).find(
  (s) => s.name === 'feeds',
) as Node;
const tables = feedsSource.tables as Node[];

const LANDED_TYPE: Record<FeedColumnType, RegExp> = {
  text: /^varchar$/,
  date: /^date$/,
  time: /^timestamp(tz)?$/,
  int: /^(integer|bigint)$/,
  kwd: /^decimal\(\d+,3\)$/,
  bool: /^boolean$/,
};

function landedColumns(feed: (typeof ALL_FEEDS)[number]): string[] {
  if (feed === 'sales') return [...SALES_CONTRACT.lakeColumns];
  if (feed === 'stock') return [...STOCK_CONTRACT.lakeColumns];
  return FEED_CONTRACTS[feed].columns.map((c) => (c.name === 'barcode' ? 'product_id' : c.name));
}

describe("dbt's feeds source and the feed contracts (domain/feed-contracts.ts)", () => {
  it('lists one table per feed', () => {
    expect(tables.map((t) => t.name).sort()).toEqual([...ALL_FEEDS].sort());
  });

  it.each(ALL_FEEDS)('declares the landed columns of %s, in order', (feed) => {
    const yaml = tables.find((t) => t.name === feed) as Node;
    const columns = (yaml.columns as Node[]).map((c) => c.name);
    expect(columns).toEqual(['batch_id', 'source_row', ...landedColumns(feed), 'ingested_at']);
    expect((yaml.meta as Node).lake_glob).toBe(`raw/${feed}/*/*/*.parquet`);
  });

  it.each(Object.keys(FEED_CONTRACTS) as (keyof typeof FEED_CONTRACTS)[])(
    'types the columns of %s as the contract does',
    (feed) => {
      const yaml = (tables.find((t) => t.name === feed) as Node).columns as Node[];
      for (const column of FEED_CONTRACTS[feed].columns) {
        const name = column.name === 'barcode' ? 'product_id' : column.name;
        const declared = String(yaml.find((c) => c.name === name)?.data_type);
        expect([feed, name, declared]).toEqual([feed, name, expect.stringMatching(LANDED_TYPE[column.type])]);
      }
    },
  );
});
