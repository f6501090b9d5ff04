/**
 * How big the demo city is. `small` is for browser tests (loads in seconds), `standard` for `npm run demo`, `large`
 * for benchmarks. Counts are per county-level region (18 counties/districts and 2 zones), so every county always has
 * some of everything and the county map is never blank.
 */
export type DemoSizeName = 'small' | 'standard' | 'large';
export const DEMO_SIZE_NAMES = ['small', 'standard', 'large'] as const satisfies readonly DemoSizeName[];

export type DemoSize = {
  name: DemoSizeName;
  /** Enterprises per region; the first ones are key energy units, some also key pollutant units. */
  enterprisesPerRegion: number;
  /** Online monitoring stations (HJ 212) per region. */
  stationsPerRegion: number;
  /** Energy meters (MQTT) per key energy unit. */
  metersPerUnit: number;
  /** Multiplier for per-region records that have no natural count (reduction projects per type, institutions…). */
  perRegion: number;
  /** Days of monitoring and metering history before the demo's "today". */
  historyDays: number;
};

export const DEMO_SIZES: Record<DemoSizeName, DemoSize> = {
  small: { name: 'small', enterprisesPerRegion: 2, stationsPerRegion: 1, metersPerUnit: 1, perRegion: 1, historyDays: 2 },
  standard: { name: 'standard', enterprisesPerRegion: 6, stationsPerRegion: 2, metersPerUnit: 2, perRegion: 2, historyDays: 7 },
  large: { name: 'large', enterprisesPerRegion: 40, stationsPerRegion: 12, metersPerUnit: 3, perRegion: 8, historyDays: 30 },
};
