import { describe, expect, it } from 'vitest';
import type { FactorValues } from '../hj212/model';
import type { FactorLimit, IngestRecord } from './model';
import { beijingDate, convertToReferenceO2, dataTimeToInstant, readingKindOf, toReadings } from './readings';

const f = (code: string, v: Partial<FactorValues>): FactorValues => ({ code, other: {}, ...v });
const rec = (cn: string, factors: FactorValues[], dataTime = '20250610103000'): IngestRecord => ({
  stationId: 7,
  mn: 'MN1',
  cn,
  qn: null,
  dataTime,
  backfill: true,
  factors,
  receivedAt: '2025-06-10T02:30:05.000Z',
});
const limit = (code: string, basis: FactorLimit['basis']): FactorLimit => ({ code, unit: 'mg/m³', upper: 100, lower: null, basis, source: '' });

describe('readings', () => {
  it('maps CN to the reading kind (hj212.md §3)', () => {
    expect(['2011', '2051', '2061', '2031', '2021'].map(readingKindOf)).toEqual(['rtd', 'min', 'hour', 'day', null]);
  });

  it('reads DataTime as Beijing time, with or without milliseconds, refusing impossible times', () => {
    expect(dataTimeToInstant('20250610103000')?.toISOString()).toBe('2025-06-10T02:30:00.000Z');
    expect(dataTimeToInstant('20250101000000123')?.toISOString()).toBe('2024-12-31T16:00:00.123Z');
    for (const bad of ['20250230103000', '20250610243000', '2025061010300', 'abcd0610103000', '']) expect(dataTimeToInstant(bad)).toBeNull();
    expect(beijingDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('converts to the reference O2 by formula 28', () => {
    expect(convertToReferenceO2(80, 15, 6)).toBe(200);
    expect(convertToReferenceO2(80, 21, 6)).toBeNull();
    expect(convertToReferenceO2(80, null, 6)).toBeNull();
  });

  it('takes -Rtd for real-time data and -Avg/-Min/-Max/-Cou for the others, numbers checked', () => {
    const rtd = toReadings(rec('2011', [f('a21026', { rtd: '12.5', zsRtd: '14', flag: 'N' }), f('a21002', { rtd: '1e5' })]), { limits: [], o2Reference: null });
    expect(rtd.rows).toEqual([
      { stationId: 7, kind: 'rtd', factor: 'a21026', at: new Date('2025-06-10T02:30:00Z'), value: 12.5, min: null, max: null, cou: null, zs: 14, flag: 'N', backfill: true, receivedAt: new Date('2025-06-10T02:30:05Z') },
    ]);
    expect(rtd.problems).toEqual(['a21002-Rtd 的值 "1e5" 不是数值']);
    const hour = toReadings(rec('2061', [f('w01018', { avg: '-0.5', min: '.5', max: '+3.', cou: '12' })]), { limits: [], o2Reference: null });
    expect(hour.rows[0]).toMatchObject({ kind: 'hour', value: -0.5, min: 0.5, max: 3, cou: 12, zs: null, flag: null });
  });

  it('computes 折算 only for converted-basis factors without -Zs, from the record\'s own O2', () => {
    const rules = { limits: [limit('a21002', 'converted'), limit('a21026', 'measured'), limit('a34013', 'converted')], o2Reference: 6 };
    const r = toReadings(rec('2051', [f('a21002', { avg: '80' }), f('a21026', { avg: '80' }), f('a34013', { avg: '10', zsAvg: '11' }), f('a19001', { avg: '15' })]), rules);
    expect(Object.fromEntries(r.rows.map((x) => [x.factor, x.zs]))).toEqual({ a21002: 200, a21026: null, a34013: 11, a19001: null });
    const noO2 = toReadings(rec('2051', [f('a21002', { avg: '80' })]), rules);
    expect(noO2.rows[0]!.zs).toBeNull();
    const noReference = toReadings(rec('2051', [f('a21002', { avg: '80' }), f('a19001', { avg: '15' })]), { ...rules, o2Reference: null });
    expect(noReference.rows[0]!.zs).toBeNull();
  });

  it('keeps a factor with only a flag, drops one with nothing, and refuses other commands and bad times', () => {
    expect(toReadings(rec('2051', [f('w01018', { flag: 'D' }), f('w01001', {})]), { limits: [], o2Reference: null }).rows.map((r) => [r.factor, r.flag])).toEqual([['w01018', 'D']]);
    expect(toReadings(rec('2072', [f('w01018', { avg: '1' })]), { limits: [], o2Reference: null })).toEqual({ rows: [], problems: ['CN=2072 不是数据上传命令'] });
    expect(toReadings(rec('2051', [f('w01018', { avg: '1' })], '20251332000000'), { limits: [], o2Reference: null }).problems[0]).toContain('DataTime');
  });
});
