import { z } from 'zod';

/** The kinds of 能耗定额 a public institution may have, and their units. */
export const QUOTA_KINDS = ['energy-per-capita', 'energy-per-area', 'water-per-capita'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];
export const QUOTA_UNITS: Record<QuotaKind, string> = { 'energy-per-capita': 'kgce/人·a', 'energy-per-area': 'kgce/m²·a', 'water-per-capita': 'm³/人·a' };

export const INSTITUTION_LEVELS = ['city', 'county', 'township'] as const;
export const INSTITUTION_KINDS = ['organ', 'school', 'hospital', 'culture-sports', 'other'] as const;
export const INSPECTION_TOPICS = ['energy-report', 'energy-review', 'benchmark', 'banned-equipment', 'other'] as const;

/**
 * 'supervision-rules' (issue #11): who supervises, the plan's goals and the quota defaults, as reference data with a
 * source and validity (data/reference/supervision.yaml).
 */
export const SupervisionRulesValue = z.object({
  /** Departments (codes) whose users plan and run 节能监察 and issue rectification orders (besides the city roles). */
  inspectorDepartments: z.array(z.string().min(1)).min(1),
  /** Departments (codes) that manage the public institutions, their use and quotas (市机关事务管理中心). */
  institutionDepartments: z.array(z.string().min(1)).min(1),
  /** Departments (codes) that keep the expert pool and the training records. */
  capacityDepartments: z.array(z.string().min(1)).min(1),
  /** 到 2025 年 80% 以上的县级及以上机关建成节约型机关 (plan 二（六）). */
  economyOrganGoal: z.number().gt(0).max(1),
  economyOrganGoalYear: z.number().int(),
  /** Use at or above this share of the quota warns before it is exceeded. */
  quotaWarnRatio: z.number().gt(0).lt(1),
  /** Default quotas by institution kind and level, used where an institution has none of its own for the year. */
  quotaDefaults: z.array(
    z.object({
      kind: z.enum(QUOTA_KINDS),
      institutionKind: z.enum(INSTITUTION_KINDS),
      level: z.enum(INSTITUTION_LEVELS).optional(),
      value: z.number().positive(),
    }),
  ),
  /** Days an enterprise gets by default to rectify, by severity. */
  rectificationDays: z.object({ minor: z.number().int().positive(), major: z.number().int().positive() }),
});
export type SupervisionRules = z.infer<typeof SupervisionRulesValue>;
