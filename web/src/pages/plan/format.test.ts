import { describe, expect, it } from 'vitest';
import { type Locale, translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import { comparisonLabel, formatQuantity, formatStretch, formatTarget } from './format';

const tOf =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);
const zh = tOf('zh-CN');
const en = tOf('en');

const base = { target: null, stretch: null, unit: null, targetText: null } as const;

describe('formatTarget', () => {
  it('writes a reduction with its stretch value, in both languages', () => {
    const i01 = { ...base, comparison: 'reduce_by_pct', target: 12.5, stretch: 13, unit: '%' } as const;
    expect(formatTarget(i01, zh, 'zh-CN')).toBe('下降 12.5%（力争 13%）');
    expect(formatTarget(i01, en, 'en')).toBe('down 12.5% (stretch 13%)');
  });

  it('writes comparisons with their symbols and the plan’s units', () => {
    expect(formatTarget({ ...base, comparison: 'gte', target: 95, unit: '%' }, zh, 'zh-CN')).toBe('≥ 95%');
    expect(formatTarget({ ...base, comparison: 'lte', target: 9, unit: '%' }, zh, 'zh-CN')).toBe('≤ 9%');
    expect(formatTarget({ ...base, comparison: 'approx', target: 0.71, unit: '万吨/日' }, zh, 'zh-CN')).toBe('≈ 0.71 万吨/日');
    expect(formatTarget({ ...base, comparison: 'gte', target: 13451, unit: '吨' }, zh, 'zh-CN')).toBe('≥ 13451 吨');
    expect(formatTarget({ ...base, comparison: 'eq', target: 1, unit: null }, en, 'en')).toBe('= 1');
  });

  it('marks a stretch-only target as 力争', () => {
    const i07 = { ...base, comparison: 'gte', stretch: 12, unit: '个' } as const;
    expect(formatTarget(i07, zh, 'zh-CN')).toBe('力争 ≥ 12 个');
    expect(formatTarget(i07, en, 'en')).toBe('stretch ≥ 12 个');
  });

  it('shows the plan’s words for a qualitative target', () => {
    expect(formatTarget({ ...base, comparison: 'qualitative', targetText: '合理控制' }, zh, 'zh-CN')).toBe('合理控制');
    expect(formatTarget({ ...base, comparison: 'qualitative' }, en, 'en')).toBe('—');
  });
});

describe('labels and quantities', () => {
  it('names comparisons from the catalog', () => {
    expect(comparisonLabel('reduce_by_pct', zh)).toBe('比基准年下降');
    expect(comparisonLabel('gte', en)).toBe('≥ at least');
  });

  it('keeps plan numbers as written', () => {
    expect(formatQuantity(1593.9, '吨', 'zh-CN')).toBe('1593.9 吨');
    expect(formatQuantity(916.65, '吨', 'en')).toBe('916.65 吨');
    expect(formatStretch({ stretch: null, unit: '%' }, 'zh-CN')).toBe('—');
    expect(formatStretch({ stretch: 13, unit: '%' }, 'en')).toBe('13%');
  });
});
