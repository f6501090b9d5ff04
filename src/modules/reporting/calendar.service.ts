import { randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { PlanTree } from '../../domain/plan/model';
import { beijingDate, dueState, type Frequency, periodsOf } from '../../domain/reporting/calendar';
import { toICalendar } from '../../domain/reporting/ics';
import type { Ctx } from '../../server/context';
import { getPlanTree } from '../plan/service';
import { actorOf, hashToken } from '../auth/service';
import { recordAudit } from '../audit/service';
import { reportingReference } from './reference';
import * as repo from './repo';
import { cadenceLookup, scopeOf } from './service';

export type Entry = { kind: 'indicator' | 'task'; itemId: number; code: string; name: string; regionCode: string };
/**
 * Who owes reports: a department the city-wide figures of the indicators it owns and the tasks it leads
 * (cooperating departments may report too, but do not owe), a county or zone its tasks and its own figure
 * of every indicator allocated to it, or the city everything city-wide.
 */
export type Reporter = { kind: 'department'; id: number } | { kind: 'region'; code: string } | { kind: 'city' };
/** The 目标分解 shares: which indicators each county or zone was given a target of. */
export type Allocated = ReadonlyArray<{ indicatorId: number; regionCode: string }>;

/** The items a reporter must report on, each for the region it reports for. */
export function entriesFor(tree: PlanTree, who: Reporter, allocated: Allocated): Entry[] {
  const city = tree.regionCode;
  const mine = who.kind === 'region' ? new Set(allocated.filter((a) => a.regionCode === who.code).map((a) => a.indicatorId)) : new Set<number>();
  const entries: Entry[] = [];
  for (const s of tree.chapters.flatMap((c) => c.sections)) {
    for (const x of s.indicators) {
      const owes = who.kind === 'city' || (who.kind === 'department' && x.departments.some((d) => d.id === who.id));
      if (owes) entries.push({ kind: 'indicator', itemId: x.id, code: x.code, name: x.name, regionCode: city });
      else if (who.kind === 'region' && mine.has(x.id)) entries.push({ kind: 'indicator', itemId: x.id, code: x.code, name: x.name, regionCode: who.code });
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
  const { dueSoonDays } = (await reportingReference(ctx.db, today)).reporting;
  const cadenceOf = await cadenceLookup(ctx.db, today);
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
  const allocated = await repo.listAllocations(ctx.db, who.kind === 'region' ? { regionCode: who.code } : {});
  return { today, entries: await scheduleOf(ctx, entriesFor(tree, who, allocated), year, latestByThread(reports), today) };
}

/** The same calendar as iCalendar, for one or more years: one all-day event per due date still to report. */
export async function getCalendarIcs(ctx: Ctx, planCode: string, years: number[]): Promise<string> {
  const entries = (await Promise.all(years.map((y) => getCalendar(ctx, planCode, y)))).flatMap((c) => c.entries);
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
  return toICalendar(`节能减排报送日历 ${years.join('–')}`, events, ctx.now);
}

/**
 * 日历订阅: a calendar app cannot send our session cookie, so each user may hold one secret feed address.
 * Creating a new one replaces the old; only its SHA-256 is stored. Audited.
 */
export async function createCalendarFeed(ctx: Ctx): Promise<{ token: string }> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await repo.setCalendarFeed(tx, a.userId, hashToken(token), ctx.now);
    await recordAudit(tx, ctx, { action: 'createCalendarFeed', entity: 'calendar_feed', entityId: a.userId });
  });
  return { token };
}

export async function revokeCalendarFeed(ctx: Ctx): Promise<void> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  await ctx.db.transaction(async (tx) => {
    if (await repo.deleteCalendarFeed(tx, a.userId)) await recordAudit(tx, ctx, { action: 'revokeCalendarFeed', entity: 'calendar_feed', entityId: a.userId });
  });
}

/** The feed behind a secret: the owner's calendar of this year and last (whose last periods fall due now). */
export async function getCalendarFeed(ctx: Ctx, token: string, planCode: string): Promise<string> {
  const user = await repo.findFeedUser(ctx.db, hashToken(token));
  if (!user) throw new AppError('not-found', '订阅地址无效或已停用');
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  const year = Number(beijingDate(ctx.now).slice(0, 4));
  const years = [year - 1, year].filter((y) => y >= tree.periodStart && y <= tree.periodEnd);
  return getCalendarIcs({ ...ctx, actor: actorOf(user) }, planCode, years);
}
