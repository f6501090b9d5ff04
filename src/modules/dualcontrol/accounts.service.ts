import { type UserActor, canReadRegion, canReviewRegion, canWriteRegion } from '../../domain/access';
import type { Db } from '../../db/client';
import { accountProblem } from '../../domain/energy/accounts-file';
import { AppError } from '../../domain/errors';
import { REVIEW_PROBLEMS, type Revision, type ReviewAction, SUBMISSION_PROBLEMS, decideReview, decideSubmission, lifecycleError } from '../../domain/reporting/lifecycle';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { recordTargetAdjustments } from './evaluation.service';
import * as repo from './repo';
import type { AccountBody, AccountOut } from './schemas';

export const accountOut = (r: repo.AccountRow): AccountOut => ({
  id: r.id,
  regionCode: r.regionCode,
  periodKey: r.periodKey,
  revision: r.revision,
  status: r.status as AccountOut['status'],
  gdpCurrent: r.gdpCurrent,
  gdpGrowth: r.gdpGrowth,
  energy: r.energy,
  coal: r.coal,
  nonFossil: r.nonFossil,
  renewableElectricity: r.renewableElectricity,
  feedstock: r.feedstock,
  listedProjects: r.listedProjects,
  note: r.note,
  correctionReason: r.correctionReason,
  submittedBy: r.submittedBy,
  submittedAt: r.submittedAt,
});

/** A county submits (or resubmits, or corrects) its energy account for a period: a new revision each time. */
export async function submitAccount(ctx: Ctx, body: AccountBody): Promise<AccountOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const region = await orgRepo.findRegion(ctx.db, body.regionCode);
  if (!region) throw new AppError('validation', `行政区划 ${body.regionCode} 不存在`, { pointer: '#/regionCode', field: 'regionCode' });
  if (!canWriteRegion(a, body.regionCode)) throw new AppError('forbidden', `无权填报 ${region.name} 的能源数据`);
  const problem = accountProblem(body);
  if (problem) throw new AppError('validation', problem.message, { pointer: `#/${problem.field}`, field: problem.field });
  return ctx.db.transaction(async (tx) => {
    const revisions = await repo.listRevisions(tx, body.regionCode, body.periodKey);
    const decision = decideSubmission(revisions as Revision[], body.correctionReason);
    if (!decision.ok) throw lifecycleError(SUBMISSION_PROBLEMS[decision.code]);
    return accountOut(await storeRevision(tx, ctx, body, decision));
  });
}

/** Writes one accepted revision with its history step and audit entry, inside the caller's transaction. */
export async function storeRevision(tx: Db, ctx: Ctx, body: AccountBody, decision: { revision: number; isCorrection: boolean }) {
  const a = ctx.actor as UserActor;
  const { correctionReason, ...figures } = body;
  const row = await repo.insertAccount(tx, {
    ...figures,
    revision: decision.revision,
    status: 'submitted',
    correctionReason: decision.isCorrection ? correctionReason : null,
    submittedBy: a.userId,
    submittedAt: ctx.now,
  });
  const action = decision.isCorrection ? 'correct' : 'submit';
  await repo.insertEvent(tx, { accountId: row.id, action, comment: correctionReason, actorUserId: a.userId, at: ctx.now });
  await recordAudit(tx, ctx, { action: `${action}EnergyAccount`, entity: 'energy_account', entityId: row.id, after: row });
  return row;
}

/** The city approves or returns the latest submitted revision; an approval may move the total target (recorded). */
export async function reviewAccount(ctx: Ctx, id: number, action: ReviewAction, comment: string | null): Promise<AccountOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return ctx.db.transaction(async (tx) => {
    const account = await repo.findAccount(tx, id);
    if (!account || !canReadRegion(a, account.regionCode)) throw new AppError('not-found', `能源数据 ${id} 不存在`);
    if (!canReviewRegion(a, account.submittedBy)) throw new AppError('forbidden', '无权审核（须为市节能减排办，且不能审核本人填报的数据）');
    const revisions = await repo.listRevisions(tx, account.regionCode, account.periodKey);
    const decision = decideReview(revisions as Revision[], id, action, comment);
    if (!decision.ok) throw lifecycleError(REVIEW_PROBLEMS[decision.code]);
    await repo.setStatus(tx, decision.supersede, 'superseded');
    await repo.setStatus(tx, [id], decision.status);
    await repo.insertEvent(tx, { accountId: id, action, comment, actorUserId: a.userId, at: ctx.now });
    const after = { ...account, status: decision.status };
    await recordAudit(tx, ctx, { action: `${action}EnergyAccount`, entity: 'energy_account', entityId: id, before: account, after: { ...after, comment } });
    if (decision.status === 'approved' && account.periodKey.length === 4) await recordTargetAdjustments(tx, ctx, account.regionCode, id);
    return accountOut(after);
  });
}

export async function getAccountThread(ctx: Ctx, id: number) {
  const account = await repo.findAccount(ctx.db, id);
  if (!account || !canReadRegion(ctx.actor, account.regionCode)) throw new AppError('not-found', `能源数据 ${id} 不存在`);
  const revisions = await repo.listRevisions(ctx.db, account.regionCode, account.periodKey);
  return { account: accountOut(account), revisions: revisions.map(accountOut), history: await repo.listEvents(ctx.db, revisions.map((r) => r.id)) };
}

/** Accounts the actor may see: the city and departments all, a county its own. */
export async function listAccounts(ctx: Ctx, f: { regionCode?: string; year?: number; status?: string }) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  if (a.role === 'county' && (!a.regionCode || (f.regionCode && f.regionCode !== a.regionCode))) throw new AppError('forbidden', '只能查看本地区的能源数据');
  const regionCode = a.role === 'county' ? a.regionCode! : f.regionCode;
  return (await repo.listAccounts(ctx.db, { ...f, regionCode })).map(accountOut);
}
