import { type CapacityRole, capacityRoleOf } from '../../domain/supervision/capacity-access';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { referenceAt } from '../reference/service';

/** The actor's capacity role under the 'supervision-rules' in force today (its department resolved to a code). */
export async function capacityRole(ctx: Ctx): Promise<CapacityRole> {
  const rules = (await referenceAt(ctx.db, 'supervision-rules', beijingDate(ctx.now))).value;
  const a = ctx.actor;
  const dept = a.kind === 'user' && a.role === 'department' && a.departmentId ? await orgRepo.findDepartment(ctx.db, { id: a.departmentId }) : null;
  return capacityRoleOf(a, dept?.code ?? null, rules);
}

/** The role, or a 403 when it is not one of `allowed`. */
export async function requireCapacityRole(ctx: Ctx, allowed: readonly CapacityRole[], what: string): Promise<CapacityRole> {
  const role = await capacityRole(ctx);
  if (!allowed.includes(role)) throw new AppError('forbidden', `无权${what}：专家库与培训由市发改委、市人社局管理`);
  return role;
}
