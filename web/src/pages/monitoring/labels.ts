import { DATA_FLAGS, FACTORS } from '../../../../src/domain/hj212/codes';
import type { AlarmAction, AlarmKind, AlarmStatus, Medium, ReadingKind } from '../../../../src/domain/monitoring/model';
import type { MessageKey } from '../../../../src/i18n/index';
import { isMessageKey, type Translate } from '../../app/i18n-context';
import type { Me } from '../auth/queries';

export type Basis = 'measured' | 'converted';
export type Edition = 'auto' | '2005' | '2017' | '2025';
export type Encryption = 'off' | 'accept' | 'require';
export type LengthMode = 'plaintext' | 'transmitted' | 'either';
export type Granularity = 'raw' | 'hour' | 'day';

export const kindKey = (k: AlarmKind): MessageKey => `monitoring.alarmKind.${k}`;
export const statusKey = (s: AlarmStatus): MessageKey => `monitoring.alarmStatus.${s}`;
export const actionKey = (a: AlarmAction): MessageKey => `monitoring.action.${a}`;
export const mediumKey = (m: Medium): MessageKey => `monitoring.medium.${m}`;
export const basisKey = (b: Basis): MessageKey => `monitoring.basis.${b}`;
export const editionKey = (e: Edition): MessageKey => `monitoring.edition.${e}`;
export const encryptionKey = (e: Encryption): MessageKey => `monitoring.encryption.${e}`;
export const lengthModeKey = (m: LengthMode): MessageKey => `monitoring.lengthMode.${m}`;
export const readingKindKey = (k: ReadingKind): MessageKey => `monitoring.readingKind.${k}`;
export const granularityKey = (g: Granularity): MessageKey => `monitoring.granularity.${g}`;

/** A step of an alarm's history (开启, 确认, 处理, 关闭, 再次出现 …); a step the catalog does not know reads 操作. */
export function historyKey(action: string): MessageKey {
  const key = `monitoring.step.${action}`;
  return isMessageKey(key) ? key : 'monitoring.step.other';
}

/** 数据标记 in words (hj212.md §4 Table 8; 2025 Td; 2005 P): N 正常, D 故障 …; an unknown flag shows as sent. */
export function flagText(flag: string | null | undefined, t: Translate): string {
  if (!flag) return '—';
  const key = `monitoring.flag.${flag}`;
  return isMessageKey(key) ? `${flag} ${t(key)}` : flag;
}
/** The flags the standard defines, for filters and legends. */
export const KNOWN_FLAGS = Object.keys(DATA_FLAGS);

/** A factor by its name in the standard's table (codes.ts, HJ 212-2017 Appendix B), else its code. */
export function factorName(code: string): string {
  return FACTORS[code]?.name ?? code;
}
/** The unit the station declared, else the standard's. */
export function factorUnit(code: string, declared?: string | null): string {
  return declared || FACTORS[code]?.unit || '';
}
/** 化学需氧量（mg/L）: name and unit, as a chart or column title. */
export function factorLabel(code: string, unit?: string | null): string {
  const u = factorUnit(code, unit);
  return u ? `${factorName(code)}（${u}）` : factorName(code);
}
/** The standard's factors of a medium, for the station form's picker. */
export function factorsOf(medium: Medium | undefined): Array<{ code: string; name: string; unit: string }> {
  return Object.entries(FACTORS)
    .filter(([, f]) => !medium || f.medium === medium)
    .map(([code, f]) => ({ code, name: f.name, unit: f.unit }));
}

export const STATUS_TAG: Record<AlarmStatus, string> = { new: 'red', acknowledged: 'orange', handled: 'blue', closed: 'default' };
export const KIND_TAG: Record<AlarmKind, string> = { exceedance: 'volcano', 'hour-average': 'magenta', flag: 'gold', silence: 'purple' };

/** A station as the list and the map show it: alarms open, silent, never heard from, or normal. */
export type StationState = 'alarm' | 'silent' | 'never' | 'normal';
export function stationState(s: { openAlarms: number; silent: boolean; lastSeenAt: string | null }): StationState {
  // An open alarm needs someone to act, so it wins over silence (which raises its own alarm anyway).
  if (s.openAlarms > 0) return 'alarm';
  if (s.silent) return 'silent';
  return s.lastSeenAt ? 'normal' : 'never';
}
export const stateKey = (s: StationState): MessageKey => `monitoring.state.${s}`;
export const STATE_COLOUR: Record<StationState, string> = { alarm: '#cf1322', silent: '#d48806', never: '#8c8c8c', normal: '#389e0d' };
export const STATE_TAG: Record<StationState, string> = { alarm: 'red', silent: 'orange', never: 'default', normal: 'green' };

type Who = Pick<Me, 'role' | 'regionCode'>;

/** Who registers stations and sets their secrets: the city anywhere, a county in its own region (the server checks). */
export const canEditStations = (me: Who) => me.role === 'admin' || me.role === 'steering' || (me.role === 'county' && me.regionCode !== null);
export const canEditStation = (me: Who, s: { regionCode: string }) => me.role === 'admin' || me.role === 'steering' || (me.role === 'county' && me.regionCode === s.regionCode);

/** The next step of the workflow (new → acknowledged → handled → closed), one at a time (domain/monitoring/alarms.ts). */
const NEXT: Record<AlarmStatus, AlarmAction | null> = { new: 'acknowledge', acknowledged: 'handle', handled: 'close', closed: null };

/**
 * What can be done with an alarm now: its next step. Anyone who sees the alarm takes it (the enterprise answers for
 * its outlet, the county and the city follow it up), as the server allows; the UI only offers, the server decides.
 */
export function alarmActions(status: AlarmStatus): AlarmAction[] {
  const next = NEXT[status];
  return next ? [next] : [];
}

/** 处理 and 关闭 need a note (what was done, why it is closed); 确认 does not. */
export const needsNote = (a: AlarmAction) => a !== 'acknowledge';

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });
/** A measured value, at most three decimals; — when missing. */
export const formatValue = (v: number | null | undefined) => (v === null || v === undefined ? '—' : numberFormat.format(v));
const percentFormat = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
/** A rate (0.958 → 95.8%); — when missing. */
export const formatRate = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : percentFormat.format(v));
