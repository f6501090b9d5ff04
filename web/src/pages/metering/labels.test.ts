import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import { agoText, flagKey, formatDeviation, formatNumber, formatPercent, meterStatus, REJECT_REASONS, reasonKey } from './labels';

const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('rejection reasons', () => {
  it('reads every reason the gateway gives in Chinese and in English', () => {
    expect(REJECT_REASONS.map((r) => zh(reasonKey(r)))).toEqual(['主题格式错误', '报文格式错误', '企业未登记', '计量单位不符', '读数时间超前', '读数乱序', '表底数回退', '用量突增']);
    for (const r of REJECT_REASONS) expect(en(reasonKey(r))).not.toMatch(/^meter\./);
  });
  it('reads an unknown reason as 其他原因', () => {
    expect(zh(reasonKey('cosmic-ray'))).toBe('其他原因');
  });
  it('names the comparison flags', () => {
    expect(zh(flagKey('deviation'))).toBe('偏差超限');
    expect(zh(flagKey('not-reported'))).toBe('未报告');
  });
});

describe('agoText', () => {
  it.each([
    [0, '刚刚'],
    [59_999, '刚刚'],
    [60_000, '1 分钟前'],
    [59 * 60_000, '59 分钟前'],
    [60 * 60_000, '1 小时前'],
    [47 * 3_600_000, '1 天前'],
    [-5_000, '刚刚'], // a reading slightly ahead of the browser's clock
  ])('%i ms → %s', (ms, text) => {
    expect(agoText(ms, zh)).toBe(text);
  });
});

describe('meterStatus', () => {
  const now = Date.parse('2026-11-24T02:00:00Z');
  it('calls a meter silent only past the gap threshold', () => {
    expect(meterStatus('2026-11-24T01:30:00.000Z', now, 30)).toEqual({ kind: 'online', ageMs: 30 * 60_000 });
    expect(meterStatus('2026-11-24T01:29:59.000Z', now, 30)).toEqual({ kind: 'silent', ageMs: 30 * 60_000 + 1000 });
  });
  it('knows a meter without readings, and calls none silent without the threshold', () => {
    expect(meterStatus(null, now, 30)).toEqual({ kind: 'no-reading' });
    expect(meterStatus('2026-11-20T00:00:00.000Z', now, null).kind).toBe('online');
  });
});

describe('numbers', () => {
  it('formats quantities, shares and signed deviations', () => {
    expect(formatNumber(123456.789)).toBe('123,456.79');
    expect(formatNumber(null)).toBe('—');
    expect(formatPercent(0.9)).toBe('90%');
    expect(formatDeviation(0.5)).toBe('+50%');
    expect(formatDeviation(-0.031)).toBe('-3.1%');
    expect(formatDeviation(0)).toBe('0%');
  });
});
