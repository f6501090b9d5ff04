import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEnergyTce } from '../src/cli/energy-tce';
import { InputError } from '../src/cli/input';

const root = path.resolve(import.meta.dirname, '..');
const referenceDir = path.join(root, 'data/reference');
const report = {
  year: 2024,
  lines: [
    { carrier: 'raw-coal', quantity: 2000, unit: 't' },
    { carrier: 'natural-gas', quantity: 30, unit: '万m3' },
    { carrier: 'diesel', quantity: 50, unit: 't' },
    { carrier: 'heat', quantity: 8000, unit: 'GJ' },
    { carrier: 'electricity', quantity: 500, unit: '万kWh' },
  ],
};

describe('ecer energy tce', () => {
  it('prints tce per carrier and in total by both electricity methods (energy.md §1 worked example)', async () => {
    const out = JSON.parse(await runEnergyTce(JSON.stringify(report), referenceDir));
    expect(out.lines.map((l: { name: string; tceEquivalent: number }) => [l.name, l.tceEquivalent])).toEqual([
      ['原煤', 1428.6],
      ['天然气', 364.29],
      ['柴油', 72.855],
      ['热力', 272.96],
      ['电力', 614.5],
    ]);
    expect(out).toMatchObject({ totalTceEquivalent: 2753.205, totalTceEquivalentInput: 3638.705, coefficients: { electricityEquivalentInputKgcePerKwh: 0.3 } });
  });

  it('names the line and field of bad input', async () => {
    await expect(runEnergyTce(JSON.stringify({ ...report, lines: [{ carrier: 'electricity', quantity: 1, unit: 't' }] }), referenceDir)).rejects.toThrow('lines[0].unit: 电力不能以“t”计量');
    await expect(runEnergyTce(JSON.stringify({ ...report, lines: [{ carrier: 'raw-coal', quantity: -5, unit: 't' }] }), referenceDir)).rejects.toThrow(/lines\[0\]\.quantity/);
    await expect(runEnergyTce('{', referenceDir)).rejects.toThrow(InputError);
  });

  it('runs as a command: exit 2 and the reason on stderr for bad input', () => {
    const bad = spawnSync(process.execPath, ['bin/ecer.mjs', 'energy', 'tce'], { cwd: root, input: JSON.stringify({ year: 2024, lines: [{ carrier: 'coal', quantity: 1, unit: 't' }] }), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('未知的能源品种“coal”');
  });
});
