import type { MeteringRulesValue } from '../energy/reference';
import type { MeterReading } from './payload';

/** What the checks remember of a meter: its last accepted reading and its recent rate (units per second). */
export type MeterState = { lastTsMs: number | null; lastValue: number | null; unit: string; rate: number | null; samples: number };

export type RejectReason = 'bad-topic' | 'bad-payload' | 'unknown-enterprise' | 'unit-mismatch' | 'future' | 'out-of-order' | 'non-monotonic' | 'spike';

export type ReadingVerdict =
  | { kind: 'accept'; delta: number | null; isAfterGap: boolean; state: MeterState }
  /** The same time as the last accepted reading: a re-delivery, dropped silently. */
  | { kind: 'duplicate' }
  | { kind: 'reject'; reason: RejectReason; detail: string };

type Rules = Pick<MeteringRulesValue, 'spikeFactor' | 'spikeMinSamples' | 'gapMinutes' | 'futureToleranceSeconds'>;

// The recent rate is an exponentially weighted mean of interval rates; 0.2 follows a daily shape within the hour
// at a 10-minute cadence while one odd interval moves it little.
const RATE_WEIGHT = 0.2;

/** Checks one reading against the meter's state (GB/T 38692 data quality: monotonic counter, plausible rate, no future time). */
export function checkReading(state: MeterState, r: MeterReading, rules: Rules, nowMs: number): ReadingVerdict {
  if (r.unit !== state.unit) return { kind: 'reject', reason: 'unit-mismatch', detail: `计量单位 ${r.unit} 与该表登记的 ${state.unit} 不一致` };
  if (r.tsMs > nowMs + rules.futureToleranceSeconds * 1000) return { kind: 'reject', reason: 'future', detail: `读数时间 ${new Date(r.tsMs).toISOString()} 晚于当前时间` };
  if (state.lastTsMs === null || state.lastValue === null) {
    return { kind: 'accept', delta: null, isAfterGap: false, state: { ...state, lastTsMs: r.tsMs, lastValue: r.value, samples: 1 } };
  }
  if (r.tsMs === state.lastTsMs) return { kind: 'duplicate' };
  if (r.tsMs < state.lastTsMs) return { kind: 'reject', reason: 'out-of-order', detail: `读数时间早于已入库的最新读数 ${new Date(state.lastTsMs).toISOString()}` };
  const delta = r.value - state.lastValue;
  if (delta < 0) return { kind: 'reject', reason: 'non-monotonic', detail: `累计读数回退：${r.value} < 上次 ${state.lastValue}` };
  const seconds = (r.tsMs - state.lastTsMs) / 1000;
  const rate = delta / seconds;
  if (state.rate !== null && state.rate > 0 && state.samples >= rules.spikeMinSamples && rate > rules.spikeFactor * state.rate) {
    return { kind: 'reject', reason: 'spike', detail: `用量突增：${fmt(rate * 3600)}/h，超过近期 ${fmt(state.rate * 3600)}/h 的 ${rules.spikeFactor} 倍` };
  }
  const next = state.rate === null ? rate : state.rate + RATE_WEIGHT * (rate - state.rate);
  return {
    kind: 'accept',
    delta,
    isAfterGap: seconds > rules.gapMinutes * 60,
    state: { ...state, lastTsMs: r.tsMs, lastValue: r.value, rate: next, samples: state.samples + 1 },
  };
}

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);
