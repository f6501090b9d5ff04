/** One reading as the station page's live stream sends it (GET /stations/:id/live, server-sent `readings` events). */
export type LivePoint = { factor: string; kind: string; at: string; value: number | null; min: number | null; max: number | null; zs: number | null; flag: string | null };

/** The points a live chart keeps per factor: an hour of 10-second real-time data, far more of minute data. */
export const LIVE_CAP = 360;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function pointOf(v: unknown): LivePoint | null {
  if (!isRecord(v) || typeof v.factor !== 'string' || typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) return null;
  return {
    factor: v.factor,
    kind: typeof v.kind === 'string' ? v.kind : 'rtd',
    at: new Date(v.at).toISOString(),
    value: numOrNull(v.value ?? v.rtd ?? v.avg),
    min: numOrNull(v.min),
    max: numOrNull(v.max),
    zs: numOrNull(v.zs),
    flag: strOrNull(v.flag),
  };
}

/**
 * The points of an event's data (the server's `readings` event carries an array; one reading alone is taken too),
 * leaving out what is not a reading. The value is -Rtd for real-time data and -Avg otherwise (hj212.md §4).
 */
export function parseLiveEvent(data: string): LivePoint[] {
  let v: unknown;
  try {
    v = JSON.parse(data);
  } catch {
    return []; // not JSON: nothing to draw
  }
  return (Array.isArray(v) ? v : [v]).map(pointOf).filter((p): p is LivePoint => p !== null);
}

export type LiveSeries = Readonly<Record<string, readonly LivePoint[]>>;

/** The series with the point added in time order (a re-sent point replaces its twin), the oldest dropped past the cap. */
export function appendLive(series: LiveSeries, p: LivePoint, cap = LIVE_CAP): LiveSeries {
  const t = Date.parse(p.at);
  const kept = (series[p.factor] ?? []).filter((q) => !(q.at === p.at && q.kind === p.kind));
  let i = kept.length;
  while (i > 0 && Date.parse(kept[i - 1]!.at) > t) i--;
  const next = [...kept.slice(0, i), p, ...kept.slice(i)];
  return { ...series, [p.factor]: next.length > cap ? next.slice(next.length - cap) : next };
}

type LatestValue = { code: string; at: string; value: number | null; flag: string | null };

/**
 * 最新数据 as the live stream moves it: per factor, the newest of the list's latest value and the streamed points
 * (real-time or average), so the table changes when a reading arrives, not at the next poll.
 */
export function latestOf<L extends LatestValue>(latest: readonly L[], series: LiveSeries): LatestValue[] {
  const codes = [...new Set([...latest.map((l) => l.code), ...Object.keys(series)])];
  return codes.map((code) => {
    const listed = latest.find((l) => l.code === code);
    const streamed = series[code]?.at(-1);
    // A code comes from the list or the stream, so one of the two is there.
    const v = (streamed && (!listed || Date.parse(streamed.at) > Date.parse(listed.at)) ? streamed : listed)!;
    return { code, at: v.at, value: v.value, flag: v.flag };
  });
}
