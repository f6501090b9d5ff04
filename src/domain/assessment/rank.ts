import type { AssessmentResult, Grade } from './model';

/** Totals compared in hundredths: results are exact to 0.01, so this is exact too. */
const cents = (x: number): number => Math.round(x * 100);

/**
 * 排名: best total first, equal totals share a rank (1, 2, 2, 4), and every vetoed result ranks after all
 * non-vetoed ones whatever its total (a veto makes the grade 未完成, energy.md §7). Ties keep the input order.
 */
export function rankResults<T extends Pick<AssessmentResult, 'total' | 'vetoes'>>(results: readonly T[]): Array<T & { rank: number; isVetoed: boolean }> {
  const keyed = results.map((r, index) => ({ r, index, isVetoed: r.vetoes.length > 0, cents: cents(r.total) }));
  keyed.sort((a, b) => Number(a.isVetoed) - Number(b.isVetoed) || b.cents - a.cents || a.index - b.index);
  const out: Array<T & { rank: number; isVetoed: boolean }> = [];
  keyed.forEach((k, i) => {
    const prev = keyed[i - 1];
    const rank = prev && prev.isVetoed === k.isVetoed && prev.cents === k.cents ? out[i - 1]!.rank : i + 1;
    out.push({ ...k.r, rank, isVetoed: k.isVetoed });
  });
  return out;
}

export type PointsDelta = { current: number | null; previous: number | null; delta: number | null };
export type YearComparison = {
  items: Array<{ key: string; title: string } & PointsDelta>;
  total: PointsDelta;
  grade: { current: Grade; previous: Grade };
};

/** 同比: per item (matched by key; an item in one year only has null on the other side) and total, deltas exact to 0.01. */
export function compareYears(current: AssessmentResult, previous: AssessmentResult): YearComparison {
  const delta = (c: number | null, p: number | null): PointsDelta => ({ current: c, previous: p, delta: c === null || p === null ? null : (cents(c) - cents(p)) / 100 });
  const prev = new Map(previous.items.map((i) => [i.key, i]));
  const keys = new Set(current.items.map((i) => i.key));
  const items = [
    ...current.items.map((i) => ({ key: i.key, title: i.title, ...delta(i.points, prev.get(i.key)?.points ?? null) })),
    ...previous.items.filter((i) => !keys.has(i.key)).map((i) => ({ key: i.key, title: i.title, ...delta(null, i.points) })),
  ];
  return { items, total: delta(current.total, previous.total), grade: { current: current.grade, previous: previous.grade } };
}
