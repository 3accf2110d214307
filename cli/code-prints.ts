import { join } from 'node:path';
import { repoRoot } from './config';
import { fingerprint } from './state';

/** What defines the warehouse besides the lake (not dbt's own target/ and logs/). */
const TRANSFORM_SOURCES = ['dbt_project.yml', 'profiles.yml', 'models', 'macros', 'seeds', 'snapshots', 'tests'];

/**
 * The code behind the marts: after an upgrade the warehouse must be rebuilt, or the semantic
 * layer would read tables the new models no longer make, or miss new ones.
 */
export function transformCodePrint(root = repoRoot): string {
  return fingerprint(...TRANSFORM_SOURCES.map((p) => join(root, 'transform', p)));
}

/** The code behind forecasts, alerts and anomalies: a new model version rescores. */
export function modelsCodePrint(root = repoRoot): string {
  return fingerprint(join(root, 'ml'));
}
