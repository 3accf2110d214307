// Every cube's and rollup's refresh key, defined once: results and rollups are kept until the
// next publish. The driver bumps rabt_meta.publication.version on every file swap, and Cube
// re-reads it at most every 2 seconds (cube-server.ts counts on that interval).
//
// Model files import this as `./shared/refresh-key` whatever folder they are in: Cube resolves
// a model import from the model folder, not from the importing file.
export const PUBLICATION_REFRESH_KEY = {
  sql: () => `SELECT version FROM rabt_meta.publication`,
  every: `2 second`,
};
