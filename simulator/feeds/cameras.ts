/**
 * Smart-monitoring camera points (about 191 nationally: one at each main market's tills, one
 * at each warehouse dock, a few at branch entrances) and their status changes: short outages,
 * and a few planted ones that last days.
 */
import type { Random } from '../random';
import { detail, type TruthEvent } from '../truth-event';
import type { WorldCoop } from '../world';
import type { Cell } from './feed-table';
import { timeOn } from './people';
import { kuwaitDays } from '../../domain/kuwait-calendar';

export interface Camera {
  cameraId: string;
  siteId: string;
  location: string;
}

export function camerasOf(coop: WorldCoop, random: Random): Camera[] {
  const points: Array<[string, string]> = [
    [coop.sellingSites[0]?.siteId ?? coop.warehouseId, 'cashiers'],
    [coop.warehouseId, 'warehouse_dock'],
  ];
  for (const site of coop.sellingSites.slice(1))
    if (random.chance(0.18)) points.push([site.siteId, random.pick(['entrance', 'sales_floor'])]);
  if (random.chance(0.15)) points.push([coop.warehouseId, 'cold_store']);
  return points.map(([siteId, location], i) => ({
    cameraId: `CAM-${coop.coopId}-${String(i + 1).padStart(2, '0')}`,
    siteId,
    location,
  }));
}

export function cameraFeed(
  coop: WorldCoop,
  cameras: readonly Camera[],
  firstDay: string,
  endDate: string,
  planted: boolean,
  random: Random,
): { rows: Array<{ date: string; row: Cell[] }>; events: TruthEvent[] } {
  const rows: Array<{ date: string; row: Cell[] }> = [];
  const events: TruthEvent[] = [];
  const emit = (c: Camera, status: string, at: string): void => {
    rows.push({ date: at.slice(0, 10), row: [coop.coopId, c.cameraId, c.siteId, c.location, status, at] });
  };
  const days = kuwaitDays(firstDay, endDate).map((d) => d.date);
  const long =
    planted && days.length > 20
      ? { camera: random.pick(cameras), start: random.int(5, days.length - 15), length: random.int(4, 12) }
      : null;
  for (const c of cameras) {
    emit(c, 'online', `${firstDay}T08:00`);
    let downUntil = -1;
    for (let i = 0; i < days.length; i++) {
      const date = days[i] as string;
      if (i <= downUntil) continue;
      if (long && long.camera === c && i === long.start) {
        emit(c, 'offline', timeOn(date, random, 0, 23));
        const back = Math.min(days.length - 1, i + long.length);
        if (i + long.length <= days.length - 1) emit(c, 'online', timeOn(days[back] as string, random, 9, 16));
        events.push({
          event_type: 'camera_outage',
          coop_id: coop.coopId,
          governorate_id: coop.governorateId,
          site_id: c.siteId,
          product_scope: '',
          start_date: date,
          end_date: days[back] as string,
          detail: detail({ camera_id: c.cameraId, days: long.length }),
        });
        downUntil = i + long.length;
        continue;
      }
      if (random.chance(0.01)) {
        const off = timeOn(date, random, 0, 14);
        const hours = random.int(1, 8);
        const back = new Date(Date.parse(`${off}:00Z`) + hours * 3_600_000).toISOString().slice(0, 16);
        emit(c, 'offline', off);
        emit(c, 'online', back);
      }
    }
  }
  rows.sort(
    (a, b) =>
      (a.row[5] as string).localeCompare(b.row[5] as string) || (a.row[1] as string).localeCompare(b.row[1] as string),
  );
  return { rows, events };
}
