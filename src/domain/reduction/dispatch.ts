import type { ProjectStatus, ReductionRules } from './model';

/** The day a month's dispatch (调度, reduction.md §6) is due: rules.dispatchDueDay of the next month, YYYY-MM-DD. */
export function dispatchDueDate(month: string, rules: ReductionRules): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${String(nm).padStart(2, '0')}-${String(rules.dispatchDueDay).padStart(2, '0')}`;
}

/**
 * Whether a project's dispatch for `month` (YYYY-MM) is overdue on `today` (YYYY-MM-DD): after the due date and
 * not yet submitted (a submitted dispatch is never overdue, whatever its review). A project that stopped, or
 * whose latest state is 'verified' (accepted and closed), is not chased; a project with no status yet
 * (null: registered, never dispatched) is. The due date itself is not late.
 */
export function isDispatchOverdue(a: { month: string; today: string; submitted: boolean; projectStatus: ProjectStatus | 'verified' | null }, rules: ReductionRules): boolean {
  if (a.submitted) return false;
  if (a.projectStatus === 'stopped' || a.projectStatus === 'verified') return false;
  return a.today > dispatchDueDate(a.month, rules);
}
