import { z } from 'zod';

/**
 * The shape of a plan data file (data/plans/*.yaml) 方案数据文件.
 * One file per plan; nothing here is specific to Ganzhou or to the 14th FYP:
 * the 15th FYP plan (2026–2030) loads from a file of the same shape.
 */

/** How an indicator's target is compared 比较方式. */
export const Comparison = z.enum([
  'gte', // ≥ 达到…以上
  'gt', // > 超过
  'lte', // ≤ 控制在…以内
  'eq', // = 保持 / 达到
  'approx', // ≈ …左右
  'reduce_by_pct', // 比基年下降 x%
  'qualitative', // 定性：无数值目标
]);
export type Comparison = z.infer<typeof Comparison>;

const DepartmentNames = z.array(z.string().min(1));

export const IndicatorSpec = z.object({
  /** Stable code within the plan, e.g. "I01". */
  code: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  name: z.string().min(1),
  /** Exact words of the seed this indicator comes from (verbatim, see plan-quotes.ts). */
  quote: z.string().min(1),
  unit: z.string().nullable(),
  comparison: Comparison,
  baselineYear: z.number().int().nullable(),
  baselineValue: z.number().nullable().default(null),
  /** 目标值; null where the plan sets only a stretch (力争) value or no number. */
  target: z.number().nullable(),
  /** 力争值. */
  stretch: z.number().nullable(),
  /** Target in words where it is not a number (e.g. "II 类"). */
  targetText: z.string().nullable().default(null),
  targetYear: z.number().int(),
  /** 约束性 (binding) vs 预期性 (expected). */
  isBinding: z.boolean().default(false),
  departments: DepartmentNames.min(1),
});
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

export const TaskSpec = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  /** Exact sentence of the seed (verbatim). */
  quote: z.string().min(1),
  /** 牵头单位; omitted → the section's. */
  lead: DepartmentNames.optional(),
  /** 配合单位 / 按职责分工负责; omitted → the section's. */
  cooperating: DepartmentNames.optional(),
  /** GB/T 2260 codes of regions the sentence names explicitly (点名). */
  regions: z.array(z.string()).default([]),
});
export type TaskSpec = z.infer<typeof TaskSpec>;

export const SectionSpec = z.object({
  no: z.number().int().positive(),
  title: z.string().min(1),
  /** The whole paragraph(s) of the section, verbatim. */
  quote: z.string().min(1),
  /** True for the ten 重点工程 of chapter 二. */
  isKeyProject: z.boolean().default(false),
  /** The parenthesised responsibility clause, verbatim, e.g. "（市工信局、…负责）". */
  responsibilityQuote: z.string().nullable().default(null),
  lead: DepartmentNames.default([]),
  cooperating: DepartmentNames.default([]),
  tasks: z.array(TaskSpec).default([]),
  indicators: z.array(IndicatorSpec).default([]),
});
export type SectionSpec = z.infer<typeof SectionSpec>;

export const ChapterSpec = z.object({
  no: z.number().int().positive(),
  title: z.string().min(1),
  sections: z.array(SectionSpec).min(1),
});
export type ChapterSpec = z.infer<typeof ChapterSpec>;

export const PlanFile = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** GB/T 2260 code of the region the plan governs. */
  regionCode: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  baselineYear: z.number().int(),
  parent: z.object({ name: z.string(), docNumber: z.string().nullable() }).nullable(),
  /** File name (beside the plan file) of the source text the quotes come from. */
  sourceFile: z.string(),
  /** The preamble, verbatim. */
  preamble: z.string(),
  /** The plan's rule that every task is also carried out by all its regions (各县（市、区）落实). */
  allRegionsImplement: z.boolean(),
  allRegionsQuote: z.string().nullable(),
  chapters: z.array(ChapterSpec).min(1),
});
export type PlanFile = z.infer<typeof PlanFile>;
