/**
 * 两高一低项目 (high energy use, high emissions, low level): what must raise a warning in the inventory.
 * A project under construction or built without an approved energy review is 能评未批先建; without an
 * approved EIA, 环评未批先建. A planned one may wait for its approvals.
 */
export type ProjectStage = 'planned' | 'under-construction' | 'built';
export type ApprovalStatus = 'approved' | 'pending' | 'none';
export type ProjectWarning = 'energy-review-missing' | 'eia-missing' | 'disposal-pending';

export function projectWarnings(p: { stage: ProjectStage; energyReviewStatus: ApprovalStatus; eiaStatus: ApprovalStatus; disposal: string }): ProjectWarning[] {
  const started = p.stage !== 'planned';
  const out: ProjectWarning[] = [];
  if (started && p.energyReviewStatus !== 'approved') out.push('energy-review-missing');
  if (started && p.eiaStatus !== 'approved') out.push('eia-missing');
  if (p.disposal === 'pending') out.push('disposal-pending');
  return out;
}
