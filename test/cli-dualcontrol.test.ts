import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runDualControlEvaluate } from '../src/cli/dualcontrol';
import { InputError } from '../src/cli/input';

const root = path.resolve(import.meta.dirname, '..');
const referenceDir = path.join(root, 'data/reference');
const region = (more: object = {}) => ({
  region: '360702',
  basic: 0.125,
  incentive: null,
  plannedGrowth: { 2021: 0.06, 2022: 0.06 },
  accounts: [
    { year: 2020, energy: 400, gdpCurrent: 1000 },
    { year: 2021, energy: 416, gdpGrowth: 0.08 },
    { year: 2022, energy: 420, gdpGrowth: 0.03 },
  ],
  ...more,
});

async function run(input: object | string) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  const code = await runDualControlEvaluate(typeof input === 'string' ? input : JSON.stringify(input), referenceDir, out);
  return { code, json: JSON.parse(chunks.join('')) };
}

describe('ecer dualcontrol evaluate', () => {
  it('prints each region-year with the shipped rules (energy.md §2 worked example)', async () => {
    const { code, json } = await run({ regions: [region()] });
    expect(code).toBe(0);
    expect(json.rows.map((r: { year: number; intensity: number; cumulativeReduction: number; level: object }) => [r.year, r.intensity, r.cumulativeReduction, r.level])).toEqual([
      [2021, 0.385185, 0.037037, { intensity: 3, total: 3, overall: 3 }],
      [2022, 0.377562, 0.056095, { intensity: 2, total: 3, overall: 2 }],
    ]);
    expect(json.errors).toEqual([]);
  });

  it('applies 113号 from data year 2024: non-fossil energy leaves both dimensions', async () => {
    const accounts = [2020, 2021, 2022, 2023, 2024].map((year, i) => ({ year, energy: 400 + 10 * i, nonFossil: 60 + i, gdpCurrent: i ? null : 1000, gdpGrowth: i ? 0.06 : null }));
    const { json } = await run({ regions: [region({ accounts })] });
    expect(json.rows.find((r: { year: number }) => r.year === 2023).deductions.nonFossil).toBe(0);
    expect(json.rows.find((r: { year: number }) => r.year === 2024)).toMatchObject({ deductions: { nonFossil: 64 }, assessedForIntensity: 376 });
  });

  it('evaluates the good regions and names where a bad one fails', async () => {
    const { code, json } = await run({ regions: [region(), region({ region: 'X', accounts: [{ year: 2021, energy: 1, gdpGrowth: 0.05 }] })] });
    expect(code).toBe(1);
    expect(json.rows).toHaveLength(2);
    expect(json.errors).toEqual([{ region: 'X', path: 'regions[1].year', message: '缺少基期 2020 年数据' }]);
  });

  it('refuses a file that is not JSON or not of the format, saying where', async () => {
    await expect(run('{"regions": [')).rejects.toThrow(InputError);
    await expect(run({ regions: [region({ basic: 2 })] })).rejects.toThrow(/regions\[0\]\.basic/);
  });

  it('runs as a command: JSON on stdout, exit 2 and a message on stderr for bad input', () => {
    const ok = spawnSync(process.execPath, ['bin/ecer.mjs', 'dualcontrol', 'evaluate'], { cwd: root, input: JSON.stringify({ regions: [region()] }), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).rows).toHaveLength(2);
    const bad = spawnSync(process.execPath, ['bin/ecer.mjs', 'dualcontrol', 'evaluate'], { cwd: root, input: '[1,', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('JSON');
  });
});
