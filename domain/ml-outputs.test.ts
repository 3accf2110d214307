import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_AT_COLUMN, ML_OUTPUTS, ML_TABLES, mlLakeGlob } from './ml-outputs';
import { readDbtYaml, TRANSFORM_MODELS, type Yaml } from './dbt-yaml-test-helpers';

type Node = { [key: string]: Yaml };

const sources = readDbtYaml('staging', 'ml', '_ml__sources.yml') as Node;
const mlSource = (sources.sources as Node[]).find((s) => s.name === 'ml') as Node;
const sourceTables = mlSource.tables as Node[];

describe('the ML output tables (domain/ml-outputs.ts) and dbt', () => {
  it('declares exactly the tables the ml source lists', () => {
    expect(sourceTables.map((t) => t.name).sort()).toEqual([...ML_TABLES].sort());
  });

  it.each(ML_TABLES)('gives source ml.%s the declared columns, in order, with their types', (table) => {
    const yaml = sourceTables.find((t) => t.name === table) as Node;
    const declared = [...ML_OUTPUTS[table], GENERATED_AT_COLUMN].map((c) => ({
      name: c.name,
      data_type: c.type.toLowerCase(),
    }));
    expect(yaml.columns).toEqual(declared);
    expect((yaml.meta as Node).lake_glob).toBe(mlLakeGlob(table));
  });

  it('stages each table once, as stg_ml__<table>', () => {
    const staged = ML_TABLES.map((t) => `stg_ml__${t}`).sort();
    const files = readdirSync(join(TRANSFORM_MODELS, 'staging', 'ml'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''));
    expect(files.sort()).toEqual(staged);
    const models = (readDbtYaml('staging', 'ml', '_ml__models.yml') as Node).models as Node[];
    expect(models.map((m) => m.name).sort()).toEqual(staged);
  });
});
