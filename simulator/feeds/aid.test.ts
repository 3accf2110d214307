import { kuwaitDays } from '../../domain/kuwait-calendar';
import { Random } from '../random';
import type { WorldCoop } from '../world';
import { aidPayments, type AidCase } from './aid';

const coop = { coopId: 'C018' } as WorldCoop;
const CASES: AidCase[] = [
  { caseId: 'K1', civilId: '289010112345', monthlyFils: 150_000, since: '2020-01-01' },
  { caseId: 'K2', civilId: '290020254321', monthlyFils: 90_000, since: '2025-11-15' },
];

/** The sixth working day of a month, by the Kuwait calendar (Friday–Saturday weekend, holidays). */
const sixthWorkingDay = (month: string): string =>
  kuwaitDays(`${month}-01`, `${month}-28`).filter((d) => d.isWorkingDay)[5]!.date;

describe('aidPayments: monthly family aid', () => {
  it.each([
    { span: ['2025-10-20', '2026-01-31'], months: ['2025-11', '2025-12', '2026-01'] }, // starts after October's payday
    { span: ['2025-10-01', '2025-12-31'], months: ['2025-10', '2025-11', '2025-12'] },
    { span: ['2025-10-05', '2025-11-30'], months: ['2025-10', '2025-11'] }, // starts before October's payday
  ])('pays each case once a month, on the sixth working day of the month, from $span.0', ({ span, months }) => {
    const paid = aidPayments(coop, CASES, span[0]!, span[1]!, new Random(1)).filter(
      (p) => p.aidType === 'monthly_family',
    );
    const k1 = paid.filter((p) => p.caseId === 'K1').map((p) => p.date);
    expect(k1).toEqual(months.map(sixthWorkingDay));
    // K2 is on the books from mid-November: paid from the first payday after that.
    expect(paid.filter((p) => p.caseId === 'K2').map((p) => p.date)).toEqual(
      months.map(sixthWorkingDay).filter((d) => d >= '2025-11-15'),
    );
  });
});
