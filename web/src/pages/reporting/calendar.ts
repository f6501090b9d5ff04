import type { Translate } from '../../app/i18n-context';
import type { CalendarEntry, CalendarPeriod } from './queries';

/** What a period's tag says: the review status once a report is in, else where the due date stands. */
export type TagKind = 'approved' | 'pending' | 'returned' | 'overdue' | 'due-soon' | 'open' | 'upcoming';
export const TAG_KINDS: readonly TagKind[] = ['overdue', 'due-soon', 'returned', 'open', 'pending', 'approved', 'upcoming'];

const TAG_COLOR: Record<TagKind, string | undefined> = {
  approved: 'green',
  pending: 'blue',
  returned: 'volcano',
  overdue: 'red',
  'due-soon': 'orange',
  open: undefined,
  upcoming: undefined,
};

/** The calendar counts a returned report as not in (its state is open/overdue again); the tag says 已退回. */
export function periodTagKind(p: Pick<CalendarPeriod, 'state' | 'status'>): TagKind {
  if (p.status === 'returned') return 'returned';
  if (p.state === 'submitted') return p.status === 'submitted' ? 'pending' : 'approved';
  return p.state;
}

export function tagColor(kind: TagKind): string | undefined {
  return TAG_COLOR[kind];
}

/** A period that has not ended yet cannot be reported on. */
export function isFillable(kind: TagKind): boolean {
  return kind !== 'upcoming';
}

export function tagLabel(kind: TagKind, t: Translate): string {
  return t(`reporting.tag.${kind}`);
}

const FREQUENCIES = ['monthly', 'quarterly', 'half-yearly', 'annual'] as const;

/** 月度, 季度, 半年, 年度; a frequency the catalog does not know stays as it is. */
export function frequencyLabel(frequency: string, t: Translate): string {
  const f = FREQUENCIES.find((x) => x === frequency);
  return f ? t(`reporting.frequency.${f}`) : frequency;
}

type ParsedPeriod = { year: number; part: 'annual' } | { year: number; part: 'half1' | 'half2' | 'quarter' | 'month'; n: number };

function parsePeriod(key: string): ParsedPeriod | null {
  const m = /^(\d{4})(?:-(M|Q|H)(\d{1,2}))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[3]);
  if (!m[2]) return { year, part: 'annual' };
  if (m[2] === 'H') return { year, part: n === 1 ? 'half1' : 'half2', n };
  return { year, part: m[2] === 'Q' ? 'quarter' : 'month', n };
}

/** A period in words: “2024 年”, “2024 年第 1 季度”, “2024 年上半年”, “2024 年 3 月”. */
export function periodLabel(key: string, t: Translate): string {
  const p = parsePeriod(key);
  return p ? t(`reporting.periodLabel.${p.part}`, { year: p.year, n: 'n' in p ? p.n : '' }) : key;
}

/** The same, short enough for a tag in a row of its year: “2024年”, “1季度”, “上半年”, “3月”. */
export function periodShort(key: string, t: Translate): string {
  const p = parsePeriod(key);
  return p ? t(`reporting.periodShort.${p.part}`, { year: p.year, n: 'n' in p ? p.n : '' }) : key;
}

export const PERIOD_KEY = /^\d{4}(-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]))?$/;

/** The year the calendar opens on: this year, kept inside the plan's period. */
export function defaultYear(plan: { periodStart: number; periodEnd: number }, now: Date): number {
  return Math.max(plan.periodStart, Math.min(now.getFullYear(), plan.periodEnd));
}

/** The year the address asks for (`year=`) when it lies in the plan's period, else the default year. */
export function planYear(plan: { periodStart: number; periodEnd: number }, asked: string | null, now: Date): number {
  const year = Number(asked);
  return year >= plan.periodStart && year <= plan.periodEnd ? year : defaultYear(plan, now);
}

/** The plan's years for a year selector, latest first. */
export function planYears(plan: { periodStart: number; periodEnd: number }): number[] {
  return Array.from({ length: plan.periodEnd - plan.periodStart + 1 }, (_, i) => plan.periodEnd - i);
}

export type CalendarFilters = { kind?: CalendarEntry['kind']; tag?: TagKind; q?: string };

/** Entries of a kind, with a period of a tag kind, whose code or name contains the text. */
export function filterEntries(entries: readonly CalendarEntry[], f: CalendarFilters): CalendarEntry[] {
  const q = f.q?.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!f.kind || e.kind === f.kind) &&
      (!f.tag || e.periods.some((p) => periodTagKind(p) === f.tag)) &&
      (!q || e.code.toLowerCase().includes(q) || e.name.toLowerCase().includes(q)),
  );
}

/** How many periods need the user now. */
export function countDue(entries: readonly CalendarEntry[]): { overdue: number; dueSoon: number; returned: number } {
  const kinds = entries.flatMap((e) => e.periods.map(periodTagKind));
  const count = (k: TagKind) => kinds.filter((x) => x === k).length;
  return { overdue: count('overdue'), dueSoon: count('due-soon'), returned: count('returned') };
}
