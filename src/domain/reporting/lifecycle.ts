import { AppError, type ErrorCode } from '../errors';

/**
 * 报送流程: how a report on one item, period and region moves. Every submission is a new revision;
 * an approved value is locked and can only be corrected by a new revision with a reason.
 */
export type ReportStatus = 'submitted' | 'approved' | 'returned' | 'superseded';
export type Revision = { id: number; revision: number; status: ReportStatus };

export type SubmissionDecision =
  | { ok: true; revision: number; isCorrection: boolean }
  | { ok: false; code: 'pending-review' | 'approved-needs-correction' | 'nothing-to-correct' | 'reason-required' };

const latestOf = (revisions: readonly Revision[]) => revisions.reduce<Revision | null>((a, r) => (!a || r.revision > a.revision ? r : a), null);

/** Whether a new revision may be submitted now, and its number. */
export function decideSubmission(revisions: readonly Revision[], correctionReason: string | null): SubmissionDecision {
  const latest = latestOf(revisions);
  const revision = (latest?.revision ?? 0) + 1;
  const hasApproved = revisions.some((r) => r.status === 'approved');
  if (latest?.status === 'submitted') return { ok: false, code: 'pending-review' };
  if (correctionReason !== null) {
    if (!hasApproved) return { ok: false, code: 'nothing-to-correct' };
    if (correctionReason.trim() === '') return { ok: false, code: 'reason-required' };
    return { ok: true, revision, isCorrection: true };
  }
  if (hasApproved) return { ok: false, code: 'approved-needs-correction' };
  return { ok: true, revision, isCorrection: false };
}

/** What to tell the submitter when a submission is refused: the error code, the message, and the field at fault. */
export const SUBMISSION_PROBLEMS = {
  'pending-review': ['conflict', '该期已有待审核的报送，请等待审核或退回后再报', null],
  'approved-needs-correction': ['conflict', '该期数值已审核锁定；如需更正，请填写更正原因', 'correctionReason'],
  'nothing-to-correct': ['validation', '该期没有已审核的数值可更正', 'correctionReason'],
  'reason-required': ['validation', '更正须填写原因', 'correctionReason'],
} as const;

export type ReviewAction = 'approve' | 'return';

export type ReviewDecision =
  | { ok: true; status: ReportStatus; supersede: number[] }
  | { ok: false; code: 'not-latest' | 'not-submitted' | 'comment-required' };

/**
 * Approving or returning the latest submitted revision. Approval supersedes the approved revision
 * it corrects (both stay visible); returning needs a comment saying what to fix.
 */
export function decideReview(revisions: readonly Revision[], reportId: number, action: ReviewAction, comment: string | null): ReviewDecision {
  const latest = latestOf(revisions);
  if (!latest || latest.id !== reportId) return { ok: false, code: 'not-latest' };
  if (latest.status !== 'submitted') return { ok: false, code: 'not-submitted' };
  if (action === 'return') {
    if (!comment || comment.trim() === '') return { ok: false, code: 'comment-required' };
    return { ok: true, status: 'returned', supersede: [] };
  }
  return { ok: true, status: 'approved', supersede: revisions.filter((r) => r.status === 'approved').map((r) => r.id) };
}

export const REVIEW_PROBLEMS = {
  'not-latest': ['conflict', '只能审核最新一次报送', null],
  'not-submitted': ['conflict', '该报送不在待审核状态', null],
  'comment-required': ['validation', '退回须填写意见', 'comment'],
} as const;

/** A refused submission or review as the error the client sees, pointing at the field at fault. */
export const lifecycleError = ([code, detail, field]: readonly [ErrorCode, string, string | null]) => new AppError(code, detail, field ? { pointer: `#/${field}`, field } : undefined);

/** The value that counts: the approved revision, if any. */
export function approvedOf<T extends Revision>(revisions: readonly T[]): T | null {
  return revisions.find((r) => r.status === 'approved') ?? null;
}

/**
 * Two-stage review (企业能源利用状况报告: the county, then the city). A county approval moves a submission to
 * 'county-approved'; the city's approval makes it 'approved' and supersedes the approved revision it corrects.
 * Either may return it with a comment. A county-approved revision is still pending for a new submission.
 */
export type StagedStatus = ReportStatus | 'county-approved';
export type StagedRevision = { id: number; revision: number; status: StagedStatus };
export type ReviewStage = 'county' | 'city';

export function decideStagedSubmission(revisions: readonly StagedRevision[], correctionReason: string | null): SubmissionDecision {
  return decideSubmission(
    revisions.map((r) => ({ ...r, status: r.status === 'county-approved' ? 'submitted' : r.status })),
    correctionReason,
  );
}

export function decideStagedReview(
  revisions: readonly StagedRevision[],
  id: number,
  stage: ReviewStage,
  action: ReviewAction,
  comment: string | null,
): { ok: true; status: StagedStatus; supersede: number[] } | { ok: false; code: 'not-latest' | 'not-submitted' | 'comment-required' | 'wrong-stage' } {
  const latest = revisions.reduce<StagedRevision | null>((a, r) => (!a || r.revision > a.revision ? r : a), null);
  if (!latest || latest.id !== id) return { ok: false, code: 'not-latest' };
  const awaiting: StagedStatus = stage === 'county' ? 'submitted' : 'county-approved';
  if (latest.status !== 'submitted' && latest.status !== 'county-approved') return { ok: false, code: 'not-submitted' };
  if (latest.status !== awaiting) return { ok: false, code: 'wrong-stage' };
  if (action === 'return') {
    if (!comment || comment.trim() === '') return { ok: false, code: 'comment-required' };
    return { ok: true, status: 'returned', supersede: [] };
  }
  if (stage === 'county') return { ok: true, status: 'county-approved', supersede: [] };
  return { ok: true, status: 'approved', supersede: revisions.filter((r) => r.status === 'approved').map((r) => r.id) };
}

export const STAGED_REVIEW_PROBLEMS = {
  ...REVIEW_PROBLEMS,
  'wrong-stage': ['conflict', '该报告不在本级审核环节（先由县级审核，再由市级审核）', null],
} as const;
