import { readFileSync } from 'node:fs';
import { chainsTable, CONTRACTS_PATH, readChains, withChains, type Chain } from './contract-chains';

let chains: Chain[];
beforeAll(async () => {
  chains = await readChains();
}, 120_000);

describe("docs/contracts.md, each number's route", () => {
  it('is the table the code gives (npm run docs:chains rewrites it)', () => {
    const committed = readFileSync(CONTRACTS_PATH, 'utf8');
    expect(withChains(committed, chainsTable(chains))).toBe(committed);
  });

  it('follows the crisis room from the stock feed to the page under one name', () => {
    const crisis = chains.find((c) => c.view === 'crisis_now');
    expect(crisis).toMatchObject({
      cubes: ['fct_essentials_stock_now'],
      marts: ['fct_essentials_stock_now'],
      pages: ['crisis-room'],
    });
    expect(crisis?.sources).toContain('feeds.stock');
    expect(crisis?.staging).toContain('stg_feeds__stock');
  });

  it('keeps one stem along each ML chain: output table, staging, mart, cube, view', () => {
    const ml = chains.filter((c) => c.sources.length === 1 && c.sources[0]!.startsWith('ml.'));
    expect(ml.map((c) => c.view).sort()).toEqual(
      expect.arrayContaining(['demand_forecast', 'hourly_forecast', 'region_forecast', 'stock_cover_forecast']),
    );
    for (const c of ml) {
      const table = c.sources[0]!.slice('ml.'.length);
      expect([c.view, c.staging]).toEqual([c.view, [`stg_ml__${table}`]]);
      expect([c.view, c.marts]).toEqual([c.view, [`fct_${table}`]]);
      expect([c.view, c.cubes]).toEqual([c.view, c.marts]);
      expect(c.view === table || c.view === table.replace(/s$/, ''), `${c.view} over ${table}`).toBe(true);
    }
  });

  it('traces every view with numbers to a mart and a lake source', () => {
    for (const c of chains.filter((c) => c.measures.length > 0)) {
      expect([c.view, c.marts.length > 0, c.sources.length > 0]).toEqual([c.view, true, true]);
    }
  });
});
