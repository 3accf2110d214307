import { LINKAGE_FEED_CONTRACTS, SALES_CONTRACT, STOCK_CONTRACT } from '../domain/feed-contracts';
import { FEED_RULES, FEEDS } from './feeds';
import { mapHeader } from './header-map';

describe('the feeds ingestion lands follow domain/feed-contracts.ts', () => {
  it('reads every vendor header of sales and stock whole: every cell known, nothing required missing', () => {
    for (const contract of [SALES_CONTRACT, STOCK_CONTRACT]) {
      const spec = FEEDS[contract.feed]!;
      for (const header of [contract.headerA, contract.headerB, contract.keysC]) {
        const map = mapHeader([...header], spec);
        expect({ feed: contract.feed, header, missing: map.missing, unknown: map.unknown }).toEqual({
          feed: contract.feed,
          header,
          missing: [],
          unknown: [],
        });
      }
      expect(spec.jsonKeys).toEqual(contract.keysC);
      expect(FEED_RULES[contract.feed]!.output.map(([name]) => name)).toEqual(contract.lakeColumns);
      expect(FEED_RULES[contract.feed]!.key).toEqual(contract.key);
    }
  });

  it('lands every other feed under its A headers (barcode as product_id), keyed as the contract says', () => {
    for (const contract of LINKAGE_FEED_CONTRACTS) {
      const rules = FEED_RULES[contract.feed]!;
      for (const header of ['name', 'ar', 'json'] as const)
        expect(
          mapHeader(
            contract.columns.map((c) => c[header]),
            rules.spec,
          ).missing,
        ).toEqual([]);
      expect(rules.spec.jsonKeys).toEqual(contract.columns.map((c) => c.json));
      expect(rules.output.map(([name]) => name)).toEqual(
        contract.columns.map((c) => (c.name === 'barcode' ? 'product_id' : c.name)),
      );
      expect(rules.key).toEqual(contract.key);
    }
  });
});
