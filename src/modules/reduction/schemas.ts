import { z } from 'zod';
import { EVIDENCE_KINDS, MeasureType, METHODS, Pollutant, PROJECT_STATUSES, REJECTION_CODES } from '../../domain/reduction/model';
import { HistoryStep } from '../reporting/schemas';

/**
 * 重点减排工程调度 API (reduction.md §4–§6). The project registry, the monthly dispatch with the bureau's
 * verification (核查), the pollutant allocations and the progress views. Shared with the web app.
 */

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const IsoDate = z.iso.date();
const Month = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const Tonnes = z.number().finite();
const PerPollutant = z.partialRecord(Pollutant, Tonnes);

/** A project as the county registers it: what, where, which method, its 2020 baseline and its plan. */
export const ProjectBody = z.object({
  name: z.string().trim().min(1).max(200),
  regionCode: z.string().min(1).max(16),
  measureType: MeasureType,
  pollutants: z.array(Pollutant).min(1).max(4),
  /** The facility: an enterprise of the registry where there is one, else its name; USCC and outlet/plant code. */
  enterpriseId: z.number().int().positive().nullable().default(null),
  facilityName: z.string().trim().min(1).max(200),
  uscc: z.string().trim().max(18).default(''),
  outlet: z.string().trim().max(50).default(''),
  /** 位置: WGS84 point and address. */
  longitude: z.number().min(-180).max(180).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  address: z.string().trim().max(300).default(''),
  /** 在线监测站点 MN (HJ 212), where the facility has one: the cross-check source. */
  stationMn: z.string().trim().max(24).default(''),
  /** The method's parameters as reduction.md §3 names them (validated per method by the service). */
  params: z.record(z.string(), z.unknown()),
  /** 基准排放量: the facility's 2020 emission per pollutant, tonnes, with its source. */
  baseline_t: PerPollutant.default({}),
  baselineSource: z.string().trim().max(300).default(''),
  plannedStart: IsoDate.nullable().default(null),
  plannedCompletion: IsoDate.nullable().default(null),
  /** 计划减排量 (t) per pollutant: the potential the default allocation is proportional to. */
  planned_t: PerPollutant.default({}),
  note: z.string().trim().max(2000).default(''),
});
export type ProjectBody = z.infer<typeof ProjectBody>;

/** The dates a dispatch reports (actual ones; planned ones live on the project). */
export const DispatchDates = z.object({
  actualStart: IsoDate.nullable().default(null),
  completion: IsoDate.nullable().default(null),
  acceptance: IsoDate.nullable().default(null),
  /** 稳定运行 / 关停 / 注销: the T1 event date. */
  eventDate: IsoDate.nullable().default(null),
  endDate: IsoDate.nullable().default(null),
});

/** One month's dispatch of one project (月调度): its status, dates, the year-to-date method inputs and the claim. */
export const DispatchBody = z.object({
  month: Month,
  status: z.enum(PROJECT_STATUSES),
  dates: DispatchDates.default({ actualStart: null, completion: null, acceptance: null, eventDate: null, endDate: null }),
  /** Progress in words (形象进度) and a percentage. */
  progressNote: z.string().trim().max(2000).default(''),
  progressPct: z.number().min(0).max(100).nullable().default(null),
  /** Year-to-date inputs of the method (counted period of the month's year); null keeps the project's. */
  params: z.record(z.string(), z.unknown()).nullable().default(null),
  claimed_t: PerPollutant.default({}),
  offsets: z.partialRecord(Pollutant, z.object({ t: z.number().min(0), approvalNo: z.string().trim().min(1).max(100) })).default({}),
  baselineExplanation: z.string().trim().max(2000).default(''),
  /** A correction of a verified month needs a reason (shared report lifecycle). */
  correctionReason: z.string().max(1000).nullable().default(null),
});
export type DispatchBody = z.infer<typeof DispatchBody>;

export const ReviewBody = z.object({ action: z.enum(['approve', 'return']), comment: z.string().trim().max(2000).nullable().default(null) });

const RejectionOut = z.object({ code: z.enum(REJECTION_CODES), reason: z.string(), field: z.string().nullable() });
/** The engine's figure for one project and year (src/domain/reduction). */
export const AccountingOut = z.object({
  year: z.number().int(),
  method: z.enum(METHODS),
  countStart: z.string().nullable(),
  countedDays: z.number().int(),
  f: z.number(),
  rejection: RejectionOut.nullable(),
  pollutants: z.array(
    z.object({
      pollutant: Pollutant,
      reduction_t: z.number(),
      offset_t: z.number(),
      countable_t: z.number(),
      baseline_t: z.number().nullable(),
      flags: z.array(z.literal('REVIEW_NEGATIVE')),
      rejection: RejectionOut.nullable(),
    }),
  ),
});
export type AccountingOut = z.infer<typeof AccountingOut>;

/** Monitoring cross-check (reduction.md §5): measured before/after means next to the claimed ones. */
export const MonitoringCheckOut = z.object({
  stationMn: z.string(),
  available: z.boolean(),
  rows: z.array(
    z.object({
      pollutant: Pollutant,
      claimedBefore: z.number().nullable(),
      claimedAfter: z.number().nullable(),
      measuredBefore: z.number().nullable(),
      measuredAfter: z.number().nullable(),
      unit: z.string(),
      contradiction: z.boolean(),
    }),
  ),
});

export const DispatchOut = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  month: z.string(),
  revision: z.number().int(),
  /** submitted | approved | returned | superseded (the shared report lifecycle). */
  status: z.enum(['submitted', 'approved', 'returned', 'superseded']),
  projectStatus: z.enum(PROJECT_STATUSES),
  dates: DispatchDates,
  progressNote: z.string(),
  progressPct: z.number().nullable(),
  params: z.record(z.string(), z.unknown()),
  claimed_t: PerPollutant,
  offsets: DispatchBody.shape.offsets.unwrap(),
  baselineExplanation: z.string(),
  correctionReason: z.string().nullable(),
  /** The engine's figure for the month's year as submitted; what counts once approved. */
  accounting: AccountingOut,
  submittedBy: z.number().int(),
  submittedByName: z.string(),
  submittedAt: z.date(),
});
export type DispatchOut = z.infer<typeof DispatchOut>;

export const EvidenceOut = z.object({ sha256: z.string(), kind: z.enum(EVIDENCE_KINDS), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.date() });

export const ProjectOut = ProjectBody.extend({
  id: z.number().int(),
  code: z.string(),
  method: z.enum(METHODS),
  /** draft: only its county sees it; registered: in the city's registry. */
  registered: z.boolean(),
  /** The status of the latest dispatch, or 'verified' once the bureau approved one in which it operates. */
  status: z.enum([...PROJECT_STATUSES, 'verified']),
  /** Verified countable tonnes for the latest accounted year, per pollutant. */
  verified_t: PerPollutant,
  verifiedYear: z.number().int().nullable(),
  lastDispatchMonth: z.string().nullable(),
  lastDispatchStatus: z.enum(['submitted', 'approved', 'returned', 'superseded']).nullable(),
  missingEvidence: z.array(z.enum(EVIDENCE_KINDS)),
  updatedAt: z.date(),
});
export type ProjectOut = z.infer<typeof ProjectOut>;

export const ProjectDetailOut = z.object({
  project: ProjectOut,
  dispatches: z.array(DispatchOut),
  history: z.array(HistoryStep.extend({ dispatchId: z.number().int() })),
  evidence: z.array(EvidenceOut),
  monitoring: MonitoringCheckOut.nullable(),
});

export const ProjectQuery = z.object({
  regionCode: z.string().max(16).optional(),
  measureType: MeasureType.optional(),
  pollutant: Pollutant.optional(),
  status: z.enum([...PROJECT_STATUSES, 'verified']).optional(),
  q: z.string().trim().max(100).optional(),
});

/** 调度表: a month's row per project of the region(s), with its dispatch and whether it is overdue. */
export const DispatchTableQuery = z.object({ month: Month, regionCode: z.string().max(16).optional() });
export const DispatchTableOut = z.object({
  month: z.string(),
  dueDate: z.string(),
  rows: z.array(
    z.object({
      project: ProjectOut,
      dispatch: DispatchOut.nullable(),
      overdue: z.boolean(),
    }),
  ),
});

/** 目标分解 of the four pollutant targets: the city's target, the shares with reasons, the check, and a default split by potential. */
export const AllocationShare = z.object({ regionCode: z.string().min(1).max(16), target: z.number().min(0).finite(), reason: z.string().trim().max(500).default('') });
export const AllocationBody = z.object({ shares: z.array(AllocationShare).max(40) });
export const AllocationsOut = z.object({
  pollutants: z.array(
    z.object({
      pollutant: Pollutant,
      indicatorId: z.number().int(),
      target: z.number(),
      shares: z.array(AllocationShare.extend({ verified_t: z.number(), gap_t: z.number() })),
      /** null for a county (it sees only its own share). */
      sum: z.number().nullable(),
      gap: z.number().nullable(),
      isCovered: z.boolean().nullable(),
      /** Σ planned_t of registered projects per region, and the largest-remainder split of the target by it. */
      suggested: z.array(z.object({ regionCode: z.string(), potential_t: z.number(), target: z.number() })).nullable(),
    }),
  ),
});

export const ProgressQuery = z.object({ year: z.coerce.number().int().min(2021).max(2100) });
const Level = z.enum(['green', 'yellow', 'red', 'none']);
export const ProgressOut = z.object({
  year: z.number().int(),
  /** Expected cumulative share for the year (reduction-rules). */
  expected: z.number(),
  pollutants: z.array(
    z.object({ pollutant: Pollutant, target: z.number(), verified_t: z.number(), pending_t: z.number(), completion: z.number().nullable(), level: Level }),
  ),
  regions: z.array(
    z.object({
      regionCode: z.string(),
      pollutants: z.array(z.object({ pollutant: Pollutant, allocation: z.number().nullable(), verified_t: z.number(), gap_t: z.number().nullable(), completion: z.number().nullable(), level: Level })),
      projects: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  byStatus: z.record(z.string(), z.number().int()),
  byType: z.record(z.string(), z.number().int()),
});

export const PreviewBody = z.object({ project: ProjectBody, dispatch: DispatchBody });

/** 待核查: submitted dispatches awaiting the bureau, each with its project. */
export const AwaitingDispatchesOut = z.array(z.object({ project: ProjectOut, dispatch: DispatchOut }));

/** Evidence upload: the file's bytes are the request body; its kind and name travel in the query. */
export const EvidenceUploadQuery = z.object({ kind: z.enum(EVIDENCE_KINDS), fileName: z.string().trim().min(1).max(255) });

/** 月度调度通报: a month of a year. */
export const MonthQuery = z.object({ month: Month });
