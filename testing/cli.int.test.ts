import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/config';

const run = promisify(execFile);
const rabt = (...args: string[]) =>
  run(process.execPath, [join(repoRoot, 'bin', 'rabt.mjs'), ...args], { cwd: repoRoot, env: { ...process.env } });

describe('the rabt CLI', () => {
  it.each(['up', 'simulate', 'ingest', 'build', 'score', 'serve', 'detect', 'forecast'])(
    'explains `%s --help`',
    async (verb) => {
      const { stdout } = await rabt(verb, '--help');
      expect(stdout).toContain(`Usage: rabt ${verb}`);
      expect(stdout).toContain('Options:');
    },
  );

  it('refuses an unknown verb with a non-zero exit', async () => {
    await expect(rabt('launch')).rejects.toMatchObject({ code: 1 });
  });

  it('forecasts and detects on a hand-written CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rabt-cli-'));
    const input = join(dir, 'series.csv');
    // Two weeks of a weekly pattern, then a spike the detector must see.
    const week = [10, 12, 11, 13, 30, 32, 12];
    const values = [...week, ...week, ...week.slice(0, 3), 90];
    const rows = values.map(
      (y, i) => `rice-jahra,${new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)},${y}`,
    );
    writeFileSync(input, `series_id,ds,y\n${rows.join('\n')}\n`);

    await rabt('forecast', '--input', input, '--horizon', '7', '--output', join(dir, 'forecast.csv'));
    const forecast = readFileSync(join(dir, 'forecast.csv'), 'utf8').trim().split('\n');
    expect(forecast[0]).toBe('series_id,ds,yhat,yhat_lower,yhat_upper');
    expect(forecast).toHaveLength(8);

    await rabt('detect', '--input', input, '--output', join(dir, 'detect.csv'));
    const detected = readFileSync(join(dir, 'detect.csv'), 'utf8').trim().split('\n');
    expect(detected[0]).toBe('series_id,ds,y,expected,score,is_anomaly');
    const last = detected.at(-1)!.split(',');
    expect(last[5]).toBe('true');
  });

  it('drips a day of sales as hourly batches with --live, and ingests them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rabt-live-'));
    const { stdout } = await rabt(
      'simulate',
      '--live',
      '--scale',
      'small',
      '--seed',
      '3',
      '--date',
      '2025-06-01',
      '--out',
      dir,
    );
    const summary = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { batches: number; rows: number };
    const files = readdirSync(join(dir, 'inbox'), { recursive: true })
      .map(String)
      .filter((f) => f.includes('__sales__'));
    expect(files).toHaveLength(summary.batches);
    const hours = new Set(
      files.map((f) =>
        f
          .replace(/\.\w+$/, '')
          .split('__')
          .at(-1),
      ),
    );
    expect([...hours].sort()).toEqual(Array.from({ length: 24 }, (_, h) => String(h + 1).padStart(3, '0')));

    const ingested = await rabt('ingest', '--inbox', join(dir, 'inbox'), '--lake', join(dir, 'lake'), '--json');
    const landed = JSON.parse(ingested.stdout) as { files: number; rows_landed: number; rows_quarantined: number };
    expect(landed.files).toBe(summary.batches);
    expect(landed.rows_landed + landed.rows_quarantined).toBe(summary.rows);
  });

  it('refuses an unknown feed by name', async () => {
    await expect(
      rabt('simulate', '--feeds', 'sales,weather', '--out', mkdtempSync(join(tmpdir(), 'rabt-'))),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('unknown feed weather'),
    });
  });
});
