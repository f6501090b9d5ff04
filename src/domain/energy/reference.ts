import { z } from 'zod';
import type { BarometerRules } from './barometer';
import type { DeductionRegime } from './deductions';

const Fraction = z.number().min(0).max(1);
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** 晴雨表规则 as reference data (energy.md §3.2): the rule set per dimension, thresholds and colours. */
export const BarometerRulesValue = z.object({
  /** The name shown on every map and bulletin, e.g. "强度按 629号，总量按 901号（增长口径）". */
  name: z.string().min(1),
  intensity: z.object({ ruleSet: z.enum(['A', 'B']), gapThreshold: Fraction }),
  total: z.object({ basis: z.enum(['growth', 'level']), gapThreshold: Fraction }),
  colours: z.object({ level1: Colour, level2: Colour, level3: Colour, unrated: Colour }),
}) satisfies z.ZodType<BarometerRules & object>;
export type BarometerRulesValue = z.infer<typeof BarometerRulesValue>;

/** 扣减口径 as reference data (energy.md §3.3–§3.5): which deduction regime applies to a data year. */
export const DeductionRegimeValue = z.object({
  kind: z.enum(['renewable-increment', 'non-fossil']),
  k: z.number().positive().max(1),
  incrementRule: z.enum(['level-vs-base', 'sum-positive-increments']),
  deductBaseYearNonFossil: z.boolean(),
}) satisfies z.ZodType<DeductionRegime>;


const Kgce = z.number().positive();
/** 折标准煤系数 (GB/T 2589; energy.md §1.1): each carrier's kgce per base unit, with its range where the standard gives one. */
export const EnergyCoefficientsValue = z.object({
  carriers: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9-]*$/),
        name: z.string().min(1),
        baseUnit: z.enum(['kg', 'm3', 'kWh', 'MJ']),
        kgce: Kgce,
        min: Kgce.optional(),
        max: Kgce.optional(),
        isWorkingMedium: z.boolean().optional(),
        isElectricity: z.boolean().optional(),
        tag: z.enum(['V', 'R', 'U']),
      }),
    )
    .min(1),
});
/** 电力等价值: the year's 发电标准煤耗 (kgce/kWh) used for the equivalent-input method [V rule, U value]. */
export const ElectricityEquivalentInputValue = z.object({ kgcePerKwh: z.number().gt(0.1).lt(0.5) });
/** 重点用能单位 thresholds (节约能源法 art. 52) and the electricity method they are judged by. */
export const KeyUnitThresholdsValue = z.object({ key: z.number().positive(), designatable: z.number().positive(), method: z.enum(['equivalent', 'equivalent-input']) });
/** 能源利用状况报告 checks: how far the total may move against last year before a reason is required. */
export const EnergyReportRulesValue = z.object({ changeThreshold: z.number().gt(0).lt(5) });

/** 能效标杆/基准水平 per product, with the plan's capacity-share goal. */
export const EfficiencyBenchmarksValue = z.object({
  goalShare: z.number().gt(0).lt(1),
  products: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string(), industry: z.string(), benchmark: z.number(), baseline: z.number(), source: z.string(), tag: z.enum(['V', 'R', 'U']) })).min(1),
});

/** 能耗在线监测数据质量规则 (GB/T 38692-2020; energy.md §4): completeness and metered-vs-reported deviation limits, and the ingestion checks' thresholds. */
export const MeteringRulesValue = z.object({
  /** Share of hours with a reading below which a period is incomplete (0.90). */
  completenessMin: Fraction,
  /** |metered − reported| / reported above which the comparison is flagged (0.05). */
  deviationMax: Fraction,
  /** A reading whose rate exceeds this multiple of the meter's recent rate is a spike. */
  spikeFactor: z.number().gt(1),
  /** Readings a meter needs before the spike check applies. */
  spikeMinSamples: z.number().int().min(1),
  /** A silence longer than this (minutes) before a reading flags it as after a gap. */
  gapMinutes: z.number().positive(),
  /** How far in the future (seconds) a reading's timestamp may lie before it is rejected. */
  futureToleranceSeconds: z.number().min(0),
});
export type MeteringRulesValue = z.infer<typeof MeteringRulesValue>;
