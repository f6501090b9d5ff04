import { Writable } from 'node:stream';
import { count, eq, sql } from 'drizzle-orm';
import mqtt, { type MqttClient } from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MQTT_URL, brokerReachable, until } from '../helpers/mqtt';
import { energyReport, meter, meterHour, meterReading } from '../../src/db/schema/index';
import { type MeterSubscriber, startMeterSubscriber } from '../../src/gateway/mqtt';
import { makeEnterprise, makeUscc, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { type DbKind, describeEachDb } from '../helpers/db';

const hasBroker = await brokerReachable(MQTT_URL);

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

function suite(kind: DbKind) {
  let t: TestApp;
  let pub: MqttClient;
  let sub: MeterSubscriber;
  let admin: string;
  let enterpriseId: number;
  let uscc: string;
  const clientId = `ecer-test-${process.pid}-${kind}`;
  const logs = capturingLogger();
  const t0 = Date.now() - 3 * 3_600_000;
  const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString().replace('Z', '+00:00');
  const publish = (topic: string, body: unknown) => pub.publishAsync(topic, typeof body === 'string' ? body : JSON.stringify(body), { qos: 1 });
  const start = () => startMeterSubscriber({ url: MQTT_URL, db: t.database.db, log: logs.log as never, clientId, flushMs: 50 });
  const readingsOf = async (code: string) =>
    Number((await t.database.db.select({ n: count() }).from(meterReading).innerJoin(meter, eq(meter.id, meterReading.meterId)).where(eq(meter.code, code)))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const e = await makeEnterprise(t.database.db, { regionCode: '360702' });
    enterpriseId = e.id;
    uscc = e.uscc;
    admin = await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username);
    pub = await mqtt.connectAsync(MQTT_URL, { clientId: `${clientId}-pub`, clean: true });
    sub = start();
    await sub.ready;
  });
  afterAll(async () => {
    await sub?.stop();
    await pub?.endAsync();
    // Drop the persistent session this run left in the broker.
    const purge = await mqtt.connectAsync(MQTT_URL, { clientId, clean: true });
    await purge.endAsync();
    await t?.close();
  });

  it('stores published readings; the API answers meters, latest reading and hourly/daily series', async () => {
    for (let i = 0; i <= 6; i++) await publish(`ecer/${uscc}/E-01`, { ts: at(i * 10), value: 1000 + i * 12.5, unit: 'kWh', carrier: 'electricity' });
    await publish(`ecer/${uscc}/G-01`, [
      { ts: at(0), value: 50, unit: 'm3', carrier: 'natural-gas' },
      { ts: at(30), value: 53, unit: 'm3' },
    ]);
    await until(async () => (await readingsOf('E-01')) === 7 && (await readingsOf('G-01')) === 2);

    const meters = await t.app.inject(as(admin, { method: 'GET', url: `/api/metering/enterprises/${enterpriseId}/meters` }));
    expect(meters.statusCode, meters.body).toBe(200);
    const body = meters.json() as { meters: Array<{ id: number; code: string; unit: string; carrier: string; latest: { value: number } }> };
    expect(body.meters.map((m) => [m.code, m.unit, m.carrier, m.latest.value])).toEqual([
      ['E-01', 'kWh', 'electricity', 1075],
      ['G-01', 'm3', 'natural-gas', 53],
    ]);
    const e01 = body.meters[0]!.id;
    const from = new Date(t0 - 3_600_000).toISOString();
    const hourly = (await t.app.inject(as(admin, { method: 'GET', url: `/api/metering/meters/${e01}/series?granularity=hour&from=${from}` }))).json() as { points: Array<{ quantity: number }> };
    expect(hourly.points.reduce((a, p) => a + p.quantity, 0)).toBeCloseTo(75, 6);
    const daily = await t.app.inject(as(admin, { method: 'GET', url: `/api/metering/meters/${e01}/series?granularity=day&from=${from}` }));
    expect(daily.statusCode, daily.body).toBe(200);
    expect((daily.json() as { points: Array<{ quantity: number }> }).points.reduce((a, p) => a + p.quantity, 0)).toBeCloseTo(75, 6);
  });

  it('rejects bad input with a stored and logged reason, and keeps running', async () => {
    const stranger = makeUscc(900_000 + process.pid % 1000);
    await publish(`ecer/${uscc}/E-01`, 'not json');
    await publish(`ecer/${stranger}/X-01`, { ts: at(0), value: 1, unit: 'kWh' });
    await publish(`ecer/${uscc}/E-01`, { ts: at(70), value: 900, unit: 'kWh' }); // counter went back
    await publish(`ecer/${uscc}/E-01`, { ts: at(80), value: 99_999, unit: 'kWh' }); // 100× the recent rate
    await publish(`ecer/${uscc}/E-01`, { ts: at(90), value: 1100, unit: 'm3' }); // not the meter's unit
    await publish(`ecer/${uscc}/G-01`, { ts: at(40), value: 53.5, unit: 'm3', extra: true, carrier: 'Natural Gas' });
    const mine = async () => {
      const res = await t.app.inject(as(admin, { method: 'GET', url: '/api/metering/rejections?limit=1000' }));
      return (res.json() as Array<{ topic: string; reason: string; detail: string }>).filter((r) => r.topic.includes(uscc) || r.topic.includes(stranger));
    };
    await until(async () => (await mine()).length >= 6);
    expect((await mine()).map((r) => r.reason).sort()).toEqual(['bad-payload', 'bad-payload', 'non-monotonic', 'spike', 'unit-mismatch', 'unknown-enterprise']);
    const logged = logs.lines.filter((l) => l.msg === 'meter reading rejected' && String(l.topic).match(new RegExp(`${uscc}|${stranger}`)));
    expect(logged.map((l) => l.reason).sort()).toEqual(['bad-payload', 'bad-payload', 'non-monotonic', 'spike', 'unit-mismatch', 'unknown-enterprise']);
    expect(logged.every((l) => typeof l.detail === 'string' && (l.detail as string).length > 0)).toBe(true);
    // Still ingesting after the bad input.
    await publish(`ecer/${uscc}/E-01`, { ts: at(70), value: 1087.5, unit: 'kWh' });
    await until(async () => (await readingsOf('E-01')) === 8);
  });

  it('loses and doubles nothing across a restart: QoS 1 messages published while it is down arrive once', async () => {
    await sub.stop();
    for (let i = 8; i <= 12; i++) await publish(`ecer/${uscc}/E-01`, { ts: at(i * 10), value: 1000 + i * 12.5, unit: 'kWh' });
    await publish(`ecer/${uscc}/E-01`, { ts: at(30), value: 1037.5, unit: 'kWh' }); // a re-delivery of a stored reading
    await publish(`ecer/${uscc}/E-01`, { ts: at(120), value: 1150, unit: 'kWh' }); // the newest, twice
    sub = start();
    await sub.ready;
    await until(async () => (await readingsOf('E-01')) === 13);
    await sub.drain();
    await new Promise((r) => setTimeout(r, 300));
    expect(await readingsOf('E-01')).toBe(13);
    expect(sub.stats.rejected).toBe(0);
    expect(sub.stats.duplicates).toBeGreaterThanOrEqual(1);
    const [sum] = await t.database.db
      .select({ q: sql<number>`sum(${meterHour.quantity})`.mapWith(Number), n: sql<number>`sum(${meterHour.readings})`.mapWith(Number) })
      .from(meterHour)
      .innerJoin(meter, eq(meter.id, meterHour.meterId))
      .where(eq(meter.code, 'E-01'));
    expect(sum!.q).toBeCloseTo(150, 6); // last − first: 1150 − 1000
    expect(sum!.n).toBe(13);
  });

  it('scopes meters to the enterprise, and compares the metered year with the annual report', async () => {
    const other = await makeUser(t.database.db, 'enterprise');
    const cookie = await loginAs(t.app, other.username);
    expect((await t.app.inject(as(cookie, { method: 'GET', url: `/api/metering/enterprises/${enterpriseId}/meters` }))).statusCode).toBe(404);
    const own = await makeUser(t.database.db, 'enterprise', { enterpriseId });
    expect((await t.app.inject(as(await loginAs(t.app, own.username), { method: 'GET', url: `/api/metering/enterprises/${enterpriseId}/meters` }))).statusCode).toBe(200);

    const year = new Date(t0 + 8 * 3_600_000).getUTCFullYear();
    await t.database.db.insert(energyReport).values({
      enterpriseId,
      year,
      revision: 1,
      status: 'approved',
      lines: [
        { carrier: 'electricity', quantity: 0.01, unit: '万kWh' },
        { carrier: 'natural-gas', quantity: 3, unit: 'm3' },
      ],
      products: [],
      savingProjects: [],
      tceEquivalent: 1,
      tceEquivalentInput: 1,
      coefficientVersions: [],
      submittedBy: own.id,
      submittedAt: new Date(),
    });
    const res = await t.app.inject(as(admin, { method: 'GET', url: `/api/metering/enterprises/${enterpriseId}/comparison?year=${year}` }));
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { carriers: Array<{ carrier: string; metered: number; reported: number; deviation: number; flags: string[] }> };
    const byCarrier = Object.fromEntries(c.carriers.map((r) => [r.carrier, r]));
    // Electricity: 150 kWh metered against 100 kWh reported → +50 %, flagged; gas: 3 m3 against 3 m3.
    expect(byCarrier.electricity).toMatchObject({ metered: 150, reported: 100, deviation: 0.5 });
    expect(byCarrier.electricity!.flags).toContain('deviation');
    expect(byCarrier['natural-gas']).toMatchObject({ metered: 3, reported: 3, deviation: 0 });
    expect(byCarrier['natural-gas']!.flags).not.toContain('deviation');
  });
}

if (hasBroker) describeEachDb('online metering over MQTT', suite);
else describe.skip(`online metering over MQTT — SKIPPED: no MQTT broker at ${MQTT_URL} (start Mosquitto or set TEST_MQTT_URL)`, () => it('needs a broker', () => {}));
