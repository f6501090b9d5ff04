/**
 * What is deducted from energy consumption before it is assessed (energy.md §3.3–§3.5), per year,
 * with no term subtracted twice. Energy in 万tce, electricity in 亿kWh.
 */

/** One region-year's figures that the deductions read. */
export type DeductionFigures = {
  year: number;
  energy: number;
  /** 原料用能 (发改环资〔2022〕803号). */
  feedstock: number;
  /** 国家重大项目能耗单列 (发改环资〔2021〕1310号). */
  listedProjects: number;
  /** Non-fossil energy consumption, renewables and nuclear (发改环资〔2024〕113号). */
  nonFossil: number;
  /** Renewable electricity consumed, 亿kWh (发改运行〔2022〕1258号). */
  renewableElectricity: number;
};

/**
 * The deduction regime in force for a year: reference data with its source and validity.
 * 'renewable-increment' (1258号): new renewable electricity since the base year, from the total only
 * ("但仍纳入能耗强度考核") [R]. 'non-fossil' (113号): all non-fossil energy, from total and intensity [V].
 */
export type DeductionRegime = {
  kind: 'renewable-increment' | 'non-fossil';
  /** kgce per kWh for the renewable increment: the coefficient the regional total used (default 等价值) [U]. */
  k: number;
  /** How "每年较上一年新增" adds up: the year's level against the base year, or the sum of the positive yearly increments [U]. */
  incrementRule: 'level-vs-base' | 'sum-positive-increments';
  /** 113号: deduct the base year's non-fossil energy too, as 803号 does for feedstock [U]. */
  deductBaseYearNonFossil: boolean;
};

export type Deductions = {
  feedstock: number;
  listedProjects: number;
  /** 1258号 increment, total only. */
  renewableIncrement: number;
  /** 113号, total and intensity. */
  nonFossil: number;
};

export type Assessed = { deductions: Deductions; total: number; forIntensity: number };

/** 1 亿kWh × 1 kgce/kWh = 10⁸ kgce = 10 万tce. */
const WAN_TCE_PER_YI_KWH_PER_KGCE = 10;

/**
 * The energy assessed for a year under a regime: E − feedstock − listed projects − X, where X is the
 * renewable increment (total only) under 1258号, or all non-fossil energy (both dimensions) under 113号.
 * `history` holds the figures of the base year and every year up to this one (for the increments).
 */
export function assessedEnergy(year: DeductionFigures, base: DeductionFigures, history: readonly DeductionFigures[], regime: DeductionRegime): Assessed {
  let renewableIncrement = 0;
  if (regime.kind === 'renewable-increment' && year.year > base.year) {
    const kwh =
      regime.incrementRule === 'level-vs-base'
        ? Math.max(0, year.renewableElectricity - base.renewableElectricity)
        : positiveIncrements(history.filter((h) => h.year >= base.year && h.year <= year.year));
    renewableIncrement = kwh * regime.k * WAN_TCE_PER_YI_KWH_PER_KGCE;
  }
  const nonFossil = regime.kind === 'non-fossil' && (year.year > base.year || regime.deductBaseYearNonFossil) ? year.nonFossil : 0;
  const common = year.energy - year.feedstock - year.listedProjects - nonFossil;
  return {
    deductions: { feedstock: year.feedstock, listedProjects: year.listedProjects, renewableIncrement, nonFossil },
    total: common - renewableIncrement,
    forIntensity: common,
  };
}

function positiveIncrements(years: readonly DeductionFigures[]): number {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  let sum = 0;
  for (let i = 1; i < sorted.length; i++) sum += Math.max(0, sorted[i]!.renewableElectricity - sorted[i - 1]!.renewableElectricity);
  return sum;
}

/** 非化石能源占比 = E_nonfossil / E_total (energy.md §6); both must use the same electricity coefficient. */
export function nonFossilShare(nonFossil: number, energy: number): number | null {
  return energy > 0 ? nonFossil / energy : null;
}
