import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import { explainIntensity, explainNotRated, explainRegion, explainTotal } from './explain';
import type { RatedRegion } from './rating';

const t: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

// 章贡区 2022 (energy.md §2): intensity fell 1.98 % against the 2.64 % required (rule set B: no gap); total +0.96 %.
const intensity = { level: 2 as const, actual: 0.019782, required: 0.026353, gap: null };
const total = { level: 3 as const, actual: 0.009615, required: 0.029567, gap: -0.674807 };

describe('explainIntensity', () => {
  it('gives the reduction achieved against the one required, with the level', () => {
    expect(explainIntensity(intensity, t)).toBe('强度：下降 1.98%，应降 2.64%（二级预警）');
    expect(explainIntensity(intensity, en)).toMatch(/fell 1\.98%.*2\.64%.*Level 2/);
  });
  it('says a rise, the gap rule set A measured, and no figures', () => {
    expect(explainIntensity({ level: 1, actual: -0.01, required: 0.03, gap: 1.333333 }, t)).toBe('强度：上升 1.00%，应降 3.00%，差距 133.33%（一级预警）');
    expect(explainIntensity({ level: 2, actual: 0.027, required: 0.03, gap: 0.1 }, t)).toBe('强度：下降 2.70%，应降 3.00%，差距 10.00%（二级预警）');
    expect(explainIntensity({ level: null, actual: null, required: 0.03, gap: null }, t)).toBe('强度：无上年数据（未评价）');
  });
});

describe('explainTotal', () => {
  it('gives the growth against the growth the target allows', () => {
    expect(explainTotal(total, false, t)).toBe('总量：同比增长 0.96%，目标允许增长 2.96%（三级预警）');
    expect(explainTotal({ level: 1, actual: 0.05, required: 0.02, gap: 1.5 }, false, t)).toBe('总量：同比增长 5.00%，目标允许增长 2.00%，差距 150.00%（一级预警）');
    expect(explainTotal({ level: 1, actual: 0.01, required: -0.01, gap: null }, false, t)).toBe('总量：同比增长 1.00%，目标要求下降 1.00%（一级预警）');
    expect(explainTotal({ level: 3, actual: -0.02, required: 0.01, gap: -3 }, false, en)).toBe('Total: down 2.00% year on year, target allows growth of 1.00% (Level 3 (on target))');
  });
  it('says exempt, or why there is nothing to compare', () => {
    expect(explainTotal(total, true, t)).toBe('总量：达到激励目标，免于总量考核');
    expect(explainTotal({ level: null, actual: null, required: null, gap: null }, false, t)).toBe('总量：未评价（无总量目标或免于考核）');
  });
});

describe('explainRegion', () => {
  const rated: RatedRegion = { regionCode: '360702', name: '章贡区', overall: 2, intensity, total, exemptFromTotal: false, notRated: null, problem: null };
  it('gives the overall level, then both dimensions', () => {
    expect(explainRegion(rated, t)).toEqual(['二级预警', '强度：下降 1.98%，应降 2.64%（二级预警）', '总量：同比增长 0.96%，目标允许增长 2.96%（三级预警）']);
  });
  it('says why a region is not rated', () => {
    expect(explainRegion({ ...rated, overall: null, intensity: null, total: null, notRated: 'no-target' }, t)).toEqual(['未评价：未设定能耗目标']);
    expect(explainNotRated({ notRated: 'no-data', problem: null }, t)).toBe('未评价：无已审核的能源数据');
    expect(explainNotRated({ notRated: null, problem: '缺少基期数据' }, t)).toBe('未评价（缺少基期数据）');
  });
});
