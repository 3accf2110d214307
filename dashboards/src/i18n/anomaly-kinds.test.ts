import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANOMALY_KINDS } from '../cube/anomalies';
import { MESSAGES } from './messages';

/** The kinds the warehouse accepts for fct_anomalies.kind, read from the mart's own tests. */
function acceptedAnomalyKinds(): string[] {
  const yaml = readFileSync(
    join(__dirname, '..', '..', '..', 'transform', 'models', 'marts', 'ml', '_ml_marts__models.yml'),
    'utf8',
  );
  const list = /values: \[(price_gouging[^\]]*)\]/.exec(yaml);
  if (!list) throw new Error('fct_anomalies.kind accepted values not found');
  return list[1]!.split(',').map((kind) => kind.trim());
}

describe('anomaly kind names', () => {
  it.each(acceptedAnomalyKinds())('names %s in Arabic and English', (kind) => {
    const ar = (MESSAGES.ar as Partial<Record<string, string>>)[`kind_${kind}`];
    const en = (MESSAGES.en as Partial<Record<string, string>>)[`kind_${kind}`];
    expect(ar).toMatch(/[\u0600-\u06FF]/);
    expect(en).toMatch(/^[A-Z][a-z]/);
  });

  it("offers exactly the kinds the warehouse accepts in the queue's kind filter", () => {
    expect([...ANOMALY_KINDS].sort()).toEqual(acceptedAnomalyKinds().sort());
  });
});
