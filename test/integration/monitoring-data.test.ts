import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { alarm, station } from '../../src/db/schema/index';
import type { FactorValues } from '../../src/domain/hj212/model';
import type { IngestRecord } from '../../src/domain/monitoring/model';
import { notifyNewAlarms, sweepSilentStations } from '../../src/modules/monitoring/alarms.service';
import { createRecordStore, storeRecords } from '../../src/modules/monitoring/ingest.service';
import { ensureReadingPartitions } from '../../src/modules/monitoring/readings.service';
import { LiveReading } from '../../src/modules/monitoring/schemas';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const dataTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
const factor = (code: string, values: Partial<FactorValues>): FactorValues => ({ code, other: {}, ...values });
const H = 3600_000;

describeEachDb('monitoring: alarms, series, live data, completeness', (kind) => {
  let t: TestApp;
  let admin: string;
  let county: string;
  let otherCounty: string;
  let enterpriseUser: string;
  let stationId: number;
  const now = new Date();
  const mn = `WAT${kind}0001`;
  const record = (cn: string, at: Date, factors: FactorValues[]): IngestRecord => ({ stationId, mn, cn, qn: null, dataTime: dataTime(at), backfill: false, factors, receivedAt: now.toISOString() });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const e = await makeEnterprise(db, { regionCode: '360702', name: '测试污水厂' });
    admin = await loginAs(t.app, (await makeUser(db, 'admin')).username);
    county = await loginAs(t.app, (await makeUser(db, 'county', { regionCode: '360702' })).username);
    otherCounty = await loginAs(t.app, (await makeUser(db, 'county', { regionCode: '360703' })).username);
    enterpriseUser = await loginAs(t.app, (await makeUser(db, 'enterprise', { enterpriseId: e.id, displayName: '污水厂值班员' })).username);
    const res = await t.app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/monitoring/stations',
        payload: {
          mn,
          name: '测试污水厂总排口',
          enterpriseId: e.id,
          regionCode: '360702',
          medium: 'water',
          st: '32',
          outlet: 'DW001',
          minIntervalMin: 10,
          factors: [
            { code: 'w01018', unit: 'mg/L', upper: 50 },
            { code: 'w01001', unit: '', upper: 9, lower: 6 },
          ],
        },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    stationId = res.json().id;
  });
  afterAll(() => t.close());

  it('runs the alarm workflow with notes, within scope, with its history', async () => {
    const at = new Date(now.getTime() - 5 * 60_000);
    expect(await storeRecords(t.database.db, [record('2051', at, [factor('w01018', { avg: '62.5', flag: 'N' }), factor('w01001', { avg: '5.2', flag: 'N' })])], now)).toMatchObject({ alarms: 2 });
    const list = await t.app.inject(as(enterpriseUser, { method: 'GET', url: `/api/monitoring/alarms?stationId=${stationId}&status=new` }));
    expect(list.statusCode, list.body).toBe(200);
    const alarms = list.json() as Array<{ id: number; factor: string; message: string; value: number; limit: number }>;
    expect(alarms.map((a) => a.factor).sort()).toEqual(['w01001', 'w01018']);
    const cod = alarms.find((a) => a.factor === 'w01018')!;
    expect(cod).toMatchObject({ value: 62.5, limit: 50, kind: 'exceedance', mn, stationName: '测试污水厂总排口', enterpriseName: '测试污水厂' });
    expect(cod.message).toContain('超过上限 50');
    expect(alarms.find((a) => a.factor === 'w01001')!.message).toContain('低于下限 6');
    expect((await t.app.inject(as(otherCounty, { method: 'GET', url: '/api/monitoring/alarms' }))).json()).toEqual([]);

    const act = (cookie: string, body: object) => t.app.inject(as(cookie, { method: 'POST', url: `/api/monitoring/alarms/${cod.id}/actions`, payload: body }));
    expect((await act(otherCounty, { action: 'acknowledge' })).statusCode).toBe(404);
    expect((await act(enterpriseUser, { action: 'handle', note: '已处理' })).statusCode).toBe(409);
    expect((await act(enterpriseUser, { action: 'acknowledge' })).json()).toMatchObject({ status: 'acknowledged' });
    const noNote = await act(enterpriseUser, { action: 'handle', note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(JSON.stringify(noNote.json())).toContain('note');
    expect((await act(enterpriseUser, { action: 'handle', note: '更换曝气头，出水恢复' })).json()).toMatchObject({ status: 'handled' });
    const closed = await act(county, { action: 'close', note: '现场核实' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().history.map((h: { action: string; note: string | null; actorName: string }) => [h.action, h.note, h.actorName])).toEqual([
      ['acknowledge', null, '污水厂值班员'],
      ['handle', '更换曝气头，出水恢复', '污水厂值班员'],
      ['close', '现场核实', '测试county'],
    ]);
    expect((await act(county, { action: 'close', note: '再关' })).statusCode).toBe(409);
    expect((await t.app.inject(as(admin, { method: 'GET', url: `/api/monitoring/alarms?status=closed&stationId=${stationId}` }))).json()).toHaveLength(1);

    // A closed alarm does not swallow a new exceedance: it opens a fresh one.
    expect(await storeRecords(t.database.db, [record('2051', new Date(at.getTime() + 60_000), [factor('w01018', { avg: '70' })])], now)).toMatchObject({ alarms: 1 });
  });

  it('tells the enterprise and its county of new alarms in the bell, once, and not another county', async () => {
    const bell = async (cookie: string) => (await t.app.inject(as(cookie, { method: 'GET', url: '/api/notifications' }))).json() as { notices: Array<{ kind: string; title: string; link: string }> };
    expect(await notifyNewAlarms(t.database.db, new Date())).toBeGreaterThan(0);
    expect(await notifyNewAlarms(t.database.db, new Date())).toBe(0); // the next minute's run finds nothing new
    for (const cookie of [enterpriseUser, county]) {
      const alarmNotices = (await bell(cookie)).notices.filter((n) => n.kind === 'alarm');
      expect(alarmNotices.length).toBeGreaterThanOrEqual(3); // the three alarms the test above opened
      expect(alarmNotices[0]).toMatchObject({ link: '/monitoring?tab=alarms' });
      expect(alarmNotices.some((n) => n.title.includes('测试污水厂总排口 w01018'))).toBe(true);
    }
    expect((await bell(otherCounty)).notices.filter((n) => n.kind === 'alarm')).toEqual([]);
  });

  it('sweeps silent stations once, counting repeats', async () => {
    const db = t.database.db;
    // minIntervalMin 10 × silenceFactor 3 = 30 minutes.
    await db.update(station).set({ lastSeenAt: new Date(now.getTime() - 29 * 60_000) }).where(eq(station.id, stationId));
    expect(await sweepSilentStations(db, now)).toBe(0);
    await db.update(station).set({ lastSeenAt: new Date(now.getTime() - 31 * 60_000) }).where(eq(station.id, stationId));
    expect(await sweepSilentStations(db, now)).toBe(1);
    expect(await sweepSilentStations(db, new Date(now.getTime() + 60_000))).toBe(0);
    const [silent] = await db.select().from(alarm).where(eq(alarm.kind, 'silence'));
    expect(silent).toMatchObject({ stationId, factor: '', occurrences: 2, limit: 30 });
    // The message follows the latest sweep.
    expect(silent!.message).toContain('32 分钟无数据（超过 30 分钟）');
    const out = await t.app.inject(as(county, { method: 'GET', url: `/api/monitoring/stations/${stationId}` }));
    expect(out.json()).toMatchObject({ silent: true });
    expect(out.json().openAlarms).toBeGreaterThanOrEqual(2);
  });

  it("writes stations' last-seen times on the store's flush, outside the batch, and never back", async () => {
    const db = t.database.db;
    const store = createRecordStore(db, { flushMs: 3_600_000 });
    try {
      const seenAt = async () => (await db.select({ at: station.lastSeenAt }).from(station).where(eq(station.id, stationId)))[0]!.at;
      const later = new Date(now.getTime() + 5 * 60_000);
      await db.update(station).set({ lastSeenAt: later }).where(eq(station.id, stationId));
      const at = new Date(Date.UTC(2025, 6, 1, 2));
      const fresh = { ...record('2051', at, [factor('w01018', { avg: '5' })]), receivedAt: new Date(now.getTime() + 10 * 60_000).toISOString() };
      expect(await store.store([fresh], now)).toMatchObject({ stored: 1 });
      expect(await seenAt()).toEqual(later); // not yet: the batch's transaction leaves the station row alone
      await store.flush();
      expect(await seenAt()).toEqual(new Date(fresh.receivedAt));
      // an older upload arriving late does not move it back
      await store.store([{ ...record('2051', new Date(at.getTime() + 60_000), [factor('w01018', { avg: '6' })]), receivedAt: now.toISOString() }], now);
      await store.flush();
      expect(await seenAt()).toEqual(new Date(fresh.receivedAt));
    } finally {
      await store.close();
    }
  });

  it('serves raw series and Beijing hour and day aggregates', async () => {
    // Two Beijing hours on a day in the past: 10:00 (values 10, 20) and 11:00 (30); cou summed.
    const day = new Date(Date.UTC(2025, 5, 10, 2, 0)); // 2025-06-10 10:00 Beijing
    const rows = [
      record('2051', day, [factor('w01018', { avg: '10', min: '8', max: '12', cou: '1.5' })]),
      record('2051', new Date(day.getTime() + 30 * 60_000), [factor('w01018', { avg: '20', min: '18', max: '25', cou: '2.5' })]),
      record('2051', new Date(day.getTime() + H), [factor('w01018', { avg: '30' })]),
    ];
    expect(await storeRecords(t.database.db, rows, now)).toMatchObject({ stored: 3 });
    const q = (granularity: string) =>
      t.app.inject(as(enterpriseUser, { method: 'GET', url: `/api/monitoring/stations/${stationId}/series?factor=w01018&kind=min&granularity=${granularity}&from=2025-06-10T00:00:00%2B08:00&to=2025-06-11T00:00:00%2B08:00` }));
    const raw = await q('raw');
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.json()).toMatchObject({ stationId, factor: 'w01018', unit: 'mg/L', limit: 50, basis: 'measured' });
    expect(raw.json().points.map((p: { avg: number }) => p.avg)).toEqual([10, 20, 30]);
    const hour = (await q('hour')).json().points;
    expect(hour).toEqual([
      { at: '2025-06-10T02:00:00.000Z', avg: 15, min: 8, max: 25, cou: 4, zs: null, flag: null, n: 2 },
      { at: '2025-06-10T03:00:00.000Z', avg: 30, min: 30, max: 30, cou: null, zs: null, flag: null, n: 1 },
    ]);
    const dayPoints = (await q('day')).json().points;
    expect(dayPoints).toEqual([{ at: '2025-06-09T16:00:00.000Z', avg: 20, min: 8, max: 30, cou: 4, zs: null, flag: null, n: 3 }]);
    const bad = await t.app.inject(as(admin, { method: 'GET', url: `/api/monitoring/stations/${stationId}/series?factor=w01018&from=2025-06-11T00:00:00Z&to=2025-06-10T00:00:00Z` }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('结束时间');
    expect((await t.app.inject(as(otherCounty, { method: 'GET', url: `/api/monitoring/stations/${stationId}/series?factor=w01018&from=2025-06-10T00:00:00Z&to=2025-06-11T00:00:00Z` }))).statusCode).toBe(404);
  });

  it('computes 有效传输率 per Beijing day from hour records', async () => {
    // 2025-06-12 (Beijing): 20 hour records, two flagged D → 传输率 20/24, 有效率 18/20, 有效传输率 18/24.
    const start = Date.parse('2025-06-12T00:00:00+08:00');
    const hours = Array.from({ length: 20 }, (_, i) => record('2061', new Date(start + i * H), [factor('w01018', { avg: '20', flag: i < 2 ? 'D' : 'N' }), factor('w01001', { avg: '7' })]));
    await storeRecords(t.database.db, hours, now);
    const res = await t.app.inject(as(county, { method: 'GET', url: `/api/monitoring/completeness?from=2025-06-12&to=2025-06-13&stationId=${stationId}` }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      {
        stationId,
        stationName: '测试污水厂总排口',
        regionCode: '360702',
        days: [
          { date: '2025-06-12', expected: 24, received: 20, valid: 18, transmissionRate: 20 / 24, validRate: 18 / 20, effectiveRate: 18 / 24 },
          { date: '2025-06-13', expected: 24, received: 0, valid: 0, transmissionRate: 0, validRate: 0, effectiveRate: 0 },
        ],
      },
    ]);
    expect((await t.app.inject(as(otherCounty, { method: 'GET', url: '/api/monitoring/completeness?from=2025-06-12&to=2025-06-13' }))).json()).toEqual([]);
    const xlsx = await t.app.inject(as(county, { method: 'GET', url: '/api/monitoring/completeness.xlsx?from=2025-06-12&to=2025-06-12' }));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await t.app.inject(as(county, { method: 'GET', url: '/api/monitoring/completeness?from=2025-06-13&to=2025-06-12' }));
    expect(bad.statusCode).toBe(400);
  });

  it('creates month partitions ahead, idempotently', async () => {
    const db = t.database.db;
    const far = new Date(Date.UTC(2031, 0, 15));
    expect(await ensureReadingPartitions(db, far, 1)).toEqual(['reading_203101', 'reading_203102']);
    expect(await ensureReadingPartitions(db, far, 1)).toEqual([]);
    // A month with rows in the DEFAULT partition (2025-06 above) stays there; storing into it still works.
    expect(await ensureReadingPartitions(db, new Date(Date.UTC(2025, 5, 1)), 0)).toEqual([]);
    expect(await storeRecords(db, [record('2051', new Date(Date.UTC(2031, 0, 20)), [factor('w01018', { avg: '1' })]), record('2051', new Date(Date.UTC(2025, 5, 20)), [factor('w01018', { avg: '1' })])], now)).toMatchObject({ stored: 2 });
  });
  it('pushes a new reading over server-sent events, keeps the stream to the station scope, ends it when the server closes (last: closes the app)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const url = `http://127.0.0.1:${address.port}/api/monitoring/stations/${stationId}/live`;
    const foreign = await fetch(url, { headers: { cookie: otherCounty } });
    expect(foreign.status).toBe(404);
    const abort = new AbortController();
    const res = await fetch(url, { headers: { cookie: enterpriseUser }, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value, { stream: true });
    // The minute reading timed 2031 stored above is far ahead of the clock: the stream leaves it out and goes on.
    const at = new Date(Math.floor(now.getTime() / 1000) * 1000 + 60_000);
    await storeRecords(t.database.db, [record('2011', at, [factor('w01018', { rtd: '33.3', flag: 'N' })])], new Date());
    const deadline = Date.now() + 10_000;
    while (!text.includes('event: readings') && Date.now() < deadline) text += decoder.decode((await reader.read()).value, { stream: true });
    abort.abort();
    const event = text.slice(text.indexOf('id: '));
    // A stream still open when the server closes is ended, so close() does not wait on it.
    const lingering = await fetch(url, { headers: { cookie: county } });
    const lingeringReader = lingering.body!.getReader();
    await lingeringReader.read();
    await t.app.close();
    let ended = false;
    while (!ended) ended = (await lingeringReader.read()).done;
    expect(event).toContain(`id: ${at.getTime()}`);
    const data = JSON.parse(event.split('\n').find((l) => l.startsWith('data: '))!.slice(6));
    expect(data).toEqual([{ kind: 'rtd', factor: 'w01018', at: at.toISOString(), value: 33.3, min: null, max: null, zs: null, flag: 'N' }]);
    expect(LiveReading.array().parse(data)).toEqual(data);
  });

});
