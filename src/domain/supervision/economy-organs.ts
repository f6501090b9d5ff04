/**
 * 节约型机关 (plan 二（六）): “到 2025 年，80%以上的县级及以上机关建成节约型机关”. The organs counted are 县级及以上机关:
 * public institutions of kind organ at city or county level; township organs and other kinds are not counted.
 */

export type EconomyOrgan = { regionCode: string; kind: string; level: string; economyStatus: string; economyYear: number | null };

export type EconomyShare = {
  regionCode: string;
  /** 县级及以上机关 in the region */
  organs: number;
  accepted: number;
  creating: number;
  /** accepted / organs; null when the region has no such organ */
  share: number | null;
  meetsGoal: boolean;
  /** How many more must be accepted to reach the goal: ceil(goal × organs) − accepted, at least 0. */
  needed: number;
};

/** Whether an institution is one of the 县级及以上机关 the goal counts. */
export const isCountedOrgan = (o: Pick<EconomyOrgan, 'kind' | 'level'>): boolean => o.kind === 'organ' && (o.level === 'city' || o.level === 'county');

/** Accepted by the end of `year` (an accepted organ without a year counts: the year was not recorded). */
const acceptedBy = (o: EconomyOrgan, year: number): boolean => o.economyStatus === 'accepted' && (o.economyYear === null || o.economyYear <= year);

// 0.8 × 15 is 12.000000000000002 in binary floating point: without the tolerance ceil would ask for 13.
const ceilGoal = (goal: number, n: number): number => Math.ceil(goal * n - 1e-9);

/** The share of one group of organs accepted as 节约型机关 by the end of `year`, against the goal (a share, 0.8). */
export function economyShare(regionCode: string, organs: readonly EconomyOrgan[], goal: number, year: number): EconomyShare {
  const counted = organs.filter(isCountedOrgan);
  const accepted = counted.filter((o) => acceptedBy(o, year)).length;
  const creating = counted.filter((o) => !acceptedBy(o, year) && o.economyStatus !== 'none').length;
  const needed = Math.max(0, ceilGoal(goal, counted.length) - accepted);
  return { regionCode, organs: counted.length, accepted, creating, share: counted.length ? accepted / counted.length : null, meetsGoal: counted.length > 0 && needed === 0, needed };
}

/**
 * The share per region (a county's own organs; the city's own city-level organs under the city's code), in the
 * order of `regionCodes`, and the whole city's.
 */
export function economySharesByRegion(regionCodes: readonly string[], organs: readonly EconomyOrgan[], goal: number, year: number, cityCode: string) {
  const byRegion = regionCodes.map((code) =>
    economyShare(
      code,
      organs.filter((o) => o.regionCode === code),
      goal,
      year,
    ),
  );
  return { regions: byRegion, city: economyShare(cityCode, organs, goal, year) };
}
