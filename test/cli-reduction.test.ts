import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/cli/input';
import { runReductionAccount } from '../src/cli/reduction-account';

const root = path.resolve(import.meta.dirname, '..');
const referenceDir = path.join(root, 'data/reference');

// reduction.md §7 example 1 (W1, new plant in 信丰县) and example 7 (A1, cement kiln).
const plant = (more: object = {}) => ({
  id: 'XF-W1-01',
  year: 2023,
  measureType: 'sewage-plant',
  regionCode: '360722',
  uscc: '91360722MA00000001',
  outlet: 'DW001',
  pollutants: ['COD', 'NH3-N'],
  status: 'operating',
  eventDate: '2023-06-20',
  params: { q_p_m3: 3_312_000, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 } },
  ...more,
});
const kiln = (id: string) => ({ id, year: 2024, measureType: 'ultra-low-emission-cems', regionCode: '360702', uscc: '91360700MA35KILN01', outlet: 'DA001', pollutants: ['NOx'], status: 'operating', eventDate: '2023-11-05', params: { v_p_nm3: 1.05e9, c0_mg_nm3: { NOx: 300 }, c_p_mg_nm3: { NOx: 100 } } });

async function run(input: unknown, opts: { year?: number } = {}) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  const code = await runReductionAccount(typeof input === 'string' ? input : JSON.stringify(input), referenceDir, out, opts);
  return { code, json: JSON.parse(chunks.join('')) };
}

describe('ecer reduction account', () => {
  it('prints each project\'s tonnes per pollutant with the shipped rules (reduction.md §7 examples 1 and 7)', async () => {
    const { code, json } = await run([plant(), kiln('KILN-A')]);
    expect(code).toBe(0);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({ id: 'XF-W1-01', year: 2023, method: 'W1', countStart: '2023-07-01', countedDays: 184, rejection: null });
    expect(json[0].pollutants.map((p: { pollutant: string; reduction_t: number; countable_t: number }) => [p.pollutant, p.reduction_t, p.countable_t])).toEqual([
      ['COD', 496.8, 496.8],
      ['NH3-N', 67.896, 67.896],
    ]);
    expect(json[1].pollutants[0]).toMatchObject({ pollutant: 'NOx', reduction_t: 210, baseline_t: 315, flags: [], rejection: null });
  });

  it('accepts { "projects": [...] } and accounts everything for --year', async () => {
    const { json } = await run({ projects: [plant({ params: { q_p_m3: 18_000 * 365, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 } } })] }, { year: 2025 });
    expect(json[0]).toMatchObject({ year: 2025, countedDays: 365 });
    expect(json[0].pollutants.map((p: { reduction_t: number }) => p.reduction_t)).toEqual([985.5, 134.685]);
  });

  it('gives rejections with code, reason and field, and checks projects against each other (C1, C5)', async () => {
    const { code, json } = await run([kiln('KILN-A'), kiln('KILN-B'), plant({ id: 'LATE', year: 2025, eventDate: '2025-12-10' })]);
    expect(code).toBe(0);
    expect(json[1].pollutants[0].rejection).toMatchObject({ code: 'DUPLICATE_FACILITY_MEASURE', field: 'outlet' });
    expect(json[1].pollutants[0].rejection.reason).toContain('KILN-A');
    expect(json[2].rejection).toMatchObject({ code: 'NOT_COUNTABLE', field: 'eventDate' });
    expect(json[2].pollutants.every((p: { countable_t: number }) => p.countable_t === 0)).toBe(true);
  });

  it('refuses a file that is not JSON or not of the format, naming the index and field', async () => {
    await expect(run('[{"id":')).rejects.toThrow(InputError);
    await expect(run([plant(), plant({ measureType: 'sewage' })])).rejects.toThrow(/\[1\]\.measureType/);
    await expect(run([plant({ eventDate: '2023-13-01' })])).rejects.toThrow(/\[0\]\.eventDate/);
    await expect(run({ projects: [plant({ pollutants: ['SO2'] })] })).rejects.toThrow(/\[0\]\.pollutants\[0\]/);
    await expect(run([plant()], { year: 2019 })).rejects.toThrow(/--year/);
  });

  it('runs as a command: JSON on stdout, exit 2 and a message on stderr for bad input', () => {
    const ok = spawnSync(process.execPath, ['bin/ecer.mjs', 'reduction', 'account'], { cwd: root, input: JSON.stringify([plant()]), encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)[0].pollutants[0].reduction_t).toBe(496.8);
    const bad = spawnSync(process.execPath, ['bin/ecer.mjs', 'reduction', 'account', '--year', '2024'], { cwd: root, input: JSON.stringify([{ ...plant(), status: 'running' }]), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('[0].status');
  });
});
