import { parseInboxFileName } from './inbox-file-name';

describe('parseInboxFileName', () => {
  it.each([
    [
      'C001__sales__20250614__001.csv',
      { coopId: 'C001', feed: 'sales', businessDate: '2025-06-14', seq: 1, isCorrection: false, extension: 'csv' },
    ],
    [
      'C012__stock__20250101__0003__corr.jsonl',
      { coopId: 'C012', feed: 'stock', businessDate: '2025-01-01', seq: 3, isCorrection: true, extension: 'jsonl' },
    ],
    [
      'C070__price_changes__20241231__10.CSV',
      {
        coopId: 'C070',
        feed: 'price_changes',
        businessDate: '2024-12-31',
        seq: 10,
        isCorrection: false,
        extension: 'csv',
      },
    ],
  ])('reads %s', (name, expected) => {
    expect(parseInboxFileName(name)).toEqual(expected);
  });

  it.each([
    ['sales.csv', /does not follow/],
    ['C001__sales__20250230__001.csv', /impossible date/],
    ['C001__sales__2025061__001.csv', /does not follow/],
    ['C001_sales_20250614_001.csv', /does not follow/],
    ['C001__sales__20250614__001', /does not follow/],
  ])('refuses %s', (name, reason) => {
    const result = parseInboxFileName(name);
    expect('error' in result && result.error).toMatch(reason);
  });
});
