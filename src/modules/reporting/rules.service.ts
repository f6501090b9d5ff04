import { AppError } from '../../domain/errors';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as repo from './repo';

export type RuleInput = { indicatorId?: number; taskId?: number; frequency: string; dueDays: number };

/** The steering office sets how often an item is reported and how long after period end it is due. */
export async function setReportingRule(ctx: Ctx, input: RuleInput) {
  const ref: repo.ItemRef = input.indicatorId !== undefined ? { indicatorId: input.indicatorId } : { taskId: input.taskId! };
  const item = await repo.findItem(ctx.db, ref);
  if (!item) throw new AppError('not-found', `${input.indicatorId !== undefined ? '指标' : '任务'}不存在`);
  return ctx.db.transaction(async (tx) => {
    const { before, after } = await repo.upsertRule(tx, {
      indicatorId: ref.indicatorId ?? null,
      taskId: ref.taskId ?? null,
      frequency: input.frequency,
      dueDays: input.dueDays,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'setReportingRule', entity: 'reporting_rule', entityId: item.code, before, after });
    return { code: item.code, frequency: after.frequency, dueDays: after.dueDays };
  });
}
