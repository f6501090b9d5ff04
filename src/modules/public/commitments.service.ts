import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { beijingDate } from '../../domain/reporting/calendar';
import { type Actor, type UserActor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { COMMITMENTS_PER_SOURCE_PER_HOUR, type CommitmentAction, commitmentProgress, nextCommitmentStatus, progressShare } from '../../domain/public/commitment';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { spendChallenge } from './citizen-reports.challenge';
import { sourceHashOf } from './citizen-reports.service';
import * as repo from './commitments.repo';
import {
  type CommitmentActionBody,
  type CommitmentDetailOut,
  CommitmentKind,
  type CommitmentOut,
  CommitmentStatus,
  type CommitmentUpdateBody,
  type EnterpriseCommitmentBody,
  type ManagedCommitmentOut,
  type PublicCommitmentBody,
  type PublicCommitmentQuery,
} from './commitments.schemas';

/**
 * 自愿承诺 (issue #10 item 3). An enterprise's commitment waits for the steering office's review; an organisation's
 * or a person's shows at once behind the same abuse controls as citizen reports (the proof-of-work challenge, a
 * per-address hourly limit by keyed hash) and can be hidden. Progress comes from the enterprise user or from whoever
 * holds the private token (stored as SHA-256 only).
 */

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
/** The public's steps are audited without the address. */
const publicAudit = (ctx: Ctx) => ({ ...ctx, ip: null });
/** Today in Beijing (UTC+8) as yyyy-mm-dd: due dates and as-of dates are local dates. */

type Row = repo.CommitmentRow;
type UpdateRow = repo.CommitmentUpdateRow;

function toOut(c: Row, updates: UpdateRow[], today: string): CommitmentOut {
  const last = updates.find((u) => u.commitmentId === c.id);
  const latest = last ? { value: last.value, asOf: last.asOf } : null;
  const input = { baselineValue: c.baselineValue, targetValue: c.targetValue, dueDate: c.dueDate, latest };
  return {
    id: c.id,
    kind: CommitmentKind.parse(c.kind),
    committerName: c.committerName,
    regionCode: c.regionCode,
    regionName: c.regionName,
    title: c.title,
    content: c.content,
    indicator: c.indicator,
    unit: c.unit,
    baselineValue: c.baselineValue,
    targetValue: c.targetValue,
    dueDate: c.dueDate,
    createdAt: c.createdAt,
    latest,
    progress: commitmentProgress(input, today),
    share: progressShare(input),
  };
}

const updatesOut = (c: Row, updates: UpdateRow[]) =>
  updates.filter((u) => u.commitmentId === c.id).map((u) => ({ id: u.id, value: u.value, asOf: u.asOf, note: u.note, at: u.at }));

function toManaged(c: Row, updates: UpdateRow[], today: string): ManagedCommitmentOut {
  return {
    ...toOut(c, updates, today),
    updates: updatesOut(c, updates),
    status: CommitmentStatus.parse(c.status),
    enterpriseId: c.enterpriseId,
    reviewComment: c.reviewComment,
    reviewedAt: c.reviewedAt,
  };
}

/** The public list: published commitments only, filtered by kind, county and progress. */
export async function listPublicCommitments(ctx: Ctx, q: PublicCommitmentQuery): Promise<CommitmentOut[]> {
  const rows = await repo.listCommitments(ctx.db, { status: 'published', kind: q.kind, regionCode: q.regionCode || undefined });
  const updates = await repo.listUpdates(ctx.db, rows.map((r) => r.id));
  const today = beijingDate(ctx.now);
  return rows.map((r) => toOut(r, updates, today)).filter((c) => !q.progress || c.progress === q.progress);
}

/** A published commitment with its updates; anything else is 404 to the public. */
export async function getPublicCommitment(ctx: Ctx, id: number): Promise<CommitmentDetailOut> {
  const c = await repo.findCommitment(ctx.db, id);
  if (!c || c.status !== 'published') throw new AppError('not-found', `承诺 ${id} 不存在`);
  const updates = await repo.listUpdates(ctx.db, [c.id]);
  return { ...toOut(c, updates, beijingDate(ctx.now)), updates: updatesOut(c, updates) };
}

/** An organisation or a person commits from the public site: shown at once; the token is answered once. */
export async function makePublicCommitment(ctx: Ctx, body: PublicCommitmentBody) {
  const sourceHash = sourceHashOf(ctx.ip);
  const token = randomBytes(16).toString('base64url');
  return ctx.db.transaction(async (tx) => {
    await repo.lockPublicCommitments(tx);
    if ((await repo.countCommitmentsFromSource(tx, sourceHash, new Date(ctx.now.getTime() - 3_600_000))) >= COMMITMENTS_PER_SOURCE_PER_HOUR) {
      throw new AppError('too-many-attempts', `同一网络每小时最多提交 ${COMMITMENTS_PER_SOURCE_PER_HOUR} 项承诺，请稍后再试`, undefined, { retryAfterSeconds: 3600 });
    }
    if (!(await repo.regionExists(tx, body.regionCode))) throw new AppError('validation', `县（市、区）${body.regionCode} 不存在`, { field: 'regionCode', pointer: '#/regionCode' });
    await spendChallenge(tx, body.challenge, body.nonce, ctx.now);
    const { challenge: _c, nonce: _n, ...fields } = body;
    const row = await repo.insertCommitment(tx, { ...fields, status: 'published', tokenHash: sha256Hex(token), sourceHash, createdAt: ctx.now });
    await recordAudit(tx, publicAudit(ctx), { action: 'makePublicCommitment', entity: 'commitment', entityId: row.id, after: { ...fields, status: row.status } });
    return { id: row.id, status: CommitmentStatus.parse(row.status), token };
  });
}

function requireEnterpriseUser(actor: Actor): UserActor & { enterpriseId: number } {
  if (actor.kind !== 'user' || actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError('forbidden', '只有企业用户可以管理本企业的承诺');
  return actor as UserActor & { enterpriseId: number };
}

/** The enterprise's own commitments in every status, with the review's word. */
export async function listMyCommitments(ctx: Ctx): Promise<ManagedCommitmentOut[]> {
  const me = requireEnterpriseUser(ctx.actor);
  const rows = await repo.listCommitments(ctx.db, { enterpriseId: me.enterpriseId });
  const updates = await repo.listUpdates(ctx.db, rows.map((r) => r.id));
  const today = beijingDate(ctx.now);
  return rows.map((r) => toManaged(r, updates, today));
}

/** An enterprise user commits for its own enterprise: pending until the steering office approves. */
export async function makeEnterpriseCommitment(ctx: Ctx, body: EnterpriseCommitmentBody) {
  const me = requireEnterpriseUser(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const e = await repo.findEnterprise(tx, me.enterpriseId);
    if (!e) throw new AppError('not-found', '本企业不存在');
    const row = await repo.insertCommitment(tx, {
      ...body,
      kind: 'enterprise',
      enterpriseId: e.id,
      committerName: e.name,
      regionCode: e.regionCode,
      status: 'pending',
      createdBy: me.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'makeEnterpriseCommitment', entity: 'commitment', entityId: row.id, after: row });
    return { id: row.id, status: CommitmentStatus.parse(row.status), token: null };
  });
}

async function addUpdate(ctx: Ctx, c: Row, body: CommitmentUpdateBody, byUserId: number | null) {
  if (body.asOf > beijingDate(ctx.now)) throw new AppError('validation', '进展日期不能晚于今天', { field: 'asOf', pointer: '#/asOf' });
  if (body.asOf < beijingDate(c.createdAt).slice(0, 4) + '-01-01') {
    throw new AppError('validation', '进展日期不能早于承诺作出的年份', { field: 'asOf', pointer: '#/asOf' });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertUpdate(tx, { commitmentId: c.id, ...body, byUserId, at: ctx.now });
    await recordAudit(tx, byUserId === null ? publicAudit(ctx) : ctx, { action: 'addCommitmentUpdate', entity: 'commitment_update', entityId: row.id, after: row });
    return { id: row.id, value: row.value, asOf: row.asOf, note: row.note, at: row.at };
  });
}

/** Progress by whoever holds the token: 404 for an unknown id and a wrong token alike; a hidden one takes none. */
export async function addUpdateWithToken(ctx: Ctx, id: number, token: string, body: CommitmentUpdateBody) {
  const c = await repo.findCommitment(ctx.db, id);
  const given = Buffer.from(sha256Hex(token));
  if (!c || !c.tokenHash || c.status !== 'published' || !timingSafeEqual(given, Buffer.from(c.tokenHash))) {
    throw new AppError('not-found', `承诺 ${id} 不存在或访问码不正确`);
  }
  return addUpdate(ctx, c, body, null);
}

/** Progress by the enterprise user: only its own enterprise's commitments (another's is 404), pending or published. */
export async function addEnterpriseUpdate(ctx: Ctx, id: number, body: CommitmentUpdateBody) {
  const me = requireEnterpriseUser(ctx.actor);
  const c = await repo.findCommitment(ctx.db, id);
  if (!c || c.enterpriseId !== me.enterpriseId) throw new AppError('not-found', `承诺 ${id} 不存在`);
  if (c.status !== 'pending' && c.status !== 'published') throw new AppError('conflict', '已退回或已隐藏的承诺不能再更新进展');
  return addUpdate(ctx, c, body, me.userId);
}

/** The steering office's list: every commitment, by review status. */
export async function listManagedCommitments(ctx: Ctx, status: string | undefined): Promise<ManagedCommitmentOut[]> {
  const rows = await repo.listCommitments(ctx.db, { status });
  const updates = await repo.listUpdates(ctx.db, rows.map((r) => r.id));
  const today = beijingDate(ctx.now);
  return rows.map((r) => toManaged(r, updates, today));
}

const ACTION_WORDS: Record<CommitmentAction, string> = { approve: '通过', reject: '退回', hide: '隐藏' };

/** Approve or reject a pending commitment, hide a published one (reasons are required for the last two). */
export async function actOnCommitment(ctx: Ctx, id: number, body: CommitmentActionBody): Promise<ManagedCommitmentOut> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findCommitment(tx, id);
    if (!before) throw new AppError('not-found', `承诺 ${id} 不存在`);
    const next = nextCommitmentStatus(CommitmentStatus.parse(before.status), body.action);
    if (!next) throw new AppError('conflict', `该承诺当前状态不能${ACTION_WORDS[body.action]}`);
    await repo.updateCommitment(tx, id, { status: next, reviewedBy: actor.userId, reviewedAt: ctx.now, reviewComment: body.reason || null });
    const after = (await repo.findCommitment(tx, id))!;
    await recordAudit(tx, ctx, { action: `${body.action}Commitment`, entity: 'commitment', entityId: id, before, after });
    return toManaged(after, await repo.listUpdates(tx, [id]), beijingDate(ctx.now));
  });
}
