import { Dec } from './decimal';

/**
 * Default allocation (reduction.md §6): the target in tonnes split in proportion to each region's potential
 * (Σ R_p,2025 over its planned projects), to 0.01 t by largest remainder in decimal arithmetic, ties to the
 * larger potential (then to the earlier region), so the parts add up to the target exactly. Negative
 * potentials count as 0; when no region has any potential the target is split evenly.
 * Example: 916.65 t over 600/300/100 → 549.99 / 275.00 / 91.66 t.
 */
export function splitByPotential(target: number, potentials: Array<{ regionCode: string; potential: number }>): Array<{ regionCode: string; target: number }> {
  if (potentials.length === 0) return [];
  if (!(target >= 0)) throw new RangeError(`分解目标须为非负数，收到 ${target}`);
  const cents = Dec.of(target).scaled(2); // the target itself, to 0.01 t
  const weights = potentials.map((p) => (p.potential > 0 ? Dec.of(p.potential) : Dec.ZERO));
  const total = Dec.sum(weights);
  const w = total.isZero() ? potentials.map(() => Dec.ONE) : weights;
  const sumW = total.isZero() ? Dec.of(potentials.length) : total;
  const parts = w.map((wi, i) => {
    const exact = Dec.of(cents).times(wi).div(sumW); // in 0.01 t units
    const floor = exact.num / exact.den; // exact ≥ 0, so truncation is the floor
    return { i, floor, rest: exact.minus(Dec.of(floor)), weight: wi };
  });
  let left = cents - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => b.rest.cmp(a.rest) || b.weight.cmp(a.weight) || a.i - b.i);
  for (const p of order) {
    if (left <= 0n) break;
    p.floor += 1n;
    left -= 1n;
  }
  return potentials.map((p, i) => ({ regionCode: p.regionCode, target: Dec.of(parts[i]!.floor).times(Dec.pow10(-2)).round(2) }));
}
