import { z } from 'zod';
import { INSTITUTION_KINDS, INSTITUTION_LEVELS, QUOTA_KINDS } from '../../domain/supervision/reference';

/** 公共机构 (issue #11, plan 二（六）): the registry, yearly use, quotas and their evaluation, 节约型机关 per county. */

export const ECONOMY_STATUSES = ['none', 'creating', 'accepted'] as const;
export const DEMONSTRATION_LEVELS = ['none', 'provincial', 'national'] as const;
const Year = z.number().int().min(2000).max(2100);

export const InstitutionBody = z
  .object({
    name: z.string().trim().min(1, '名称不能为空').max(200),
    regionCode: z.string().trim().min(1).max(16),
    level: z.enum(INSTITUTION_LEVELS),
    kind: z.enum(INSTITUTION_KINDS),
    staff: z.number().int().min(0).max(1_000_000).nullable().default(null),
    floorAreaM2: z.number().finite().min(0).max(10_000_000).nullable().default(null),
    economyStatus: z.enum(ECONOMY_STATUSES).default('none'),
    economyYear: Year.nullable().default(null),
    demonstration: z.enum(DEMONSTRATION_LEVELS).default('none'),
    teachingPoint: z.boolean().default(false),
  })
  .superRefine((b, c) => {
    if (b.economyStatus !== 'none' && b.kind !== 'organ') c.addIssue({ code: 'custom', path: ['economyStatus'], message: '节约型机关只适用于机关' });
    if (b.economyStatus === 'accepted' && b.economyYear === null) c.addIssue({ code: 'custom', path: ['economyYear'], message: '已建成节约型机关的须填写建成年份' });
    if (b.economyStatus !== 'accepted' && b.economyYear !== null) c.addIssue({ code: 'custom', path: ['economyYear'], message: '只有已建成的节约型机关才有建成年份' });
  });
export type InstitutionBody = z.infer<typeof InstitutionBody>;

export const InstitutionListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: z.string().max(16).optional(),
  kind: z.enum(INSTITUTION_KINDS).optional(),
  level: z.enum(INSTITUTION_LEVELS).optional(),
});

export const UseBody = z.object({
  months: z.number().int().min(1, '统计月数应为 1–12').max(12, '统计月数应为 1–12'),
  energyKgce: z.number().finite().min(0).max(1e10),
  waterM3: z.number().finite().min(0).max(1e10).nullable().default(null),
  staff: z.number().int().min(0).max(1_000_000).nullable().default(null),
  floorAreaM2: z.number().finite().min(0).max(10_000_000).nullable().default(null),
});
export type UseBody = z.infer<typeof UseBody>;
export const UseParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), year: z.coerce.number().int().min(2000).max(2100) });

export const QuotaBody = z.object({ year: Year, kind: z.enum(QUOTA_KINDS), value: z.number().finite().positive().max(1e7), source: z.string().trim().min(1, '请写明定额依据').max(300) });
export type QuotaBody = z.infer<typeof QuotaBody>;

const Level = z.enum(['ok', 'warn', 'over']);
export const EvaluationOut = z.object({
  kind: z.enum(QUOTA_KINDS),
  unit: z.string(),
  direction: z.enum(['upper-limit', 'lower-limit']),
  quota: z.number(),
  quotaSource: z.string(),
  quotaIsDefault: z.boolean(),
  evaluable: z.boolean(),
  reason: z.enum(['no-staff', 'no-area', 'no-water', 'no-months']).nullable(),
  periodIndicator: z.number().nullable(),
  annualIndicator: z.number().nullable(),
  ratio: z.number().nullable(),
  level: Level.nullable(),
});
export type EvaluationOut = z.infer<typeof EvaluationOut>;

export const UseOut = z.object({
  year: z.number().int(),
  months: z.number().int(),
  energyKgce: z.number(),
  waterM3: z.number().nullable(),
  staff: z.number().int().nullable(),
  floorAreaM2: z.number().nullable(),
  filedAt: z.date(),
  evaluations: z.array(EvaluationOut),
  level: Level.nullable(),
});
export type UseOut = z.infer<typeof UseOut>;

export const InstitutionOut = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(INSTITUTION_LEVELS),
  kind: z.enum(INSTITUTION_KINDS),
  staff: z.number().int().nullable(),
  floorAreaM2: z.number().nullable(),
  economyStatus: z.enum(ECONOMY_STATUSES),
  economyYear: z.number().int().nullable(),
  demonstration: z.enum(DEMONSTRATION_LEVELS),
  teachingPoint: z.boolean(),
  updatedAt: z.date(),
  canWrite: z.boolean(),
});
export type InstitutionOut = z.infer<typeof InstitutionOut>;

/** A registry row with the use of the year asked (if filed) and its evaluation; warnings sort first. */
export const InstitutionRowOut = InstitutionOut.extend({ use: UseOut.nullable() });
export type InstitutionRowOut = z.infer<typeof InstitutionRowOut>;

export const InstitutionDetailOut = z.object({
  institution: InstitutionOut,
  uses: z.array(UseOut),
  quotas: z.array(z.object({ year: z.number().int(), kind: z.enum(QUOTA_KINDS), value: z.number(), source: z.string(), setAt: z.date() })),
  canManage: z.boolean(),
});

export const EconomyShareOut = z.object({
  regionCode: z.string(),
  organs: z.number().int(),
  accepted: z.number().int(),
  creating: z.number().int(),
  share: z.number().nullable(),
  meetsGoal: z.boolean(),
  needed: z.number().int(),
});
export const EconomySummaryOut = z.object({
  year: z.number().int(),
  goal: z.number(),
  goalYear: z.number().int(),
  regions: z.array(EconomyShareOut.extend({ regionName: z.string() })),
  city: EconomyShareOut,
});

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
