import { AppError } from '../../domain/errors';
import type { PlanTree } from '../../domain/plan/model';
import { beijingDate, dueState, type Frequency, periodsOf } from '../../domain/reporting/calendar';
import { toICalendar } from '../../domain/reporting/ics';
import type { Ctx } from '../../server/context';
import { getPlanTree } from '../plan/service';
import { reportingReference } from './reference';
import * as repo from './repo';
import { cadenceLookup, scopeOf } from './service';

export type Entry = { kind: 'indicator' | 'task'; itemId: number; code: string; name: string; regionCode: string };
/**
 * Who owes reports: a department the city-wide figures of the indicators it owns and the tasks it leads
 * (cooperating departments may report too, but do not owe), a county or zone its tasks, or the city everything.
 */
export type Reporter = { kind: 'department'; id: number } | { kind: 'region'; code: string } | { kind: 'city' };

/** The items a reporter must report on, each for the region it reports for. */
export function entriesFor(tree: PlanTree, who: Reporter): Entry[] {
  const city = tree.regionCode;
  const entries: Entry[] = [];
  for (const s of tree.chapters.flatMap((c) => c.sections)) {
    for (const x of s.indicators) {
      const owes = who.kind === 'city' || (who.kind === 'department' && x.departments.some((d) => d.id === who.id));
      if (owes) entries.push({ kind: 'indicator', itemId: x.id, code: x.code, name: x.name, regionCode: city });
    }
    for (const t of s.tasks) {
      if (who.kind === 'region') {
        if (tree.allRegionsImplement || t.namedRegions.includes(who.code)) entries.push({ kind: 'task', itemId: t.id, code: t.code, name: t.text, regionCode: who.code });
      } else if (who.kind === 'city' || t.lead.some((d) => d.id === who.id)) {
        entries.push({ kind: 'task', itemId: t.id, code: t.code, name: t.text, regionCode: city });
      }
    }
  }
  return entries;
}

export const threadKey = (r: { indicatorId: number | null; taskId: number | null; periodKey: string; regionCode: string }) =>
  `${r.indicatorId ?? ''}|${r.taskId ?? ''}|${r.periodKey}|${r.regionCode}`;

/** The latest revision of every report thread of a year. */
export function latestByThread<T extends { indicatorId: number | null; taskId: number | null; periodKey: string; regionCode: string; revision: number }>(reports: readonly T[]) {
  const latest = new Map<string, T>();
  for (const r of reports) {
    const seen = latest.get(threadKey(r));
    if (!seen || r.revision > seen.revision) latest.set(threadKey(r), r);
  }
  return latest;
}

/** Each entry's periods of the year with their due dates and state on `today`. */
export async function scheduleOf(ctx: Ctx, entries: Entry[], year: number, latest: Map<string, { id: number; status: string }>, today: string) {
  const { dueSoonDays } = reportingReference().reporting;
  const cadenceOf = await cadenceLookup(ctx.db);
  const out = [];
  for (const e of entries) {
    const ref = e.kind === 'indicator' ? { indicatorId: e.itemId } : { taskId: e.itemId };
    const cadence = cadenceOf(e.kind, e.itemId);
    const periods = periodsOf(cadence.frequency as Frequency, year, cadence.dueDays).map((p) => {
      const r = latest.get(threadKey({ indicatorId: ref.indicatorId ?? null, taskId: ref.taskId ?? null, periodKey: p.key, regionCode: e.regionCode }));
      const isIn = r !== undefined && r.status !== 'returned';
      return { key: p.key, end: p.end, due: p.due, state: dueState(p, today, isIn, dueSoonDays), reportId: r?.id ?? null, status: (r?.status ?? null) as never };
    });
    out.push({ ...e, frequency: cadence.frequency, periods });
  }
  return out;
}

async function planForYear(ctx: Ctx, planCode: string, year: number) {
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  if (year < tree.periodStart || year > tree.periodEnd) {
    throw new AppError('validation', `${year} 年不在方案期 ${tree.periodStart}–${tree.periodEnd} 内`, { field: 'query.year' });
  }
  return tree;
}

/**
 * 报送日历: what the actor owes in a year, period by period, and where each stands today.
 * A department owes the city-wide reports of its items; a county the tasks it implements;
 * the steering office sees the city-wide reports of every item.
 */
export async function getCalendar(ctx: Ctx, planCode: string, year: number) {
  const a = ctx.actor;
  if (a.kind !== 'user' || a.role === 'enterprise') throw new AppError('forbidden', '该账号没有报送任务');
  const tree = await planForYear(ctx, planCode, year);
  const who: Reporter =
    a.role === 'department' && a.departmentId !== null ? { kind: 'department', id: a.departmentId } : a.role === 'county' && a.regionCode ? { kind: 'region', code: a.regionCode } : { kind: 'city' };
  const today = beijingDate(ctx.now);
  const reports = (await repo.listReports(ctx.db, scopeOf(ctx), { year }, 100_000));
  return { today, entries: await scheduleOf(ctx, entriesFor(tree, who), year, latestByThread(reports), today) };
}

/** The same calendar as iCalendar: one all-day event per due date still to report. */
export async function getCalendarIcs(ctx: Ctx, planCode: string, year: number): Promise<string> {
  const { entries } = await getCalendar(ctx, planCode, year);
  const events = entries.flatMap((e) =>
    e.periods
      .filter((p) => p.state !== 'submitted')
      .map((p) => ({
        uid: `${e.kind}-${e.itemId}-${p.key}-${e.regionCode}@ecer`,
        date: p.due,
        summary: `报送截止：${e.code} ${p.key}`,
        description: `${e.name}（${e.regionCode}，期间 ${p.key}，截至 ${p.end}）`,
      })),
  );
  return toICalendar(`节能减排报送日历 ${year}`, events, ctx.now);
}
