import type { MessageKey } from '../../../../src/i18n/index';
import { isMessageKey, type Translate } from '../../app/i18n-context';
import type { Granularity } from './period';

/** Why the gateway refused a reading (src/domain/metering/validate.ts); a reason the catalog does not know reads 其他原因. */
export const REJECT_REASONS = ['bad-topic', 'bad-payload', 'unknown-enterprise', 'unit-mismatch', 'future', 'out-of-order', 'non-monotonic', 'spike'] as const;
export function reasonKey(reason: string): MessageKey {
  const key = `meter.reason.${reason}`;
  return isMessageKey(key) ? key : 'meter.reason.other';
}

/** What the comparison flags on a carrier's line. */
export type ComparisonFlag = 'deviation' | 'incomplete' | 'not-metered' | 'not-reported';
export const flagKey = (f: ComparisonFlag): MessageKey => `meter.flag.${f}`;
export const FLAG_COLOR: Record<ComparisonFlag, string> = { deviation: 'red', incomplete: 'orange', 'not-metered': 'gold', 'not-reported': 'gold' };

export const granularityKey = (g: Granularity): MessageKey => `meter.granularity.${g}`;

const MINUTE_MS = 60_000;

/** How long ago a reading arrived, as people say it: 刚刚 (under a minute), 5 分钟前, 3 小时前, 2 天前. */
export function agoText(ageMs: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ageMs) / MINUTE_MS);
  if (minutes < 1) return t('meter.ago.now');
  if (minutes < 60) return t('meter.ago.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? t('meter.ago.hours', { n: hours }) : t('meter.ago.days', { n: Math.floor(hours / 24) });
}

/** A meter's state: never read, online, or silent longer than the gap threshold (metering-rules gapMinutes). */
export type MeterStatus = { kind: 'no-reading' } | { kind: 'online'; ageMs: number } | { kind: 'silent'; ageMs: number };

/** The status of a meter whose latest reading was at `latestTs`; without the threshold no meter is called silent. */
export function meterStatus(latestTs: string | null | undefined, nowMs: number, gapMinutes: number | null): MeterStatus {
  if (!latestTs) return { kind: 'no-reading' };
  const ageMs = nowMs - Date.parse(latestTs);
  return gapMinutes !== null && ageMs > gapMinutes * MINUTE_MS ? { kind: 'silent', ageMs } : { kind: 'online', ageMs };
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'auto' });
const signedPercent = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A quantity with at most two decimals and thousands separators; — when missing. */
export const formatNumber = (v: number | null | undefined) => (v === null || v === undefined ? '—' : numberFormat.format(v));
/** A share (0.9 → 90%); — when missing. */
export const formatPercent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : percentFormat.format(v));
/** A deviation with its sign (0.5 → +50%); — when missing. */
export const formatDeviation = (v: number | null | undefined) => (v === null || v === undefined ? '—' : signedPercent.format(v));
