import { describe, expect, it } from 'vitest';
import { ALARM_ACTIONS, ALARM_KINDS, ALARM_STATUSES } from '../../../../src/domain/monitoring/model';
import { translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import { actionKey, alarmActions, canEditStation, factorLabel, factorsOf, flagText, formatRate, formatValue, historyKey, KNOWN_FLAGS, kindKey, needsNote, stationState, statusKey } from './labels';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('labels', () => {
  it('names every alarm kind, status and action in Chinese and English', () => {
    expect(ALARM_KINDS.map((k) => zh(kindKey(k)))).toEqual(['超标', '小时均值超标', '数据异常', '数据中断']);
    expect(ALARM_STATUSES.map((s) => zh(statusKey(s)))).toEqual(['新报警', '已确认', '已处理', '已关闭']);
    expect(ALARM_ACTIONS.map((a) => zh(actionKey(a)))).toEqual(['确认', '处理', '关闭']);
    for (const k of ALARM_KINDS) expect(en(kindKey(k))).not.toMatch(/^monitoring\./);
  });
  it('reads every data flag of the standard (2017 Table 8, 2025 Td, 2005 P), and an unknown one as sent', () => {
    expect(KNOWN_FLAGS.map((f) => flagText(f, zh))).toEqual(['N 正常', 'F 停运', 'M 维护', 'S 手工输入', 'D 故障', 'C 校准', 'T 超测定上限', 'B 通讯异常', 'Td 关键工况参数异常', 'P 电源故障']);
    expect(flagText('X', zh)).toBe('X');
    expect(flagText(null, zh)).toBe('—');
  });
  it('reads a history step the catalog does not know as 操作', () => {
    expect(zh(historyKey('acknowledge'))).toBe('确认');
    expect(zh(historyKey('cosmic-ray'))).toBe('操作');
  });
  it('names factors by the standard’s table, with the unit declared or the standard’s', () => {
    expect(factorLabel('w01018', 'mg/L')).toBe('化学需氧量（mg/L）');
    expect(factorLabel('a21026')).toBe('二氧化硫（mg/m³）');
    expect(factorLabel('w01001')).toBe('pH 值');
    expect(factorLabel('x99999', 'kg')).toBe('x99999（kg）');
    expect(factorsOf('water').every((f) => f.code.startsWith('w'))).toBe(true);
  });
  it('formats values and rates', () => {
    expect(formatValue(61.23456)).toBe('61.235');
    expect(formatValue(null)).toBe('—');
    expect(formatRate(0.958)).toBe('95.8%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('stationState', () => {
  it('puts an open alarm before silence, and knows a station never heard from', () => {
    expect(stationState({ openAlarms: 2, silent: true, lastSeenAt: '2026-11-24T00:00:00Z' })).toBe('alarm');
    expect(stationState({ openAlarms: 0, silent: true, lastSeenAt: '2026-11-24T00:00:00Z' })).toBe('silent');
    expect(stationState({ openAlarms: 0, silent: false, lastSeenAt: null })).toBe('never');
    expect(stationState({ openAlarms: 0, silent: false, lastSeenAt: '2026-11-24T00:00:00Z' })).toBe('normal');
  });
});

describe('who does what', () => {
  it.each([
    ['new', ['acknowledge']],
    ['acknowledged', ['handle']],
    ['handled', ['close']],
    ['closed', []],
  ] as const)('a %s alarm offers %j', (status, actions) => {
    expect(alarmActions(status)).toEqual(actions);
  });
  it('asks a note to handle and to close', () => {
    expect(ALARM_ACTIONS.filter(needsNote)).toEqual(['handle', 'close']);
  });
  it('lets a county edit only its own region’s stations', () => {
    expect(canEditStation({ role: 'county', regionCode: '360702' }, { regionCode: '360702' })).toBe(true);
    expect(canEditStation({ role: 'county', regionCode: '360702' }, { regionCode: '360703' })).toBe(false);
    expect(canEditStation({ role: 'enterprise', regionCode: null }, { regionCode: '360702' })).toBe(false);
    expect(canEditStation({ role: 'steering', regionCode: null }, { regionCode: '360702' })).toBe(true);
  });
});
