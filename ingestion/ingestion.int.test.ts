import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { auditLanding } from './audit-landing';
import '../testing/stack-context';

const stack = inject('stack');

describe('ingestion of the simulated fixture', () => {
  it('lands every simulated row exactly once and accounts for every inbox file', async () => {
    const audit = await auditLanding({ lakeDir: stack.lakeDir, inboxDir: join(stack.simDir, 'inbox') });
    expect(audit.batches).toBeGreaterThan(0);
    expect(audit).toMatchObject({
      unbalanced: [],
      mismatched: [],
      duplicated_rows: 0,
      orphan_rows: 0,
      unledgered_files: [],
    });
    expect(audit.rows_in).toBe(audit.rows_landed + audit.rows_quarantined);

    // The simulator's own count of the rows it wrote: every one of them went in.
    const truth = join(stack.simDir, 'truth', 'summary.json');
    if (existsSync(truth)) {
      const { rows } = JSON.parse(readFileSync(truth, 'utf8')) as { rows: Record<string, number> };
      expect(audit.rows_in).toBe(Object.values(rows).reduce((a, b) => a + b, 0));
    }
  });
});
