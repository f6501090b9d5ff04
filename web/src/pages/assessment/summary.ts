import type { Grade } from '../../../../src/domain/assessment/model';

/** The summary line's figures: how many subjects per grade and the mean total (2 decimals). */
export function summaryCounts(rows: ReadonlyArray<{ grade: Grade; total: number }>) {
  const n = (g: Grade) => rows.filter((r) => r.grade === g).length;
  const mean = rows.length ? rows.reduce((a, r) => a + r.total, 0) / rows.length : 0;
  return { count: rows.length, exceeded: n('exceeded'), completed: n('completed'), basic: n('basic'), incomplete: n('incomplete'), mean: mean.toFixed(2) };
}
