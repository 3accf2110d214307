/**
 * Co-op staff: who works where, from when until when, nationality, job and pay. The hr feed
 * is a quarterly snapshot of them; finance pays their salaries and the cashiers ring up refunds.
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Random } from '../random';
import type { WorldCoop } from '../world';
import type { Cell } from './feed-table';
import type { CivilIds } from './people';

export interface Employee {
  employeeId: string;
  civilId: string;
  siteId: string;
  nationality: string;
  jobTitle: string;
  supervisory: boolean;
  hired: string;
  /** Last day employed, or null while still employed. */
  left: string | null;
  salaryFils: number;
}

interface Job {
  title: string;
  supervisory: boolean;
  /** Chance the holder is Kuwaiti. */
  kuwaiti: number;
  /** Monthly salary range in KWD for Kuwaitis and for others. */
  pay: readonly [number, number, number, number];
}

const JOBS: Record<string, Job> = {
  general_manager: { title: 'general_manager', supervisory: true, kuwaiti: 0.95, pay: [2200, 3000, 1800, 2400] },
  branch_manager: { title: 'branch_manager', supervisory: true, kuwaiti: 0.75, pay: [1300, 1700, 900, 1200] },
  section_supervisor: { title: 'section_supervisor', supervisory: true, kuwaiti: 0.45, pay: [950, 1250, 500, 750] },
  accountant: { title: 'accountant', supervisory: false, kuwaiti: 0.5, pay: [850, 1100, 400, 600] },
  it_officer: { title: 'it_officer', supervisory: false, kuwaiti: 0.5, pay: [850, 1150, 450, 700] },
  cashier: { title: 'cashier', supervisory: false, kuwaiti: 0.3, pay: [650, 850, 220, 320] },
  sales_associate: { title: 'sales_associate', supervisory: false, kuwaiti: 0.06, pay: [600, 750, 160, 240] },
  storekeeper: { title: 'storekeeper', supervisory: false, kuwaiti: 0.06, pay: [600, 750, 200, 280] },
  driver: { title: 'driver', supervisory: false, kuwaiti: 0.03, pay: [600, 700, 180, 250] },
  security_guard: { title: 'security_guard', supervisory: false, kuwaiti: 0.1, pay: [600, 700, 160, 220] },
};

const OTHER_NATIONALITIES = ['EG', 'IN', 'BD', 'PH', 'SY', 'JO', 'LK', 'PK', 'LB', 'NP'];

function staffing(kind: 'office' | 'main' | 'branch' | 'warehouse', random: Random): string[] {
  const n = (a: number, b: number): number => random.int(a, b);
  const repeat = (title: string, count: number): string[] => Array.from({ length: count }, () => title);
  switch (kind) {
    case 'office':
      return [
        'general_manager',
        'section_supervisor',
        ...repeat('accountant', n(3, 5)),
        ...repeat('it_officer', n(1, 2)),
      ];
    case 'main':
      return [
        'branch_manager',
        ...repeat('section_supervisor', n(3, 4)),
        ...repeat('cashier', n(8, 12)),
        ...repeat('sales_associate', n(14, 22)),
        ...repeat('security_guard', 2),
      ];
    case 'branch':
      return [
        'branch_manager',
        ...repeat('section_supervisor', n(1, 2)),
        ...repeat('cashier', n(3, 5)),
        ...repeat('sales_associate', n(5, 9)),
        'security_guard',
      ];
    default:
      return ['section_supervisor', ...repeat('storekeeper', n(4, 8)), ...repeat('driver', n(3, 5))];
  }
}

/** Everyone who works for the co-op at some point in the span, with turnover and replacements. */
export function employeesOf(
  coop: WorldCoop,
  startDate: string,
  endDate: string,
  random: Random,
  ids: CivilIds,
): Employee[] {
  const employees: Employee[] = [];
  const hire = (siteId: string, title: string, hired: string): void => {
    const job = JOBS[title] as Job;
    const kuwaiti = random.chance(job.kuwaiti);
    const [kLow, kHigh, oLow, oHigh] = job.pay;
    employees.push({
      employeeId: `E-${coop.coopId}-${String(employees.length + 1).padStart(4, '0')}`,
      civilId: ids.next(1965, 2002),
      siteId,
      nationality: kuwaiti ? 'KW' : random.pick(OTHER_NATIONALITIES),
      jobTitle: title,
      supervisory: job.supervisory,
      hired,
      left: null,
      salaryFils: random.int(kuwaiti ? kLow : oLow, kuwaiti ? kHigh : oHigh) * 1000,
    });
  };
  const sites: Array<[string, 'office' | 'main' | 'branch' | 'warehouse']> = [
    [coop.coopId, 'office'],
    ...coop.sellingSites.map((s, i): [string, 'main' | 'branch'] => [s.siteId, i === 0 ? 'main' : 'branch']),
    [coop.warehouseId, 'warehouse'],
  ];
  for (const [siteId, kind] of sites) {
    for (const title of staffing(kind, random)) hire(siteId, title, addDays(startDate, -random.int(30, 5000)));
  }
  // About one in eight leave within a year; each is replaced a few weeks later.
  for (let i = 0; i < employees.length; i++) {
    const e = employees[i] as Employee;
    if (!random.chance(0.12)) continue;
    const left = addDays(startDate, random.int(0, 360));
    if (left >= endDate || left < e.hired) continue;
    e.left = left;
    const replaced = addDays(left, random.int(10, 45));
    if (replaced <= endDate) hire(e.siteId, e.jobTitle, replaced);
  }
  return employees;
}

export function employedOn(e: Employee, date: string): boolean {
  return e.hired <= date && (e.left === null || e.left >= date);
}

export function hrRows(coop: WorldCoop, employees: readonly Employee[], snapshot: string): Cell[][] {
  return employees
    .filter((e) => employedOn(e, snapshot))
    .map((e) => [
      coop.coopId,
      e.employeeId,
      e.civilId,
      e.siteId,
      e.nationality,
      e.jobTitle,
      e.supervisory,
      e.hired,
      snapshot,
      e.salaryFils,
    ]);
}
