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
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackContext;
  }
}
