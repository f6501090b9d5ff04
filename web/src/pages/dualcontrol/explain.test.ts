import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import { explainIntensity, explainNotRated, explainTotal } from './explain';
import type { Evaluation } from './queries';

const t: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

const e2022: Evaluation = {
  region: '360702',
  year: 2022,
  gdpComparable: 1112.4,
  energy: 420,
  deductions: { feedstock: 0, listedProjects: 0, renewableIncrement: 0, nonFossil: null },
  assessedTotal: 420,
  assessedForIntensity: 420,
  intensity: 0.377562,
  annualReduction: 0.019782,
  cumulativeReduction: 0.056095,
  progressTarget: 0.052011,
  completion: 0.45,
  timeProgress: 0.4,
  onTrack: true,
  totalTarget: { planned: 424.1, adjusted: 428.3, isAdjusted: true },
  exemptFromTotal: false,
  nonFossilShare: null,
  level: { intensity: 2, total: 3, overall: 2 },
};

describe('explain', () => {
  it('gives the intensity change against the required reduction, with the level', () => {
    expect(explainIntensity(e2022, 0.026353, t)).toBe('强度：下降 1.98%，应降 2.64%（二级预警）');
    expect(explainIntensity({ ...e2022, annualReduction: -0.01, level: { ...e2022.level, intensity: 1 } }, null, t)).toBe('强度：上升 1.00%（一级预警）');
    expect(explainIntensity(e2022, 0.026353, en)).toMatch(/fell 1\.98%.*2\.64%.*Level 2/);
  });
  it('gives the total against its adjusted target, or says it is exempt', () => {
    expect(explainTotal(e2022, t)).toBe('总量：420 万吨标准煤，目标 428.3 万吨标准煤（三级预警）');
    expect(explainTotal({ ...e2022, exemptFromTotal: true }, t)).toBe('总量：达到激励目标，免于总量考核');
  });
  it('says why a region is not rated', () => {
    expect(explainNotRated({ notRated: 'no-target', problem: null }, t)).toBe('未评价：未设定能耗目标');
    expect(explainNotRated({ notRated: 'no-data', problem: null }, t)).toBe('未评价：无已审核的能源数据');
  });
});
