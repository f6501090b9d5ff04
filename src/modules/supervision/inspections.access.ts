import type { Actor, UserActor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import { canInspect } from '../../domain/supervision/inspection-orders';
import type { Ctx } from '../../server/context';
import { referenceAt } from '../reference/service';
import { departmentIdsByCode, type InspectorScope } from './inspections.repo';

/** The reader of the inspection routes: the user, the rules in force today and the inspector departments' ids. */
export type Reader = { actor: UserActor; today: string; inspectorDepartmentIds: number[]; rectificationDays: { minor: number; major: number } };

export async function readerOf(ctx: Ctx): Promise<Reader> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const today = beijingDate(ctx.now);
  const rules = (await referenceAt(ctx.db, 'supervision-rules', today)).value;
  return { actor: a, today, inspectorDepartmentIds: await departmentIdsByCode(ctx.db, rules.inspectorDepartments), rectificationDays: rules.rectificationDays };
}

/** The first check of every inspector use case: 403 for a department outside the list (or an enterprise). */
export async function requireInspector(ctx: Ctx): Promise<Reader> {
  const r = await readerOf(ctx);
  if (!canInspect(r.actor, r.inspectorDepartmentIds, null)) throw new AppError('forbidden', '只有节能监察机构（市发改委、市工信局、县级节能主管部门）可以办理节能监察');
  return r;
}

/** Whether the user may work on inspections at all (the page offers the 节能监察 tab only then). */
export async function mayInspect(ctx: Ctx): Promise<boolean> {
  if (ctx.actor.kind !== 'user') return false;
  const r = await readerOf(ctx);
  return canInspect(r.actor, r.inspectorDepartmentIds, null);
}

export const isInspectorIn = (r: Reader, regionCode: string) => canInspect(r.actor as Actor, r.inspectorDepartmentIds, regionCode);

/** Another county's record is answered as absent, so that its existence does not leak. */
export function requireRegion(r: Reader, regionCode: string, what: string) {
  if (!isInspectorIn(r, regionCode)) throw new AppError('not-found', `${what}不存在`);
}

export function scopeOf(r: Reader): InspectorScope {
  return r.actor.role === 'county' && r.actor.regionCode ? { regionCode: r.actor.regionCode } : { all: true };
}

