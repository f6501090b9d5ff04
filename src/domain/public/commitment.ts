/**
 * 自愿承诺 (issue #10 item 3): who commits, how a commitment moves through review, and how far it has come. Pure rules;
 * the service passes the date of today.
 */
export const COMMITMENT_KINDS = ['enterprise', 'organisation', 'person'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
/** The public kinds commit from the public site without an account; an enterprise commits as its logged-in user. */
export const PUBLIC_COMMITMENT_KINDS = ['organisation', 'person'] as const;

/** Review status (schema `commitment.status`): only `published` shows on the public site. */
export const COMMITMENT_STATUSES = ['pending', 'published', 'rejected', 'hidden', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** What the steering office does: approve or reject a pending enterprise commitment, hide an abusive published one. */
export const COMMITMENT_ACTIONS = ['approve', 'reject', 'hide'] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

/** The status an action leads to, or null when the action does not apply to the current status. */
export function nextCommitmentStatus(status: CommitmentStatus, action: CommitmentAction): CommitmentStatus | null {
  if (action === 'approve') return status === 'pending' ? 'published' : null;
  if (action === 'reject') return status === 'pending' ? 'rejected' : null;
  return status === 'published' ? 'hidden' : null;
}

/** Public commitments one source address may make per hour (the same kind of limit as citizen reports). */
export const COMMITMENTS_PER_SOURCE_PER_HOUR = 3;

/** How far a commitment has come, shown and filtered on the public list. */
export const COMMITMENT_PROGRESS = ['on-track', 'achieved', 'overdue'] as const;
export type CommitmentProgress = (typeof COMMITMENT_PROGRESS)[number];

export type ProgressInput = {
  baselineValue: number | null;
  targetValue: number;
  /** yyyy-mm-dd */
  dueDate: string;
  /** The latest update by as-of date, if any. */
  latest: { value: number; asOf: string } | null;
};

/**
 * achieved: the latest value has reached the target, in the direction from baseline to target (a reduction when the
 * target is below the baseline, a growth when above); without a baseline the direction is unknown and only a value
 * equal to the target counts. overdue: the due date has passed (today is after it) and the target is not reached.
 * on-track: otherwise (including no update yet, before the due date).
 */
export function commitmentProgress(c: ProgressInput, today: string): CommitmentProgress {
  if (c.latest && hasReachedTarget(c.baselineValue, c.targetValue, c.latest.value)) return 'achieved';
  return today > c.dueDate ? 'overdue' : 'on-track';
}

function hasReachedTarget(baseline: number | null, target: number, value: number): boolean {
  if (baseline === null || baseline === target) return value === target;
  return baseline > target ? value <= target : value >= target;
}

/** The share of the way from baseline to target covered by the latest value, 0–1 (null without baseline or update). */
export function progressShare(c: ProgressInput): number | null {
  if (!c.latest || c.baselineValue === null || c.baselineValue === c.targetValue) return null;
  const share = (c.latest.value - c.baselineValue) / (c.targetValue - c.baselineValue);
  return Math.min(1, Math.max(0, share));
}
