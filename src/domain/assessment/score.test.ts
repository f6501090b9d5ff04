import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { AssessmentScheme, type AssessmentInputsIn, type MetricKey } from './model';
import { scoreAssessment } from './score';

const GRADES = [
  { grade: 'exceeded', label: '超额完成', min: 95 },
  { grade: 'completed', label: '完成', min: 80 },
  { grade: 'basic', label: '基本完成', min: 60 },
  { grade: 'incomplete', label: '未完成', min: 0 },
];

/** The template's county table (energy.md §7): 40 target points by steps + bonus, measures split 50 / 10 so totals can be set to the cent. */
const TEMPLATE = AssessmentScheme.parse({
  code: 'template',
  name: '模板',
  subject: 'region',
  totalPoints: 100,
  items: [
    {
      key: 'intensity', title: '能耗强度降低目标完成情况', group: 'target', maxPoints: 40, kind: 'computed', metric: 'intensity-completion',
      rule: { kind: 'steps', steps: [1, 0.9, 0.8, 0.7, 0.6, 0.5].map((min, i) => ({ min, points: 40 - 4 * i })), below: 0, bonus: { perStep: 0.1, points: 3, cap: 9 } },
    },
    { key: 'reports', title: '报告按时报送', group: 'measures', maxPoints: 50, kind: 'computed', metric: 'reports-on-time', rule: { kind: 'linear' } },
    {
      key: 'organisation', title: '组织领导', group: 'measures', maxPoints: 10, kind: 'reviewed', reviewerDepartments: ['fgw'],
      checklist: [{ key: 'a', text: '建立协调机制', points: 4 }, { key: 'b', text: '研究部署', points: 6 }],
    },
    { key: 'two-high', title: '两高一低', group: 'deduction', maxPoints: 20, kind: 'computed', metric: 'two-high-cases', rule: { kind: 'per-count', points: 5 } },
    { key: 'barometer', title: '晴雨表', group: 'deduction', maxPoints: 3, kind: 'computed', metric: 'barometer-level', rule: { kind: 'level', points: { green: 0, yellow: 1, red: 3 } } },
  ],
  vetoes: [{ key: 'intensity-missed', metric: 'intensity-completion', condition: { below: 1 }, exemptible: true, message: '未完成能耗强度降低目标' }],
  grades: GRADES,
});

const metric = (value: number | null, figures: Array<{ label: string; value: string }> = []) => ({ value, figures });
const FULL_MEASURES = { reviewed: [{ itemKey: 'organisation', points: 10, checked: ['a', 'b'] }] };
const score = (q: number | null, more: Partial<Record<MetricKey, number>> = {}, extra: Partial<AssessmentInputsIn> = {}) =>
  scoreAssessment(TEMPLATE, {
    metrics: { 'intensity-completion': metric(q), 'reports-on-time': metric(1), ...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, metric(v)])) },
    ...FULL_MEASURES,
    ...extra,
  });
const item = (r: ReturnType<typeof score>, key: string) => r.items.find((i) => i.key === key)!;
const thrown = (f: () => unknown): AppError => {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('did not throw');
};

describe('target points: the template table (energy.md §7)', () => {
  it.each([
    [1.0, 40],
    [0.9999, 36], // just short of 100 %: floored to the 90 % step
    [0.95, 36],
    [0.9, 36],
    [0.8999, 32],
    [0.5, 20],
    [0.49, 0],
    [0, 0],
    [1.05, 40],
    [1.1, 43],
    [1.2, 46],
    [1.3, 49],
    [1.35, 49], // 3 whole steps over: +9, the cap
    [2, 49],
  ])('q = %s → %s points', (q, points) => {
    expect(item(score(q), 'intensity').points).toBe(points);
  });

  it('names the figures and the step used', () => {
    const r = scoreAssessment(TEMPLATE, { metrics: { 'intensity-completion': metric(0.95, [{ label: '实际降低率', value: '2.375%' }, { label: '目标降低率', value: '2.5%' }]) } });
    expect(item(r, 'intensity').basis).toBe('能耗强度降低目标完成率 95%（实际降低率 2.375%，目标降低率 2.5%）：达到 ≥ 90% 档，得 36 分');
    expect(item(r, 'intensity').figures).toHaveLength(2);
    expect(item(score(1.35), 'intensity').basis).toContain('超额 35%，每超 10% 加 3 分，加 9 分，已达上限 9 分');
    expect(item(score(0.49), 'intensity').basis).toContain('低于最低档 50%，得 0 分');
  });
});

describe('grades: inclusive lower bounds 95 / 80 / 60', () => {
  it.each([
    [0.9, 95, 'exceeded', '超额完成'],
    [0.8998, 94.99, 'completed', '完成'],
    [0.6, 80, 'completed', '完成'],
    [0.5998, 79.99, 'basic', '基本完成'],
    [0.2, 60, 'basic', '基本完成'],
    [0.1998, 59.99, 'incomplete', '未完成'],
  ])('reports %s → total %s → %s', (share, total, grade, label) => {
    const r = score(1, { 'reports-on-time': share });
    expect(r.total).toBe(total);
    expect([r.grade, r.gradeLabel]).toEqual([grade, label]);
    expect(r.targetPoints + r.measurePoints + r.deductions).toBeCloseTo(r.total, 10);
  });

  it('a total reaching 109 still grades by the same bands', () => {
    const r = score(1.5);
    expect([r.targetPoints, r.measurePoints, r.total, r.grade]).toEqual([49, 60, 109, 'exceeded']);
  });
});

describe('veto (否决性指标)', () => {
  it('a missed intensity target is 未完成 whatever the score; an approved exemption lifts it', () => {
    // Under the template a miss caps the target at 36, so 96 is the highest such score.
    const missed = score(0.99);
    expect([missed.total, missed.grade, missed.gradeLabel]).toEqual([96, 'incomplete', '未完成']);
    expect(missed.vetoes).toEqual([{ key: 'intensity-missed', message: '未完成能耗强度降低目标' }]);
    const lifted = score(0.99, {}, { exemptions: ['intensity-missed'] });
    expect([lifted.total, lifted.grade, lifted.vetoes, lifted.exempted]).toEqual([96, 'exceeded', [], ['intensity-missed']]);
  });

  it('is not met exactly at the target', () => {
    expect(score(1).vetoes).toEqual([]);
  });

  it('rejects an exemption the scheme does not allow', () => {
    expect(thrown(() => score(1, {}, { exemptions: ['nope'] })).where).toEqual({ pointer: '#/exemptions/0', field: 'exemptions' });
    const strict = AssessmentScheme.parse({ ...TEMPLATE, vetoes: [{ ...TEMPLATE.vetoes[0]!, exemptible: false }] });
    expect(() => scoreAssessment(strict, { exemptions: ['intensity-missed'] })).toThrow('不可豁免');
  });
});

describe('deductions', () => {
  it('take points per case up to the cap, and are shown below zero', () => {
    expect(item(score(1, { 'two-high-cases': 3 }), 'two-high').points).toBe(-15);
    const capped = score(1, { 'two-high-cases': 5 });
    expect([item(capped, 'two-high').points, capped.deductions, capped.total]).toEqual([-20, -20, 80]);
    expect(item(capped, 'two-high').basis).toBe('两高一低及能评未批先建案件 5 起：每起扣 5 分，扣 20 分（上限 20 分）');
    expect(item(score(1, { 'two-high-cases': 0 }), 'two-high').points).toBe(0);
  });

  it('by barometer level', () => {
    expect(item(score(1, { 'barometer-level': 3 }), 'barometer').points).toBe(0);
    expect(item(score(1, { 'barometer-level': 2 }), 'barometer').basis).toContain('黄灯（二级预警），扣 1 分');
    expect(item(score(1, { 'barometer-level': 1 }), 'barometer').points).toBe(-3);
    expect(thrown(() => score(1, { 'barometer-level': 4 })).code).toBe('validation');
  });
});

describe('missing data', () => {
  it('scores the item 0, says so, lists the metric and judges no veto on it', () => {
    const r = score(null);
    expect(item(r, 'intensity')).toMatchObject({ points: 0, basis: '缺少数据（能耗强度降低目标完成率），本项记 0 分' });
    expect(r.vetoes).toEqual([]);
    expect(r.missingMetrics).toEqual(['intensity-completion', 'barometer-level', 'two-high-cases']);
    expect(scoreAssessment(TEMPLATE, {}).items.find((i) => i.key === 'organisation')!.basis).toBe('尚未评分，本项记 0 分');
  });
});

describe('reviewed scores', () => {
  const review = (s: Record<string, unknown>) => () => scoreAssessment(TEMPLATE, { reviewed: [{ itemKey: 'organisation', points: 4, checked: ['a'], ...s }] as AssessmentInputsIn['reviewed'] });
  it('count the checked entries and keep the note', () => {
    const r = scoreAssessment(TEMPLATE, { reviewed: [{ itemKey: 'organisation', points: 4, checked: ['a'], note: '会议纪要齐全' }] });
    expect(item(r, 'organisation')).toMatchObject({ points: 4, basis: '评审符合 1 项：建立协调机制（4 分），得 4 分。评审意见：会议纪要齐全', figures: [{ label: '建立协调机制', value: '4' }] });
  });
  it.each([
    ['above the maximum', { points: 11, checked: ['a', 'b'] }, 'points', '满分 10 分'],
    ['not matching the checked entries', { points: 6 }, 'points', '与勾选要点合计 4 分不符'],
    ['an unknown checklist entry', { checked: ['z'] }, 'checked', '没有评分要点 z'],
    ['a checklist entry twice', { checked: ['a', 'a'] }, 'checked', '重复'],
    ['a computed item', { itemKey: 'intensity' }, 'itemKey', '由平台数据计算'],
    ['an unknown item', { itemKey: 'nope' }, 'itemKey', '没有考核项'],
  ])('reject %s', (_, s, field, message) => {
    const err = thrown(review(s));
    expect([err.code, err.where?.pointer]).toEqual(['validation', `#/reviewed/0/${field}`]);
    expect(err.detail).toContain(message);
  });
  it('reject two scores of one item', () => {
    const twice = { itemKey: 'organisation', points: 4, checked: ['a'] };
    expect(thrown(() => scoreAssessment(TEMPLATE, { reviewed: [twice, twice] })).where?.pointer).toBe('#/reviewed/1/itemKey');
  });
});

describe('exactness and reproducibility', () => {
  it('points are exact to 0.01, rounded half-up once per item', () => {
    const r = score(1, { 'reports-on-time': 0.33333 });
    expect(item(r, 'reports').points).toBe(16.67); // 50 × 0.33333 = 16.6665
    expect(r.total).toBe(66.67);
  });
  it('the same inputs give a deep-equal result and are left untouched', () => {
    const inputs: AssessmentInputsIn = { metrics: { 'intensity-completion': metric(1.17), 'two-high-cases': metric(2) }, ...FULL_MEASURES };
    const before = structuredClone(inputs);
    expect(scoreAssessment(TEMPLATE, inputs)).toEqual(scoreAssessment(TEMPLATE, inputs));
    expect(inputs).toEqual(before);
  });
});

describe('properties', () => {
  const q = fc.double({ min: 0, max: 5, noNaN: true });
  const share = fc.double({ min: -1, max: 2, noNaN: true });
  it('the total stays within [−deductions max, total + bonus cap]', () => {
    fc.assert(
      fc.property(q, share, fc.nat(10), fc.constantFrom(1, 2, 3), fc.boolean(), (qv, s, cases, level, reviewed) => {
        const r = scoreAssessment(TEMPLATE, {
          metrics: { 'intensity-completion': metric(qv), 'reports-on-time': metric(s), 'two-high-cases': metric(cases), 'barometer-level': metric(level) },
          ...(reviewed ? FULL_MEASURES : {}),
        });
        expect(r.total).toBeGreaterThanOrEqual(-23);
        expect(r.total).toBeLessThanOrEqual(109);
        expect(Math.round(r.total * 100) / 100).toBe(r.total);
      }),
    );
  });
  it('target points never decrease when q increases', () => {
    fc.assert(
      fc.property(q, q, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(item(score(hi), 'intensity').points).toBeGreaterThanOrEqual(item(score(lo), 'intensity').points);
      }),
    );
  });
});
