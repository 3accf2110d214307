import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_FEEDS } from './feeds';
import { LINKAGE_FEED_CONTRACTS, SALES_CONTRACT, STOCK_CONTRACT } from './feed-contracts';

/**
 * The simulator writes and ingestion reads from the one table in feed-contracts.ts, so the two
 * cannot drift apart; what could drift is that table and the published contract. These tests
 * read docs/contracts.md itself.
 */
const DOC = readFileSync(fileURLToPath(new URL('../docs/contracts.md', import.meta.url)), 'utf8');

/** The text of a `- **<feed>**` bullet of "Other feeds", up to the next bullet. */
function feedBullet(feed: string): string {
  const start = DOC.indexOf(`- **${feed}**`);
  if (start < 0) throw new Error(`docs/contracts.md has no bullet for ${feed}`);
  const next = DOC.slice(start + 1).search(/\n(- \*\*|\n|#)/);
  return DOC.slice(start, next < 0 ? undefined : start + 1 + next);
}

/** The `code span` after `- <feed>:` under vendor A, B and C in "Inbox files", in that order. */
function inboxLayouts(feed: 'sales' | 'stock'): string[] {
  const section = DOC.slice(DOC.indexOf('## Inbox files'), DOC.indexOf('### Other feeds'));
  return [...section.matchAll(new RegExp(`^\\s+- ${feed}: \`([^\`]+)\``, 'gm'))].map((m) => m[1] as string);
}

/** The column names of a lake path's `code span` list, without the columns every file carries. */
function lakeColumns(feed: 'sales' | 'stock'): string[] {
  const at = DOC.indexOf(`lake/raw/${feed}/dt=`);
  const list = /`([^`]+)`/.exec(DOC.slice(DOC.indexOf(':', at)))?.[1] ?? '';
  return list
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((cell) => cell.trim().split(/\s+/)[0] as string)
    .filter((name) => !['batch_id', 'source_row', 'ingested_at'].includes(name));
}

describe('domain/feed-contracts.ts says what docs/contracts.md says', () => {
  it('lists every feed after sales and stock, in the feed list order', () => {
    expect(LINKAGE_FEED_CONTRACTS.map((c) => c.feed)).toEqual(ALL_FEEDS.filter((f) => f !== 'sales' && f !== 'stock'));
  });

  it.each(LINKAGE_FEED_CONTRACTS.map((c) => [c.feed, c] as const))(
    '%s: A header, B header, C key and type of every column, in order',
    (feed, contract) => {
      const documented = [...feedBullet(feed).matchAll(/`([a-z_]+)\|([^|`]+)\|([a-z_]+)\|([a-z]+)`/g)].map((m) => ({
        name: m[1],
        ar: m[2],
        json: m[3],
        type: m[4],
      }));
      expect(contract.columns.map(({ name, ar, json, type }) => ({ name, ar, json, type }))).toEqual(documented);
      expect(contract.columns[0]?.name).toBe('coop_id');
    },
  );

  it.each([SALES_CONTRACT, STOCK_CONTRACT].map((c) => [c.feed, c] as const))(
    '%s: vendor A and B headers, vendor C keys, landed columns',
    (feed, contract) => {
      const [a, b, c] = inboxLayouts(feed);
      expect(contract.headerA.join(',')).toBe(a);
      expect(contract.headerB.join(',')).toBe(b);
      expect(contract.keysC).toEqual(Object.keys(JSON.parse(c ?? '{}') as object));
      expect(contract.lakeColumns).toEqual(lakeColumns(feed));
      for (const column of contract.key) expect(contract.lakeColumns).toContain(column);
    },
  );

  it('keys every feed on columns it lands', () => {
    for (const contract of LINKAGE_FEED_CONTRACTS) {
      const landed = contract.columns.map((c) => (c.ref === 'product' ? 'product_id' : c.name));
      for (const column of contract.key) expect(landed).toContain(column);
    }
  });
});
