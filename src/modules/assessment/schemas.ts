import { z } from 'zod';
import { AssessmentScheme, GRADES, METRIC_KEYS, MetricValue } from '../../domain/assessment/model';

/**
 * 节能减排目标责任评价考核 API (issue #9), shared with the web app. Schemes (versioned), assessments with their
 * process, subjects' scores and evidence, results, ranking and year-over-year comparison.
 *
 * Who does what:
 * - the steering office (role steering; admin too) edits schemes, opens an assessment, opens review, consolidates
 *   (may adjust any reviewed score, with a note) and sends it for approval, and publishes once approved;
 * - a county user self-assesses its own region's reviewed items (stage self) with evidence while the status is
 *   `self`, then submits; it sees only its own subject, without its rank, until the results are published;
 * - in a department assessment the department whose code is the subject key does the same for its own subject
 *   (and likewise sees only that subject, without its rank, until published);
 * - in a region assessment a department user scores (stage review) only the reviewed items whose
 *   reviewerDepartments hold its department's code, while the status is `review`;
 * - the city government (role admin) approves or returns (comment required) while the status is `approval`.
 * Computed items come from the metrics snapshot taken as of the cut-off when the assessment is opened (and taken
 * again by `recompute` until consolidation); the result is frozen at consolidation.
 */

const Id = z.coerce.number().int().positive().max(2_147_483_647);
const Key = z.string().min(1).max(64);
const IsoDate = z.iso.date();

export const ASSESSMENT_STATUSES = ['self', 'review', 'consolidation', 'approval', 'approved', 'published'] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

/** A year (2021…) or the whole five-year period ('2021-2025'). */
export const Period = z.string().regex(/^20\d\d(-20\d\d)?$/, '考核期应为年份（如 2023）或规划期（如 2021-2025）');

export const SchemeOut = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  subject: z.enum(['region', 'department']),
  name: z.string(),
  scheme: AssessmentScheme,
  source: z.string(),
  /** Used by an assessment: no longer editable, a change makes a new version. */
  inUse: z.boolean(),
  createdAt: z.date(),
});
export type SchemeOut = z.infer<typeof SchemeOut>;

/** A new version of a scheme (POST), or a change to an unused version (PUT). */
export const SchemeBody = z.object({ scheme: AssessmentScheme, source: z.string().trim().min(1).max(2000) });
export type SchemeBody = z.infer<typeof SchemeBody>;

export const AssessmentCreateBody = z
  .object({
    schemeId: Id,
    period: Period,
    cutoff: IsoDate,
    title: z.string().trim().min(1).max(200).optional(),
  })
  // The data of a period is complete only after it ends (a mid-term review is a shorter period, e.g. 2021-2023).
  .refine((b) => b.cutoff > `${b.period.slice(-4)}-12-31`, { message: '数据截止日期须在考核期结束之后（如 2024 年度考核取 2025-03-31）', path: ['cutoff'] });
export type AssessmentCreateBody = z.infer<typeof AssessmentCreateBody>;

export const ASSESSMENT_ACTIONS = ['submit-self', 'open-review', 'consolidate', 'submit-approval', 'approve', 'return', 'publish'] as const;
/** A step of the process; `return` (admin, back to consolidation) needs a comment. submit-self is the county's, for its subject. */
export const AssessmentActionBody = z.object({
  action: z.enum(ASSESSMENT_ACTIONS),
  comment: z.string().trim().max(2000).optional(),
  /** submit-self only: the subject (region code); a county may only name its own. */
  subjectKey: Key.optional(),
});
export type AssessmentActionBody = z.infer<typeof AssessmentActionBody>;

export const HistoryEntry = z.object({ action: z.string(), comment: z.string().nullable(), actorName: z.string(), at: z.date() });

/** One row of the ranking / the subjects list: what the viewer may see of a subject. */
export const SubjectSummary = z.object({
  key: z.string(),
  name: z.string(),
  selfSubmittedAt: z.date().nullable(),
  /** The subtotals of the result: target + measures + deductions (≤ 0) = total. */
  targetPoints: z.number(),
  measurePoints: z.number(),
  deductions: z.number(),
  /** The live score (reviewed items at their current review score, else 0) until consolidation; then the frozen one. */
  total: z.number(),
  grade: z.enum(GRADES),
  gradeLabel: z.string(),
  vetoed: z.boolean(),
  /** The messages of the vetoes in force. */
  vetoes: z.array(z.string()),
  /** Rank among all subjects; null for a self-assessor (county, or department in a department assessment) before publication. */
  rank: z.number().int().nullable(),
});
export type SubjectSummary = z.infer<typeof SubjectSummary>;

export const AssessmentOut = z.object({
  id: z.number().int(),
  title: z.string(),
  period: z.string(),
  cutoff: z.string(),
  status: AssessmentStatus,
  scheme: z.object({ id: z.number().int(), code: z.string(), version: z.number().int(), subject: z.enum(['region', 'department']), name: z.string() }),
  createdAt: z.date(),
  history: z.array(HistoryEntry),
  subjects: z.array(SubjectSummary),
  /** The viewer's own subject, the one it self-assesses (its region, or its department in a department assessment); else null. */
  ownSubjectKey: z.string().nullable(),
});
export type AssessmentOut = z.infer<typeof AssessmentOut>;

export const ScoreOut = z.object({
  id: z.number().int(),
  itemKey: z.string(),
  stage: z.enum(['self', 'review']),
  points: z.number(),
  checked: z.array(z.string()),
  note: z.string(),
  actorName: z.string(),
  at: z.date(),
});

export const EvidenceOut = z.object({ id: z.number().int(), itemKey: z.string(), sha256: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.date() });

const ItemResultOut = z.object({
  key: z.string(),
  title: z.string(),
  group: z.enum(['target', 'measures', 'deduction']),
  kind: z.enum(['computed', 'reviewed']),
  points: z.number(),
  maxPoints: z.number(),
  basis: z.string(),
  figures: MetricValue.shape.figures,
});

export const ResultOut = z.object({
  items: z.array(ItemResultOut),
  targetPoints: z.number(),
  measurePoints: z.number(),
  deductions: z.number(),
  total: z.number(),
  vetoes: z.array(z.object({ key: z.string(), message: z.string() })),
  exempted: z.array(z.string()),
  missingMetrics: z.array(z.enum(METRIC_KEYS)),
  grade: z.enum(GRADES),
  gradeLabel: z.string(),
});

/** A subject in full: metrics as of the cut-off, every score with its history (oldest first), evidence, result. */
export const SubjectDetailOut = z.object({
  assessmentId: z.number().int(),
  key: z.string(),
  name: z.string(),
  status: AssessmentStatus,
  metrics: z.partialRecord(z.enum(METRIC_KEYS), MetricValue),
  metricsAt: z.date(),
  exemptions: z.array(z.string()),
  selfSubmittedAt: z.date().nullable(),
  scores: z.array(ScoreOut),
  evidence: z.array(EvidenceOut),
  result: ResultOut,
  /** Whether the result is frozen (consolidated) or live. */
  frozen: z.boolean(),
  /** Null for a self-assessor before publication (see SubjectSummary.rank). */
  rank: z.number().int().nullable(),
  /** Whether this is the viewer's own subject (see AssessmentOut.ownSubjectKey). */
  isOwn: z.boolean(),
  /** Item keys the viewer may score now (stage by role and status). */
  scorable: z.array(z.string()),
});
export type SubjectDetailOut = z.infer<typeof SubjectDetailOut>;

/** A score of a reviewed item; the stage follows from the viewer's role and the assessment's status. */
export const ScoreBody = z.object({ itemKey: Key, points: z.number().min(0).max(1000), checked: z.array(Key).max(50), note: z.string().trim().max(2000).default('') });
export type ScoreBody = z.infer<typeof ScoreBody>;

/** The steering office lifts (or restores) a veto for a subject, with the reason (an approved exemption). */
export const ExemptionBody = z.object({
  vetoKey: Key,
  exempt: z.boolean(),
  reason: z.string().trim().min(1, '请填写豁免（或撤销豁免）的理由（reason）').max(2000, '理由（reason）不能超过 2000 字'),
});
export type ExemptionBody = z.infer<typeof ExemptionBody>;

/** Year over year: this assessment's subjects against the same subjects in the latest earlier published one. */
export const ComparisonOut = z.object({
  previous: z.object({ id: z.number().int(), period: z.string(), title: z.string() }).nullable(),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      total: z.number(),
      previousTotal: z.number().nullable(),
      delta: z.number().nullable(),
      grade: z.enum(GRADES),
      previousGrade: z.enum(GRADES).nullable(),
    }),
  ),
});
export type ComparisonOut = z.infer<typeof ComparisonOut>;

export const AssessmentParams = z.object({ id: Id });
export const SubjectParams = z.object({ id: Id, key: Key });

/**
 * Routes (prefix /api/assessment):
 *   GET  /schemes                        → SchemeOut[]                (steering, admin, department, county: read)
 *   POST /schemes                        SchemeBody → SchemeOut (a new version of scheme.code)   (steering, admin)
 *   PUT  /schemes/:id                    SchemeBody → SchemeOut (409 when in use)                  (steering, admin)
 *   GET  /assessments                    → AssessmentOut[] (subjects filtered to what the viewer may see)
 *   POST /assessments                    AssessmentCreateBody → AssessmentOut (takes the metrics snapshot)
 *   GET  /assessments/:id                → AssessmentOut
 *   POST /assessments/:id/actions        AssessmentActionBody → AssessmentOut
 *   POST /assessments/:id/recompute      → AssessmentOut (metrics snapshot again; before consolidation)
 *   GET  /assessments/:id/comparison     → ComparisonOut
 *   GET  /assessments/:id/summary.xlsx   → the ranking table (.xlsx)
 *   GET  /assessments/:id/subjects/:key  → SubjectDetailOut
 *   POST /assessments/:id/subjects/:key/scores     ScoreBody → SubjectDetailOut
 *   POST /assessments/:id/subjects/:key/exemptions ExemptionBody → SubjectDetailOut (steering, before consolidation)
 *   POST /assessments/:id/subjects/:key/evidence   multipart (itemKey field + file) → SubjectDetailOut (the self-assessor, the city)
 *   GET  /assessments/:id/subjects/:key/evidence/:evidenceId → the file
 *   GET  /assessments/:id/subjects/:key/report.pdf → the subject's official report (Chinese PDF, tables + chart)
 */
