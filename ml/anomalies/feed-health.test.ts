import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../dates';
import { findFeedProblems, type CoopFeedDays } from './feed-health';

const ASOF = '2025-06-30';
const days = (from: string, n: number) => Array.from({ length: n }, (_, k) => addDaysIso(from, k));
const healthy: CoopFeedDays = {
  coopId: 'C001',
  governorateId: 'KW-JA',
  salesDays: days('2025-06-01', 30),
  stockDays: days('2025-06-01', 30),
  flatStockDays: [],
  salesKwd: 3000,
};

describe('findFeedProblems', () => {
  it.each([
    ['healthy feeds', healthy, []],
    ['sales but never stock', { ...healthy, stockDays: [] }, ['missing_stock_feed']],
    ['sales stopped five days ago', { ...healthy, salesDays: days('2025-06-01', 25) }, ['sales_feed_stopped']],
    ['stock stopped', { ...healthy, stockDays: days('2025-06-01', 20) }, ['stock_feed_stopped']],
    ['stock flatlines', { ...healthy, flatStockDays: days('2025-06-20', 6) }, ['stock_feed_flatline']],
    [
      'sales flatline (yesterday resent)',
      { ...healthy, flatSalesDays: days('2025-06-24', 7) },
      ['sales_feed_flatline'],
    ],
    ['two repeated sales days are not yet a flatline', { ...healthy, flatSalesDays: days('2025-06-24', 2) }, []],
    [
      'a late linker with a week of data is fine',
      { ...healthy, salesDays: days('2025-06-24', 7), stockDays: days('2025-06-24', 7) },
      [],
    ],
    ['too little to judge', { ...healthy, salesDays: days('2025-06-27', 4), stockDays: [] }, []],
  ])('%s', (_n, coop, kinds) => {
    expect(findFeedProblems([coop as CoopFeedDays], ASOF).map((a) => a.kind)).toEqual(kinds);
  });

  it('puts the unwatched sales at stake for a missing feed', () => {
    const [a] = findFeedProblems([{ ...healthy, stockDays: [] }], ASOF);
    expect(a?.valueAtStakeKwd).toBe(3000);
    expect(a?.startDate).toBe('2025-06-01');
  });
});
