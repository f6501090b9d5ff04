import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountProject, accountProjects } from './account';
import { completionOf } from './progress';
import { type Pollutant, ProjectInput, type ProjectResult, type ReductionRules } from './model';

/** The shipped reduction-rules (data/reference/reduction.yaml, 2021-01-01). */
const RULES: ReductionRules = {
  baselineTolerance: 0.05,
  claimAbsTolerance: 0.001,
  claimRelTolerance: 0.005,
  cemsMaxMissingShare: 0.25,
  yellowFrom: 0.8,
  expectedByYear: { 2021: 0.2, 2022: 0.4, 2023: 0.6, 2024: 0.8, 2025: 1 },
  monitoringTolerance: 0.2,
  dispatchDueDay: 10,
  targetIndicators: { COD: 'I03', 'NH3-N': 'I04', NOx: 'I05', VOCs: 'I06' },
};

let n = 0;
const project = (more: Record<string, unknown>): ProjectInput => ProjectInput.parse({ id: `P${++n}`, status: 'operating', ...more });
const one = (more: Record<string, unknown>) => accountProject(project(more), RULES);
const t = (r: ProjectResult, p: Pollutant) => r.pollutants.find((x) => x.pollutant === p)!;
const reduction = (r: ProjectResult) => Object.fromEntries(r.pollutants.map((x) => [x.pollutant, x.reduction_t]));

// reduction.md §7, the inputs of each worked example.
const W1_NEW = { measureType: 'sewage-plant', pollutants: ['COD', 'NH3-N'], eventDate: '2023-06-20' };
const w1New = (year: number, days: number) => ({ ...W1_NEW, year, params: { q_p_m3: 18_000 * days, cin_p_mg_l: { COD: 180, 'NH3-N': 22 }, cout_p_mg_l: { COD: 30, 'NH3-N': 1.5 } } });
const G1_WATER = { measureType: 'industrial-wastewater', pollutants: ['COD'], year: 2024, eventDate: '2023-05-10', params: { a2020: 10_000, a_p: 12_000, e2020_t: { COD: 500_000 * 80e-6 }, e_p_t: { COD: 450_000 * 40e-6 } } };
const A3_CLOSURE = { measureType: 'structure-closure', pollutants: ['COD', 'NH3-N'], year: 2022, eventDate: '2022-09-10', params: { e2020_t: { COD: 36.5, 'NH3-N': 3.65 } } };
const A1_KILN = { measureType: 'ultra-low-emission-cems', pollutants: ['NOx'], year: 2024, eventDate: '2023-11-05', uscc: '91360700MA35KILN01', outlet: 'DA001', regionCode: '360702', params: { v_p_nm3: 150_000 * 7_000, c0_mg_nm3: { NOx: 300 }, c_p_mg_nm3: { NOx: 100 } } };
const V1_FURNITURE = { measureType: 'vocs-source-substitution', pollutants: ['VOCs'], year: 2024, eventDate: '2023-03-01', params: { m0_t: 300, w0: 0.6, capture0: 0.5, removal0: 0.5, p0: 100_000, m_p_t: 330, w_p: 0.08, capture_p: 0.5, removal_p: 0.5, p_p: 110_000 } };

describe('reduction.md §7 worked examples, to the published decimal', () => {
  it('1. W1 new plant: 184 d in 2023 (496.800 t COD, 67.896 t NH3-N), the full 2025 (985.500 / 134.685 t)', () => {
    const y2023 = one(w1New(2023, 184));
    expect([y2023.countStart, y2023.countedDays]).toEqual(['2023-07-01', 184]);
    expect(reduction(y2023)).toEqual({ COD: 496.8, 'NH3-N': 67.896 });
    expect(reduction(one(w1New(2025, 365)))).toEqual({ COD: 985.5, 'NH3-N': 134.685 });
  });

  it('2. W1 upgrade plus network, 2025: 1 168.000 t COD, 199.290 t NH3-N', () => {
    const r = one({
      measureType: 'sewage-plant',
      pollutants: ['COD', 'NH3-N'],
      year: 2025,
      eventDate: '2024-06-15',
      params: { q_p_m3: 45_000 * 365, cin_p_mg_l: { COD: 190, 'NH3-N': 25 }, cout_p_mg_l: { COD: 30, 'NH3-N': 2.2 }, q0_m3_d: 40_000, cin0_mg_l: { COD: 150, 'NH3-N': 25 }, cout0_mg_l: { COD: 50, 'NH3-N': 13 } },
    });
    expect(r.countedDays).toBe(365);
    expect(reduction(r)).toEqual({ COD: 1168, 'NH3-N': 199.29 });
    expect(t(r, 'COD').baseline_t).toBe(3120.75); // q_p × cin_p, the C3 cap
  });

  it('3. G1 industrial wastewater: 12 000 × 0.004 − 18 = 30.000 t COD', () => {
    const r = one(G1_WATER);
    expect(t(r, 'COD')).toMatchObject({ reduction_t: 30, countable_t: 30, baseline_t: 48, rejection: null, flags: [] });
  });

  it('4. A3 closure on 2022-09-10: 92/365 of the 2020 emission (9.200 t COD, 0.920 t NH3-N), the whole of it from 2023', () => {
    const r = one(A3_CLOSURE);
    expect([r.countStart, r.countedDays, r.f]).toEqual(['2022-10-01', 92, 92 / 365]);
    expect(reduction(r)).toEqual({ COD: 9.2, 'NH3-N': 0.92 });
    expect(reduction(one({ ...A3_CLOSURE, year: 2023 }))).toEqual({ COD: 36.5, 'NH3-N': 3.65 });
  });

  it('5. W4 livestock: 10 000 head × 200 g × 366 d × (0.95 − 0.60) = 256.200 t COD; NH3-N at 12 g 15.372 t', () => {
    const r = one({ measureType: 'livestock-farm', pollutants: ['COD', 'NH3-N'], year: 2024, eventDate: '2022-11-30', params: { n_head: 10_000, g_g_per_head_day: { COD: 200, 'NH3-N': 12 }, eta0: 0.6, eta_p: 0.95 } });
    expect(r.countedDays).toBe(366);
    expect(reduction(r)).toEqual({ COD: 256.2, 'NH3-N': 15.372 });
    expect(t(r, 'COD').baseline_t).toBe(732);
  });

  it('6. W5 rural sewage stable 2024-05-18: 214 d, 17.976 t COD, 1.541 t NH3-N', () => {
    const r = one({ measureType: 'rural-sewage', pollutants: ['COD', 'NH3-N'], year: 2024, eventDate: '2024-05-18', params: { p_persons: 3_000, g_g_per_person_day: { COD: 40, 'NH3-N': 4 }, eta0: 0, eta_p: { COD: 0.7, 'NH3-N': 0.6 } } });
    expect(r.countedDays).toBe(214);
    expect(reduction(r)).toEqual({ COD: 17.976, 'NH3-N': 1.541 });
  });

  it('7. A1 cement kiln: 1.05 × 10⁹ Nm³ × 200 mg/Nm³ = 210.000 t NOx', () => {
    expect(reduction(one(A1_KILN))).toEqual({ NOx: 210 });
  });

  it('8. A2 coal boiler: 7 000 t × 4.0 kg/t × (0.75 − 0.10) = 18.200 t NOx', () => {
    const r = one({ measureType: 'boiler-kiln-factor', pollutants: ['NOx'], year: 2023, eventDate: '2023-08-15', params: { a_p: 7_000, g_kg_per_unit: { NOx: 4 }, eta0: 0.1, eta_p: 0.75, factor_source: '示例系数' } });
    expect(r.countStart).toBe('2023-09-01');
    expect(reduction(r)).toEqual({ NOx: 18.2 });
  });

  it('9. A3 boiler replaced by gas: 24 × 275/365 − 2.25 = 15.832 t NOx', () => {
    const r = one({ measureType: 'coal-boiler-elimination', pollutants: ['NOx'], year: 2025, eventDate: '2025-03-20', params: { e2020_t: { NOx: 6_000 * 4 * 1e-3 }, e_sub_p_t: { NOx: 225 * 10 * 1e-3 } } });
    expect(r.countedDays).toBe(275);
    expect(t(r, 'NOx')).toMatchObject({ reduction_t: 15.832, baseline_t: 18.082 });
  });

  it('10. A4 trucks deregistered 2024-04-16: 33.6 t/a × 245/366 = 22.492 t NOx', () => {
    const r = one({ measureType: 'old-vehicle-elimination', pollutants: ['NOx'], year: 2024, eventDate: '2024-04-16', params: { n_vehicles: 120, l_km_per_year: 40_000, ef_old_g_km: { NOx: 8 }, ef_rep_g_km: { NOx: 1 } } });
    expect([r.countedDays, reduction(r)]).toEqual([245, { NOx: 22.492 }]);
  });

  it('11. V1 substitution: 148.5 − 19.8 = 128.700 t VOCs', () => {
    expect(reduction(one(V1_FURNITURE))).toEqual({ VOCs: 128.7 });
  });

  it('12. V2 end-of-pipe: 200 × (0.81 − 0.15) = 132.000 t VOCs', () => {
    expect(reduction(one({ measureType: 'vocs-end-of-pipe', pollutants: ['VOCs'], year: 2024, eventDate: '2023-01-15', params: { g_p_t: 200, capture0: 0.3, removal0: 0.5, capture_p: 0.9, removal_p: 0.9 } }))).toEqual({ VOCs: 132 });
  });

  it('13. G1 LDAR: 55 000 × 12/50 000 − 4.5 = 8.700 t VOCs', () => {
    expect(reduction(one({ measureType: 'vocs-ldar-tank-loading', pollutants: ['VOCs'], year: 2024, eventDate: '2023-02-01', params: { a2020: 50_000, a_p: 55_000, e2020_t: { VOCs: 12 }, e_p_t: { VOCs: 4.5 } } }))).toEqual({ VOCs: 8.7 });
  });

  it('14. offset: 30 t COD with 8 t named in a new project\'s approval counts 22.000 t', () => {
    const r = one({ ...G1_WATER, offsets: { COD: { t: 8, approvalNo: '赣市环评字〔2024〕12号' } } });
    expect(t(r, 'COD')).toMatchObject({ reduction_t: 30, offset_t: 8, countable_t: 22, rejection: null });
  });

  it('15. cumulative: 南康区 VOCs in 2025 is 128.7 + 45.3 = 174.0 t, 87.00 % of 200 t (never the sum over years)', () => {
    const rs = accountProjects(
      [
        project({ ...V1_FURNITURE, year: 2025, regionCode: '360703' }),
        project({ measureType: 'vocs-end-of-pipe', pollutants: ['VOCs'], year: 2025, regionCode: '360703', eventDate: '2022-06-01', params: { g_p_t: 151, capture0: 0.3, removal0: 0.5, capture_p: 0.9, removal_p: 0.5 } }),
      ],
      RULES,
    );
    const total = rs.reduce((s, r) => s + t(r, 'VOCs').countable_t, 0);
    expect(rs.map((r) => t(r, 'VOCs').countable_t)).toEqual([128.7, 45.3]);
    expect(total.toFixed(3)).toBe('174.000');
    expect(completionOf(total, 200)).toBe(0.87);
  });
});

describe('reduction.md §7 rejected examples', () => {
  it('C1: the kiln outlet claimed again by a second project for the same period', () => {
    const [first, again] = accountProjects([project({ ...A1_KILN, id: 'KILN-A' }), project({ ...A1_KILN, id: 'KILN-B' })], RULES);
    expect(t(first!, 'NOx').countable_t).toBe(210);
    expect(t(again!, 'NOx')).toMatchObject({ reduction_t: 210, countable_t: 0, rejection: { code: 'DUPLICATE_FACILITY_MEASURE', field: 'outlet' } });
    expect(t(again!, 'NOx').rejection!.reason).toContain('KILN-A');
  });

  it('C2: a network claiming the 292 t its receiving plant already counts', () => {
    const r = one({ measureType: 'sewage-network', pollutants: ['COD'], year: 2025, eventDate: '2024-03-01', claimed_t: { COD: (1_825_000 * 160) / 1e6 }, params: { receiving_plant: '赣州市白塔污水处理厂', km_built: 12 } });
    expect(r.rejection).toMatchObject({ code: 'NETWORK_COUNTED_SEPARATELY', field: 'claimed_t.COD' });
    expect(r.rejection!.reason).toContain('292');
    expect(t(r, 'COD').countable_t).toBe(0);
  });

  it('C2: a network without a claim gives 0 t and no rejection', () => {
    const r = one({ measureType: 'sewage-network', pollutants: ['COD', 'NH3-N'], year: 2025, eventDate: '2024-03-01', params: { receiving_plant: '赣州市白塔污水处理厂' } });
    expect(r.rejection).toBeNull();
    expect(r.pollutants.map((p) => [p.reduction_t, p.countable_t, p.rejection])).toEqual([[0, 0, null], [0, 0, null]]);
  });

  it('C3: a closure claiming 60 t on a 36.5 t baseline (C3 goes before C6)', () => {
    const r = one({ ...A3_CLOSURE, pollutants: ['COD'], year: 2023, claimed_t: { COD: 60 } });
    expect(t(r, 'COD')).toMatchObject({ reduction_t: 36.5, countable_t: 0, rejection: { code: 'EXCEEDS_BASELINE', field: 'claimed_t.COD' } });
    expect(t(r, 'COD').rejection!.reason).toMatch(/60 t.*36\.500 t/);
  });

  it('C4: a capture efficiency of 1.05', () => {
    const r = one({ ...V1_FURNITURE, params: { ...V1_FURNITURE.params, capture_p: 1.05 } });
    expect(r.rejection).toMatchObject({ code: 'PARAMETER_OUT_OF_RANGE', field: 'params.capture_p' });
    expect(t(r, 'VOCs').countable_t).toBe(0);
  });

  it('C5: a plant stable on 2025-12-10 counts from 2026-01-01, so not for 2025', () => {
    const r = one({ ...w1New(2025, 20), eventDate: '2025-12-10' });
    expect([r.countStart, r.countedDays]).toEqual(['2026-01-01', 0]);
    expect(r.rejection).toMatchObject({ code: 'NOT_COUNTABLE', field: 'eventDate' });
    expect(r.rejection!.reason).toContain('2026-01-01');
  });

  it('C1: a VIN another county already counted (prior claim, or earlier in the input)', () => {
    const truck = (id: string, regionCode: string, vins: string[]) => project({ id, regionCode, measureType: 'old-vehicle-elimination', pollutants: ['NOx'], year: 2024, eventDate: '2024-04-16', params: { n_vehicles: vins.length, l_km_per_year: 40_000, ef_old_g_km: { NOx: 8 }, ef_rep_g_km: { NOx: 1 }, vins } });
    const [a] = accountProjects([truck('ND-1', '360702', ['LVV001', 'LVV002'])], RULES, { facilities: [], vins: [{ vin: 'LVV002', projectId: 'XF-9' }] });
    expect(a!.rejection).toMatchObject({ code: 'DUPLICATE_VEHICLE', field: 'params.vins[1]' });
    expect(a!.rejection!.reason).toContain('XF-9');
    const [b, c] = accountProjects([truck('ND-1', '360702', ['LVV001']), truck('XF-1', '360722', ['LVV003', 'LVV001'])], RULES);
    expect([b!.rejection, c!.rejection?.code]).toEqual([null, 'DUPLICATE_VEHICLE']);
  });
});

describe('T1 counted period in the accounting', () => {
  it('only stable operation counts; trial operation names its status', () => {
    const r = one({ ...G1_WATER, status: 'trial' });
    expect(r.rejection).toMatchObject({ code: 'NOT_COUNTABLE', field: 'status' });
    expect(r.rejection!.reason).toContain('试运行');
  });

  it('a stopped project counts to its end date, inclusive; without one it is not countable', () => {
    const r = one({ ...A3_CLOSURE, status: 'stopped', year: 2023, endDate: '2023-03-31' });
    expect([r.countedDays, reduction(r)]).toEqual([90, { COD: 9, 'NH3-N': 0.9 }]);
    expect(one({ ...A3_CLOSURE, status: 'stopped', year: 2023 }).rejection).toMatchObject({ code: 'NOT_COUNTABLE', field: 'endDate' });
    expect(one({ ...A3_CLOSURE, status: 'stopped', year: 2022, endDate: '2022-09-30' }).rejection).toMatchObject({ code: 'NOT_COUNTABLE', field: 'endDate' });
  });

  it('a project stable before 2021 is in the 2020 baseline', () => {
    expect(one({ ...G1_WATER, eventDate: '2020-11-30' }).rejection).toMatchObject({ code: 'NOT_COUNTABLE', field: 'eventDate' });
  });

  it('norm methods take counted days in a leap year (A3 over 366)', () => {
    const r = one({ ...A3_CLOSURE, pollutants: ['COD'], year: 2024, eventDate: '2024-01-31', params: { e2020_t: { COD: 36.6 } } });
    expect([r.countStart, r.countedDays]).toEqual(['2024-02-01', 335]);
    expect(reduction(r)).toEqual({ COD: 33.5 }); // 36.6 × 335/366
  });
});

describe('checks C3–C7 in detail', () => {
  it('C6: a claim within max(0.001 t, 0.5 % of R) stands, beyond it is CLAIM_MISMATCH', () => {
    // R = 30 t: tolerance 0.15 t.
    expect(t(one({ ...G1_WATER, claimed_t: { COD: 30.15 } }), 'COD').rejection).toBeNull();
    expect(t(one({ ...G1_WATER, claimed_t: { COD: 29.85 } }), 'COD').rejection).toBeNull();
    expect(t(one({ ...G1_WATER, claimed_t: { COD: 30.151 } }), 'COD').rejection).toMatchObject({ code: 'CLAIM_MISMATCH', field: 'claimed_t.COD' });
    // R = 0.1 t: tolerance 0.001 t.
    const small = { ...G1_WATER, params: { ...G1_WATER.params, e2020_t: { COD: 1 }, a_p: 10_000, e_p_t: { COD: 0.9 } } };
    expect(t(one({ ...small, claimed_t: { COD: 0.101 } }), 'COD').rejection).toBeNull();
    expect(t(one({ ...small, claimed_t: { COD: 0.1011 } }), 'COD').rejection?.code).toBe('CLAIM_MISMATCH');
  });

  it('C3: a 2020 baseline more than 5 % off the facility\'s report needs an explanation', () => {
    expect(t(one({ ...G1_WATER, reported_e2020_t: { COD: 38.1 } }), 'COD').rejection).toBeNull(); // 40 vs 38.1: 4.99 %
    const off = t(one({ ...G1_WATER, reported_e2020_t: { COD: 38 } }), 'COD');
    expect(off.rejection).toMatchObject({ code: 'BASELINE_MISMATCH', field: 'params.e2020_t.COD' });
    expect(t(one({ ...G1_WATER, reported_e2020_t: { COD: 38 }, baselineExplanation: '2020 年执行报告漏报二季度数据，已由监测站核实' }), 'COD').rejection).toBeNull();
  });

  it('C4: cout above cin, a negative volume, a missing map entry, too many missing CEMS hours', () => {
    const w = w1New(2025, 365);
    expect(t(one({ ...w, params: { ...w.params, cout_p_mg_l: { COD: 200, 'NH3-N': 1.5 } } }), 'COD').rejection).toMatchObject({ code: 'PARAMETER_OUT_OF_RANGE', field: 'params.cout_p_mg_l.COD' });
    expect(one({ ...w, params: { ...w.params, q_p_m3: -1 } }).rejection).toMatchObject({ field: 'params.q_p_m3' });
    const noNh3 = one({ ...w, params: { ...w.params, cin_p_mg_l: { COD: 180 } } });
    expect([t(noNh3, 'COD').rejection, t(noNh3, 'NH3-N').rejection?.field]).toEqual([null, 'params.cin_p_mg_l.NH3-N']);
    expect(one({ ...w, params: { ...w.params, q0_m3_d: 100 } }).pollutants[0]!.rejection).toMatchObject({ field: 'params.cin0_mg_l.COD' });
    expect(one({ ...A1_KILN, params: { ...A1_KILN.params, missing_hours_share: 0.26 } }).rejection).toMatchObject({ code: 'PARAMETER_OUT_OF_RANGE', field: 'params.missing_hours_share' });
    expect(one({ ...A1_KILN, params: { ...A1_KILN.params, missing_hours_share: 0.25 } }).rejection).toBeNull();
  });

  it('C4: a missing or non-numeric parameter names its field', () => {
    expect(one({ ...G1_WATER, params: { a_p: 1, e2020_t: { COD: 1 }, e_p_t: { COD: 1 } } }).rejection).toMatchObject({ code: 'PARAMETER_OUT_OF_RANGE', field: 'params.a2020' });
    expect(one({ ...G1_WATER, params: { ...G1_WATER.params, e_p_t: { COD: '18' } } }).rejection).toMatchObject({ field: 'params.e_p_t.COD' });
    expect(one({ measureType: 'livestock-farm', pollutants: ['COD'], year: 2024, eventDate: '2022-11-30', params: { n_head: 1, g_g_per_head_day: { COD: 200 }, eta0: 0.6, eta_p: { COD: 'x' } } }).rejection).toMatchObject({ field: 'params.eta_p.COD' });
  });

  it('C4: an efficiency above 1 on one pollutant only rejects that pollutant', () => {
    const r = one({ measureType: 'livestock-farm', pollutants: ['COD', 'NH3-N'], year: 2024, eventDate: '2022-11-30', params: { n_head: 10, g_g_per_head_day: { COD: 200, 'NH3-N': 12 }, eta0: 0.6, eta_p: { COD: 0.9, 'NH3-N': 1.2 } } });
    expect([t(r, 'COD').rejection, t(r, 'NH3-N').rejection?.field]).toEqual([null, 'params.eta_p.NH3-N']);
  });

  it('a pollutant the measure type does not account is rejected on that pollutant alone', () => {
    const r = one({ ...G1_WATER, pollutants: ['COD', 'NOx'] });
    expect([t(r, 'COD').countable_t, t(r, 'NOx').rejection?.code]).toEqual([30, 'POLLUTANT_NOT_APPLICABLE']);
  });

  it('a negative R is kept and flagged REVIEW_NEGATIVE, never clamped', () => {
    const r = t(one({ ...A1_KILN, params: { ...A1_KILN.params, c_p_mg_nm3: { NOx: 320 } } }), 'NOx');
    expect(r).toMatchObject({ reduction_t: -21, countable_t: -21, flags: ['REVIEW_NEGATIVE'], rejection: null });
  });

  it('C5: evidence missing for acceptance; C7: an offset cited without tonnage; an offset above R', () => {
    const e = one({ ...G1_WATER, evidence: ['permit', 'permit-report'] });
    expect(e.rejection).toMatchObject({ code: 'MISSING_EVIDENCE', field: 'evidence' });
    expect(e.rejection!.reason).toContain('production-statistics');
    expect(one({ ...G1_WATER, evidence: ['permit', 'permit-report', 'production-statistics', 'acceptance'] }).rejection).toBeNull();
    expect(one({ ...G1_WATER, offsetCitedWithoutTonnage: true }).rejection).toMatchObject({ code: 'OFFSET_MISSING', field: 'offsets' });
    expect(t(one({ ...G1_WATER, offsets: { COD: { t: 31, approvalNo: 'X' } } }), 'COD').rejection).toMatchObject({ field: 'offsets.COD.t' });
  });
});

describe('cross-project checks', () => {
  it('CROSS_REGION: a facility belongs to the region of its first accepted claim', () => {
    const [, b] = accountProjects([project({ ...A1_KILN, id: 'A' }), project({ ...A1_KILN, id: 'B', outlet: 'DA002', regionCode: '360722' })], RULES);
    expect(b!.rejection).toMatchObject({ code: 'CROSS_REGION', field: 'regionCode' });
    const [c] = accountProjects([project({ ...A1_KILN, id: 'C', outlet: 'DA002' })], RULES, { facilities: [{ uscc: A1_KILN.uscc, outlet: 'DA001', pollutant: 'NOx', measureType: 'ultra-low-emission-cems', regionCode: '360781', projectId: 'RJ-1' }], vins: [] });
    expect(c!.rejection?.code).toBe('CROSS_REGION');
  });

  it('DUPLICATE_FACILITY_MEASURE needs overlapping periods; a prior claim always overlaps; a rejected claim does not stand', () => {
    const early = project({ ...A1_KILN, id: 'E', status: 'stopped', year: 2024, eventDate: '2023-11-05', endDate: '2024-03-31' });
    const late = project({ ...A1_KILN, id: 'L', year: 2024, eventDate: '2024-04-10' });
    expect(accountProjects([early, late], RULES).map((r) => r.pollutants[0]!.rejection)).toEqual([null, null]);
    const [p] = accountProjects([project({ ...A1_KILN, id: 'P' })], RULES, { facilities: [{ uscc: A1_KILN.uscc, outlet: 'DA001', pollutant: 'NOx', measureType: 'ultra-low-emission-cems', regionCode: '360702', projectId: 'OLD' }], vins: [] });
    expect(p!.pollutants[0]!.rejection?.code).toBe('DUPLICATE_FACILITY_MEASURE');
    const bad = project({ ...A1_KILN, id: 'BAD', claimed_t: { NOx: 500 } });
    expect(accountProjects([bad, project({ ...A1_KILN, id: 'GOOD' })], RULES).map((r) => r.pollutants[0]!.rejection?.code ?? null)).toEqual(['EXCEEDS_BASELINE', null]);
  });

  it('SHARED_STREAM_OVERLAP: substitution plus end-of-pipe on one line above the line\'s pre-project emission rejects the later one', () => {
    const line = { uscc: '91360703MA3FURN001', outlet: 'DA003', regionCode: '360703' };
    const v1 = project({ ...V1_FURNITURE, ...line, id: 'SUB' }); // 128.7 t of a 198 t generation
    const v2 = (g: number) => project({ ...line, id: `EOP${g}`, measureType: 'vocs-end-of-pipe', pollutants: ['VOCs'], year: 2024, eventDate: '2023-01-15', params: { g_p_t: g, capture0: 0.3, removal0: 0.5, capture_p: 0.9, removal_p: 0.9 } });
    expect(accountProjects([v1, v2(200)], RULES)[1]!.pollutants[0]!.rejection).toMatchObject({ code: 'SHARED_STREAM_OVERLAP', field: 'measureType' }); // 128.7 + 132 > 198
    expect(accountProjects([v1, v2(50)], RULES)[1]!.pollutants[0]!.rejection).toBeNull(); // 128.7 + 33 ≤ 198
  });

  it('the same project accounted for two years is not a duplicate of itself', () => {
    const rs = accountProjects([project({ ...A1_KILN, id: 'K', year: 2024 }), project({ ...A1_KILN, id: 'K', year: 2025 })], RULES);
    expect(rs.map((r) => r.pollutants[0]!.rejection)).toEqual([null, null]);
  });
});

describe('properties', () => {
  it('A3 never exceeds e2020 × f unless rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 100_000 }), (e2020, esub, dayOfYear, claim) => {
        const event = new Date(Date.UTC(2023, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
        const r = one({ ...A3_CLOSURE, pollutants: ['COD'], year: 2023, eventDate: event, params: { e2020_t: { COD: e2020 / 100 }, e_sub_p_t: { COD: esub / 1000 } }, claimed_t: { COD: claim / 100 } });
        const p = r.pollutants[0]!;
        if (p.rejection) return;
        expect(p.countable_t).toBeLessThanOrEqual(p.baseline_t!);
        expect(p.baseline_t).toBeLessThanOrEqual(e2020 / 100);
      }),
    );
  });
});
