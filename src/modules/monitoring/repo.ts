import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayLiteral } from '../../db/arrays';
import { alarm, alarmAction, appUser, enterprise, reading, station } from '../../db/schema/index';
import type { RowScope } from '../../domain/access';
import type { AlarmCandidate } from '../../domain/monitoring/model';
import type { ReadingRow } from '../../domain/monitoring/readings';

export type StationRow = typeof station.$inferSelect;
export type AlarmRow = typeof alarm.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows; // both drivers answer { rows }

function stationScope(scope: RowScope): SQL | undefined {
  if ('all' in scope) return undefined;
  if ('regionCode' in scope) return eq(station.regionCode, scope.regionCode);
  if ('enterpriseId' in scope) return eq(station.enterpriseId, scope.enterpriseId);
  return sql`false`;
}

// ---- stations

export async function findStation(db: Db, id: number) {
  const [row] = await db.select().from(station).where(eq(station.id, id));
  return row ?? null;
}

export async function findStationByMn(db: Db, mn: string) {
  const [row] = await db.select({ id: station.id }).from(station).where(eq(station.mn, mn));
  return row ?? null;
}

export async function listStations(db: Db, scope: RowScope, f: { regionCode?: string; enterpriseId?: number; medium?: string; q?: string; ids?: number[] }) {
  return db
    .select({ station, enterpriseName: enterprise.name })
    .from(station)
    .leftJoin(enterprise, eq(enterprise.id, station.enterpriseId))
    .where(
      and(
        stationScope(scope),
        f.regionCode ? eq(station.regionCode, f.regionCode) : undefined,
        f.enterpriseId ? eq(station.enterpriseId, f.enterpriseId) : undefined,
        f.medium ? eq(station.medium, f.medium) : undefined,
        f.q ? or(ilike(station.name, `%${f.q}%`), ilike(station.mn, `%${f.q}%`), ilike(enterprise.name, `%${f.q}%`)) : undefined,
        f.ids ? inArray(station.id, f.ids) : undefined,
      ),
    )
    .orderBy(asc(station.regionCode), asc(station.name));
}

export async function insertStation(db: Db, row: typeof station.$inferInsert) {
  const [saved] = await db.insert(station).values(row).returning();
  return saved!;
}

export async function updateStation(db: Db, id: number, set: Partial<typeof station.$inferInsert>) {
  const [saved] = await db.update(station).set(set).where(eq(station.id, id)).returning();
  return saved!;
}

/** What the gateway directory needs of every active station. */
export async function listStationAuth(db: Db) {
  return db
    .select({
      id: station.id,
      mn: station.mn,
      pwSha256: station.pwSha256,
      sm4KeysSealed: station.sm4KeysSealed,
      edition: station.edition,
      encryption: station.encryption,
      lengthMode: station.lengthMode,
      bareLf: station.bareLf,
      maxConnections: station.maxConnections,
    })
    .from(station)
    .where(eq(station.active, true));
}

/** What storing a batch needs of its stations: limits, reference O2, name. */
export async function listStationRules(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: station.id, name: station.name, factors: station.factors, o2Reference: station.o2Reference }).from(station).where(inArray(station.id, ids));
}

/** Moves each station's last-seen time forward (never back: a late backfill does not make a silent station live). */
export async function touchStations(db: Db, seen: Map<number, Date>) {
  if (!seen.size) return;
  // In id order, so two writers touching the same stations lock them in the same order.
  const ids = [...seen.keys()].sort((a, b) => a - b);
  const times = ids.map((id) => seen.get(id)!.toISOString());
  await db.execute(sql`
    update ${station} s set last_seen_at = greatest(s.last_seen_at, u.at)
    from unnest(${sql.param(ids)}::int[], ${sql.param(times)}::timestamptz[]) as u(id, at)
    where s.id = u.id`);
}

export async function openAlarmCounts(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, number>();
  const rows = await db
    .select({ stationId: alarm.stationId, n: count() })
    .from(alarm)
    .where(and(inArray(alarm.stationId, ids), ne(alarm.status, 'closed')))
    .groupBy(alarm.stationId);
  return new Map(rows.map((r) => [r.stationId, Number(r.n)]));
}

/**
 * The newest real-time or minute value of each registered factor of the stations, timed in [since, until]. One
 * backward index scan per station, kind and factor, stopping at the first match, however long the history.
 */
export async function latestValues(db: Db, ids: number[], since: Date, until: Date) {
  if (!ids.length) return [];
  return rowsOf<{ station_id: number; factor: string; value: number | null; flag: string | null; at: string | Date }>(
    await db.execute(sql`
      select distinct on (r.station_id, r.factor) r.station_id, r.factor, r.value, r.flag, r.at
      from ${station} st
      cross join lateral jsonb_array_elements(st.factors) as f(x)
      cross join (values ('rtd'), ('min')) as k(kind)
      cross join lateral (
        select station_id, factor, value, flag, at from ${reading}
        where station_id = st.id and kind = k.kind and factor = f.x->>'code'
          and at >= ${since.toISOString()}::timestamptz and at <= ${until.toISOString()}::timestamptz
        order by at desc limit 1) as r
      where st.id = any(${sql.param(ids)}::int[])
      order by r.station_id, r.factor, r.at desc`),
  );
}

// ---- readings

// 20 000 rows × 12 columns travel as 12 array parameters (unnest), one statement per chunk; the literals are built
// by arrayLiteral (a batch's rows share their upload's Date objects, each converted once).
const READING_CHUNK = 20_000;

function readingColumns(part: ReadingRow[]) {
  const col = (f: (r: ReadingRow) => string | number | boolean | Date | null) => sql.param(arrayLiteral(part.map(f)));
  return sql`unnest(${col((r) => r.stationId)}::int[], ${col((r) => r.kind)}::text[], ${col((r) => r.factor)}::text[], ${col((r) => r.at)}::timestamptz[],
      ${col((r) => r.value)}::float8[], ${col((r) => r.min)}::float8[], ${col((r) => r.max)}::float8[], ${col((r) => r.cou)}::float8[], ${col((r) => r.zs)}::float8[],
      ${col((r) => r.flag)}::text[], ${col((r) => r.backfill)}::bool[], ${col((r) => r.receivedAt)}::timestamptz[])`;
}

/**
 * Stores readings; a (station, kind, time, factor) already stored is skipped (a re-sent packet). With `keys` it
 * returns which rows were new (for the alarms), else only how many.
 */
export async function insertReadings(db: Db, rows: ReadingRow[], keys: boolean): Promise<{ inserted: number; keys: Set<string> | null }> {
  let inserted = 0;
  const stored = keys ? new Set<string>() : null;
  for (let i = 0; i < rows.length; i += READING_CHUNK) {
    const part = rows.slice(i, i + READING_CHUNK);
    const insert = sql`insert into ${reading} (station_id, kind, factor, at, value, min, max, cou, zs, flag, backfill, received_at)
        select * from ${readingColumns(part)} on conflict do nothing`;
    if (stored) {
      const result = rowsOf<{ k: string }>(await db.execute(sql`${insert} returning station_id || '/' || kind || '/' || factor || '/' || (extract(epoch from at) * 1000)::bigint as k`));
      for (const r of result) stored.add(r.k);
      inserted += result.length;
    } else {
      const result = rowsOf<{ n: number }>(await db.execute(sql`with ins as (${insert} returning 1) select count(*)::int as n from ins`));
      inserted += Number(result[0]!.n);
    }
  }
  return { inserted, keys: stored };
}

export const readingKey = (r: Pick<ReadingRow, 'stationId' | 'kind' | 'factor' | 'at'>) => `${r.stationId}/${r.kind}/${r.factor}/${r.at.getTime()}`;

export type SeriesPoint = { at: Date; avg: number | null; min: number | null; max: number | null; cou: number | null; zs: number | null; flag: string | null; n: number };

/** Raw readings of a factor of one kind in [from, to). */
export async function rawSeries(db: Db, stationId: number, kind: string, factor: string, from: Date, to: Date, limit: number): Promise<SeriesPoint[]> {
  const rows = await db
    .select({ at: reading.at, avg: reading.value, min: reading.min, max: reading.max, cou: reading.cou, zs: reading.zs, flag: reading.flag })
    .from(reading)
    .where(and(eq(reading.stationId, stationId), eq(reading.kind, kind), eq(reading.factor, factor), gte(reading.at, from), lt(reading.at, to)))
    .orderBy(asc(reading.at))
    .limit(limit);
  return rows.map((r) => ({ ...r, n: 1 }));
}

/**
 * Hour or day aggregates of a factor's readings of one kind in [from, to), by Beijing clock hours/days: mean of the
 * values, min of -Min (or of the values), max of -Max, sum of -Cou, mean of Zs; the flag when all readings agree.
 */
export async function aggregateSeries(db: Db, stationId: number, kind: string, factor: string, from: Date, to: Date, unit: 'hour' | 'day'): Promise<SeriesPoint[]> {
  const bucket = sql.raw(unit === 'hour' ? `'hour'` : `'day'`);
  const rows = rowsOf<{ at: string | Date; avg: number | null; min: number | null; max: number | null; cou: number | null; zs: number | null; flag: string | null; n: number }>(
    await db.execute(sql`
      select (date_trunc(${bucket}, at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as at,
        avg(value)::float8 as avg, min(coalesce(min, value))::float8 as min, max(coalesce(max, value))::float8 as max,
        sum(cou)::float8 as cou, avg(zs)::float8 as zs,
        case when count(distinct flag) = 1 and count(flag) = count(*) then min(flag) end as flag, count(*)::int as n
      from ${reading}
      where station_id = ${stationId} and kind = ${kind} and factor = ${factor} and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz
      group by 1 order by 1`),
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at), n: Number(r.n) }));
}

/** Readings of a station's real-time and minute kinds timed in (after, until] (the live stream), oldest first. */
export async function readingsAfter(db: Db, stationId: number, after: Date, until: Date, limit: number) {
  return db
    .select({ kind: reading.kind, factor: reading.factor, at: reading.at, value: reading.value, min: reading.min, max: reading.max, zs: reading.zs, flag: reading.flag })
    .from(reading)
    .where(and(eq(reading.stationId, stationId), inArray(reading.kind, ['rtd', 'min']), gt(reading.at, after), lte(reading.at, until)))
    .orderBy(asc(reading.at), asc(reading.factor))
    .limit(limit);
}

/** The newest real-time or minute reading's time at a station (where the live stream starts). */
export async function latestReadingAt(db: Db, stationId: number, until: Date): Promise<Date | null> {
  // max() per kind, so each is one index look-up.
  const u = until.toISOString();
  const [row] = rowsOf<{ at: string | Date | null }>(
    await db.execute(sql`select greatest((select max(at) from ${reading} where station_id = ${stationId} and kind = 'rtd' and at <= ${u}::timestamptz),
      (select max(at) from ${reading} where station_id = ${stationId} and kind = 'min' and at <= ${u}::timestamptz)) as at`),
  );
  return row?.at ? new Date(row.at) : null;
}

/** The hour records (CN 2061) of stations in [from, to): the completeness input. */
export async function hourFlags(db: Db, ids: number[], from: Date, to: Date) {
  if (!ids.length) return [];
  return rowsOf<{ station_id: number; at: string | Date; flags: Array<string | null> }>(
    await db.execute(sql`
      select station_id, at, array_agg(flag) as flags from ${reading}
      where station_id = any(${sql.param(ids)}::int[]) and kind = 'hour' and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz
      group by station_id, at`),
  ).map((r) => ({ stationId: r.station_id, at: new Date(r.at), flags: r.flags }));
}

/**
 * Monthly (Beijing) means of factors at one station, from its day data, or its hour data where it has no day data
 * (the reduction cross-check). Per factor, the 折算 value where `converted` names it, else the measured one.
 */
export async function monthlyMeans(db: Db, stationId: number, factors: string[], converted: string[]) {
  if (!factors.length) return [];
  return rowsOf<{ factor: string; month: string; mean: number | null; n: number }>(
    await db.execute(sql`
      with k as (select case when exists (select 1 from ${reading} where station_id = ${stationId} and kind = 'day') then 'day' else 'hour' end as kind)
      select factor, to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
        avg(case when factor = any(${sql.param(converted)}::text[]) then zs else value end)::float8 as mean, count(*)::int as n
      from ${reading}, k
      where station_id = ${stationId} and reading.kind = k.kind and factor = any(${sql.param(factors)}::text[])
      group by 1, 2 order by 1, 2`),
  ).map((r) => ({ ...r, n: Number(r.n) }));
}

export async function partitionExists(db: Db, name: string) {
  return rowsOf(await db.execute(sql`select 1 from pg_class where relname = ${name} and relkind = 'r'`)).length > 0;
}

/** Creates one month partition of `reading`; fails when the DEFAULT partition already holds rows of that month. */
export async function createReadingPartition(db: Db, name: string, from: string, to: string) {
  // Identifiers cannot be bound; the name is made from digits by the caller and the bounds are ISO dates.
  await db.execute(sql.raw(`CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF reading FOR VALUES FROM ('${from}') TO ('${to}')`));
}

// ---- alarms

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Opens an alarm for each candidate, or counts another occurrence of the open one of the same (station, kind,
 * factor) (the partial unique index alarm_open). Returns how many were opened.
 */
export async function upsertAlarms(db: Db, unordered: AlarmCandidate[], now: Date): Promise<number> {
  if (!unordered.length) return 0;
  // in key order: concurrent batches repeating the same open alarms then lock their rows in the same order, so
  // one waits for the other's commit instead of the two deadlocking
  const candidates = unordered.toSorted((a, b) => a.stationId - b.stationId || cmp(a.kind, b.kind) || cmp(a.factor ?? '', b.factor ?? ''));
  const col = <T>(f: (c: AlarmCandidate) => T) => sql.param(candidates.map(f));
  const result = rowsOf<{ opened: boolean }>(
    await db.execute(sql`
      insert into ${alarm} (station_id, kind, status, factor, value, "limit", basis, flag, message, first_at, last_at, occurrences, created_at)
      select u.station_id, u.kind, 'new', u.factor, u.value, u.lim, u.basis, u.flag, u.message, u.at, u.at, 1, ${now.toISOString()}::timestamptz
      from unnest(${col((c) => c.stationId)}::int[], ${col((c) => c.kind)}::text[], ${col((c) => c.factor ?? '')}::text[], ${col((c) => c.value)}::float8[],
        ${col((c) => c.limit)}::float8[], ${col((c) => c.basis)}::text[], ${col((c) => c.flag)}::text[], ${col((c) => c.message)}::text[], ${col((c) => c.at)}::timestamptz[])
        as u(station_id, kind, factor, value, lim, basis, flag, message, at)
      on conflict (station_id, kind, factor) where status <> 'closed' do update set
        occurrences = ${alarm}.occurrences + 1,
        last_at = greatest(${alarm}.last_at, excluded.last_at),
        value = case when excluded.last_at >= ${alarm}.last_at then excluded.value else ${alarm}.value end,
        message = case when excluded.last_at >= ${alarm}.last_at then excluded.message else ${alarm}.message end
      returning (xmax = 0) as opened`),
  );
  return result.filter((r) => r.opened).length;
}

export type AlarmFilter = { status?: string; kind?: string; regionCode?: string; enterpriseId?: number; stationId?: number; from?: Date; to?: Date; limit: number };

export async function listAlarms(db: Db, scope: RowScope, f: AlarmFilter, id?: number) {
  return db
    .select({ alarm, stationName: station.name, mn: station.mn, regionCode: station.regionCode, enterpriseId: station.enterpriseId, enterpriseName: enterprise.name })
    .from(alarm)
    .innerJoin(station, eq(station.id, alarm.stationId))
    .leftJoin(enterprise, eq(enterprise.id, station.enterpriseId))
    .where(
      and(
        stationScope(scope),
        id !== undefined ? eq(alarm.id, id) : undefined,
        f.status ? eq(alarm.status, f.status) : undefined,
        f.kind ? eq(alarm.kind, f.kind) : undefined,
        f.regionCode ? eq(station.regionCode, f.regionCode) : undefined,
        f.enterpriseId ? eq(station.enterpriseId, f.enterpriseId) : undefined,
        f.stationId ? eq(alarm.stationId, f.stationId) : undefined,
        f.from ? gte(alarm.lastAt, f.from) : undefined,
        f.to ? lte(alarm.firstAt, f.to) : undefined,
      ),
    )
    .orderBy(desc(alarm.lastAt), desc(alarm.id))
    .limit(f.limit);
}

/** Alarms opened since a time, with where their station is (for the notices), oldest first. */
export async function listAlarmsOpenedSince(db: Db, since: Date) {
  return db
    .select({ id: alarm.id, kind: alarm.kind, message: alarm.message, stationId: alarm.stationId, regionCode: station.regionCode, enterpriseId: station.enterpriseId, createdAt: alarm.createdAt })
    .from(alarm)
    .innerJoin(station, eq(station.id, alarm.stationId))
    .where(gte(alarm.createdAt, since))
    .orderBy(asc(alarm.id));
}

export async function listAlarmActions(db: Db, alarmIds: number[]) {
  if (!alarmIds.length) return [];
  return db
    .select({ alarmId: alarmAction.alarmId, action: alarmAction.action, note: alarmAction.note, actorName: alarmAction.actorName, at: alarmAction.at })
    .from(alarmAction)
    .where(inArray(alarmAction.alarmId, alarmIds))
    .orderBy(asc(alarmAction.id));
}

export async function findAlarmForUpdate(db: Db, id: number) {
  const [row] = await db.select().from(alarm).where(eq(alarm.id, id)).for('update');
  return row ?? null;
}

export async function setAlarmStatus(db: Db, id: number, status: string) {
  const [row] = await db.update(alarm).set({ status }).where(eq(alarm.id, id)).returning();
  return row!;
}

export async function insertAlarmAction(db: Db, row: typeof alarmAction.$inferInsert) {
  await db.insert(alarmAction).values(row);
}

export async function displayName(db: Db, userId: number) {
  const [row] = await db.select({ name: appUser.displayName }).from(appUser).where(eq(appUser.id, userId));
  return row?.name ?? null;
}

/** Active stations heard from at least once (the silence sweep's input). */
export async function listStationsSeen(db: Db) {
  return db
    .select({ id: station.id, name: station.name, lastSeenAt: station.lastSeenAt, rtdIntervalS: station.rtdIntervalS, minIntervalMin: station.minIntervalMin })
    .from(station)
    .where(and(eq(station.active, true), sql`${station.lastSeenAt} is not null`));
}
