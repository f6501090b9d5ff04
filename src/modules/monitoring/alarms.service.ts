import type { FastifyBaseLogger } from 'fastify';
import { enterpriseScopeOf } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { alarmRecipients, silence, transitionAlarm } from '../../domain/monitoring/alarms';
import type { AlarmAction, AlarmCandidate, AlarmStatus } from '../../domain/monitoring/model';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as notificationsRepo from '../notifications/repo';
import { bureauDepartmentIds, reductionRules } from '../reduction/reference';
import { referenceAt } from '../reference/service';
import * as repo from './repo';
import type { AlarmOut } from './schemas';
import { canReadStation } from './stations.service';
import { ensureReadingPartitions } from './readings.service';

type AlarmFilter = Omit<repo.AlarmFilter, 'from' | 'to'> & { from?: string; to?: string };

async function alarmsOut(db: Db, rows: Awaited<ReturnType<typeof repo.listAlarms>>): Promise<AlarmOut[]> {
  const history = await repo.listAlarmActions(db, rows.map((r) => r.alarm.id));
  return rows.map((r) => ({
    id: r.alarm.id,
    stationId: r.alarm.stationId,
    stationName: r.stationName,
    mn: r.mn,
    regionCode: r.regionCode,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    kind: r.alarm.kind as AlarmOut['kind'],
    status: r.alarm.status as AlarmOut['status'],
    factor: r.alarm.factor || null,
    value: r.alarm.value,
    limit: r.alarm.limit,
    basis: r.alarm.basis as AlarmOut['basis'],
    flag: r.alarm.flag,
    message: r.alarm.message,
    firstAt: r.alarm.firstAt,
    lastAt: r.alarm.lastAt,
    occurrences: r.alarm.occurrences,
    history: history.filter((h) => h.alarmId === r.alarm.id).map(({ alarmId: _, ...h }) => h),
  }));
}

/** 报警中心: alarms within the actor's scope (an enterprise its own stations', a county its region's, the city all), newest first. */
export async function listAlarms(ctx: Ctx, f: AlarmFilter): Promise<AlarmOut[]> {
  const rows = await repo.listAlarms(ctx.db, enterpriseScopeOf(ctx.actor), { ...f, from: f.from ? new Date(f.from) : undefined, to: f.to ? new Date(f.to) : undefined });
  return alarmsOut(ctx.db, rows);
}

/**
 * One step of the alarm workflow (new → acknowledged → handled → closed; handling and closing need a note), by
 * anyone who sees the alarm: the enterprise answers for its outlet, the county and the city bureau follow it up.
 */
export async function actOnAlarm(ctx: Ctx, id: number, body: { action: AlarmAction; note: string | null }): Promise<AlarmOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findAlarmForUpdate(tx, id);
    const station = before && (await repo.findStation(tx, before.stationId));
    if (!before || !station || !canReadStation(a, station)) throw new AppError('not-found', `报警 ${id} 不存在`);
    const step = transitionAlarm(before.status as AlarmStatus, body.action, body.note);
    if (!step.ok) throw new AppError(step.field === 'note' ? 'validation' : 'conflict', step.message, { pointer: `#/${step.field}`, field: step.field });
    const after = await repo.setAlarmStatus(tx, id, step.status);
    await repo.insertAlarmAction(tx, { alarmId: id, action: body.action, note: body.note?.trim() || null, actorUserId: a.userId, actorName: a.displayName, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'actOnAlarm', entity: 'alarm', entityId: id, before, after: { ...after, note: body.note } });
  });
  return (await alarmsOut(ctx.db, await repo.listAlarms(ctx.db, { all: true }, { limit: 1 }, id)))[0]!;
}

/**
 * 静默检查: opens a 'silence' alarm for every active station not heard from for its interval × silenceFactor (or
 * counts another occurrence of the open one). Returns how many were opened. The server runs it every minute.
 */
export async function sweepSilentStations(db: Db, now: Date): Promise<number> {
  const rules = (await referenceAt(db, 'monitoring-rules', now.toISOString().slice(0, 10))).value;
  const candidates = (await repo.listStationsSeen(db)).map((s) => silence(s, now, rules)).filter((c): c is AlarmCandidate => c !== null);
  return db.transaction((tx) => repo.upsertAlarms(tx, candidates, now));
}

const SWEEP_MS = 60_000;
/**
 * No station is judged silent in the first minutes after the platform starts: while it was down (an upgrade, a
 * restart) no station could deliver, and its own outage must not open a 数据中断 alarm on every station.
 */
const START_GRACE_MS = 5 * 60_000;

/** How far back each run looks for new alarms; notices are deduplicated, so runs may overlap. */
const NOTICE_WINDOW_MS = 15 * 60_000;
/** Alarm notices one user gets per run at most; beyond, one summary an hour points to the alarm centre. */
const NOTICES_PER_RUN = 20;

/**
 * Tells the enterprise, its county and the city bureau of each alarm opened recently (alarmRecipients), in the
 * notification bell. Idempotent (a notice per user and alarm at most), so every server may run it every minute.
 */
export async function notifyNewAlarms(db: Db, now: Date): Promise<number> {
  const alarms = await repo.listAlarmsOpenedSince(db, new Date(now.getTime() - NOTICE_WINDOW_MS));
  if (!alarms.length) return 0;
  const day = now.toISOString().slice(0, 10);
  const [users, bureau] = await Promise.all([notificationsRepo.listActiveUsers(db), reductionRules(db, day).then((rules) => bureauDepartmentIds(db, rules))]);
  const perUser = new Map<number, typeof alarms>();
  for (const a of alarms) for (const id of alarmRecipients(a, users, bureau)) (perUser.get(id) ?? perUser.set(id, []).get(id)!).push(a);
  const notices: notificationsRepo.NewNotice[] = [];
  for (const [userId, list] of perUser) {
    for (const a of list.slice(0, NOTICES_PER_RUN)) {
      notices.push({ userId, kind: 'alarm', title: `新报警：${a.message}`.slice(0, 200), body: a.message, link: '/monitoring?tab=alarms', dedupeKey: `alarm:${a.id}`, createdAt: now });
    }
    if (list.length > NOTICES_PER_RUN) {
      const hour = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 13); // Beijing hour
      notices.push({ userId, kind: 'alarm', title: `近 15 分钟新报警 ${list.length} 条`, body: '报警较多，请到报警中心查看和处理。', link: '/monitoring?tab=alarms', dedupeKey: `alarms:${hour}`, createdAt: now });
    }
  }
  return (await notificationsRepo.insertNotices(db, notices)).length;
}

/** The monitoring module's timers: the silence sweep every minute (after a grace at start), and next months' reading partitions (checked at start and daily). */
export function startMonitoringTimers(db: Db, log: Pick<FastifyBaseLogger, 'warn' | 'info' | 'error'>, o: { startGraceMs?: number } = {}) {
  const sweepFrom = Date.now() + (o.startGraceMs ?? START_GRACE_MS);
  let lastPartitionCheck = 0;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      if (now.getTime() - lastPartitionCheck > 24 * 3600_000) {
        const created = await ensureReadingPartitions(db, now);
        lastPartitionCheck = now.getTime();
        if (created.length) log.info({ partitions: created }, 'reading partitions created');
      }
      const opened = now.getTime() >= sweepFrom ? await sweepSilentStations(db, now) : 0;
      if (opened) log.warn({ stations: opened }, 'silent stations');
      await notifyNewAlarms(db, now);
    } catch (err) {
      log.error({ err }, 'monitoring sweep failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, SWEEP_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
