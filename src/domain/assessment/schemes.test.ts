import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { AssessmentScheme, AssessmentSchemesValue } from './model';
import { scoreAssessment } from './score';

/** The shipped default schemes (data/reference/assessment.yaml, 2021-01-01), parsed as the loader parses them. */
const file = path.resolve(import.meta.dirname, '../../../data/reference/assessment.yaml');
const shipped = () => {
  const versions = YAML.parse(fs.readFileSync(file, 'utf8')) as Array<{ key: string; validFrom: string; value: unknown }>;
  return AssessmentSchemesValue.parse(versions.find((v) => v.key === 'assessment-schemes' && v.validFrom === '2021-01-01')!.value);
};
const m = (value: number, ...figures: Array<[string, string]>) => ({ value, figures: figures.map(([label, v]) => ({ label, value: v })) });

describe('the shipped county scheme', () => {
  it('is the template: 40 target points, 60 over the eight measure groups, 100 in all', () => {
    const { region } = shipped();
    const max = (group: string) => region.items.filter((i) => i.group === group).reduce((a, i) => a + i.maxPoints, 0);
    expect([max('target'), max('measures')]).toEqual([40, 60]);
    expect(region.items.filter((i) => i.group === 'measures')).toHaveLength(8);
    expect(region.grades.map((g) => [g.label, g.min])).toEqual([['超额完成', 95], ['完成', 80], ['基本完成', 60], ['未完成', 0]]);
  });

  it('scores a full example: bonus, reviewed measures, deductions, the veto and its exemption', () => {
    const { region } = shipped();
    const allChecked = region.items.flatMap((i) => (i.kind === 'reviewed' ? [{ itemKey: i.key, points: i.maxPoints, checked: i.checklist.map((c) => c.key) }] : []));
    const structure = { itemKey: 'structure', points: 12, checked: ['services-share', 'energy-review', 'high-tech-share'], note: '两高一低项目清单未落实处置意见' };
    const inputs = {
      metrics: {
        'intensity-completion': m(1.2, ['实际降低率', '3.0%'], ['目标降低率', '2.5%']),
        'total-consumption': m(0.97, ['能源消费总量', '412.4 万吨标准煤'], ['总量目标', '400.0 万吨标准煤']),
        'two-high-cases': m(1, ['两高一低违规项目', '1 个']),
        'monitoring-completeness': m(0.8, ['站点数', '12'], ['平均有效传输率', '80.0%']),
      },
      reviewed: [...allChecked.filter((s) => s.itemKey !== 'structure'), structure],
    };
    const r = scoreAssessment(region, inputs);
    expect([r.targetPoints, r.measurePoints, r.deductions, r.total]).toEqual([46, 52, -10, 88]);
    expect([r.grade, r.gradeLabel, r.vetoes, r.missingMetrics]).toEqual(['completed', '完成', [], []]);
    expect(r.items.find((i) => i.key === 'total-consumption')!.basis).toBe(
      '能源消费总量控制情况 97%（能源消费总量 412.4 万吨标准煤，总量目标 400.0 万吨标准煤）：达到 ≥ 95% 档，扣 3 分',
    );
    expect(scoreAssessment(region, inputs)).toEqual(r);

    const missed = scoreAssessment(region, { ...inputs, metrics: { ...inputs.metrics, 'intensity-completion': m(0.96) } });
    expect([missed.total, missed.grade]).toEqual([78, 'incomplete']);
    expect(scoreAssessment(region, { ...inputs, metrics: { ...inputs.metrics, 'intensity-completion': m(0.96) }, exemptions: ['intensity-missed'] }).grade).toBe('basic');
  });
});

describe('the shipped department scheme', () => {
  it('scores tasks 40, indicators 30 and reports 30 in proportion', () => {
    const r = scoreAssessment(shipped().department, {
      metrics: { 'tasks-on-time': m(0.9, ['按时完成', '18 项'], ['应完成', '20 项']), 'indicators-on-track': m(5 / 6), 'reports-on-time': m(1) },
    });
    expect(r.items.map((i) => i.points)).toEqual([36, 25, 30]);
    expect([r.total, r.gradeLabel]).toEqual([91, '完成']);
  });
});

describe('scheme checks', () => {
  const { region } = shipped();
  const issues = (s: unknown) => (AssessmentScheme.safeParse(s).error?.issues ?? []).map((i) => i.message);
  it('rejects points that do not add up and keys used twice', () => {
    expect(issues({ ...region, totalPoints: 90 })).toEqual(['目标与措施项满分合计 100，应为 90']);
    expect(issues({ ...region, items: [...region.items, region.items[0]] })[0]).toContain('满分合计 140');
    expect(issues({ ...region, items: [...region.items, region.items[0]] })).toContain('考核项 intensity 重复');
  });
  it('rejects a checklist that does not add up to its item, and grades out of order', () => {
    const items = region.items.map((i) => (i.key === 'law' && i.kind === 'reviewed' ? { ...i, checklist: i.checklist.slice(1) } : i));
    expect(issues({ ...region, items })).toEqual(['节能法律法规执行情况：评分要点合计 2 分，应为满分 3']);
    expect(issues({ ...region, grades: [...region.grades].reverse() }).length).toBeGreaterThan(0);
  });
});
