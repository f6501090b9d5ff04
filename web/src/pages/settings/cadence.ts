import type { CalendarEntry } from '../reporting/queries';

export const FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** One indicator or task with how often it is reported and how many days after a period ends it is due. */
export type CadenceRow = { kind: CalendarEntry['kind']; itemId: number; code: string; name: string; frequency: string; dueDays: number | null };
export type Cadence = { frequency: Frequency; dueDays: number };
export type RuleBody = ({ indicatorId: number } | { taskId: number }) & Cadence;

const DAY_MS = 86_400_000;

/** Days from a period's last day to its due date (both YYYY-MM-DD): the rule's dueDays, as the calendar applied it. */
export function daysAfter(end: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${end}T00:00:00Z`)) / DAY_MS);
}

/**
 * Each item once, from the city's calendar (which lists every indicator and task city-wide):
 * its frequency, and its due days read off the first period. Indicators first, then tasks, each in plan order.
 */
export function cadenceRows(entries: readonly CalendarEntry[]): CadenceRow[] {
  const seen = new Map<string, CadenceRow>();
  for (const e of entries) {
    const k = `${e.kind}:${e.itemId}`;
    if (seen.has(k)) continue;
    const first = e.periods[0];
    seen.set(k, { kind: e.kind, itemId: e.itemId, code: e.code, name: e.name, frequency: e.frequency, dueDays: first ? daysAfter(first.end, first.due) : null });
  }
  const rows = [...seen.values()];
  return [...rows.filter((r) => r.kind === 'indicator'), ...rows.filter((r) => r.kind === 'task')];
}

/** Rows of a kind whose code or name contains the text (case-insensitive). */
export function filterCadence(rows: readonly CadenceRow[], q: string | undefined, kind?: CadenceRow['kind']): CadenceRow[] {
  const needle = (q ?? '').trim().toLowerCase();
  return rows.filter((r) => (!kind || r.kind === kind) && (!needle || r.code.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle)));
}

export const isFrequency = (f: string): f is Frequency => (FREQUENCIES as readonly string[]).includes(f);

/** Whether a row follows the reporting defaults in force (it may still have its own rule with the same values). */
export function isAsDefault(row: Pick<CadenceRow, 'kind' | 'frequency' | 'dueDays'>, defaults: Record<CadenceRow['kind'], Cadence> | null): boolean {
  const d = defaults?.[row.kind];
  return d !== undefined && d.frequency === row.frequency && d.dueDays === row.dueDays;
}

/** The PUT /api/reporting/rules body for a row. */
export function toRuleBody(row: Pick<CadenceRow, 'kind' | 'itemId'>, cadence: Cadence): RuleBody {
  return row.kind === 'indicator' ? { indicatorId: row.itemId, ...cadence } : { taskId: row.itemId, ...cadence };
}
