import { kuwaitTime, kuwaitTimeDimensions } from './kuwait-time';

describe('kuwait time members', () => {
  it('asks each member as a time dimension by the minute', () => {
    expect(kuwaitTimeDimensions(['linkage.last_received_at', 'x.y'])).toEqual([
      { dimension: 'linkage.last_received_at', granularity: 'minute' },
      { dimension: 'x.y', granularity: 'minute' },
    ]);
  });

  it.each([
    {
      row: {
        'linkage.last_received_at.minute': '2026-11-23T17:32:00.000',
        'linkage.last_received_at': '2026-11-23T14:32:00.000',
      },
      want: '2026-11-23T17:32:00.000',
    },
    { row: { 'linkage.last_received_at': '2026-11-23T14:32:14.572' }, want: null },
    { row: { 'linkage.last_received_at.minute': null }, want: null },
    { row: { 'linkage.last_received_at.minute': '' }, want: null },
  ])('reads the Kuwait value, never the plain (UTC) one: $want', ({ row, want }) => {
    expect(kuwaitTime(row, 'linkage.last_received_at')).toBe(want);
  });
});
