import { describe, expect, it } from 'vitest';
import { EVIDENCE_KINDS, MEASURE_TYPES, METHODS, REJECTION_CODES } from '../../../../src/domain/reduction/model';
import { translate } from '../../../../src/i18n/index';
import { dispatchStatusKey, eventDateKey, evidenceKey, historyLabelKey, levelKey, methodKey, rejectionKey, typeKey } from './labels';

describe('reduction labels', () => {
  it('names every project type, method, rejection code and evidence kind in both languages', () => {
    const keys = [
      ...Object.keys(MEASURE_TYPES).map((k) => typeKey(k as keyof typeof MEASURE_TYPES)),
      ...METHODS.map(methodKey),
      ...REJECTION_CODES.map(rejectionKey),
      ...EVIDENCE_KINDS.map(evidenceKey),
    ];
    for (const key of keys) {
      expect(translate('zh-CN', key)).not.toBe(key);
      expect(translate('en', key)).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(translate('zh-CN', typeKey('sewage-plant'))).toContain('污水处理厂');
  });

  it('reads the levels as ECER words them, never as a barometer', () => {
    expect(['green', 'yellow', 'red'].map((l) => translate('zh-CN', levelKey(l as 'green')))).toEqual(['达到序时进度', '略低于序时进度', '明显滞后']);
    for (const l of ['green', 'yellow', 'red', 'none'] as const) expect(translate('zh-CN', levelKey(l))).not.toContain('晴雨表');
  });

  it('labels dispatch states and history steps, unknown ones generically', () => {
    expect(translate('zh-CN', dispatchStatusKey('submitted'))).toBe('待核查');
    expect(translate('zh-CN', dispatchStatusKey(null))).toBe('未填报');
    expect(translate('zh-CN', historyLabelKey('return'))).toBe('退回');
    expect(historyLabelKey('archive')).toBe('reduction.action.other');
  });

  it('names the T1 event date by method', () => {
    expect(translate('zh-CN', eventDateKey('W1'))).toBe('稳定运行日期');
    expect(translate('zh-CN', eventDateKey('A3'))).toBe('关停/拆除日期');
    expect(translate('zh-CN', eventDateKey('A4'))).toBe('注销日期');
  });
});
