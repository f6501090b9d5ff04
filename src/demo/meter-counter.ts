/** A meter the simulator or the demo drives: its mean use per hour (in the meter's unit) and the hour its daily shape is centred on. */
export type CounterShape = { perHour: number; phase: number };

/**
 * A counter that only rises, with a daily shape: use per hour = perHour × (1 + 0.6·sin(2π(h − phase)/24)), h in
 * hours since the epoch (UTC), whose integral is a pure function of the time, so a restarted simulator (or the demo's
 * live stream after its generated history) continues every counter where it stood. Over whole days the shape
 * integrates to exactly perHour × hours.
 */
export function counterAt(m: CounterShape, ms: number): number {
  const h = ms / 3_600_000;
  const shape = h - ((0.6 * 24) / (2 * Math.PI)) * Math.cos((2 * Math.PI * (h - m.phase)) / 24);
  return Math.round(m.perHour * shape * 1000) / 1000;
}

/** The demo meters' daily shape: peaks between 12:00 and 16:00 Beijing time, spread by enterprise (pure, so the stream finds it again). */
export const demoMeterPhase = (enterpriseId: number) => (enterpriseId % 5) - 2;
