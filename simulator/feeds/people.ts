/** Synthetic civil IDs that pass the check digit, never the same one twice unless planted. */
import { makeCivilId } from '../civil-id';
import type { Random } from '../random';

export class CivilIds {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A fresh civil ID for someone born between the two years. */
  next(fromYear: number, toYear: number): string {
    for (;;) {
      const year = this.random.int(fromYear, toYear);
      const birth = `${year}-${String(this.random.int(1, 12)).padStart(2, '0')}-${String(this.random.int(1, 28)).padStart(2, '0')}`;
      const id = makeCivilId(birth, this.random.int(0, 9999));
      if (id && !this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

/** A Kuwait wall-clock time `YYYY-MM-DDTHH:MM` on `date` between two hours. */
export function timeOn(date: string, random: Random, fromHour: number, toHour: number): string {
  const minutes = random.int(fromHour * 60, toHour * 60 - 1);
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
