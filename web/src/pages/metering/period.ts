/** Hourly, daily or monthly use, as `GET /api/metering/meters/:id/series?granularity=` takes it. */
export type Granularity = 'hour' | 'day' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'month'];

// The server sums hours into days and months in Beijing time; China Standard Time has no daylight saving.
const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The wall-clock fields of an instant in Beijing time, as an ISO string without the offset ("2026-11-24T08:00:00"). */
function beijingIso(at: string | number | Date): string {
  return new Date(new Date(at).getTime() + BEIJING_MS).toISOString().slice(0, 19);
}

/** An instant as people in Ganzhou read it: "2026-11-24 08:00:05". */
export function beijingTime(at: string | number | Date): string {
  return beijingIso(at).replace('T', ' ');
}

/** The label of a series period (its start): "11-24 08:00" an hour, "2026-11-24" a day, "2026-11" a month. */
export function periodLabel(period: string, g: Granularity): string {
  const s = beijingIso(period);
  if (g === 'hour') return `${s.slice(5, 10)} ${s.slice(11, 16)}`;
  return g === 'day' ? s.slice(0, 10) : s.slice(0, 7);
}

/** A picked range of Beijing calendar days, both ends included ("YYYY-MM-DD"); a monthly range picks whole months. */
export type DayRange = readonly [string, string];

/** Today's date in Beijing ("YYYY-MM-DD"). */
export const beijingDate = (now: Date) => beijingIso(now).slice(0, 10);

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function addMonths(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** What the view shows first: the last two days by the hour, the last 31 days by the day, the last 12 months by the month. */
export function defaultRange(g: Granularity, now: Date): DayRange {
  const today = beijingDate(now);
  if (g === 'hour') return [addDays(today, -1), today];
  if (g === 'day') return [addDays(today, -30), today];
  return [addMonths(today, -11), today];
}

/** The series query for a range: from the first day's (month's) midnight to the midnight after the last, in Beijing time. */
export function seriesWindow(g: Granularity, [start, end]: DayRange): { from: string; to: string } {
  const from = g === 'month' ? `${start.slice(0, 7)}-01` : start;
  const to = g === 'month' ? addMonths(end, 1) : addDays(end, 1);
  return { from: `${from}T00:00:00+08:00`, to: `${to}T00:00:00+08:00` };
}

// The longest window the server answers at once (src/modules/metering/service.ts: 31 days, 2 years, 10 years).
const MAX_SPAN_DAYS: Record<Granularity, number> = { hour: 31, day: 731, month: 3653 };

/** Whether the server would refuse the window as too long, so the view can say so before asking. */
export function isSpanTooLong(g: Granularity, w: { from: string; to: string }): boolean {
  return Date.parse(w.to) - Date.parse(w.from) > MAX_SPAN_DAYS[g] * DAY_MS;
}

/** The longest range of a granularity in days, for the message that asks for a shorter one. */
export const maxSpanDays = (g: Granularity) => MAX_SPAN_DAYS[g];

/**
 * The start of every period in [from, to) (ISO instants), so that a chart shows the whole window with gaps where
 * no data came: hours, Beijing days, or Beijing calendar months (from is a Beijing midnight, as seriesWindow gives).
 */
export function periodsIn(g: Granularity, from: string, to: string): string[] {
  const end = Date.parse(to);
  const out: string[] = [];
  if (g === 'month') {
    const d = new Date(Date.parse(from) + BEIJING_MS); // Beijing wall clock, read with UTC getters
    for (let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)); m.getTime() - BEIJING_MS < end; m.setUTCMonth(m.getUTCMonth() + 1)) {
      out.push(new Date(m.getTime() - BEIJING_MS).toISOString());
    }
    return out;
  }
  const step = g === 'hour' ? 3_600_000 : DAY_MS;
  for (let t = Date.parse(from); t < end; t += step) out.push(new Date(t).toISOString());
  return out;
}
