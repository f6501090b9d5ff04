import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alarm, auditEvent, reading } from '../../src/db/schema/index';
import type { FactorValues } from '../../src/domain/hj212/model';
import type { IngestRecord } from '../../src/domain/monitoring/model';
import { createStationDirectory, sha256Hex, storeRecords } from '../../src/modules/monitoring/ingest.service';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

/** DataTime (Beijing time) of an instant. */
const dataTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
const factor = (code: string, values: Partial<FactorValues>): FactorValues => ({ code, other: {}, ...values });

describeEachDb('monitoring: registry, storage and alarms', (kind) => {
  let t: TestApp;
  let admin: string;
  let county: string;
  let otherCounty: string;
  let enterpriseUser: string;
  let otherEnterpriseUser: string;
  let enterpriseId: number;
  let airId: number;
  const now = new Date();
  const record = (stationId: number, mn: string, cn: string, at: Date, factors: FactorValues[]): IngestRecord => ({
    stationId,
    mn,
    cn,
    qn: null,
    dataTime: dataTime(at),
    backfill: false,
    factors,
    receivedAt: now.toISOString(),
  });
  const air = {
    mn: `AIR${kind}0001`,
    name: '测试电厂 1# 烟囱',
    regionCode: '360702',
    medium: 'air',
    st: '31',
    outlet: 'DA001',
    o2Reference: 6,
    factors: [
      { code: 'a21002', unit: 'mg/m³', upper: 100, basis: 'converted', source: 'GB 13223-2011 表1' },
      { code: 'a21026', unit: 'mg/m³', upper: 50, basis: 'measured' },
      { code: 'a19001', unit: '%' },
    ],
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const e = await makeEnterprise(db, { regionCode: '360702', name: '测试电厂' });
    enterpriseId = e.id;
    const other = await makeEnterprise(db, { regionCode: '360703', name: '南康某厂' });
    admin = await loginAs(t.app, (await makeUser(db, 'admin')).username);
    county = await loginAs(t.app, (await makeUser(db, 'county', { regionCode: '360702' })).username);
    otherCounty = await loginAs(t.app, (await makeUser(db, 'county', { regionCode: '360703' })).username);
    enterpriseUser = await loginAs(t.app, (await makeUser(db, 'enterprise', { enterpriseId })).username);
    otherEnterpriseUser = await loginAs(t.app, (await makeUser(db, 'enterprise', { enterpriseId: other.id })).username);
  });
  afterAll(() => t.close());

  it('registers a station within the county, scoped for reading, secrets write-only', async () => {
    const res = await t.app.inject(as(county, { method: 'POST', url: '/api/monitoring/stations', payload: { ...air, enterpriseId } }));
    expect(res.statusCode, res.body).toBe(201);
    airId = res.json().id;
    expect(res.json()).toMatchObject({ mn: air.mn, enterpriseName: '测试电厂', hasPw: false, sm4KeyCount: 0, silent: false, openAlarms: 0, latest: [] });

    const foreign = await t.app.inject(as(otherCounty, { method: 'POST', url: '/api/monitoring/stations', payload: { ...air, mn: 'X1' } }));
    expect(foreign.statusCode).toBe(403);
    expect((await t.app.inject(as(otherCounty, { method: 'GET', url: `/api/monitoring/stations/${airId}` }))).statusCode).toBe(404);
    expect((await t.app.inject(as(otherCounty, { method: 'GET', url: '/api/monitoring/stations' }))).json()).toEqual([]);
    expect((await t.app.inject(as(otherEnterpriseUser, { method: 'GET', url: `/api/monitoring/stations/${airId}` }))).statusCode).toBe(404);
    expect((await t.app.inject(as(enterpriseUser, { method: 'GET', url: '/api/monitoring/stations' }))).json().map((s: { id: number }) => s.id)).toEqual([airId]);
    expect((await t.app.inject(as(enterpriseUser, { method: 'PUT', url: `/api/monitoring/stations/${airId}/secrets`, payload: { pw: 'x' } }))).statusCode).toBe(403);

    const dup = await t.app.inject(as(admin, { method: 'POST', url: '/api/monitoring/stations', payload: air }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors?.[0]?.field ?? dup.json().detail).toMatch(/mn|MN/);

    const secrets = await t.app.inject(as(county, { method: 'PUT', url: `/api/monitoring/stations/${airId}/secrets`, payload: { pw: '123456', sm4Keys: ['1234567890abcdef'] } }));
    expect(secrets.statusCode, secrets.body).toBe(200);
    expect(secrets.json()).toMatchObject({ hasPw: true, sm4KeyCount: 1 });
    expect(secrets.body).not.toContain('123456');
    expect(secrets.body).not.toContain(sha256Hex('123456'));

    const dir = createStationDirectory(t.database.db);
    const auth = await dir.lookup(air.mn);
    expect(auth).toMatchObject({ stationId: airId, mn: air.mn, pwSha256: sha256Hex('123456'), maxConnections: 1 });
    expect(Buffer.from(auth!.profile.keys[0]!).toString('latin1')).toBe('1234567890abcdef');
    expect(await dir.lookup('NOSUCHMN')).toBeNull();
    // Within refreshMs the directory answers from memory; invalidate() makes the next lookup reload.
    await t.app.inject(as(county, { method: 'PUT', url: `/api/monitoring/stations/${airId}/secrets`, payload: { pw: '654321' } }));
    expect((await dir.lookup(air.mn))!.pwSha256).toBe(sha256Hex('123456'));
    dir.invalidate();
    expect((await dir.lookup(air.mn))!.pwSha256).toBe(sha256Hex('654321'));
    expect((await createStationDirectory(t.database.db, { refreshMs: 0 }).lookup(air.mn))!.pwSha256).toBe(sha256Hex('654321'));

    // Every change is audited, the secrets never.
    const audit = await t.database.db.select().from(auditEvent).where(eq(auditEvent.entity, 'station'));
    expect(audit.map((e) => e.action)).toEqual(['createStation', 'setStationSecrets', 'setStationSecrets']);
    const trail = JSON.stringify(audit);
    for (const secret of ['123456', '654321', '1234567890abcdef', sha256Hex('123456')]) expect(trail).not.toContain(secret);
  });

  it('rejects bad input naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...air, mn: 'B1', regionCode: '999999' }, 'regionCode'],
      [{ ...air, mn: 'B2', enterpriseId: 99999999 }, 'enterpriseId'],
      [{ ...air, mn: 'B3', factors: [air.factors[0], air.factors[0]] }, 'factors.1.code'],
      [{ ...air, mn: 'B4', st: 'x' }, 'st'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject(as(admin, { method: 'POST', url: '/api/monitoring/stations', payload: payload as object }));
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json()), res.body).toContain(field);
    }
    const other = await makeEnterprise(t.database.db, { regionCode: '360703' });
    const mismatch = await t.app.inject(as(admin, { method: 'POST', url: '/api/monitoring/stations', payload: { ...air, mn: 'B5', enterpriseId: other.id } }));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().detail).toContain('360703');
  });

  it('stores a packet once, and opens alarms on the measured or the 折算 value as the limit says', async () => {
    const db = t.database.db;
    const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 10 * 60_000);
    // NOx 80 mg/m³ measured at O2 15 %: 折算 to 6 % = 80·15/6 = 200 > 100 (converted basis) → exceedance.
    // SO2 40 measured ≤ 50 (measured basis) → none.
    const packet = record(airId, air.mn, '2051', at, [
      factor('a21002', { avg: '80.0', flag: 'N' }),
      factor('a21026', { avg: '40', flag: 'N' }),
      factor('a19001', { avg: '15', flag: 'N' }),
    ]);
    expect(await storeRecords(db, [packet], now)).toEqual({ stored: 3, duplicates: 0, alarms: 1 });
    expect(await storeRecords(db, [packet, packet], now)).toEqual({ stored: 0, duplicates: 6, alarms: 0 });
    const rows = await db.select().from(reading).where(eq(reading.stationId, airId));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.factor === 'a21002')).toMatchObject({ kind: 'min', value: 80, zs: 200, at });
    const alarms = await db.select().from(alarm).where(eq(alarm.stationId, airId));
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: 'exceedance', factor: 'a21002', value: 200, limit: 100, basis: 'converted', status: 'new', occurrences: 1 });

    // SO2 60 > 50 on the measured basis; NOx 折算 sent by the station (-ZsAvg 90) is used as sent: no alarm.
    const later = new Date(at.getTime() + 60_000);
    const second = record(airId, air.mn, '2051', later, [factor('a21002', { avg: '80', zsAvg: '90' }), factor('a21026', { avg: '60' }), factor('a19001', { avg: '15' })]);
    expect(await storeRecords(db, [second], now)).toMatchObject({ stored: 3, alarms: 1 });
    const so2 = await db.select().from(alarm).where(and(eq(alarm.stationId, airId), eq(alarm.factor, 'a21026')));
    expect(so2[0]).toMatchObject({ kind: 'exceedance', value: 60, limit: 50, basis: 'measured' });
    // The NOx alarm is still open: a repeat counts an occurrence instead of a new alarm.
    const third = record(airId, air.mn, '2051', new Date(at.getTime() + 120_000), [factor('a21002', { avg: '90' }), factor('a19001', { avg: '15' })]);
    expect(await storeRecords(db, [third], now)).toMatchObject({ stored: 2, alarms: 0 });
    const [nox] = await db.select().from(alarm).where(and(eq(alarm.stationId, airId), eq(alarm.factor, 'a21002')));
    expect(nox).toMatchObject({ occurrences: 2, value: 225 });
    // The list shows each registered factor's newest value, whichever packet carried it.
    const out = (await t.app.inject(as(enterpriseUser, { method: 'GET', url: `/api/monitoring/stations/${airId}` }))).json();
    expect(out.latest.map((l: { code: string; value: number }) => [l.code, l.value])).toEqual([['a19001', 15], ['a21002', 90], ['a21026', 60]]);
    expect(out).toMatchObject({ openAlarms: 2, silent: false });
    expect(out.lastSeenAt).toBe(now.toISOString());
  });

  it('opens flag and hour-average alarms; drops values that are not decimals', async () => {
    const db = t.database.db;
    const hour = new Date(Math.floor(now.getTime() / 3600_000) * 3600_000 - 3600_000);
    const r = await storeRecords(db, [record(airId, air.mn, '2061', hour, [factor('a21026', { avg: '55', flag: 'N' }), factor('a21002', { avg: 'abc', flag: 'D' })])], now);
    expect(r).toMatchObject({ stored: 2, alarms: 2 });
    const rows = await db.select().from(alarm).where(eq(alarm.stationId, airId));
    expect(rows.find((a) => a.kind === 'hour-average')).toMatchObject({ factor: 'a21026', value: 55, limit: 50 });
    expect(rows.find((a) => a.kind === 'flag')).toMatchObject({ factor: 'a21002', flag: 'D' });
    const [bad] = await db.select().from(reading).where(and(eq(reading.stationId, airId), eq(reading.kind, 'hour'), eq(reading.factor, 'a21002')));
    expect(bad).toMatchObject({ value: null, flag: 'D' });
    // A record of a station no longer registered, or a CN that is not a data upload, stores nothing.
    expect(await storeRecords(db, [record(999999, 'X', '2051', hour, [factor('a21026', { avg: '1' })]), record(airId, air.mn, '2021', hour, [factor('a21026', { avg: '1' })])], now)).toEqual({ stored: 0, duplicates: 0, alarms: 0 });
    const [{ n }] = (await db.select({ n: count() }).from(reading)) as [{ n: number }];
    expect(Number(n)).toBe(3 + 3 + 2 + 2);
  });
});
