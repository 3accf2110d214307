export interface BenchRow {
  page: string;
  role: string;
  coldLcp: number | null;
  coldChart: number | null;
  warmLcp: number | null;
  warmChart: number | null;
}

/** Median of the values present; null when none is. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)}`);

/** A Markdown table (it goes into the README as printed). */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['page', 'role', 'LCP cold (ms)', 'first chart cold (ms)', 'LCP warm (ms)', 'first chart warm (ms)'];
  const lines = rows.map((r) => [r.page, r.role, ms(r.coldLcp), ms(r.coldChart), ms(r.warmLcp), ms(r.warmChart)]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
