import type { WorldCoop } from '../world';
import { shareholderRows, type ShareholderEvent } from './shareholders';

const coop = { coopId: 'C018', governorateId: 'KW-KU', areaId: 'A-KU-01', linkedSince: '2026-06-07' } as WorldCoop;
const other = { coopId: 'C020', governorateId: 'KW-KU', areaId: 'A-KU-02', linkedSince: '2025-01-01' } as WorldCoop;
const event = (
  civilId: string,
  type: ShareholderEvent['type'],
  date: string,
  shares: number,
  on: WorldCoop = coop,
): ShareholderEvent => ({ coop: on, civilId, type, date, shares, otherCoopId: '', amountFils: 0 });

const EVENTS: ShareholderEvent[] = [
  event('A', 'register', '2001-03-04', 50),
  event('B', 'register', '2010-01-01', 20),
  event('C', 'register', '2015-05-05', 10),
  event('B', 'leave', '2026-01-10', 20), // left before linking: not on the listing
  event('D', 'join', '2026-02-01', 15), // joined before linking: on it, dated the join
  event('A', 'dividend', '2026-05-15', 50),
  event('C', 'transfer_out', '2026-09-14', 10), // after linking: sent as it happens
  event('E', 'register', '2012-12-12', 30, other),
];

describe('shareholderRows', () => {
  const rows = shareholderRows(EVENTS, coop, coop.linkedSince);
  const byCivilId = (id: string) =>
    rows.filter((r) => r.row[2] === id).map((r) => [r.date, r.row[3], r.row[4], r.row[5]]);

  it.each([
    { civilId: 'A', sent: [['2026-06-07', 'register', '2001-03-04', 50]] },
    { civilId: 'B', sent: [] },
    {
      civilId: 'C',
      sent: [
        ['2026-06-07', 'register', '2015-05-05', 10],
        ['2026-09-14', 'transfer_out', '2026-09-14', 10],
      ],
    },
    { civilId: 'D', sent: [['2026-06-07', 'register', '2026-02-01', 15]] },
    { civilId: 'E', sent: [] },
  ])('lists the register as it stands on linking, then the events after: $civilId', ({ civilId, sent }) => {
    expect(byCivilId(civilId)).toEqual(sent);
  });

  it('never lets a register built from the rows go below zero shares', () => {
    const shares = new Map<string, number>();
    for (const { row } of rows) {
      const [, , civilId, type, , n] = row as [string, string, string, string, string, number];
      const sign = type === 'leave' || type === 'transfer_out' ? -1 : type === 'dividend' ? 0 : 1;
      shares.set(civilId, (shares.get(civilId) ?? 0) + sign * n);
    }
    expect([...shares.values()].every((n) => n >= 0)).toBe(true);
  });

  it('numbers the co-op events in order', () => {
    expect(rows.map((r) => r.row[1])).toEqual(rows.map((_, i) => `SH-C018-${String(i + 1).padStart(6, '0')}`));
  });
});
