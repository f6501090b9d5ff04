import type { AlarmAction, AlarmCandidate, AlarmStatus, FactorLimit, MonitoringRules } from './model';
import type { ReadingRow } from './readings';

const fmt = (n: number) => String(Number(n.toPrecision(6)));

/**
 * Alarms found in stored readings (issue #8 item 4): a real-time or minute value beyond its limit ('exceedance'),
 * an hour average (2061 -Avg) beyond it ('hour-average'), each on the measured or the 折算 value as the limit says;
 * and a data flag the rules name (hj212.md §4 Table 8: F M S D C T B; 2025 Td) ('flag'). Day data raise none:
 * the hour averages already did. One candidate per (kind, factor, station): the latest reading of the batch.
 */
export function evaluateReadings(rows: readonly ReadingRow[], limits: readonly FactorLimit[], rules: Pick<MonitoringRules, 'alarmFlags'>, stationName: string): AlarmCandidate[] {
  const out = new Map<string, AlarmCandidate>();
  // runs for every stored batch, nearly always finding nothing: no per-row allocation until a row raises an alarm
  for (const r of rows) {
    if (hasAlarmFlag(r, rules)) {
      keepLatest(out, { kind: 'flag', stationId: r.stationId, factor: r.factor, at: r.at.toISOString(), value: r.value, limit: null, basis: null, flag: r.flag, message: `${stationName} ${r.factor} 数据标记 ${r.flag}（${flagMeaning(r.flag!)}）` });
    }
    const found = breachOf(r, limits);
    if (!found) continue;
    const { limit, value, breach } = found;
    const what = `${r.kind === 'hour' ? '小时均值' : r.kind === 'rtd' ? '实时值' : '分钟均值'}${limit.basis === 'converted' ? '（折算）' : ''}`;
    const side = breach === 'upper' ? `超过上限 ${fmt(limit.upper!)}` : `低于下限 ${fmt(limit.lower!)}`;
    keepLatest(out, {
      kind: r.kind === 'hour' ? 'hour-average' : 'exceedance',
      stationId: r.stationId,
      factor: r.factor,
      at: r.at.toISOString(),
      value,
      limit: breach === 'upper' ? limit.upper : limit.lower,
      basis: limit.basis,
      flag: r.flag,
      message: `${stationName} ${r.factor} ${what} ${fmt(value)}${limit.unit ? ` ${limit.unit}` : ''} ${side}`,
    });
  }
  return [...out.values()];
}

/** Whether evaluateReadings would raise anything on this reading (the store asks which rows to track). */
export function mayRaiseAlarm(r: ReadingRow, limits: readonly FactorLimit[], rules: Pick<MonitoringRules, 'alarmFlags'>): boolean {
  return hasAlarmFlag(r, rules) || breachOf(r, limits) !== null;
}

function hasAlarmFlag(r: ReadingRow, rules: Pick<MonitoringRules, 'alarmFlags'>): boolean {
  return r.flag !== null && rules.alarmFlags.includes(r.flag);
}

/** The limit a reading breaks, on the basis the limit names; day data never (the hour averages already did). */
function breachOf(r: ReadingRow, limits: readonly FactorLimit[]): { limit: FactorLimit; value: number; breach: 'upper' | 'lower' } | null {
  if (r.kind === 'day') return null;
  const limit = limits.find((l) => l.code === r.factor);
  if (!limit) return null;
  const value = limit.basis === 'converted' ? r.zs : r.value;
  if (value === null) return null;
  const breach = exceeds(value, limit);
  return breach ? { limit, value, breach } : null;
}

/** Keeps the latest candidate of each (station, kind, factor). */
function keepLatest(out: Map<string, AlarmCandidate>, c: AlarmCandidate): void {
  const key = `${c.stationId}/${c.kind}/${c.factor}`;
  const prev = out.get(key);
  if (!prev || prev.at <= c.at) out.set(key, c);
}

/** Which side of the limit a value breaks, if any (a range factor such as pH has both). */
export function exceeds(value: number, limit: Pick<FactorLimit, 'upper' | 'lower'>): 'upper' | 'lower' | null {
  if (limit.upper !== null && value > limit.upper) return 'upper';
  if (limit.lower !== null && value < limit.lower) return 'lower';
  return null;
}

const FLAG_MEANINGS: Record<string, string> = {
  F: '停运',
  M: '维护',
  S: '手工输入',
  D: '故障',
  C: '校准',
  T: '超测定上限',
  B: '通讯异常',
  Td: '超测定下限',
  P: '电源故障',
};
const flagMeaning = (flag: string) => FLAG_MEANINGS[flag] ?? '异常';

/** The upload intervals a station declares, or null to take the rules' defaults. */
export type StationIntervals = { rtdIntervalS: number | null; minIntervalMin: number | null };

/**
 * How long a station may stay quiet (ms): its minute-data interval (CN 2051, which every station uploads) × the
 * rules' silenceFactor. The real-time interval is not used: real-time uploads are often switched off on request.
 */
export function silenceThresholdMs(intervals: StationIntervals, rules: Pick<MonitoringRules, 'silenceFactor' | 'defaultMinIntervalMin'>): number {
  return (intervals.minIntervalMin ?? rules.defaultMinIntervalMin) * 60_000 * rules.silenceFactor;
}

/** A station is silent when its last upload is older than the threshold; one never heard from is not (not yet on line). */
export function isSilent(lastSeenAt: Date | null, intervals: StationIntervals, now: Date, rules: Pick<MonitoringRules, 'silenceFactor' | 'defaultMinIntervalMin'>): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() > silenceThresholdMs(intervals, rules);
}

/** The 'silence' alarm candidate for a station, or null when it is not silent. */
export function silence(
  station: { id: number; name: string; lastSeenAt: Date | null } & StationIntervals,
  now: Date,
  rules: Pick<MonitoringRules, 'silenceFactor' | 'defaultMinIntervalMin'>,
): AlarmCandidate | null {
  if (!isSilent(station.lastSeenAt, station, now, rules)) return null;
  const minutes = Math.floor((now.getTime() - station.lastSeenAt!.getTime()) / 60_000);
  const threshold = Math.round(silenceThresholdMs(station, rules) / 60_000);
  return {
    kind: 'silence',
    stationId: station.id,
    factor: null,
    at: now.toISOString(),
    value: minutes,
    limit: threshold,
    basis: null,
    flag: null,
    message: `${station.name} 已 ${minutes} 分钟无数据（超过 ${threshold} 分钟）`,
  };
}

/** A refused step names what is wrong: the action for the alarm's state, or the missing note. */
export type AlarmTransition = { ok: true; status: AlarmStatus } | { ok: false; field: 'action' | 'note'; message: string };

const NEXT: Record<AlarmAction, { from: AlarmStatus; to: AlarmStatus; label: string }> = {
  acknowledge: { from: 'new', to: 'acknowledged', label: '确认' },
  handle: { from: 'acknowledged', to: 'handled', label: '处理' },
  close: { from: 'handled', to: 'closed', label: '关闭' },
};
const STATUS_LABEL: Record<AlarmStatus, string> = { new: '新报警', acknowledged: '已确认', handled: '已处理', closed: '已关闭' };

/** The alarm workflow new → acknowledged → handled → closed, one step at a time; handling and closing need a note. */
export function transitionAlarm(status: AlarmStatus, action: AlarmAction, note: string | null): AlarmTransition {
  const step = NEXT[action];
  if (status !== step.from) return { ok: false, field: 'action', message: `报警状态为“${STATUS_LABEL[status]}”，不能${step.label}` };
  if (action !== 'acknowledge' && !note?.trim()) return { ok: false, field: 'note', message: `${step.label}报警须填写说明（note）` };
  return { ok: true, status: step.to };
}

/** A user as the alarm notices see one. */
export type NoticeUser = { id: number; role: string; regionCode: string | null; enterpriseId: number | null; departmentId: number | null };

/**
 * Who is told of a new alarm (issue #8 item 4: shown to the enterprise, its county and the city bureau): the users
 * of the station's enterprise, the county users of its region, and the users of the bureau's departments (the
 * departments the plan names on the pollutant targets). The city's admins and steering office see the alarm
 * centre but are not notified of each alarm.
 */
export function alarmRecipients(station: { regionCode: string; enterpriseId: number | null }, users: readonly NoticeUser[], bureauDepartmentIds: readonly number[]): number[] {
  return users
    .filter(
      (u) =>
        (u.role === 'enterprise' && u.enterpriseId !== null && u.enterpriseId === station.enterpriseId) ||
        (u.role === 'county' && u.regionCode === station.regionCode) ||
        (u.role === 'department' && u.departmentId !== null && bureauDepartmentIds.includes(u.departmentId)),
    )
    .map((u) => u.id);
}
