/** Where Cube keeps rollup tables in the warehouse (cube-server.ts's preAggregationsSchema). */
export const ROLLUP_SCHEMA = 'prod_pre_aggregations';

/** The declared rollups that have a table in the warehouse (a table name is the rollup's prefix plus a hash). */
export function builtRollups(declared: readonly string[], tableNames: readonly string[]): string[] {
  return declared.filter((rollup) => tableNames.some((table) => table.startsWith(`${rollup}_`)));
}

export const ROLLUP_TABLES_SQL = `SELECT table_name FROM information_schema.tables WHERE table_schema = '${ROLLUP_SCHEMA}'`;

export interface RollupState {
  declared: string[];
  built: string[];
}

/**
 * Polls `read` until every declared rollup is built, calling `onChange` whenever the built
 * count moves (and once at the start); resolves with the seconds waited. Throws after
 * `timeoutMs` with the rollups built so far.
 */
export async function untilRollupsBuilt(
  read: () => Promise<RollupState>,
  {
    everyMs,
    timeoutMs = Number.POSITIVE_INFINITY,
    onChange,
  }: { everyMs: number; timeoutMs?: number; onChange?: (state: RollupState, seconds: number) => void },
): Promise<number> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  let shown = -1;
  for (;;) {
    const state = await read();
    if (state.built.length !== shown) {
      shown = state.built.length;
      onChange?.(state, seconds());
    }
    if (state.built.length === state.declared.length) return seconds();
    if (seconds() * 1000 > timeoutMs)
      throw new Error(
        `rollups not built after ${(timeoutMs / 1000).toFixed(0)} s: ${state.built.join(', ') || 'none'}`,
      );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
