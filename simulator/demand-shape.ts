/**
 * How demand moves with the calendar: weekday, salary days, summer, school, Ramadan (with
 * the pre-Ramadan surge), Eid and public holidays, and when in the day people shop.
 */
import type { KuwaitDay } from '../domain/kuwait-calendar';

/** Which demand group a category belongs to decides how the calendar moves it. */
export type DemandGroup = 'food' | 'fresh' | 'sweets' | 'drinks' | 'water' | 'dates' | 'household';

export const CATEGORY_GROUP: Record<string, DemandGroup> = {
  WATER: 'water',
  RICE: 'food',
  FLOUR: 'food',
  SUGAR: 'food',
  OIL: 'food',
  MILK: 'fresh',
  EGGS: 'fresh',
  BREAD: 'fresh',
  CANNED: 'food',
  BABY: 'household',
  DATES: 'dates',
  PULSES: 'food',
  PASTA: 'food',
  POULTRY: 'food',
  TEA: 'food',
  COFFEE: 'food',
  DAIRY: 'fresh',
  JUICE: 'drinks',
  SOFT: 'drinks',
  SNACKS: 'sweets',
  SWEETS: 'sweets',
  BISCUITS: 'sweets',
  CEREAL: 'food',
  SPICES: 'food',
  SAUCES: 'food',
  FROZEN: 'food',
  VEG: 'fresh',
  FRUIT: 'fresh',
  MEAT: 'fresh',
  CLEANING: 'household',
  PAPER: 'household',
  PERSONAL: 'household',
  DIAPERS: 'household',
  HONEY: 'sweets',
};

/** Day facts the demand model needs, derived once per simulated day. */
export interface DemandDay {
  day: KuwaitDay;
  /** Days until the first of Ramadan (1 = tomorrow), or null when none is near. */
  daysToRamadan: number | null;
  /** The day before an Eid (shopping for the feast). */
  isEidEve: boolean;
}

export function demandDays(days: KuwaitDay[], lookahead: KuwaitDay[]): DemandDay[] {
  const all = [...days, ...lookahead];
  return days.map((day, index) => {
    let daysToRamadan: number | null = null;
    for (let k = 1; k <= 10 && index + k < all.length; k++) {
      const next = all[index + k] as KuwaitDay;
      if (next.isRamadan && next.hijriDay === 1) {
        daysToRamadan = k;
        break;
      }
    }
    const tomorrow = all[index + 1];
    return { day, daysToRamadan, isEidEve: Boolean(tomorrow?.isEid && !day.isEid) };
  });
}

const WEEKDAY_FACTOR = [0, 0.93, 0.92, 0.93, 1.0, 1.12, 1.2, 1.0]; // ISO 1=Mon … 7=Sun; Thu–Sat busiest

/** Expected demand relative to an ordinary weekday, before crisis and promotions. */
export function calendarFactor(d: DemandDay, group: DemandGroup): number {
  const { day } = d;
  let f = WEEKDAY_FACTOR[day.dayOfWeek] as number;
  const dom = Number(day.date.slice(8, 10));
  const month = Number(day.date.slice(5, 7));
  // Government salaries land around the first of the month.
  if (dom <= 3 || dom >= 29) f *= 1.12;
  // Summer: families travel in July and August; water and drinks rise with the heat.
  if (month === 7 || month === 8) f *= 0.86;
  if (month >= 5 && month <= 9) {
    if (group === 'water') f *= 1.45;
    else if (group === 'drinks') f *= 1.2;
  }
  // School season: lunchbox snacks and juices on school days.
  if ((month >= 9 || month <= 5) && day.isWorkingDay && (group === 'sweets' || group === 'drinks')) f *= 1.08;
  if (d.daysToRamadan !== null && group !== 'household') f *= 1.37; // the pre-Ramadan stock-up
  if (day.isRamadan) {
    if (group === 'dates') f *= 3.2;
    else if (group === 'food' || group === 'sweets' || group === 'drinks') f *= 1.18;
    else if (group === 'fresh') f *= 1.1;
  }
  if (d.isEidEve) f *= group === 'sweets' ? 2.2 : group === 'household' ? 1.1 : 1.3;
  if (day.isEid) f *= 0.65;
  else if (day.isPublicHoliday) f *= 0.9;
  return f;
}

/** Shopping hours in Kuwait wall-clock (0–23); co-ops open 08:00–24:00. */
const NORMAL_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 6, 7, 6, 4, 3, 3, 5, 7, 9, 10, 10, 9, 6, 3];
const WEEKEND_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 8, 6, 4, 4, 5, 7, 9, 10, 10, 9, 7, 4];
/** Ramadan: a quiet fasting morning, a pre-iftar rush, and late nights after taraweeh. */
const RAMADAN_HOURS = [3, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 4, 5, 6, 7, 5, 1, 3, 7, 9, 10, 8];

function cumulative(weights: number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Float64Array(24);
  let acc = 0;
  for (let h = 0; h < 24; h++) {
    acc += (weights[h] as number) / total;
    out[h] = acc;
  }
  out[23] = 1;
  return out;
}

const CUMULATIVE = {
  normal: cumulative(NORMAL_HOURS),
  weekend: cumulative(WEEKEND_HOURS),
  ramadan: cumulative(RAMADAN_HOURS),
};
const SHARES = {
  normal: NORMAL_HOURS.map((w) => w / NORMAL_HOURS.reduce((a, b) => a + b, 0)),
  weekend: WEEKEND_HOURS.map((w) => w / WEEKEND_HOURS.reduce((a, b) => a + b, 0)),
  ramadan: RAMADAN_HOURS.map((w) => w / RAMADAN_HOURS.reduce((a, b) => a + b, 0)),
};

export type HourProfile = keyof typeof CUMULATIVE;

export function hourProfile(day: KuwaitDay): HourProfile {
  return day.isRamadan ? 'ramadan' : day.isWeekend ? 'weekend' : 'normal';
}

export function hourCumulative(profile: HourProfile): Float64Array {
  return CUMULATIVE[profile];
}

export function hourShares(profile: HourProfile): number[] {
  return SHARES[profile];
}
