import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import { ApiError } from '../../api/client';
import type { Translate } from '../../app/i18n-context';
import { describeValue, enteredBy, initialFormValues, isRatio, problemFields, type ReferenceVersion, toVersionBody, versionOn } from './reference-form';

const t: Translate = (key, params) => translate('zh-CN', key, params);
const DEFAULTS = { indicator: { frequency: 'annual', dueDays: 31 }, task: { frequency: 'quarterly', dueDays: 10 }, dueSoonDays: 3 };

describe('reference value form', () => {
  it('starts a known key from the value in force, and another key from its JSON', () => {
    expect(initialFormValues('progress-status-rule', { atRiskRatio: 0.8 })).toEqual({ value: { atRiskRatio: 0.8 } });
    expect(initialFormValues('energy-deduction-regime', { k: 0.3 })).toEqual({ valueJson: '{\n  "k": 0.3\n}' });
  });
  it('does not share the cached value with the form', () => {
    const latest = { atRiskRatio: 0.8 };
    const v = initialFormValues('progress-status-rule', latest);
    (v.value as { atRiskRatio: number }).atRiskRatio = 0.7;
    expect(latest.atRiskRatio).toBe(0.8);
  });
  it('builds the POST body, the source trimmed', () => {
    expect(toVersionBody('progress-status-rule', { validFrom: '2026-01-01', source: ' 会议纪要 ', value: { atRiskRatio: 0.7 } })).toEqual({
      validFrom: '2026-01-01',
      source: '会议纪要',
      value: { atRiskRatio: 0.7 },
    });
    expect(toVersionBody('energy-deduction-regime', { validFrom: '2026-01-01', source: 's', valueJson: '{"k":0.3}' })).toEqual({ validFrom: '2026-01-01', source: 's', value: { k: 0.3 } });
    expect(toVersionBody('energy-deduction-regime', { validFrom: '2026-01-01', source: 's', valueJson: '{k:' })).toBeNull();
  });
  it('accepts a ratio strictly between 0 and 1', () => {
    expect([0, 0.01, 0.7, 0.999, 1, 1.5, -0.2, '0.7', null].map(isRatio)).toEqual([false, true, true, true, false, false, false, false, false]);
  });
});

describe('problem errors on the form', () => {
  const problem = (errors: Array<{ pointer?: string; field?: string; detail: string }>) => new ApiError(400, 'validation', '输入有误', '', errors);
  it('puts a value error on its nested field', () => {
    expect(problemFields(problem([{ pointer: '#/value/atRiskRatio', detail: '须小于 1' }]), 'progress-status-rule')).toEqual([{ name: ['value', 'atRiskRatio'], errors: ['须小于 1'] }]);
    expect(problemFields(problem([{ pointer: '#/value/task/dueDays', detail: '太大' }]), 'reporting-defaults')).toEqual([{ name: ['value', 'task', 'dueDays'], errors: ['太大'] }]);
  });
  it('puts the conflict of a taken date on the date, by pointer or by field', () => {
    const conflict = new ApiError(409, 'conflict', '冲突', '已有', [{ pointer: '#/validFrom', detail: '已有自 2026-01-01 起的版本' }]);
    expect(problemFields(conflict, 'progress-status-rule')).toEqual([{ name: ['validFrom'], errors: ['已有自 2026-01-01 起的版本'] }]);
    expect(problemFields(problem([{ field: 'source', detail: '' }]), 'progress-status-rule')).toEqual([{ name: ['source'], errors: ['输入有误'] }]);
  });
  it('puts any value error of a JSON key on its text, and leaves what points nowhere to the caller', () => {
    expect(problemFields(problem([{ pointer: '#/value/k', detail: 'x' }]), 'energy-deduction-regime')).toEqual([{ name: ['valueJson'], errors: ['x'] }]);
    expect(problemFields(problem([{ pointer: '#/value', detail: 'x' }, { pointer: '#/key', detail: 'y' }, { detail: 'z' }]), 'progress-status-rule')).toEqual([]);
  });
});

describe('values in words', () => {
  it('says what the defaults and the rule mean', () => {
    expect(describeValue('reporting-defaults', DEFAULTS, t)).toBe('指标年度报送，期末后 31 天截止；任务季度报送，期末后 10 天截止；截止前 3 天提示即将到期');
    expect(describeValue('progress-status-rule', { atRiskRatio: 0.7 }, t)).toBe('预警系数 0.7：完成度达到应完成进度的 70% 为预警，更低为滞后');
  });
  it('shows other keys and unexpected shapes as JSON', () => {
    expect(describeValue('energy-deduction-regime', { k: 0.3 }, t)).toBe('{"k":0.3}');
    expect(describeValue('progress-status-rule', { atRiskRatio: 2 }, t)).toBe('{"atRiskRatio":2}');
  });
  it('names who entered a version', () => {
    const by = (createdBy: number | null, createdByName: string | null = null) => enteredBy({ createdBy, createdByName }, 7, t);
    expect([by(null), by(7, '我'), by(9, '市节能办 王某'), by(9)]).toEqual(['系统预置', '本人', '市节能办 王某', '用户 #9']);
  });
});

describe('versionOn', () => {
  const v = (id: number, validFrom: string, validTo: string | null): ReferenceVersion => ({ id, key: 'k', value: null, source: 's', validFrom, validTo, createdBy: null, createdByName: null });
  const versions = [v(1, '2021-01-01', '2025-12-31'), v(2, '2026-01-01', null)];
  it('finds the version in force on a day, the last one open-ended', () => {
    expect(versionOn(versions, '2020-12-31')).toBeNull();
    expect(versionOn(versions, '2025-12-31')?.id).toBe(1);
    expect(versionOn(versions, '2026-01-01')?.id).toBe(2);
    expect(versionOn(versions, '2030-06-01')?.id).toBe(2);
  });
});
