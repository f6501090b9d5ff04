import net from 'node:net';
import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reading } from '../../src/db/schema/index';
import { Hj212Framer, type Packet, decodeFrame, encodePacket, makeFlag } from '../../src/domain/hj212/index';
import { type Hj212Gateway, startHj212Gateway } from '../../src/gateway/hj212';
import { type HJ212Writer, type RecordQueue, type StreamNames, createJetStreamQueue, startJetStreamWriter } from '../../src/gateway/hj212-queue';
import { createStationDirectory } from '../../src/modules/monitoring/ingest.service';
import { ensureReadingPartitions } from '../../src/modules/monitoring/readings.service';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(NATS_URL);
  const s = net.connect({ host: u.hostname, port: Number(u.port || 4222) });
  s.once('connect', () => (s.destroy(), resolve(true)));
  s.once('error', () => resolve(false));
  setTimeout(() => (s.destroy(), resolve(false)), 1000);
});
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace(/[-T:.Z]/g, '');

function suite(kind: 'pglite' | 'postgres') {
  let t: TestApp;
  let gw: Hj212Gateway;
  let queue: RecordQueue;
  let writer: HJ212Writer | null = null;
  let stationId: number;
  const log = pino({ level: 'silent' });
  const mn = `NATS${kind === 'pglite' ? 'L' : 'P'}${process.pid}`.padEnd(14, '0');
  // names of this run only: a shared server, other suites, earlier runs
  const tag = `T${process.pid}${kind === 'pglite' ? 'L' : 'P'}${Date.now() % 100000}`;
  const names: StreamNames = { stream: `ECER_HJ212_${tag}`, subject: `ecer.hj212.test.${tag}`, consumer: `ecer-writer-${tag}` };
  const rows = async () => Number((await t.database.db.select({ n: count() }).from(reading).where(eq(reading.stationId, stationId)))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp(kind);
    await ensureReadingPartitions(t.database.db, new Date());
    const e = await makeEnterprise(t.database.db, { regionCode: '360702' });
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username);
    const res = await t.app.inject(as(admin, { method: 'POST', url: '/api/monitoring/stations', payload: { mn, name: 'NATS 站', enterpriseId: e.id, regionCode: '360702', medium: 'water', st: '32', factors: [{ code: 'w01018', upper: 50 }] } }));
    expect(res.statusCode, res.body).toBe(201);
    stationId = res.json().id;
    await t.app.inject(as(admin, { method: 'PUT', url: `/api/monitoring/stations/${stationId}/secrets`, payload: { pw: '123456' } }));
    queue = await createJetStreamQueue({ url: NATS_URL, log, names, flushMs: 5 });
    gw = await startHj212Gateway({ host: '127.0.0.1', port: 0, directory: createStationDirectory(t.database.db, { refreshMs: 0 }), queue, log });
  });
  afterAll(async () => {
    await gw?.close();
    await queue?.close();
    await writer?.stop();
    const nc = await connect({ servers: NATS_URL });
    await (await jetstreamManager(nc)).streams.delete(names.stream).catch(() => undefined);
    await nc.close();
    await t?.close();
  });

  it('answers after the stream has the batch; a writer started later stores every answered packet once', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: gw.port });
    const framer = new Hj212Framer();
    const answered = new Set<string>();
    socket.on('data', (c) => {
      for (const f of framer.push(c).frames) {
        const d = decodeFrame(f);
        if (d.ok && d.packet.cn === '9014' && d.packet.qn) answered.add(d.packet.qn);
      }
    });
    await new Promise((r) => socket.once('connect', r));
    const base = Date.now() - 2 * 3_600_000;
    const packets: Packet[] = Array.from({ length: 50 }, (_, k) => ({
      qn: `${beijing(base).slice(0, 14)}${String(k).padStart(3, '0')}`,
      st: '32',
      cn: '2011',
      pw: '123456',
      mn,
      flag: makeFlag(1, { answer: true }),
      pnum: null,
      pno: null,
      rf: null,
      cp: { dataTime: beijing(base + k * 1000).slice(0, 14), params: {}, factors: [{ code: 'w01018', rtd: String(20 + k), flag: 'N', other: {} }, { code: 'w21003', rtd: '1.5', flag: 'N', other: {} }] },
    }));
    // the last one sent twice: stored once
    socket.write(Buffer.concat([...packets, packets[49]!].map((p) => encodePacket(p))));
    const end = Date.now() + 10_000;
    while (answered.size < 50 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(answered.size).toBe(50);
    // no writer yet: acknowledged by JetStream, not stored
    expect(await rows()).toBe(0);
    writer = startJetStreamWriter({ url: NATS_URL, db: t.database.db, log, names });
    await writer.ready;
    while ((await rows()) < 100 && Date.now() < end + 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(await rows()).toBe(100);
    socket.destroy();
  });
}

if (reachable) describeEachDb('hj212 through NATS JetStream', suite);
else describe.skip(`hj212 through NATS JetStream — SKIPPED: no NATS server at ${NATS_URL} (start nats-server -js)`, () => it('needs NATS', () => undefined));
