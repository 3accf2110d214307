/**
 * Shareholder registers: every shareholder belongs to the co-op of their residential area;
 * people join, leave, and move house (transfer to the co-op of the new area, reported by
 * both co-ops); a yearly dividend after the general assembly. Planted: a civil ID that
 * joins a second co-op without leaving the first.
 */
import { addDays } from '../../domain/kuwait-calendar';
import type { Random } from '../random';
import { detail, type TruthEvent } from '../truth-event';
import type { WorldCoop } from '../world';
import type { Cell } from './feed-table';
import type { CivilIds } from './people';

interface Holding {
  civilId: string;
  shares: number;
  coop: WorldCoop;
}

export interface ShareholderEvent {
  coop: WorldCoop;
  civilId: string;
  type: 'register' | 'join' | 'leave' | 'transfer_in' | 'transfer_out' | 'dividend';
  date: string;
  shares: number;
  otherCoopId: string;
  amountFils: number;
}

/** The registers as the simulation moves through the span. */
interface Registers {
  coops: readonly WorldCoop[];
  registerSize: number;
  random: Random;
  ids: CivilIds;
  members: Map<string, Holding[]>;
  dividendRate: Map<string, number>;
  out: ShareholderEvent[];
}

export function shareholderEvents(
  coops: readonly WorldCoop[],
  registerSize: number,
  startDate: string,
  endDate: string,
  random: Random,
  ids: CivilIds,
): { events: ShareholderEvent[]; truth: TruthEvent[] } {
  const out: ShareholderEvent[] = [];
  const truth: TruthEvent[] = [];
  const members = openingRegisters(coops, registerSize, startDate, random, ids, out);
  const dividendRate = new Map(coops.map((c) => [c.coopId, random.int(500, 1500)]));
  const registers: Registers = { coops, registerSize, random, ids, members, dividendRate, out };
  const plantedAt = coops.length > 1 ? random.int(30, 200) : -1;
  let dayIndex = 0;
  for (let date = startDate; date <= endDate; date = addDays(date, 1), dayIndex++) {
    for (const coop of coops) registerDay(registers, coop, date);
    if (dayIndex === plantedAt) truth.push(plantDuplicateMembership(registers, date, endDate));
  }
  return { events: out, truth };
}

/** Every co-op's register on the first day, each shareholder with the day they registered (possibly decades back). */
function openingRegisters(
  coops: readonly WorldCoop[],
  registerSize: number,
  startDate: string,
  random: Random,
  ids: CivilIds,
  out: ShareholderEvent[],
): Map<string, Holding[]> {
  const members = new Map<string, Holding[]>();
  for (const coop of coops) {
    const list: Holding[] = [];
    for (let i = 0; i < registerSize; i++) {
      const h = { civilId: ids.next(1945, 2004), shares: random.int(1, 40) * 5, coop };
      list.push(h);
      out.push({
        coop,
        civilId: h.civilId,
        type: 'register',
        date: addDays(startDate, -random.int(30, 12000)),
        shares: h.shares,
        otherCoopId: '',
        amountFils: 0,
      });
    }
    members.set(coop.coopId, list);
  }
  return members;
}

/** One co-op's day: maybe a join, a leave, a move to another co-op's area; the dividend on 15 May. */
function registerDay(registers: Registers, coop: WorldCoop, date: string): void {
  const { coops, registerSize, random, ids, members, out } = registers;
  const list = members.get(coop.coopId) as Holding[];
  if (random.chance(registerSize / 1500)) {
    const h = { civilId: ids.next(1960, 2005), shares: random.int(1, 20) * 5, coop };
    list.push(h);
    out.push({ coop, civilId: h.civilId, type: 'join', date, shares: h.shares, otherCoopId: '', amountFils: 0 });
  }
  if (list.length > 1 && random.chance(registerSize / 4000)) {
    const [h] = list.splice(random.int(0, list.length - 1), 1) as [Holding];
    out.push({ coop, civilId: h.civilId, type: 'leave', date, shares: h.shares, otherCoopId: '', amountFils: 0 });
  }
  if (coops.length > 1 && list.length > 1 && random.chance(registerSize / 5000)) {
    const [h] = list.splice(random.int(0, list.length - 1), 1) as [Holding];
    const to = random.pick(coops.filter((c) => c !== coop));
    (members.get(to.coopId) as Holding[]).push({ ...h, coop: to });
    const moved = { civilId: h.civilId, date, shares: h.shares, amountFils: 0 };
    out.push({ ...moved, coop, type: 'transfer_out', otherCoopId: to.coopId });
    out.push({ ...moved, coop: to, type: 'transfer_in', otherCoopId: coop.coopId });
  }
  // The dividend after the spring general assembly.
  if (date.slice(5) === '05-15') {
    for (const h of list)
      out.push({
        coop,
        civilId: h.civilId,
        type: 'dividend',
        date,
        shares: h.shares,
        otherCoopId: '',
        amountFils: h.shares * (registers.dividendRate.get(coop.coopId) as number),
      });
  }
}

/** Planted: a shareholder of one co-op joins a second without leaving the first. */
function plantDuplicateMembership(registers: Registers, date: string, endDate: string): TruthEvent {
  const { coops, random, members, out } = registers;
  const [a, b] = random.shuffle(coops) as [WorldCoop, WorldCoop];
  const h = random.pick(members.get(a.coopId) as Holding[]);
  const second = { ...h, coop: b, shares: random.int(1, 10) * 5 };
  (members.get(b.coopId) as Holding[]).push(second);
  out.push({ coop: b, civilId: h.civilId, type: 'join', date, shares: second.shares, otherCoopId: '', amountFils: 0 });
  return {
    event_type: 'duplicate_membership',
    coop_id: b.coopId,
    governorate_id: b.governorateId,
    site_id: '',
    product_scope: '',
    start_date: date,
    end_date: endDate,
    detail: detail({ civil_id: h.civilId, other_coop_id: a.coopId }),
  };
}

export function shareholderRows(
  events: readonly ShareholderEvent[],
  coop: WorldCoop,
  firstDay: string,
): Array<{ date: string; row: Cell[] }> {
  const rows: Array<{ date: string; row: Cell[] }> = [];
  let seq = 0;
  const eventId = (): string => `SH-${coop.coopId}-${String(++seq).padStart(6, '0')}`;
  // The register as it stands on linking comes in the first batch: one row per shareholder
  // then holding shares, dated when they joined. A co-op that links late has had joins, leaves
  // and transfers since the span began; they are in that listing, never sent as events.
  const standing = new Map<string, { since: string; shares: number }>();
  for (const e of events) {
    if (e.coop !== coop || (e.type !== 'register' && e.date >= firstDay)) continue;
    const change =
      e.type === 'register' || e.type === 'join' || e.type === 'transfer_in'
        ? e.shares
        : e.type === 'dividend'
          ? 0
          : -e.shares;
    const held = standing.get(e.civilId);
    if (held) held.shares += change;
    else standing.set(e.civilId, { since: e.date, shares: change });
  }
  for (const [civilId, held] of standing) {
    if (held.shares > 0)
      rows.push({
        date: firstDay,
        row: [coop.coopId, eventId(), civilId, 'register', held.since, held.shares, coop.areaId, '', 0],
      });
  }
  for (const e of events) {
    if (e.coop !== coop || e.type === 'register' || e.date < firstDay) continue;
    rows.push({
      date: e.date,
      row: [coop.coopId, eventId(), e.civilId, e.type, e.date, e.shares, coop.areaId, e.otherCoopId, e.amountFils],
    });
  }
  return rows;
}
