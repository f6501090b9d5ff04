import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { energyReport, enterprise, meter, meterHour, meterReading, meterRejection } from '../../db/schema/index';

// One statement binds at most 65 535 values; 4 000 rows × ≤ 10 columns stays well under.
const CHUNK = 4000;
const chunks = <T>(rows: T[], size = CHUNK) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export async function findEnterprisesByUscc(db: Db, usccs: string[]) {
  if (!usccs.length) return [];
  return db.select({ id: enterprise.id, uscc: enterprise.uscc, regionCode: enterprise.regionCode }).from(enterprise).where(inArray(enterprise.uscc, usccs));
}

export async function findEnterprise(db: Db, id: number) {
  const [row] = await db.select({ id: enterprise.id, uscc: enterprise.uscc, name: enterprise.name, regionCode: enterprise.regionCode }).from(enterprise).where(eq(enterprise.id, id));
  return row ?? null;
}

/** The meters of the enterprises, each with its last accepted reading (the ingestion state after a restart; the meters page). */
export async function listMeterStates(db: Db, enterpriseIds: number[]) {
  if (!enterpriseIds.length) return [];
  const last = db
    .selectDistinctOn([meterReading.meterId], { meterId: meterReading.meterId, ts: meterReading.ts, value: meterReading.value })
    .from(meterReading)
    .innerJoin(meter, eq(meter.id, meterReading.meterId))
    .where(inArray(meter.enterpriseId, enterpriseIds))
    .orderBy(meterReading.meterId, desc(meterReading.ts))
    .as('last');
  return db
    .select({ id: meter.id, enterpriseId: meter.enterpriseId, code: meter.code, unit: meter.unit, carrier: meter.carrier, createdAt: meter.createdAt, lastTs: last.ts, lastValue: last.value })
    .from(meter)
    .leftJoin(last, eq(last.meterId, meter.id))
    .where(inArray(meter.enterpriseId, enterpriseIds))
    .orderBy(asc(meter.code));
}

/** Registers meters on their first reading; a concurrent registration of the same code wins and is returned. */
export async function ensureMeters(db: Db, rows: Array<typeof meter.$inferInsert>) {
  if (!rows.length) return [];
  for (const part of chunks(rows)) await db.insert(meter).values(part).onConflictDoNothing();
  const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId))];
  const codes = [...new Set(rows.map((r) => r.code))];
  const found = await db.select().from(meter).where(and(inArray(meter.enterpriseId, enterpriseIds), inArray(meter.code, codes)));
  const wanted = new Set(rows.map((r) => `${r.enterpriseId}/${r.code}`));
  return found.filter((m) => wanted.has(`${m.enterpriseId}/${m.code}`));
}

export async function setMeterCarrier(db: Db, id: number, carrier: string) {
  await db.update(meter).set({ carrier }).where(eq(meter.id, id));
}

type NewReading = typeof meterReading.$inferInsert;
type HourUse = typeof meterHour.$inferInsert;
const iso = (d: Date | undefined) => (d ?? new Date(0)).toISOString();

/**
 * Stores readings; a (meter, time) already stored is skipped. Returns how many rows were new. Each column travels
 * as one array parameter and unnest() turns them back into rows (far cheaper than thousands of bound VALUES).
 */
export async function insertReadings(db: Db, rows: NewReading[]): Promise<number> {
  let inserted = 0;
  for (const part of chunks(rows, 20_000)) {
    const col = <T>(f: (r: NewReading) => T) => sql.param(part.map(f));
    const result = await db.execute<{ n: number }>(sql`
      with ins as (
        insert into ${meterReading} (meter_id, ts, value, delta, is_after_gap, received_at)
        select * from unnest(${col((r) => r.meterId)}::int[], ${col((r) => iso(r.ts))}::timestamptz[], ${col((r) => r.value)}::numeric[],
          ${col((r) => r.delta ?? null)}::numeric[], ${col((r) => r.isAfterGap ?? false)}::bool[], ${col((r) => iso(r.receivedAt))}::timestamptz[])
        on conflict do nothing
        returning 1)
      select count(*)::int as n from ins`);
    inserted += Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n); // both drivers answer { rows }
  }
  return inserted;
}

/** Adds use to the hourly totals. */
export async function addToHours(db: Db, rows: HourUse[]) {
  for (const part of chunks(rows, 20_000)) {
    const col = <T>(f: (r: HourUse) => T) => sql.param(part.map(f));
    await db.execute(sql`
      insert into ${meterHour} (meter_id, hour, quantity, readings)
      select * from unnest(${col((r) => r.meterId)}::int[], ${col((r) => iso(r.hour))}::timestamptz[], ${col((r) => r.quantity)}::numeric[], ${col((r) => r.readings)}::int[])
      on conflict (meter_id, hour) do update set quantity = ${meterHour.quantity} + excluded.quantity, readings = ${meterHour.readings} + excluded.readings`);
  }
}

export async function insertRejections(db: Db, rows: Array<typeof meterRejection.$inferInsert>) {
  for (const part of chunks(rows)) await db.insert(meterRejection).values(part).onConflictDoNothing();
}

/** Which of these times a meter already holds (a redelivered reading older than the latest is no error). */
export async function storedTimes(db: Db, meterId: number, times: Date[]): Promise<Set<number>> {
  if (!times.length) return new Set();
  const rows = await db.select({ ts: meterReading.ts }).from(meterReading).where(and(eq(meterReading.meterId, meterId), inArray(meterReading.ts, times)));
  return new Set(rows.map((r) => r.ts.getTime()));
}


export async function findMeter(db: Db, id: number) {
  const [row] = await db
    .select({ id: meter.id, code: meter.code, unit: meter.unit, carrier: meter.carrier, enterpriseId: meter.enterpriseId, regionCode: enterprise.regionCode })
    .from(meter)
    .innerJoin(enterprise, eq(enterprise.id, meter.enterpriseId))
    .where(eq(meter.id, id));
  return row ?? null;
}

export type Granularity = 'hour' | 'day' | 'month';

/** A meter's use per hour, day or month (China Standard Time), in [from, to). */
export async function meterSeries(db: Db, meterId: number, granularity: Granularity, from: Date, to: Date) {
  // The bucket is computed in Asia/Shanghai so a day is a Chinese calendar day. The unit is spliced (not bound) so the
  // select and group by hold the same expression; it comes from this fixed map, never from input.
  const unit = sql.raw({ hour: "'hour'", day: "'day'", month: "'month'" }[granularity]);
  const bucket = sql<Date>`(date_trunc(${unit}, ${meterHour.hour} at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
  return db
    .select({ period: bucket.mapWith((v: string | Date) => new Date(v)), quantity: sql<number>`sum(${meterHour.quantity})`.mapWith(Number), hours: sql<number>`count(*)`.mapWith(Number), readings: sql<number>`sum(${meterHour.readings})`.mapWith(Number) })
    .from(meterHour)
    .where(and(eq(meterHour.meterId, meterId), gte(meterHour.hour, from), lt(meterHour.hour, to)))
    .groupBy(bucket)
    .orderBy(bucket);
}

export async function listRejections(db: Db, limit: number, reason?: string) {
  return db
    .select()
    .from(meterRejection)
    .where(reason ? eq(meterRejection.reason, reason) : undefined)
    .orderBy(desc(meterRejection.id))
    .limit(limit);
}

/** Metered use of an enterprise in [from, to) per carrier and unit, with the hours that hold data. */
export async function meteredTotals(db: Db, enterpriseId: number, from: Date, to: Date) {
  return db
    .select({
      meterId: meter.id,
      carrier: meter.carrier,
      unit: meter.unit,
      quantity: sql<number>`coalesce(sum(${meterHour.quantity}), 0)`.mapWith(Number),
      hoursWithData: sql<number>`count(${meterHour.hour}) filter (where ${meterHour.readings} > 0)`.mapWith(Number),
    })
    .from(meter)
    .leftJoin(meterHour, and(eq(meterHour.meterId, meter.id), gte(meterHour.hour, from), lt(meterHour.hour, to)))
    .where(eq(meter.enterpriseId, enterpriseId))
    .groupBy(meter.id, meter.carrier, meter.unit);
}

/** The enterprise's current annual report for the year (its newest revision that is not superseded). */
export async function currentReport(db: Db, enterpriseId: number, year: number) {
  const [row] = await db
    .select({ id: energyReport.id, revision: energyReport.revision, status: energyReport.status, lines: energyReport.lines })
    .from(energyReport)
    .where(and(eq(energyReport.enterpriseId, enterpriseId), eq(energyReport.year, year), ne(energyReport.status, 'superseded')))
    .orderBy(desc(energyReport.revision))
    .limit(1);
  return row ?? null;
}
