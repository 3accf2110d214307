/**
 * Service contractors (IT, air-conditioning, civil works), one contract per category per
 * co-op, rated every quarter. One planted contractor performs poorly everywhere from some
 * quarter on — a candidate for exclusion.
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Random } from '../random';
import { detail, type TruthEvent } from '../truth-event';
import type { VendorStyle } from '../vendor-formats';
import type { WorldCoop } from '../world';
import type { Cell } from './feed-table';
import { periodEnds } from './periods';

export interface Contractor {
  id: string;
  nameEn: string;
  nameAr: string;
  category: 'it' | 'air_conditioning' | 'civil_works';
}

export const CONTRACTORS: readonly Contractor[] = [
  { id: 'K01', nameEn: 'Gulf Data Systems', nameAr: 'أنظمة الخليج للبيانات', category: 'it' },
  { id: 'K02', nameEn: 'Kuwait Retail Software', nameAr: 'الكويت لبرمجيات التجزئة', category: 'it' },
  { id: 'K03', nameEn: 'Al Watan Networks', nameAr: 'شبكات الوطن', category: 'it' },
  { id: 'K04', nameEn: 'Cool Breeze Air Conditioning', nameAr: 'النسيم البارد للتكييف', category: 'air_conditioning' },
  { id: 'K05', nameEn: 'Al Shamal Cooling', nameAr: 'الشمال للتبريد', category: 'air_conditioning' },
  { id: 'K06', nameEn: 'Desert Frost HVAC', nameAr: 'صقيع الصحراء للتكييف', category: 'air_conditioning' },
  { id: 'K07', nameEn: 'Al Bunyan Contracting', nameAr: 'البنيان للمقاولات', category: 'civil_works' },
  { id: 'K08', nameEn: 'Arabian Gulf Construction', nameAr: 'الخليج العربي للإنشاءات', category: 'civil_works' },
  { id: 'K09', nameEn: 'Al Ahmadi Maintenance', nameAr: 'الأحمدي للصيانة', category: 'civil_works' },
];

export interface Contract {
  contractId: string;
  contractor: Contractor;
  start: string;
  end: string;
  valueFils: number;
}

export function contractsOf(coop: WorldCoop, startDate: string, random: Random): Contract[] {
  return (['it', 'air_conditioning', 'civil_works'] as const).map((category, i) => {
    const start = addDays(startDate, -random.int(30, 600));
    const years = random.int(2, 3);
    return {
      contractId: `CT-${coop.coopId}-${i + 1}`,
      contractor: random.pick(CONTRACTORS.filter((c) => c.category === category)),
      start,
      end: addDays(start, years * 365 - 1),
      valueFils: random.int(category === 'civil_works' ? 40 : 15, category === 'civil_works' ? 180 : 60) * 1000 * 1000,
    };
  });
}

/** The planted poor performer and the first quarter end it is rated poorly. */
export interface PoorContractor {
  contractorId: string;
  from: string;
}

export function contractorFeed(
  coop: WorldCoop,
  style: VendorStyle,
  contracts: readonly Contract[],
  firstDay: string,
  endDate: string,
  poor: PoorContractor,
  random: Random,
): Array<{ date: string; row: Cell[] }> {
  const rows: Array<{ date: string; row: Cell[] }> = [];
  for (const periodEnd of periodEnds(firstDay, 'quarterly', endDate)) {
    for (const c of contracts) {
      if (c.start > periodEnd || c.end < periodEnd) continue;
      const bad = c.contractor.id === poor.contractorId && periodEnd >= poor.from;
      const rating = bad ? random.int(1, 2) : random.pick([3, 4, 4, 4, 5, 5]);
      const name = style.vendor === 'B' ? c.contractor.nameAr : c.contractor.nameEn;
      rows.push({
        date: periodEnd,
        row: [
          coop.coopId,
          c.contractId,
          c.contractor.id,
          name,
          c.contractor.category,
          c.start,
          c.end,
          c.valueFils,
          periodEnd,
          rating,
        ],
      });
    }
  }
  return rows;
}

export function poorContractorEvent(poor: PoorContractor, endDate: string): TruthEvent {
  return {
    event_type: 'poor_contractor',
    coop_id: '',
    governorate_id: '',
    site_id: '',
    product_scope: '',
    start_date: poor.from,
    end_date: endDate,
    detail: detail({ contractor_id: poor.contractorId, ratings: '1-2' }),
  };
}
