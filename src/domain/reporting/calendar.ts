/**
 * 报送日历: the reporting periods of a year for a frequency, their due dates, and where a report stands.
 * Dates are ISO calendar dates ('2025-03-31'), computed in UTC so no time zone shifts a day.
 */
export type Frequency = 'monthly' | 'quarterly' | 'half-yearly' | 'annual';

export type ReportingPeriod = {
  /** '2025-M03', '2025-Q1', '2025-H1', '2025' */
  key: string;
  year: number;
  start: string;
  end: string;
  due: string;
};

const MONTHS_PER_PERIOD: Record<Frequency, number> = { monthly: 1, quarterly: 3, 'half-yearly': 6, annual: 12 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m0: number, day: number) => new Date(Date.UTC(y, m0, day));

function keyOf(f: Frequency, year: number, index: number): string {
  if (f === 'monthly') return `${year}-M${String(index + 1).padStart(2, '0')}`;
  if (f === 'quarterly') return `${year}-Q${index + 1}`;
  if (f === 'half-yearly') return `${year}-H${index + 1}`;
  return String(year);
}

/** The periods of a year; each is due `dueDays` after its last day (e.g. 10 days after period end). */
export function periodsOf(f: Frequency, year: number, dueDays: number): ReportingPeriod[] {
  const step = MONTHS_PER_PERIOD[f];
  return Array.from({ length: 12 / step }, (_, i) => {
    const end = utc(year, (i + 1) * step, 0); // day 0 of the next month = the last day of this one
    return { key: keyOf(f, year, i), year, start: iso(utc(year, i * step, 1)), end: iso(end), due: iso(utc(year, (i + 1) * step, dueDays)) };
  });
}

/** Parses a period key back ('2025-Q2' → its period), or null when it is not one. */
export function periodFromKey(key: string, dueDays: number): (ReportingPeriod & { frequency: Frequency }) | null {
  const m = /^(\d{4})(?:-(M|Q|H)(\d{1,2}))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const frequency: Frequency = m[2] === 'M' ? 'monthly' : m[2] === 'Q' ? 'quarterly' : m[2] === 'H' ? 'half-yearly' : 'annual';
  const found = periodsOf(frequency, year, dueDays).find((p) => p.key === key);
  return found ? { ...found, frequency } : null;
}

export type DueState = 'submitted' | 'upcoming' | 'open' | 'due-soon' | 'overdue';

/**
 * Where a period's report stands on `today`: upcoming until the period ends, then open,
 * due soon within `soonDays` of the due date, overdue after it; submitted once a report is in.
 */
export function dueState(p: Pick<ReportingPeriod, 'end' | 'due'>, today: string, isSubmitted: boolean, soonDays: number): DueState {
  if (isSubmitted) return 'submitted';
  if (today <= p.end) return 'upcoming';
  if (today > p.due) return 'overdue';
  const soonFrom = iso(new Date(Date.parse(`${p.due}T00:00:00Z`) - soonDays * 86_400_000));
  return today >= soonFrom ? 'due-soon' : 'open';
}

/** Years from the end of the baseline year to the end of the period (the trajectory's time). */
export function elapsedYears(p: Pick<ReportingPeriod, 'end'>, baselineYear: number): number {
  const [y, m] = p.end.split('-').map(Number) as [number, number];
  return y - baselineYear - 1 + m / 12;
}

/** Today's date where the plan is run: due dates are Beijing calendar days (UTC+8, no daylight saving). */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
