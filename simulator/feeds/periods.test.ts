import { periodEnd, periodEnds } from './periods';

describe('batch periods', () => {
  it.each([
    ['2025-06-14', 'weekly', '2025-06-14'], // a Saturday closes its own week
    ['2025-06-15', 'weekly', '2025-06-21'], // Sunday starts the next
    ['2025-02-03', 'monthly', '2025-02-28'],
    ['2024-02-03', 'monthly', '2024-02-29'],
    ['2025-02-01', 'quarterly', '2025-03-31'],
    ['2025-06-25', 'weekly', '2025-06-26'], // clipped to the span's last day
    ['2025-06-05', 'monthly', '2025-06-26'],
  ] as const)('%s %s ends on %s', (date, cadence, end) => {
    expect(periodEnd(date, cadence, '2025-06-26')).toBe(end);
  });

  it('lists every period end up to the span end', () => {
    expect(periodEnds('2025-04-10', 'monthly', '2025-06-26')).toEqual(['2025-04-30', '2025-05-31', '2025-06-26']);
    expect(periodEnds('2025-06-20', 'weekly', '2025-06-30')).toEqual(['2025-06-21', '2025-06-28', '2025-06-30']);
  });
});
