import { describe, expect, it } from 'vitest';
import { alarmRecipients, evaluateReadings, exceeds, isSilent, type NoticeUser, silence, silenceThresholdMs, transitionAlarm } from './alarms';
import type { FactorLimit } from './model';
import type { ReadingRow } from './readings';

const rules = { alarmFlags: ['F', 'M', 'S', 'D', 'C', 'T', 'B', 'Td', 'P'], silenceFactor: 3, defaultMinIntervalMin: 10 };
const row = (o: Partial<ReadingRow>): ReadingRow => ({
  stationId: 1,
  kind: 'min',
  factor: 'a21002',
  at: new Date('2025-06-10T02:30:00Z'),
  value: null,
  min: null,
  max: null,
  cou: null,
  zs: null,
  flag: null,
  backfill: false,
  receivedAt: new Date('2025-06-10T02:30:01Z'),
  ...o,
});
const lim = (o: Partial<FactorLimit>): FactorLimit => ({ code: 'a21002', unit: 'mg/m³', upper: 100, lower: null, basis: 'measured', source: '', ...o });

describe('alarms', () => {
  it('compares upper and lower limits', () => {
    expect(exceeds(9.1, { upper: 9, lower: 6 })).toBe('upper');
    expect(exceeds(5.9, { upper: 9, lower: 6 })).toBe('lower');
    expect(exceeds(9, { upper: 9, lower: 6 })).toBeNull();
    expect(exceeds(1e9, { upper: null, lower: null })).toBeNull();
  });

  it('raises exceedance on the basis the limit names, hour averages apart, day data never', () => {
    const rows = [row({ value: 80, zs: 200 }), row({ kind: 'hour', value: 120, zs: 90 }), row({ kind: 'day', value: 500, zs: 500 })];
    const measured = evaluateReadings(rows, [lim({})], rules, '1#');
    expect(measured.map((c) => [c.kind, c.value, c.basis])).toEqual([['hour-average', 120, 'measured']]);
    expect(measured[0]!.message).toBe('1# a21002 小时均值 120 mg/m³ 超过上限 100');
    const converted = evaluateReadings(rows, [lim({ basis: 'converted' })], rules, '1#');
    expect(converted.map((c) => [c.kind, c.value, c.limit, c.basis])).toEqual([['exceedance', 200, 100, 'converted']]);
    expect(converted[0]!.message).toContain('分钟均值（折算） 200');
    expect(evaluateReadings([row({ value: 80 })], [lim({ basis: 'converted' })], rules, '1#')).toEqual([]);
  });

  it('raises flag alarms by the rules, one per factor and kind, the latest reading kept', () => {
    const c = evaluateReadings(
      [row({ flag: 'D', value: 1 }), row({ flag: 'C', at: new Date('2025-06-10T02:31:00Z') }), row({ flag: 'N', factor: 'a21026' }), row({ flag: 'X', factor: 'a21005' })],
      [],
      rules,
      '1#',
    );
    expect(c.map((x) => [x.kind, x.factor, x.flag])).toEqual([['flag', 'a21002', 'C']]);
    expect(c[0]!.message).toBe('1# a21002 数据标记 C（校准）');
  });

  it('finds silence after the minute interval × the factor; never for a station never heard from', () => {
    const now = new Date('2025-06-10T03:00:00Z');
    expect(silenceThresholdMs({ rtdIntervalS: 30, minIntervalMin: null }, rules)).toBe(30 * 60_000);
    expect(isSilent(new Date(now.getTime() - 30 * 60_000), { rtdIntervalS: null, minIntervalMin: null }, now, rules)).toBe(false);
    expect(isSilent(new Date(now.getTime() - 30 * 60_000 - 1), { rtdIntervalS: null, minIntervalMin: null }, now, rules)).toBe(true);
    expect(isSilent(null, { rtdIntervalS: null, minIntervalMin: null }, now, rules)).toBe(false);
    const c = silence({ id: 3, name: '2#', lastSeenAt: new Date(now.getTime() - 20 * 60_000), rtdIntervalS: null, minIntervalMin: 5 }, now, rules);
    expect(c).toMatchObject({ kind: 'silence', stationId: 3, factor: null, value: 20, limit: 15, message: '2# 已 20 分钟无数据（超过 15 分钟）' });
  });

  it('walks the workflow one step at a time, with notes to handle and close', () => {
    expect(transitionAlarm('new', 'acknowledge', null)).toEqual({ ok: true, status: 'acknowledged' });
    expect(transitionAlarm('acknowledged', 'handle', ' ')).toMatchObject({ ok: false, field: 'note' });
    expect(transitionAlarm('acknowledged', 'handle', '已更换探头')).toEqual({ ok: true, status: 'handled' });
    expect(transitionAlarm('handled', 'close', '核实')).toEqual({ ok: true, status: 'closed' });
    expect(transitionAlarm('new', 'close', '核实')).toMatchObject({ ok: false, field: 'action', message: '报警状态为“新报警”，不能关闭' });
    expect(transitionAlarm('closed', 'acknowledge', null)).toMatchObject({ ok: false, field: 'action' });
  });
});

describe('alarmRecipients', () => {
  const users: NoticeUser[] = [
    { id: 1, role: 'enterprise', regionCode: '360702', enterpriseId: 7, departmentId: null },
    { id: 2, role: 'enterprise', regionCode: '360702', enterpriseId: 8, departmentId: null },
    { id: 3, role: 'county', regionCode: '360702', enterpriseId: null, departmentId: null },
    { id: 4, role: 'county', regionCode: '360703', enterpriseId: null, departmentId: null },
    { id: 5, role: 'department', regionCode: null, enterpriseId: null, departmentId: 11 },
    { id: 6, role: 'department', regionCode: null, enterpriseId: null, departmentId: 12 },
    { id: 7, role: 'admin', regionCode: null, enterpriseId: null, departmentId: null },
  ];
  it('tells the station enterprise, its county and the bureau departments only', () => {
    expect(alarmRecipients({ regionCode: '360702', enterpriseId: 7 }, users, [11])).toEqual([1, 3, 5]);
    expect(alarmRecipients({ regionCode: '360703', enterpriseId: null }, users, [])).toEqual([4]);
  });
});
