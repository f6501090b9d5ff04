/** The editor's value per region code: a number, or empty (no share). */
export type ShareValues = Record<string, number | null | undefined>;

/** One share as the PUT body carries it: the county's target and, optionally, its own 基期值. */
export type ShareBody = { regionCode: string; target: number; baselineValue: number | null };

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The PUT body's shares: the rows with a target only, in the order of the regions. A 基期值 goes with its
 * row's target; without a target the row is no share, so a 基期值 alone is not sent (see `baselinesWithoutTarget`).
 */
export function toShares(regionCodes: readonly string[], values: ShareValues, baselines: ShareValues = {}): ShareBody[] {
  return regionCodes.flatMap((regionCode) => {
    const v = values[regionCode];
    const b = baselines[regionCode];
    return isNumber(v) ? [{ regionCode, target: v, baselineValue: isNumber(b) ? b : null }] : [];
  });
}

/** Regions given a 基期值 but no target: saving would drop it, so the editor says so first. */
export function baselinesWithoutTarget(regionCodes: readonly string[], values: ShareValues, baselines: ShareValues): string[] {
  return regionCodes.filter((c) => isNumber(baselines[c]) && !isNumber(values[c]));
}

/** The editor's values from the stored shares. */
export function toValues(shares: readonly { regionCode: string; target: number }[]): ShareValues {
  return Object.fromEntries(shares.map((s) => [s.regionCode, s.target]));
}

/** The editor's 基期值 from the stored shares (empty where a share has none). */
export function toBaselines(shares: readonly { regionCode: string; baselineValue: number | null }[]): ShareValues {
  return Object.fromEntries(shares.map((s) => [s.regionCode, s.baselineValue]));
}

/** What may edit or only read the cascade: the city sets it, a county sees its own share. */
export function allocationMode(role: string): 'edit' | 'own' | null {
  if (role === 'admin' || role === 'steering') return 'edit';
  if (role === 'county') return 'own';
  return null;
}
