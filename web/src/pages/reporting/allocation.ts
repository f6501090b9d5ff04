/** The editor's value per region code: a number, or empty (no share). */
export type ShareValues = Record<string, number | null | undefined>;

/** The PUT body's shares: the filled rows only, in the order of the regions. */
export function toShares(regionCodes: readonly string[], values: ShareValues): Array<{ regionCode: string; target: number }> {
  return regionCodes.flatMap((regionCode) => {
    const v = values[regionCode];
    return typeof v === 'number' && Number.isFinite(v) ? [{ regionCode, target: v }] : [];
  });
}

/** The editor's values from the stored shares. */
export function toValues(shares: readonly { regionCode: string; target: number }[]): ShareValues {
  return Object.fromEntries(shares.map((s) => [s.regionCode, s.target]));
}

/** What may edit or only read the cascade: the city sets it, a county sees its own share. */
export function allocationMode(role: string): 'edit' | 'own' | null {
  if (role === 'admin' || role === 'steering') return 'edit';
  if (role === 'county') return 'own';
  return null;
}
