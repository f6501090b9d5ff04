import { type Actor, canReadEnterprise, canWriteRegion, enterpriseScopeOf } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { isSilent } from '../../domain/monitoring/alarms';
import type { Db } from '../../db/client';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { referenceAt } from '../reference/service';
import { sha256Hex } from './ingest.service';
import * as repo from './repo';
import type { StationBody, StationOut, StationQuery } from './schemas';
import { seal } from './secrets';
import type { z } from 'zod';

// The list shows values of the last day; older ones say nothing of the station's state now.
const LATEST_WINDOW_MS = 24 * 3600_000;
// A station clock running ahead by more than this does not make its readings the latest.
const CLOCK_AHEAD_MS = 5 * 60_000;

/** A station's scope is its enterprise's (or, without one, its county's): the same rule as enterprises. */
export const stationScope = (s: { enterpriseId: number | null; regionCode: string }) => ({ id: s.enterpriseId ?? -1, regionCode: s.regionCode });
export const canReadStation = (actor: Actor, s: { enterpriseId: number | null; regionCode: string }) => canReadEnterprise(actor, stationScope(s));

/** One station within the actor's scope; another scope's answers 404 so its existence does not leak. */
export async function stationFor(ctx: Pick<Ctx, 'db' | 'actor'>, id: number) {
  const s = await repo.findStation(ctx.db, id);
  if (!s || !canReadStation(ctx.actor, s)) throw new AppError('not-found', `监测站点 ${id} 不存在`);
  return s;
}

/** Secrets stay out of every answer and audit record. */
function withoutSecrets(s: repo.StationRow) {
  const { pwSha256, sm4KeysSealed, ...rest } = s;
  return { ...rest, hasPw: pwSha256 !== null };
}

async function stationsOut(db: Db, rows: Array<{ station: repo.StationRow; enterpriseName: string | null }>, now: Date): Promise<StationOut[]> {
  const ids = rows.map((r) => r.station.id);
  const [rules, open, latest] = await Promise.all([
    referenceAt(db, 'monitoring-rules', now.toISOString().slice(0, 10)),
    repo.openAlarmCounts(db, ids),
    repo.latestValues(db, ids, new Date(now.getTime() - LATEST_WINDOW_MS), new Date(now.getTime() + CLOCK_AHEAD_MS)),
  ]);
  const latestBy = new Map<number, StationOut['latest']>();
  for (const l of latest) {
    const list = latestBy.get(l.station_id) ?? [];
    list.push({ code: l.factor, value: l.value, flag: l.flag, at: new Date(l.at) });
    latestBy.set(l.station_id, list);
  }
  return rows.map(({ station: s, enterpriseName }) => ({
    id: s.id,
    mn: s.mn,
    name: s.name,
    enterpriseId: s.enterpriseId,
    enterpriseName,
    regionCode: s.regionCode,
    medium: s.medium as StationOut['medium'],
    st: s.st,
    outlet: s.outlet,
    longitude: s.longitude,
    latitude: s.latitude,
    factors: s.factors,
    o2Reference: s.o2Reference,
    rtdIntervalS: s.rtdIntervalS,
    minIntervalMin: s.minIntervalMin,
    edition: s.edition as StationOut['edition'],
    encryption: s.encryption as StationOut['encryption'],
    lengthMode: s.lengthMode as StationOut['lengthMode'],
    bareLf: s.bareLf,
    maxConnections: s.maxConnections,
    active: s.active,
    hasPw: s.pwSha256 !== null,
    sm4KeyCount: s.sm4KeyCount,
    lastSeenAt: s.lastSeenAt,
    silent: s.active && isSilent(s.lastSeenAt, s, now, rules.value),
    openAlarms: open.get(s.id) ?? 0,
    latest: latestBy.get(s.id) ?? [],
    updatedAt: s.updatedAt,
  }));
}

export async function listStations(ctx: Ctx, q: z.infer<typeof StationQuery>): Promise<StationOut[]> {
  return stationsOut(ctx.db, await repo.listStations(ctx.db, enterpriseScopeOf(ctx.actor), q), ctx.now);
}

export async function getStation(ctx: Ctx, id: number): Promise<StationOut> {
  await stationFor(ctx, id);
  return (await stationsOut(ctx.db, await repo.listStations(ctx.db, { all: true }, { ids: [id] }), ctx.now))[0]!;
}

/** The region must exist, the enterprise too and lie in that region, the factor codes be unique. */
async function validateStation(tx: Db, body: StationBody) {
  if (!(await orgRepo.findRegion(tx, body.regionCode))) throw new AppError('validation', `行政区划代码 ${body.regionCode} 不存在`, { pointer: '#/regionCode', field: 'regionCode' });
  if (body.enterpriseId !== null) {
    const e = await orgRepo.findEnterprise(tx, { id: body.enterpriseId });
    if (!e) throw new AppError('validation', `企业 ${body.enterpriseId} 不存在`, { pointer: '#/enterpriseId', field: 'enterpriseId' });
    if (e.regionCode !== body.regionCode) throw new AppError('validation', `企业 ${e.name} 位于 ${e.regionCode}，与站点所在地区 ${body.regionCode} 不符`, { pointer: '#/regionCode', field: 'regionCode' });
  }
  const codes = new Set<string>();
  body.factors.forEach((f, i) => {
    if (codes.has(f.code)) throw new AppError('validation', `监测因子 ${f.code} 重复`, { pointer: `#/factors/${i}/code`, field: `factors.${i}.code` });
    codes.add(f.code);
    if (f.upper !== null && f.lower !== null && f.lower > f.upper) throw new AppError('validation', `监测因子 ${f.code} 的下限 ${f.lower} 大于上限 ${f.upper}`, { pointer: `#/factors/${i}/lower`, field: `factors.${i}.lower` });
  });
}

/** 登记站点: the city, or the county for its own region. */
export async function createStation(ctx: Ctx, body: StationBody): Promise<StationOut> {
  if (!canWriteRegion(ctx.actor, body.regionCode)) throw new AppError('forbidden', `无权在 ${body.regionCode} 登记监测站点`, { pointer: '#/regionCode', field: 'regionCode' });
  const id = await ctx.db.transaction(async (tx) => {
    await validateStation(tx, body);
    if (await repo.findStationByMn(tx, body.mn)) throw new AppError('conflict', `MN ${body.mn} 已登记`, { pointer: '#/mn', field: 'mn' });
    const row = await repo.insertStation(tx, { ...body, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createStation', entity: 'station', entityId: row.id, after: withoutSecrets(row) });
    return row.id;
  });
  return getStation(ctx, id);
}

export async function updateStation(ctx: Ctx, id: number, body: StationBody): Promise<StationOut> {
  await ctx.db.transaction(async (tx) => {
    const before = await stationFor({ db: tx, actor: ctx.actor }, id);
    if (!canWriteRegion(ctx.actor, before.regionCode)) throw new AppError('forbidden', `无权修改监测站点 ${before.name}`);
    if (!canWriteRegion(ctx.actor, body.regionCode)) throw new AppError('forbidden', `无权把监测站点迁至 ${body.regionCode}`, { pointer: '#/regionCode', field: 'regionCode' });
    await validateStation(tx, body);
    const other = await repo.findStationByMn(tx, body.mn);
    if (other && other.id !== id) throw new AppError('conflict', `MN ${body.mn} 已登记`, { pointer: '#/mn', field: 'mn' });
    const after = await repo.updateStation(tx, id, { ...body, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'updateStation', entity: 'station', entityId: id, before: withoutSecrets(before), after: withoutSecrets(after) });
  });
  return getStation(ctx, id);
}

/**
 * Sets the PW (kept as SHA-256 only) and the SM4 keys (sealed with AES-256-GCM, secrets.ts). An absent field is left
 * as it is; an empty key list removes the keys. Neither is ever returned; the audit records only that they changed.
 */
export async function setStationSecrets(ctx: Ctx, id: number, body: { pw?: string; sm4Keys?: string[] }): Promise<StationOut> {
  await ctx.db.transaction(async (tx) => {
    const before = await stationFor({ db: tx, actor: ctx.actor }, id);
    if (!canWriteRegion(ctx.actor, before.regionCode)) throw new AppError('forbidden', `无权修改监测站点 ${before.name} 的密码和密钥`);
    const set: Partial<repo.StationRow> = { updatedAt: ctx.now };
    if (body.pw !== undefined) set.pwSha256 = sha256Hex(body.pw);
    if (body.sm4Keys !== undefined) {
      set.sm4KeysSealed = body.sm4Keys.length ? seal(JSON.stringify(body.sm4Keys)) : null;
      set.sm4KeyCount = body.sm4Keys.length;
    }
    await repo.updateStation(tx, id, set);
    await recordAudit(tx, ctx, {
      action: 'setStationSecrets',
      entity: 'station',
      entityId: id,
      after: { pwChanged: body.pw !== undefined, sm4KeyCount: set.sm4KeyCount ?? before.sm4KeyCount },
    });
  });
  return getStation(ctx, id);
}
