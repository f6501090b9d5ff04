import { z } from 'zod';

/**
 * 信息公开 (issue #10): what the steering office may publish and what the public API promises about each
 * published dataset. A snapshot is frozen when published; these schemas are the public contract.
 */
export const DATASETS = ['targets', 'barometer', 'reduction', 'assessment'] as const;
export const Dataset = z.enum(DATASETS);
export type Dataset = z.infer<typeof Dataset>;

export type PeriodKey = { year: number; quarter: number | null } | { assessmentId: number };

const YEAR = /^(20\d\d)$/;
const QUARTER = /^(20\d\d)-Q([1-4])$/;

/**
 * Reads a dataset's period key: a year ('2025') for every dataset but the assessment, a quarter ('2025-Q3') for the
 * barometer too, and an assessment's id ('12') for its results. Null when the key does not fit the dataset.
 */
export function parsePeriodKey(dataset: Dataset, key: string): PeriodKey | null {
  if (dataset === 'assessment') return /^[1-9]\d{0,8}$/.test(key) ? { assessmentId: Number(key) } : null;
  const y = YEAR.exec(key);
  if (y) return { year: Number(y[1]), quarter: null };
  const q = dataset === 'barometer' ? QUARTER.exec(key) : null;
  return q ? { year: Number(q[1]), quarter: Number(q[2]) } : null;
}

/** What a period key looks like for a dataset, for the error that says why one was refused. */
export const PERIOD_KEY_HINT: Record<Dataset, string> = {
  targets: '年份，如 2025',
  barometer: '年份或季度，如 2025 或 2025-Q3',
  reduction: '年份，如 2025',
  assessment: '考核编号，如 12',
};

const N = z.number().nullable();
/** 1 一级预警 (red), 2 二级 (yellow), 3 三级 (green); null not rated. */
const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();
/** Reduction progress level (reduction.md §6). */
const ProgressLevel = z.enum(['green', 'yellow', 'red', 'none']);
const Pollutant = z.enum(['COD', 'NH3-N', 'NOx', 'VOCs']);

/** 目标进展: the city's headline targets, its plan indicators and the ten key projects. */
export const TargetsSnapshot = z.object({
  dataset: z.literal('targets'),
  year: z.number().int(),
  /** 能耗强度降低 (dual control's city evaluation), against the plan's five-year target. */
  energyIntensity: z.object({
    target: N,
    stretch: N,
    cumulativeReduction: N,
    progressTarget: N,
    completion: N,
    onTrack: z.boolean().nullable(),
  }),
  /** The four pollutants' key-project reductions (tonnes) since 2020. */
  pollutants: z.array(z.object({ pollutant: Pollutant, target_t: z.number(), verified_t: z.number(), completion: N, level: ProgressLevel })),
  /** Every plan indicator with its latest approved city value (the 非化石能源 share among them). */
  indicators: z.array(
    z.object({ code: z.string(), name: z.string(), unit: z.string().nullable(), target: N, targetText: z.string().nullable(), latest: N, latestPeriod: z.string().nullable(), status: z.string(), completion: N }),
  ),
  /** 十大重点工程: each with its tasks' latest reported status. */
  keyProjects: z.array(
    z.object({
      no: z.number().int(),
      title: z.string(),
      tasks: z.number().int(),
      completed: z.number().int(),
      onTrack: z.number().int(),
      behind: z.number().int(),
      notReported: z.number().int(),
      /** Mean reported percent complete of the tasks that reported one, 0–100. */
      percent: N,
    }),
  ),
});
export type TargetsSnapshot = z.infer<typeof TargetsSnapshot>;

/** 能耗双控晴雨表: the level of each county and zone (and the city), nothing of the figures behind it. */
export const BarometerSnapshot = z.object({
  dataset: z.literal('barometer'),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  rulesName: z.string().nullable(),
  colours: z.object({ level1: z.string(), level2: z.string(), level3: z.string(), unrated: z.string() }),
  regions: z.array(z.object({ regionCode: z.string(), name: z.string(), kind: z.string(), intensity: Level, total: Level, overall: Level })),
});
export type BarometerSnapshot = z.infer<typeof BarometerSnapshot>;

/** 重点工程减排量进展: the city per pollutant, and each county's allocation and verified reduction. */
export const ReductionSnapshot = z.object({
  dataset: z.literal('reduction'),
  year: z.number().int(),
  /** Expected cumulative share for the year. */
  expected: z.number(),
  pollutants: TargetsSnapshot.shape.pollutants,
  regions: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      projects: z.number().int(),
      pollutants: z.array(z.object({ pollutant: Pollutant, allocation_t: N, verified_t: z.number(), completion: N, level: ProgressLevel })),
    }),
  ),
});
export type ReductionSnapshot = z.infer<typeof ReductionSnapshot>;

/** 考核结果: ranking, totals and grade of a published assessment; no notes, evidence or item scores. */
export const AssessmentSnapshot = z.object({
  dataset: z.literal('assessment'),
  assessmentId: z.number().int(),
  title: z.string(),
  period: z.string(),
  schemeName: z.string(),
  subjectKind: z.enum(['region', 'department']),
  results: z.array(
    z.object({
      rank: z.number().int(),
      key: z.string(),
      name: z.string(),
      targetPoints: z.number(),
      measurePoints: z.number(),
      deductions: z.number(),
      total: z.number(),
      grade: z.string(),
      gradeLabel: z.string(),
      vetoed: z.boolean(),
    }),
  ),
});
export type AssessmentSnapshot = z.infer<typeof AssessmentSnapshot>;

export const Snapshot = z.discriminatedUnion('dataset', [TargetsSnapshot, BarometerSnapshot, ReductionSnapshot, AssessmentSnapshot]);
export type Snapshot = z.infer<typeof Snapshot>;

/** Completion as the public reads it: a share of the target, clamped to 0–1 for a progress bar. */
export function progressShare(done: number | null, target: number | null): number | null {
  if (done === null || target === null || !(target > 0)) return null;
  return Math.min(1, Math.max(0, done / target));
}
