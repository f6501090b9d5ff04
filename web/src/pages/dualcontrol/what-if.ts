/**
 * The consumption to test in the what-if, in 万tce: the planned total where given, else last year's, plus a new
 * project's yearly consumption (N tce adds N / 10000 万tce). Null when there is nothing to test.
 */
export function plannedTotal(planned: number | null | undefined, projectTce: number | null | undefined, lastYearEnergy: number | null | undefined): number | null {
  const project = projectTce === null || projectTce === undefined || !Number.isFinite(projectTce) ? null : projectTce / 10000;
  const start = planned ?? (project === null ? null : (lastYearEnergy ?? null));
  if (start === null) return null;
  return Number((start + (project ?? 0)).toFixed(6));
}
