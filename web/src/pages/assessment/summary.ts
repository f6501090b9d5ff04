import type { Grade } from '../../../../src/domain/assessment/model';
import type { Comparison, SubjectRow } from './queries';

/** The summary line's figures: how many subjects per grade and the mean total (2 decimals). */
export function summaryCounts(rows: ReadonlyArray<{ grade: Grade; total: number }>) {
  const n = (g: Grade) => rows.filter((r) => r.grade === g).length;
  const mean = rows.length ? rows.reduce((a, r) => a + r.total, 0) / rows.length : 0;
  return { count: rows.length, exceeded: n('exceeded'), completed: n('completed'), basic: n('basic'), incomplete: n('incomplete'), mean: mean.toFixed(2) };
}

/** A ranking row: the subject's summary (its subtotals come with it) and its year-over-year change. */
export type RankingRow = SubjectRow & { delta: number | null; previousTotal: number | null };

/**
 * The ranking table's rows from the assessment's subjects (already best rank first, as the server sends them) and the
 * comparison, matched by key; no subject's detail is fetched. A hidden rank (null, before publication) keeps its place.
 */
export function rankingRows(subjects: readonly SubjectRow[], comparison: Pick<Comparison, 'rows'> | undefined): RankingRow[] {
  const prev = new Map((comparison?.rows ?? []).map((c) => [c.key, c]));
  return subjects.map((s) => ({ ...s, delta: prev.get(s.key)?.delta ?? null, previousTotal: prev.get(s.key)?.previousTotal ?? null }));
}
