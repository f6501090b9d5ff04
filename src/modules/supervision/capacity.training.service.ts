import { canRecordAttendance, seesPersonalData } from '../../domain/supervision/capacity-access';
import { energyManagerTrainingStatus, type TrainingStatus } from '../../domain/supervision/training-status';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { capacityRole, requireCapacityRole } from './capacity.access';
import * as repo from './capacity.repo';
import type { AttendanceBody, EnergyManagerOut, TrainingEventBody } from './capacity.schemas';

/** 培训 (plan 四（五）): events for departments, inspectors and energy managers, attendance, energy managers' status. */

// audience is a text column written only from its zod enum (capacity.schemas.ts).
type Audience = TrainingEventBody['audience'];
const actorId = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : 0);
const READERS = ['manager', 'inspector', 'county'] as const;

export async function listEvents(ctx: Ctx) {
  await requireCapacityRole(ctx, READERS, '查看培训');
  return (await repo.listEvents(ctx.db)).map((e) => ({ ...e, audience: e.audience as Audience }));
}

/** An event with its attendance; a county sees only its own people's rows. */
export async function getEvent(ctx: Ctx, id: number) {
  const role = await requireCapacityRole(ctx, READERS, '查看培训');
  const e = await repo.findEvent(ctx.db, id);
  if (!e) throw new AppError('not-found', `培训 ${id} 不存在`);
  const a = ctx.actor;
  const rows = await repo.listAttendance(ctx.db, id);
  const attendance = role === 'county' && a.kind === 'user' ? rows.filter((r) => r.regionCode === a.regionCode) : rows;
  return { ...e, audience: e.audience as Audience, attendees: rows.filter((r) => r.attended).length, attendance };
}

export async function createEvent(ctx: Ctx, body: TrainingEventBody) {
  await requireCapacityRole(ctx, ['manager'], '组织培训');
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertEvent(tx, { ...body, createdBy: actorId(ctx), createdAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createTrainingEvent', entity: 'training_event', entityId: row.id, after: row });
    return { ...row, audience: body.audience, attendees: 0 };
  });
}

export async function updateEvent(ctx: Ctx, id: number, body: TrainingEventBody) {
  await requireCapacityRole(ctx, ['manager'], '组织培训');
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findEvent(tx, id);
    if (!before) throw new AppError('not-found', `培训 ${id} 不存在`);
    const row = await repo.updateEvent(tx, id, body);
    await recordAudit(tx, ctx, { action: 'updateTrainingEvent', entity: 'training_event', entityId: id, before, after: row });
    return { ...row, audience: body.audience, attendees: (await repo.listAttendance(tx, id)).filter((r) => r.attended).length };
  });
}

/**
 * Records one attendee: a platform user (named as the user is), or an enterprise's person by enterprise and name. A
 * manager records at any event, an inspector department at its own, a county for its own region's people.
 */
export async function recordAttendance(ctx: Ctx, eventId: number, body: AttendanceBody) {
  const role = await requireCapacityRole(ctx, READERS, '登记参训');
  return ctx.db.transaction(async (tx) => {
    const event = await repo.findEvent(tx, eventId);
    if (!event) throw new AppError('not-found', `培训 ${eventId} 不存在`);
    let name = body.name ?? '';
    let regionCode: string | null = null;
    if (body.userId !== undefined) {
      const u = await repo.findUserBrief(tx, body.userId);
      if (!u) throw new AppError('validation', `用户 ${body.userId} 不存在`, { pointer: '#/userId', field: 'userId' });
      name = u.displayName;
      regionCode = u.regionCode;
    } else {
      const e = await repo.findEnterpriseBrief(tx, body.enterpriseId!);
      if (!e) throw new AppError('validation', `企业 ${body.enterpriseId} 不存在`, { pointer: '#/enterpriseId', field: 'enterpriseId' });
      regionCode = e.regionCode;
    }
    if (!canRecordAttendance(role, ctx.actor, event, regionCode))
      throw new AppError('forbidden', role === 'inspector' ? '只能登记本部门组织的培训的参训情况' : '只能登记本县（市、区）人员的参训情况');
    const row = await repo.insertAttendance(tx, {
      eventId,
      userId: body.userId ?? null,
      enterpriseId: body.enterpriseId ?? null,
      name,
      attended: body.attended,
      certificateNo: body.certificateNo,
      recordedBy: actorId(ctx),
      recordedAt: ctx.now,
    });
    await recordAudit(tx, ctx, { action: 'recordTrainingAttendance', entity: 'training_attendance', entityId: row.id, after: row });
    return (await repo.listAttendance(tx, eventId)).find((r) => r.id === row.id)!;
  });
}

type ManagerQuery = { regionCode?: string; status?: TrainingStatus; year?: number };

/**
 * Every key energy-using unit with its recorded energy manager and their training status in the year, the units
 * without a manager first, then never trained, trained earlier, trained this year. An enterprise sees only itself.
 */
export async function listEnergyManagers(ctx: Ctx, q: ManagerQuery): Promise<EnergyManagerOut[]> {
  return (await energyManagerRecords(ctx, q)).map(({ trainings: _, ...r }) => r);
}

async function energyManagerRecords(ctx: Ctx, q: ManagerQuery & { enterpriseId?: number }) {
  const role = await capacityRole(ctx);
  if (role === 'none') throw new AppError('forbidden', '无权查看能源管理负责人培训情况');
  const a = ctx.actor;
  const scope = a.kind !== 'user' ? {} : role === 'county' ? { regionCode: a.regionCode! } : role === 'enterprise' ? { enterpriseId: a.enterpriseId! } : {};
  if ('regionCode' in scope && q.regionCode && q.regionCode !== scope.regionCode) return [];
  if ('enterpriseId' in scope && q.enterpriseId && q.enterpriseId !== scope.enterpriseId) return [];
  const units = await repo.listKeyUnits(ctx.db, { regionCode: q.regionCode, enterpriseId: q.enterpriseId, ...scope });
  const trainings = await repo.listEnterpriseTrainings(ctx.db, units.map((u) => u.id));
  const year = q.year ?? Number(beijingDate(ctx.now).slice(0, 4));
  const order: Record<TrainingStatus, number> = { 'no-manager': 0, never: 1, earlier: 2, 'this-year': 3 };
  return units
    .map((u) => {
      const own = trainings.filter((t) => t.enterpriseId === u.id);
      const { status, lastTrainedOn } = energyManagerTrainingStatus(u.energyManager, own.map((t) => ({ name: t.name, attended: t.attended, eventDate: t.startsOn })), year);
      return {
        enterpriseId: u.id,
        enterpriseName: u.name,
        uscc: u.uscc,
        regionCode: u.regionCode,
        keyUnitClass: u.keyUnitClass,
        manager: u.energyManager,
        managerPhone: seesPersonalData(role) ? u.energyManagerPhone : null,
        status,
        lastTrainedOn,
        trainings: own.map(({ enterpriseId: _, ...t }) => t),
      };
    })
    .filter((r) => !q.status || r.status === q.status)
    .sort((x, y) => order[x.status] - order[y.status]);
}

/** One key unit's energy manager with every training recorded for its people (an enterprise: only its own). */
export async function getEnergyManager(ctx: Ctx, enterpriseId: number) {
  const [row] = await energyManagerRecords(ctx, { enterpriseId });
  if (!row) throw new AppError('not-found', `重点用能单位 ${enterpriseId} 不存在或无权查看`);
  return row;
}
