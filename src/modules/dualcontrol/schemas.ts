import { z } from 'zod';
import { AccountYearInput } from '../../domain/energy/accounts-file';
import { HistoryStep } from '../reporting/schemas';

const Rate = z.number().gt(-1).lt(1);
const Amount = z.number().finite().min(0);
const RegionCode = z.string().regex(/^\d{6}$|^[A-Z]{2,12}$/, '地区代码应为 6 位行政区划代码或功能区代码');
/** A year ('2024') or the year to date ('2024-M06', cumulative Jan–Jun). */
export const EnergyPeriod = z.string().regex(/^\d{4}(-M(0[1-9]|1[0-2]))?$/, '期间格式应为 2024 或 2024-M06（1—6 月累计）');

export const AccountBody = z.object({
  regionCode: RegionCode,
  periodKey: EnergyPeriod,
  gdpCurrent: Amount.nullable().default(null),
  gdpGrowth: Rate.nullable().default(null),
  energy: Amount,
  coal: Amount.nullable().default(null),
  nonFossil: Amount.default(0),
  renewableElectricity: Amount.default(0),
  feedstock: Amount.default(0),
  listedProjects: Amount.default(0),
  note: z.string().trim().max(2000).default(''),
  correctionReason: z.string().max(1000).nullable().default(null),
});
export type AccountBody = z.infer<typeof AccountBody>;

export const AccountOut = AccountBody.omit({ correctionReason: true }).extend({
  id: z.number().int(),
  revision: z.number().int(),
  status: z.enum(['submitted', 'approved', 'returned', 'superseded']),
  correctionReason: z.string().nullable(),
  submittedBy: z.number().int(),
  submittedAt: z.date(),
});
export type AccountOut = z.infer<typeof AccountOut>;

export const AccountThreadOut = z.object({
  account: AccountOut,
  revisions: z.array(AccountOut),
  history: z.array(HistoryStep.extend({ accountId: z.number().int() })),
});

export const AccountQuery = z.object({ regionCode: RegionCode.optional(), year: z.coerce.number().int().min(2000).max(2100).optional(), status: AccountOut.shape.status.optional() });

export const TargetBody = z.object({
  baseYear: z.number().int().min(2000).max(2100).default(2020),
  years: z.number().int().min(1).max(10).default(5),
  basic: Rate.positive(),
  incentive: Rate.positive().nullable().default(null),
  source: z.string().trim().min(1).max(500),
  annual: z
    .array(z.object({ year: z.number().int().min(2000).max(2100), intensityReduction: Rate.nullable().default(null), plannedGdpGrowth: Rate.nullable().default(null) }))
    .max(20)
    .default([]),
});
export const TargetOut = TargetBody.extend({ regionCode: z.string(), updatedAt: z.date() });

export { AccountYearInput, RegionCode };

const N = z.number().nullable();
const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();
export const EvaluationRowOut = z.object({
  region: z.string(),
  year: z.number().int(),
  gdpComparable: N,
  energy: N,
  deductions: z.object({ feedstock: N, listedProjects: N, renewableIncrement: N, nonFossil: N }),
  assessedTotal: N,
  assessedForIntensity: N,
  intensity: N,
  annualReduction: N,
  cumulativeReduction: N,
  progressTarget: N,
  completion: N,
  timeProgress: N,
  onTrack: z.boolean(),
  totalTarget: z.object({ planned: N, adjusted: N, isAdjusted: z.boolean() }).nullable(),
  exemptFromTotal: z.boolean(),
  nonFossilShare: N,
  level: z.object({ intensity: Level, total: Level, overall: Level }),
  rating: z.object({ intensity: z.object({ actual: N, required: N, gap: N }), total: z.object({ actual: N, required: N, gap: N }) }),
});

export const BarometerOut = z.object({
  year: z.number().int(),
  rules: z.object({ name: z.string(), source: z.string(), colours: z.record(z.string(), z.string()) }).nullable(),
  regions: z.array(z.object({ regionCode: z.string(), name: z.string(), kind: z.string(), evaluation: EvaluationRowOut.nullable(), notRated: z.enum(['no-target', 'no-data']).nullable(), problem: z.string().nullable() })),
  cityVsCounties: z.object({ cityEnergy: N, countiesEnergy: N, gap: N }).nullable(),
});

export const SeriesOut = z.object({
  /** The base year (2020): where every trend starts. */
  base: z.object({ year: z.number().int(), energy: z.number(), gdpComparable: N, assessedForIntensity: z.number(), assessedTotal: z.number(), intensity: N }).nullable(),
  rows: z.array(EvaluationRowOut),
  adjustments: z.array(z.object({ id: z.number().int(), regionCode: z.string(), year: z.number().int(), planned: z.number(), adjusted: z.number(), reason: z.string(), accountId: z.number().int().nullable(), at: z.date() })),
});

export const WhatIfQuery = z.object({
  region: RegionCode,
  year: z.coerce.number().int().min(2000).max(2100),
  gdpGrowth: z.coerce.number().gt(-1).lt(1),
  plannedEnergy: z.coerce.number().finite().min(0).optional(),
});
export const WhatIfOut = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  gdpGrowth: z.number(),
  maxEnergy: z.number(),
  binding: z.enum(['intensity', 'total']),
  intensityBound: z.number(),
  totalBound: z.number(),
  incentiveBound: N,
  requiredReduction: z.number(),
  planned: z.object({ energy: N, intensity: Level, total: Level, exempt: z.boolean(), annualReduction: z.number() }).nullable(),
  today: z.string(),
});

const RatingOut = z.object({ level: Level, actual: N, required: N, gap: N });
export const QuarterBarometerOut = z.object({
  year: z.number().int(),
  quarter: z.number().int(),
  rules: BarometerOut.shape.rules,
  regions: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      kind: z.string(),
      rating: z.object({ intensity: RatingOut, total: RatingOut, overall: Level }).nullable(),
      notRated: z.enum(['no-target', 'no-data']).nullable(),
    }),
  ),
});
