/** What the integration tests get from `inject('stack')`. */
export interface StackContext {
  cubeUrl: string;
  cubeApiUrl: string;
  webUrl: string;
  apiSecret: string;
  warehousePath: string;
  lakeDir: string;
  dataDir: string;
  simDir: string;
  /** The fixture's last simulated day. */
  endDate: string;
  /** The dbt builds the fixture pipeline made: the full build, then the models' outputs. */
  builds: { published: boolean; tests: number; failed: string[]; results: { unique_id: string; status: string }[] }[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackContext;
  }
}
