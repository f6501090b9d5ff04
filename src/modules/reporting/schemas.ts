import { z } from 'zod';

export const TaskStatus = z.enum(['not-started', 'on-track', 'delayed', 'completed']);
export const ReportStatus = z.enum(['submitted', 'approved', 'returned', 'superseded']);
const PeriodKey = z.string().regex(/^\d{4}(-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]))?$/, '期间格式应为 2025、2025-H1、2025-Q2 或 2025-M03');
const Id = z.number().int().positive().max(2_147_483_647);

export const ReportBody = z
  .object({
    indicatorId: Id.optional(),
    taskId: Id.optional(),
    periodKey: PeriodKey,
    regionCode: z.string().min(1).max(16),
    /** The indicator's value in the plan's unit. */
    value: z.number().finite().nullable().default(null),
    taskStatus: TaskStatus.nullable().default(null),
    percentComplete: z.number().int().min(0).max(100).nullable().default(null),
    narrative: z.string().trim().max(5000).default(''),
    /** Set only to correct an approved value: why. */
    correctionReason: z.string().max(1000).nullable().default(null),
  })
  .refine((b) => (b.indicatorId === undefined) !== (b.taskId === undefined), { message: '须指定 indicatorId 或 taskId 其中之一', path: ['indicatorId'] });
export type ReportBody = z.infer<typeof ReportBody>;

export const ReviewBody = z.object({ comment: z.string().trim().max(2000).nullable().default(null) });

export const ReportOut = z.object({
  id: z.number().int(),
  indicatorId: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  periodKey: z.string(),
  regionCode: z.string(),
  revision: z.number().int(),
  status: ReportStatus,
  value: z.number().nullable(),
  taskStatus: TaskStatus.nullable(),
  percentComplete: z.number().int().nullable(),
  narrative: z.string(),
  correctionReason: z.string().nullable(),
  submittedBy: z.number().int(),
  submittedAt: z.date(),
});
export type ReportOut = z.infer<typeof ReportOut>;

/** One step in a submission's history (submitted, returned with the comment, approved, corrected), with who took it. */
export const HistoryStep = z.object({ id: z.number().int(), action: z.string(), comment: z.string().nullable(), at: z.date(), actorName: z.string() });

export const ReportThreadOut = z.object({
  report: ReportOut,
  revisions: z.array(ReportOut),
  history: z.array(HistoryStep.extend({ reportId: z.number().int() })),
});

export const ReportQuery = z.object({
  indicatorId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  taskId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  regionCode: z.string().max(16).optional(),
  periodKey: PeriodKey.optional(),
  status: ReportStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const CalendarQuery = z.object({ plan: z.string().regex(/^[a-z0-9-]{1,64}$/), year: z.coerce.number().int().min(2000).max(2100) });

export const DueState = z.enum(['submitted', 'upcoming', 'open', 'due-soon', 'overdue']);
export const CalendarOut = z.object({
  today: z.string(),
  entries: z.array(
    z.object({
      kind: z.enum(['indicator', 'task']),
      itemId: z.number().int(),
      code: z.string(),
      name: z.string(),
      regionCode: z.string(),
      frequency: z.string(),
      periods: z.array(
        z.object({ key: z.string(), end: z.string(), due: z.string(), state: DueState, reportId: z.number().int().nullable(), status: ReportStatus.nullable() }),
      ),
    }),
  ),
});

export const AllocationParams = z.object({ indicatorId: z.coerce.number().int().positive().max(2_147_483_647) });
export const AllocationBody = z.object({
  shares: z
    .array(z.object({ regionCode: z.string().min(1).max(16), target: z.number().finite().min(0), baselineValue: z.number().finite().nullable().default(null) }))
    .max(50),
});
export const AllocationOut = z.object({
  indicator: z.object({ id: z.number().int(), code: z.string(), name: z.string(), unit: z.string().nullable(), target: z.number().nullable(), stretch: z.number().nullable(), comparison: z.string() }),
  shares: z.array(z.object({ regionCode: z.string(), target: z.number(), baselineValue: z.number().nullable() })),
  check: z
    .union([
      z.object({ additive: z.literal(true), sum: z.number(), cityTarget: z.number(), gap: z.number(), isCovered: z.boolean() }),
      z.object({ additive: z.literal(false), reason: z.enum(['rate', 'no-target']) }),
    ])
    .nullable(),
});

const Point = z.object({ periodKey: z.string(), t: z.number(), value: z.number() });
export const OverviewOut = z.object({
  year: z.number().int(),
  today: z.string(),
  statusRule: z.object({ source: z.string(), validFrom: z.string(), atRiskRatio: z.number() }),
  indicators: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      comparison: z.string(),
      target: z.number().nullable(),
      stretch: z.number().nullable(),
      latest: Point.nullable(),
      expected: z.number().nullable(),
      forecast: z.number().nullable(),
      points: z.array(Point),
      status: z.enum(['achieved', 'on-track', 'at-risk', 'off-track', 'unknown']),
      completion: z.number().nullable(),
      expectedCompletion: z.number(),
      meetsTarget: z.boolean(),
      meetsStretch: z.boolean(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      text: z.string(),
      regionCode: z.string(),
      latest: z.object({ periodKey: z.string(), taskStatus: TaskStatus.nullable(), percentComplete: z.number().int().nullable(), narrative: z.string() }).nullable(),
    }),
  ),
  lateReporters: z.array(z.object({ key: z.string(), kind: z.enum(['department', 'region', 'city']), name: z.string(), overdue: z.number().int() })),
});

/** Which dashboard: the city (neither), one department, or one county or zone. */
export const OverviewQuery = CalendarQuery.extend({
  department: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  region: z.string().regex(/^\d{6}$|^[A-Z]{2,12}$/, '地区代码应为 6 位行政区划代码或功能区代码').optional(),
}).refine((q) => q.department === undefined || q.region === undefined, { message: '部门与地区只能选其一', path: ['region'] });

export const RegionMapOut = z.object({
  year: z.number().int(),
  regions: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      kind: z.string(),
      indicators: z.number().int(),
      assessed: z.number().int(),
      onTrack: z.number().int(),
      share: z.number().nullable(),
      overdue: z.number().int(),
    }),
  ),
});
