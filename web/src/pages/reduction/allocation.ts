import type { PollutantAllocation, Shares } from './queries';

/** The editor's rows: per region code its target (empty: no share) and the reason. */
export type ShareDraft = Record<string, { target: number | null; reason: string }>;

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The editor's values from the stored shares. */
export function draftOf(a: Pick<PollutantAllocation, 'shares'>): ShareDraft {
  return Object.fromEntries(a.shares.map((s) => [s.regionCode, { target: s.target, reason: s.reason }]));
}

/** The suggested split by potential (largest remainder to 0.01 t, reduction.md §6) over the editor's rows, keeping the reasons typed. */
export function applySuggestion(draft: ShareDraft, suggested: NonNullable<PollutantAllocation['suggested']>): ShareDraft {
  const next: ShareDraft = { ...draft };
  for (const s of suggested) next[s.regionCode] = { target: s.target, reason: draft[s.regionCode]?.reason ?? '' };
  return next;
}

/** The PUT body: rows with a target, in the regions' order, reasons trimmed. */
export function toShares(regionCodes: readonly string[], draft: ShareDraft): Shares {
  return regionCodes.flatMap((regionCode) => {
    const row = draft[regionCode];
    return row && isNum(row.target) ? [{ regionCode, target: row.target, reason: row.reason.trim() }] : [];
  });
}

/** Σ of the typed targets in cents (so 549.99 + 275 + 91.66 is exactly 916.65), and what is left to the city target. */
export function draftSum(draft: ShareDraft, target: number): { sum: number; gap: number; isCovered: boolean } {
  const cents = Object.values(draft).reduce((n, r) => n + (isNum(r.target) ? Math.round(r.target * 100) : 0), 0);
  const gap = Math.round(target * 100) - cents;
  return { sum: cents / 100, gap: gap / 100, isCovered: gap <= 0 };
}
