import net from 'node:net';
import { and, count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reading } from '../../src/db/schema/index';
import { type FactorValues, Hj212Framer, type Packet, decodeFrame, encodePacket, makeFlag, parseSm4Key } from '../../src/domain/hj212/index';
import { type Hj212Gateway, startHj212Gateway } from '../../src/gateway/hj212';
import { type RecordQueue, createLocalQueue } from '../../src/gateway/hj212-queue';
import { createStationDirectory } from '../../src/modules/monitoring/ingest.service';
import { ensureReadingPartitions } from '../../src/modules/monitoring/readings.service';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const KEY = '0123456789abcdef';
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace(/[-T:.Z]/g, '');
let qnSeq = 0;
const nextQn = () => beijing(Date.now()).slice(0, 14) + String(++qnSeq % 1000).padStart(3, '0');

function packet(mn: string, o: { cn?: string; pw?: string; version?: number; at?: number; factors?: FactorValues[]; answer?: boolean } = {}): Packet {
  return {
    qn: nextQn(),
    st: '32',
    cn: o.cn ?? '2011',
    pw: o.pw ?? '123456',
    mn,
    flag: makeFlag(o.version ?? 1, { answer: o.answer ?? true }),
    pnum: null,
    pno: null,
    rf: null,
    cp: { dataTime: o.cn === '9015' ? null : beijing(o.at ?? Date.now() - 60_000).slice(0, 14), params: {}, factors: o.factors ?? [{ code: 'w01018', rtd: '21.5', flag: 'N', other: {} }] },
  };
}

/** A raw TCP client that collects decoded answers. */
class Client {
  readonly socket: net.Socket;
  readonly answers: Packet[] = [];
  private readonly framer = new Hj212Framer();
  private waiters: Array<() => void> = [];
  onAnswer: ((p: Packet) => void) | null = null;
  closed = false;
  constructor(port: number) {
    this.socket = net.connect({ host: '127.0.0.1', port });
    this.socket.on('data', (c) => {
      for (const f of this.framer.push(c).frames) {
        const d = decodeFrame(f);
        if (d.ok) {
          this.answers.push(d.packet);
          this.onAnswer?.(d.packet);
        }
      }
      for (const w of this.waiters.splice(0)) w();
    });
    this.socket.on('error', () => undefined);
    this.socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }
  ready() {
    return new Promise<void>((r) => (this.socket.readyState === 'open' ? r() : this.socket.once('connect', () => r())));
  }
  async until(pred: () => boolean, ms = 5000) {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out; answers: ${JSON.stringify(this.answers.map((a) => [a.cn, a.qn, a.cp.params]))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }
  answerTo(qn: string | null) {
    return this.answers.find((a) => a.qn === qn);
  }
  end() {
    this.socket.destroy();
  }
}

describeEachDb('hj212 gateway over real sockets', (kind) => {
  let t: TestApp;
  let gw: Hj212Gateway;
  let queue: RecordQueue;
  const log = pino({ level: 'silent' });
  const mn = (s: string) => `GW${kind === 'pglite' ? 'L' : 'P'}${s}`.padEnd(14, '0');
  const WATER = mn('W1');
  const SM4 = mn('S1');
  const LIMITED = mn('M1');
  const LENIENT = mn('L1');
  const ids: Record<string, number> = {};
  const clients: Client[] = [];
  const client = async () => {
    const c = new Client(gw.port);
    clients.push(c);
    await c.ready();
    return c;
  };
  const rows = async (stationId: number, factor?: string) =>
    Number((await t.database.db.select({ n: count() }).from(reading).where(factor ? and(eq(reading.stationId, stationId), eq(reading.factor, factor)) : eq(reading.stationId, stationId)))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp(kind);
    await ensureReadingPartitions(t.database.db, new Date());
    const e = await makeEnterprise(t.database.db, { regionCode: '360702' });
    const admin = await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username);
    const register = async (m: string, extra: object, secrets: object) => {
      const res = await t.app.inject(as(admin, { method: 'POST', url: '/api/monitoring/stations', payload: { mn: m, name: `站 ${m}`, enterpriseId: e.id, regionCode: '360702', medium: 'water', st: '32', factors: [{ code: 'w01018', unit: 'mg/L', upper: 50 }], ...extra } }));
      expect(res.statusCode, res.body).toBe(201);
      ids[m] = res.json().id;
      const s = await t.app.inject(as(admin, { method: 'PUT', url: `/api/monitoring/stations/${ids[m]}/secrets`, payload: secrets }));
      expect(s.statusCode, s.body).toBeLessThan(300);
    };
    await register(WATER, {}, { pw: '123456' });
    await register(SM4, { edition: '2025', encryption: 'require' }, { pw: '123456', sm4Keys: [KEY] });
    await register(LIMITED, { maxConnections: 1 }, { pw: '123456' });
    await register(LENIENT, { bareLf: true }, { pw: '123456' });
    queue = createLocalQueue({ db: t.database.db, log, flushMs: 5 });
    gw = await startHj212Gateway({ host: '127.0.0.1', port: 0, directory: createStationDirectory(t.database.db, { refreshMs: 0 }), queue, log, idleMs: 1500, maxWriteBuffer: 16 * 1024 });
  });
  afterAll(async () => {
    for (const c of clients) c.end();
    await gw?.close();
    await queue?.close();
    await t?.close();
  });

  it('answers 9014 only once the reading is in the database, for a packet sent byte by byte', async () => {
    const c = await client();
    const p = packet(WATER, { factors: [{ code: 'w01018', rtd: '33.1', flag: 'N', other: {} }, { code: 'w21003', rtd: '1.2', flag: 'N', other: {} }] });
    let rowsAtAnswer = -1;
    const before = await rows(ids[WATER]!);
    c.onAnswer = (a) => {
      if (a.qn === p.qn) void rows(ids[WATER]!).then((n) => (rowsAtAnswer = n));
    };
    const bytes = encodePacket(p);
    for (const b of bytes) {
      c.socket.write(Buffer.from([b]));
      await new Promise((r) => setImmediate(r));
    }
    await c.until(() => rowsAtAnswer >= 0);
    expect(c.answerTo(p.qn)).toMatchObject({ cn: '9014', st: '91', mn: WATER });
    // queried the moment the answer arrived: both factor values were already committed
    expect(rowsAtAnswer).toBe(before + 2);
    c.onAnswer = null;
  });

  it('takes coalesced packets with garbage between them, and stores a resend once', async () => {
    const c = await client();
    const at = Date.now() - 3_600_000;
    const ps = [0, 1, 2].map((k) => packet(WATER, { at: at + k * 1000 }));
    const resend = { ...ps[0]!, qn: nextQn() };
    const before = await rows(ids[WATER]!);
    c.socket.write(Buffer.concat([encodePacket(ps[0]!), Buffer.from('garbage\r\n##zz'), encodePacket(ps[1]!), encodePacket(ps[2]!), Buffer.from('\x00\x01'), encodePacket(resend)]));
    await c.until(() => [...ps, resend].every((p) => c.answerTo(p.qn)));
    expect(await rows(ids[WATER]!)).toBe(before + 3);
  });

  it('reassembles a split upload (PNUM/PNO): stored and answered part by part only once every part is in', async () => {
    const c = await client();
    const at = Date.now() - 2 * 3_600_000;
    const whole = packet(WATER, { cn: '2051', at, factors: [{ code: 'w01018', avg: '30.5', min: '28', max: '33', flag: 'N', other: {} }, { code: 'w21003', avg: '1.4', flag: 'N', other: {} }] });
    const part = (pno: number, factors: FactorValues[]): Packet => ({ ...whole, qn: nextQn(), flag: makeFlag(1, { split: true, answer: true }), pnum: 2, pno, cp: { ...whole.cp, factors } });
    const [p1, p2] = [part(1, [whole.cp.factors[0]!]), part(2, [whole.cp.factors[1]!])];
    const before = await rows(ids[WATER]!);
    c.socket.write(encodePacket(p1));
    await new Promise((r) => setTimeout(r, 300));
    expect(c.answerTo(p1.qn)).toBeUndefined(); // not durable yet: half an upload
    expect(await rows(ids[WATER]!)).toBe(before);
    c.socket.write(encodePacket(p2));
    await c.until(() => [p1, p2].every((p) => c.answerTo(p.qn)?.cn === '9014'));
    expect(await rows(ids[WATER]!)).toBe(before + 2);
  });

  it('takes bare-LF packets from the first byte for a station set to send them, and refuses them from a strict one', async () => {
    const bareLf = (p: Packet) => {
      const bytes = encodePacket(p);
      return Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.from('\n')]);
    };
    const at = Date.now() - 5 * 3_600_000;
    const lenient = await client();
    const ps = [0, 1].map((k) => packet(LENIENT, { at: at + k * 1000 }));
    lenient.socket.write(Buffer.concat(ps.map(bareLf))); // both in the first read, before the station is known
    await lenient.until(() => ps.every((p) => lenient.answerTo(p.qn)?.cn === '9014'));
    expect(await rows(ids[LENIENT]!)).toBe(2);
    const strict = await client();
    const before = await rows(ids[WATER]!);
    const ok = packet(WATER, { at });
    const bare = packet(WATER, { at: at + 1000 });
    strict.socket.write(Buffer.concat([encodePacket(ok), bareLf(bare)]));
    await strict.until(() => strict.answerTo(ok.qn) !== undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(strict.answerTo(bare.qn)).toBeUndefined();
    expect(await rows(ids[WATER]!)).toBe(before + 1);
  });

  it('answers a heartbeat with 9013 at once, nothing stored', async () => {
    const c = await client();
    const hb = packet(WATER, { cn: '9015', version: 2, factors: [] });
    c.socket.write(encodePacket(hb));
    await c.until(() => !!c.answerTo(hb.qn));
    expect(c.answerTo(hb.qn)).toMatchObject({ cn: '9013', flag: { version: 2 } });
  });

  it('refuses a wrong PW (9011 QnRtn=3) and an unknown MN (QnRtn=4), storing nothing', async () => {
    const before = await rows(ids[WATER]!);
    const c = await client();
    const bad = packet(WATER, { pw: 'nope' });
    c.socket.write(encodePacket(bad));
    await c.until(() => !!c.answerTo(bad.qn));
    expect(c.answerTo(bad.qn)).toMatchObject({ cn: '9011', cp: { params: { QnRtn: '3' } } });
    const u = await client();
    const unknown = packet('NOSUCHMN000001');
    u.socket.write(encodePacket(unknown));
    await u.until(() => !!u.answerTo(unknown.qn));
    expect(u.answerTo(unknown.qn)).toMatchObject({ cn: '9011', cp: { params: { QnRtn: '4' } } });
    await new Promise((r) => setTimeout(r, 100));
    expect(await rows(ids[WATER]!)).toBe(before);
  });

  it('refuses a second MN on a connection bound to another', async () => {
    const c = await client();
    const first = packet(WATER);
    c.socket.write(encodePacket(first));
    await c.until(() => !!c.answerTo(first.qn));
    const other = packet(LIMITED);
    c.socket.write(encodePacket(other));
    await new Promise((r) => setTimeout(r, 200));
    expect(c.answerTo(other.qn)).toBeUndefined();
    expect(await rows(ids[LIMITED]!)).toBe(0);
  });

  it('decrypts a 2025 station\'s SM4 CP area with its key', async () => {
    const c = await client();
    const p = packet(SM4, { version: 2, factors: [{ code: 'w01018', rtd: '71.0', flag: 'N', other: {} }] });
    c.socket.write(encodePacket(p, { encryptKey: parseSm4Key(KEY)! }));
    await c.until(() => !!c.answerTo(p.qn));
    expect(c.answerTo(p.qn)).toMatchObject({ cn: '9014', flag: { version: 2 } });
    expect(await rows(ids[SM4]!, 'w01018')).toBe(1);
  });

  it('closes an idle connection', async () => {
    const c = await client();
    await c.until(() => c.closed, 4000);
  });

  it('keeps one connection per MN where the station allows one: the oldest goes', async () => {
    const a = await client();
    const pa = packet(LIMITED);
    a.socket.write(encodePacket(pa));
    await a.until(() => !!a.answerTo(pa.qn));
    const b = await client();
    const pb = packet(LIMITED);
    b.socket.write(encodePacket(pb));
    await b.until(() => !!b.answerTo(pb.qn));
    await a.until(() => a.closed);
    expect(b.closed).toBe(false);
  });

  it('a client that never reads its answers is dropped and does not stall others', async () => {
    const greedy = await client();
    greedy.socket.pause();
    // flood with heartbeats (answered at once) without reading: our write buffer passes the cap
    const hb = encodePacket(packet(WATER, { cn: '9015', factors: [] }));
    const flood = Buffer.concat(Array.from({ length: 2000 }, () => hb));
    const started = Date.now();
    let dropped = false;
    greedy.socket.on('close', () => (dropped = true));
    for (let k = 0; k < 200 && !dropped; k++) {
      greedy.socket.write(flood);
      const c = await client();
      if (k === 0) {
        const p = packet(WATER);
        c.socket.write(encodePacket(p));
        await c.until(() => !!c.answerTo(p.qn), 3000);
      }
      c.end();
      await new Promise((r) => setTimeout(r, 10));
    }
    await greedy.until(() => greedy.closed || dropped, 5000);
    // dropped for its unread answers, not by the idle timeout (1.5 s of silence)
    expect(Date.now() - started).toBeLessThan(1400);
  });
});
