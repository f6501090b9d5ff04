import { canReadRegion, canWriteRegion } from '../../domain/access';
import { type ApprovalStatus, type ProjectStage, projectWarnings } from '../../domain/energy/high-energy-projects';
import { AppError } from '../../domain/errors';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import * as repo from './repo';
import type { ProjectBody } from './schemas';

const withWarnings = (p: repo.ProjectRow) => ({
  ...p,
  warnings: projectWarnings({ stage: p.stage as ProjectStage, energyReviewStatus: p.energyReviewStatus as ApprovalStatus, eiaStatus: p.eiaStatus as ApprovalStatus, disposal: p.disposal }),
});

/** 两高一低项目清单 in the actor's scope (a county its own), each with its warnings; warned ones first if asked. */
export async function listProjects(ctx: Ctx, f: { regionCode?: string; warnedOnly?: boolean }) {
  const rows = (await repo.listProjects(ctx.db, f.regionCode)).filter((p) => canReadRegion(ctx.actor, p.regionCode)).map(withWarnings);
  return f.warnedOnly ? rows.filter((p) => p.warnings.length > 0) : rows;
}

/** Adds or updates a project (the city, or the county it is in), audited. */
export async function saveProject(ctx: Ctx, id: number | null, body: ProjectBody) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  if (!(await orgRepo.findRegion(ctx.db, body.regionCode))) throw new AppError('validation', `行政区划 ${body.regionCode} 不存在`, { pointer: '#/regionCode', field: 'regionCode' });
  if (!canWriteRegion(a, body.regionCode)) throw new AppError('forbidden', `无权登记 ${body.regionCode} 的项目`);
  if (body.energyReviewStatus === 'approved' && !body.energyReviewNo) throw new AppError('validation', '节能审查已批复的须填写批复文号', { pointer: '#/energyReviewNo', field: 'energyReviewNo' });
  if (body.eiaStatus === 'approved' && !body.eiaNo) throw new AppError('validation', '环评已批复的须填写批复文号', { pointer: '#/eiaNo', field: 'eiaNo' });
  return ctx.db.transaction(async (tx) => {
    const before = id === null ? null : await repo.findProject(tx, id);
    if (id !== null && (!before || !canReadRegion(a, before.regionCode))) throw new AppError('not-found', `项目 ${id} 不存在`);
    if (before && !canWriteRegion(a, before.regionCode)) throw new AppError('forbidden', `无权修改项目 ${id}`);
    const row = await repo.saveProject(tx, id, { ...body, updatedAt: ctx.now, updatedBy: a.userId });
    await recordAudit(tx, ctx, { action: id === null ? 'createHighEnergyProject' : 'updateHighEnergyProject', entity: 'high_energy_project', entityId: row.id, before, after: row });
    return withWarnings(row);
  });
}
