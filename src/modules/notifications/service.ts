import type { Db } from '../../db/client';
import type { Role } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { beijingDate, dueState, type Frequency, periodsOf } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import { getPlanTree, listPlanCodes } from '../plan/service';
import { type Reporter, entriesFor, threadKey } from '../reporting/calendar.service';
import { reportingReference } from '../reporting/reference';
import * as reportingRepo from '../reporting/repo';
import { cadenceLookup } from '../reporting/service';
import type { Mailer } from './mailer';
import * as repo from './repo';

export async function listMyNotices(ctx: Ctx, limit: number) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const { rows, unread } = await repo.listNotices(ctx.db, ctx.actor.userId, limit);
  return { unread, notices: rows.map(({ dedupeKey: _k, emailedAt: _e, ...n }) => n) };
}

/** Marks one notice (or all, with id null) as read; another user's notice is "not found". */
export async function readNotices(ctx: Ctx, id: number | null) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const changed = await repo.markRead(ctx.db, ctx.actor.userId, id, ctx.now);
  if (id !== null && changed.length === 0) {
    const own = (await repo.listNotices(ctx.db, ctx.actor.userId, 1000)).rows.some((n) => n.id === id);
    if (!own) throw new AppError('not-found', `通知 ${id} 不存在`);
  }
  return { marked: changed.length };
}

/** Tells the submitter that a report was returned (with the comment) or approved; inside the review's transaction. */
export async function noticeReviewed(tx: Db, r: { submittedBy: number; reportId: number; label: string; action: 'approve' | 'return'; comment: string | null; at: Date }) {
  const returned = r.action === 'return';
  await repo.insertNotices(tx, [
    {
      userId: r.submittedBy,
      kind: returned ? 'returned' : 'approved',
      title: returned ? `报告被退回：${r.label}` : `报告已审核通过：${r.label}`,
      body: returned ? `退回意见：${r.comment ?? ''}` : (r.comment ?? ''),
      link: `/reporting?report=${r.reportId}`,
      createdAt: r.at,
    },
  ]);
}

function reporterOf(u: { role: string; departmentId: number | null; regionCode: string | null }): Reporter | null {
  const role = u.role as Role;
  if (role === 'department' && u.departmentId !== null) return { kind: 'department', id: u.departmentId };
  if (role === 'county' && u.regionCode) return { kind: 'region', code: u.regionCode };
  return null;
}

/**
 * The daily reporting digest: each department and county user gets one notice counting what is
 * overdue and what falls due within the reference window, e-mailed too when a mailer is set.
 * Runs once a day across all servers (job_run), and never twice to the same user for the same day.
 */
export async function runDailyDigest(db: Db, now: Date, mailer: Mailer | null): Promise<{ ran: boolean; notices: number; emailed: number }> {
  const day = beijingDate(now);
  if (!(await repo.claimJob(db, 'daily-digest', day, now))) return { ran: false, notices: 0, emailed: 0 };
  const { dueSoonDays } = (await reportingReference(db, day)).reporting;
  const cadenceOf = await cadenceLookup(db, day);
  const notices: repo.NewNotice[] = [];
  const emails = new Map<number, string>();
  const year = Number(day.slice(0, 4));
  const allocated = await reportingRepo.listAllocations(db, {});
  for (const planCode of await listPlanCodes(db)) {
    const { tree } = await getPlanTree(db, planCode, now.getTime());
    // Reports due this year cover last year's last periods too: look at both.
    const years = [year - 1, year].filter((y) => y >= tree.periodStart && y <= tree.periodEnd);
    if (!years.length) continue;
    const filed = new Set<string>();
    for (const y of years) for (const t of await reportingRepo.listFiledThreads(db, y)) filed.add(threadKey(t));
    for (const u of await repo.listActiveUsers(db)) {
      const who = reporterOf(u);
      if (!who) continue;
      let overdue = 0;
      let soon = 0;
      for (const e of entriesFor(tree, who, allocated)) {
        const c = cadenceOf(e.kind, e.itemId);
        for (const y of years) {
          for (const p of periodsOf(c.frequency as Frequency, y, c.dueDays)) {
            const key = threadKey({ indicatorId: e.kind === 'indicator' ? e.itemId : null, taskId: e.kind === 'task' ? e.itemId : null, periodKey: p.key, regionCode: e.regionCode });
            const state = dueState(p, day, filed.has(key), dueSoonDays);
            if (state === 'overdue') overdue++;
            if (state === 'due-soon') soon++;
          }
        }
      }
      if (overdue + soon === 0) continue;
      notices.push({
        userId: u.id,
        kind: 'digest',
        title: `报送提醒（${day}）`,
        body: `${tree.name}：${overdue} 项报送已逾期，${soon} 项将在 ${dueSoonDays} 日内到期。`,
        link: '/reporting',
        dedupeKey: `digest:${planCode}:${day}`,
        createdAt: now,
      });
      if (u.email) emails.set(u.id, u.email);
    }
  }
  const inserted = await repo.insertNotices(db, notices);
  let emailed = 0;
  if (mailer) {
    for (const n of inserted) {
      const to = emails.get(n.userId);
      if (!to) continue;
      await mailer({ to, subject: n.title, text: `${n.body}\n\n请登录平台查看：${n.link ?? ''}` });
      await repo.markEmailed(db, n.id, now);
      emailed++;
    }
  }
  return { ran: true, notices: inserted.length, emailed };
}
