import { ANOMALY_KINDS } from './anomaly-kinds';
import { parseYaml, readDbtYaml, type Yaml } from './dbt-yaml-test-helpers';

type Node = { [key: string]: Yaml };

/** The values of fct_anomalies.kind's accepted_values test in the mart's YAML. */
function acceptedKinds(): Yaml {
  const models = (readDbtYaml('marts', 'ml', '_ml_marts__models.yml') as Node).models as Node[];
  const anomalies = models.find((m) => m.name === 'fct_anomalies') as Node;
  const kind = (anomalies.columns as Node[]).find((c) => c.name === 'kind') as Node;
  const test = (kind.data_tests as Yaml[]).find((t) => typeof t === 'object' && t !== null && 'accepted_values' in t);
  return (((test as Node).accepted_values as Node).arguments as Node).values as Yaml;
}

describe('anomaly kinds (domain/anomaly-kinds.ts)', () => {
  it('are exactly the kinds fct_anomalies accepts, in the same order', () => {
    expect(acceptedKinds()).toEqual([...ANOMALY_KINDS]);
  });
});

describe('the dbt YAML reader the sync tests use', () => {
  it('reads block and flow collections, quotes, comments and folded text', () => {
    const doc = parseYaml(`version: 2 # the schema version
models:
  - name: a
    description: "x: y # not a comment"
    config:
      contract: {enforced: true}
    columns:
      - {name: k, data_type: "decimal(18,3)", data_tests: [unique, not_null]}
      - name: kind
        data_tests:
          - accepted_values:
              arguments: {values: [open, closed]}
              config: {severity: warn}
    notes: >
      folded over
      two lines
tags:
- 'it''s'
`);
    expect(doc).toEqual({
      version: 2,
      models: [
        {
          name: 'a',
          description: 'x: y # not a comment',
          config: { contract: { enforced: true } },
          columns: [
            { name: 'k', data_type: 'decimal(18,3)', data_tests: ['unique', 'not_null'] },
            {
              name: 'kind',
              data_tests: [
                { accepted_values: { arguments: { values: ['open', 'closed'] }, config: { severity: 'warn' } } },
              ],
            },
          ],
          notes: 'folded over two lines',
        },
      ],
      tags: ["it's"],
    });
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => parseYaml('a: {b: 1')).toThrow();
    expect(() => parseYaml('a:\n  - x\n b: 1')).toThrow();
  });
});
