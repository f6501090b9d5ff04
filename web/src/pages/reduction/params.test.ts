import { describe, expect, it } from 'vitest';
import { MethodParams, METHODS } from '../../../../src/domain/reduction/model';
import { hasRequiredParams, PARAM_SPECS, paramValues, toParams } from './params';

describe('method parameters', () => {
  it('lists each method’s parameters by the names of reduction.md §3, required exactly where the schema has no default', () => {
    for (const m of METHODS) {
      const shape = MethodParams[m].shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
      expect(PARAM_SPECS[m].map((s) => s.name).sort()).toEqual(Object.keys(shape).sort());
      for (const s of PARAM_SPECS[m]) expect(s.required, `${m}.${s.name}`).toBe(!shape[s.name]!.safeParse(undefined).success);
    }
  });

  it('builds W1 params of worked example 1 (信丰县 new plant) that the schema accepts', () => {
    const params = toParams(
      'W1',
      { q_p_m3: 3_312_000, cin_p_mg_l: { COD: 180, 'NH3-N': 22, NOx: 5 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 }, q0_m3_d: null, cin0_mg_l: {}, cout0_mg_l: undefined },
      ['COD', 'NH3-N'],
    );
    expect(params).toEqual({ q_p_m3: 3_312_000, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 } });
    expect(MethodParams.W1.parse(params)).toMatchObject({ q0_m3_d: 0, cin0_mg_l: {} });
    expect(hasRequiredParams('W1', params, ['COD', 'NH3-N'])).toBe(true);
    expect(hasRequiredParams('W1', { ...params, cout_p_mg_l: { COD: 30 } }, ['COD', 'NH3-N'])).toBe(false);
  });

  it('splits VINs by line or comma and joins them back one per line; a single efficiency spreads over the pollutants', () => {
    const params = toParams('A4', { n_vehicles: 120, l_km_per_year: 40000, ef_old_g_km: { NOx: 8 }, ef_rep_g_km: { NOx: 1 }, vins: ' LFV1A, LFV2B\nLFV3C ' }, ['NOx']);
    expect(params.vins).toEqual(['LFV1A', 'LFV2B', 'LFV3C']);
    expect(paramValues('A4', params, ['NOx']).vins).toBe('LFV1A\nLFV2B\nLFV3C');
    expect(paramValues('W4', { n_head: 10000, eta0: 0.6 }, ['COD', 'NH3-N']).eta0).toEqual({ COD: 0.6, 'NH3-N': 0.6 });
  });

  it('keeps out-of-range values for the engine to reject with a reason (C4), and texts trimmed', () => {
    expect(toParams('V2', { g_p_t: 200, capture0: 0.3, removal0: 0.5, capture_p: 1.05, removal_p: 0.9 }, ['VOCs']).capture_p).toBe(1.05);
    expect(toParams('NET', { receiving_plant: '  信丰县城南污水处理厂 ' }, ['COD'])).toEqual({ receiving_plant: '信丰县城南污水处理厂' });
  });
});
