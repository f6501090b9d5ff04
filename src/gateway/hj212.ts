import net from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import {
  DEFAULT_PROFILE,
  type Frame,
  Hj212Framer,
  type Packet,
  SplitReassembler,
  type StationProfile,
  answerFor,
  decodeFrame,
  encodePacket,
  makeFlag,
  requestAnswer,
} from '../domain/hj212/index';
import { type IngestRecord, READING_KINDS, type StationAuth } from '../domain/monitoring/model';
import { type StationDirectory, sha256Hex } from '../modules/monitoring/ingest.service';
import type { RecordQueue } from './hj212-queue';

/**
 * The HJ 212 TCP gateway (issue #8 item 2): one DAS per connection, identified by MN and authenticated by PW against
 * the station registry; data uploads go to the queue and are answered (9014) only once durable; notifications are
 * answered (9013) at once; bad frames are logged with their byte offset and never answered (hj212.md §6).
 */
export type Hj212GatewayOptions = {
  host: string;
  port: number;
  directory: StationDirectory;
  queue: RecordQueue;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug' | 'child'>;
  /** Close a connection silent this long (default 5 min; a DAS sends at least a heartbeat or minute data). */
  idleMs?: number;
  /** All connections of this gateway (node refuses beyond). */
  maxConnections?: number;
  /** Packets of one connection waiting for durability before its socket is paused. */
  maxInFlight?: number;
  /** Bytes of answers queued to a client that does not read them before it is dropped. */
  maxWriteBuffer?: number;
  /** Consecutive authentication failures before a connection is closed. */
  maxAuthFailures?: number;
};

export type Hj212Gateway = {
  port: number;
  server: net.Server;
  stats: { connections: number; packets: number; records: number; answers: number; rejected: number; authFailures: number };
  close(): Promise<void>;
};

// Table 7 QnRtn: 3 = PW error, 4 = MN error
const QNRTN_PW = '3';
const QNRTN_MN = '4';

type Header = { qn: string | null; st: string; cn: string; pw: string; mn: string; flag: number | null };

/** The header fields, read from the plaintext before `CP=` (readable even when the CP area is SM4). */
function headerOf(frame: Frame): Header | null {
  const end = frame.bytes.indexOf('CP=', 6, 'latin1');
  if (end < 0) return null;
  const fields: Record<string, string> = {};
  for (const part of frame.bytes.toString('latin1', 6, end).split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq)] = part.slice(eq + 1);
  }
  if (fields.MN === undefined) return null;
  const flag = fields.Flag !== undefined && /^\d+$/.test(fields.Flag) ? Number(fields.Flag) : null;
  return { qn: fields.QN ?? null, st: fields.ST ?? '', cn: fields.CN ?? '', pw: fields.PW ?? '', mn: fields.MN, flag };
}

/** A bare packet from a header, to answer a refused one (its CP area may be unreadable). */
function packetOf(h: Header): Packet {
  const flag = h.flag === null ? makeFlag(1) : makeFlag(h.flag >> 2, { split: (h.flag & 2) !== 0, answer: (h.flag & 1) !== 0 });
  return { qn: h.qn, st: h.st, cn: h.cn, pw: h.pw, mn: h.mn, flag, pnum: null, pno: null, rf: null, cp: { dataTime: null, params: {}, factors: [] } };
}

export function startHj212Gateway(opts: Hj212GatewayOptions): Promise<Hj212Gateway> {
  const log = opts.log.child({ gateway: 'hj212' });
  const idleMs = opts.idleMs ?? 300_000;
  const maxInFlight = opts.maxInFlight ?? 16;
  const maxWriteBuffer = opts.maxWriteBuffer ?? 64 * 1024;
  const maxAuthFailures = opts.maxAuthFailures ?? 5;
  const stats = { connections: 0, packets: 0, records: 0, answers: 0, rejected: 0, authFailures: 0 };
  const sockets = new Set<net.Socket>();
  /** Connections bound to each MN, oldest first. */
  const byMn = new Map<string, net.Socket[]>();

  const server = net.createServer((socket) => handle(socket));
  server.maxConnections = opts.maxConnections ?? 20_000;
  server.on('drop', (d) => log.warn({ remote: d?.remoteAddress }, 'hj212 connection refused: gateway connection cap reached'));

  function handle(socket: net.Socket) {
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.add(socket);
    stats.connections++;
    socket.setNoDelay(true);
    socket.setTimeout(idleMs);
    // Frames are cut leniently (a bare LF tail too), since whose packets they are is known only from the first one;
    // a station not set to send bare LF has such packets refused once it is known (onFrame).
    const framer = new Hj212Framer({ bareLf: true });
    let auth: StationAuth | null = null;
    let profile: Readonly<StationProfile> = DEFAULT_PROFILE;
    const splits = new SplitReassembler();
    let inFlight = 0;
    let paused = false;
    let authFailures = 0;
    /** The PW this connection authenticated with: the same text again needs no hash (a new one is hashed). */
    let verifiedPw: string | null = null;
    let closed = false;
    // frames are handled in order; only a first lookup of the MN awaits (the directory is cached)
    let chain: Promise<void> = Promise.resolve();

    const send = (packet: Packet) => {
      if (closed) return;
      // a client that never reads its answers cannot grow our buffers without bound
      if (socket.writableLength > maxWriteBuffer) {
        log.warn({ remote, mn: auth?.mn, buffered: socket.writableLength }, 'hj212 client does not read its answers; dropped');
        socket.destroy();
        return;
      }
      socket.write(encodePacket(packet));
      stats.answers++;
    };

    const refuse = (h: Header, qnRtn: string, why: string) => {
      stats.authFailures++;
      log.warn({ remote, mn: h.mn, cn: h.cn, qn: h.qn }, why);
      const p = packetOf(h);
      if (p.flag.answer) send(requestAnswer(p, qnRtn, 'auto'));
      if (++authFailures >= maxAuthFailures) {
        log.warn({ remote, mn: h.mn }, 'hj212 connection closed after repeated authentication failures');
        socket.end();
      }
    };

    const bind = (a: StationAuth) => {
      auth = a;
      profile = a.profile;
      const list = byMn.get(a.mn) ?? [];
      list.push(socket);
      byMn.set(a.mn, list);
      // per-MN limit: the oldest connection goes. A DAS that lost its link reconnects while its old socket is
      // still half-open on our side; refusing the new one would lock the station out until the idle timeout.
      while (list.length > Math.max(1, a.maxConnections)) {
        const old = list.shift()!;
        log.warn({ mn: a.mn, remote }, 'hj212 connection limit for this MN reached; oldest connection closed');
        old.destroy();
      }
    };

    const track = (p: Promise<void>, onDone: () => void) => {
      inFlight++;
      if (inFlight >= maxInFlight && !paused) {
        // this connection's own backlog: stop reading it, the others go on
        paused = true;
        socket.pause();
      }
      p.then(onDone, (err) => log.warn({ err: (err as Error).message, remote, mn: auth?.mn }, 'hj212 packet not stored; no answer, the station resends')).finally(() => {
        inFlight--;
        if (paused && inFlight < maxInFlight / 2) {
          paused = false;
          socket.resume();
        }
      });
    };

    async function onFrame(frame: Frame) {
      const h = headerOf(frame);
      if (!h) {
        stats.rejected++;
        log.warn({ remote, offset: frame.offset }, 'hj212 packet without MN; ignored');
        return;
      }
      if (!auth) {
        const found = await opts.directory.lookup(h.mn);
        if (closed) return;
        if (!found) return refuse(h, QNRTN_MN, 'hj212 unknown MN; nothing stored');
        if (sha256Hex(h.pw) !== found.pwSha256) return refuse(h, QNRTN_PW, 'hj212 wrong PW; nothing stored');
        verifiedPw = h.pw;
        authFailures = 0;
        bind(found);
      } else if (h.mn !== auth.mn) {
        // one station per connection
        stats.rejected++;
        log.warn({ remote, mn: auth.mn, other: h.mn }, 'hj212 packet of another MN on this connection; refused');
        return;
      } else if (h.pw !== verifiedPw && sha256Hex(h.pw) !== auth.pwSha256) {
        return refuse(h, QNRTN_PW, 'hj212 wrong PW; nothing stored');
      }
      const a = auth as StationAuth;
      if (frame.leniencies.includes('bare-lf') && !profile.lenient.bareLf) {
        stats.rejected++;
        log.warn({ remote, mn: a.mn, offset: frame.offset }, 'hj212 packet ends with a bare LF, which this station is not set to send (hj212.md §7); refused');
        return;
      }
      const decoded = decodeFrame(frame, profile);
      if (!decoded.ok) {
        stats.rejected++;
        log.warn({ remote, mn: a.mn, code: decoded.error.code, offset: frame.offset + decoded.error.offset, reason: decoded.error.reason }, 'hj212 packet refused');
        return;
      }
      if (decoded.warnings.length) log.debug({ mn: a.mn, warnings: decoded.warnings }, 'hj212 packet accepted with warnings');
      stats.packets++;
      let packet = decoded.packet;
      let partQns: Array<string | null> = [packet.qn];
      const s = splits.add(packet, Date.now());
      if (s.status === 'rejected') {
        stats.rejected++;
        log.warn({ remote, mn: a.mn, reason: s.error.reason }, 'hj212 split packet refused');
        return;
      }
      if (s.status === 'pending') return;
      if (s.status === 'complete') {
        packet = s.packet;
        partQns = s.qns;
      }
      const answer = () => {
        for (const qn of partQns) {
          const reply = answerFor({ ...packet, qn }, profile.edition);
          if (reply) send(reply);
        }
      };
      const kind = (READING_KINDS as Record<string, string>)[packet.cn];
      if (!kind) return answer();
      if (!packet.cp.dataTime) {
        stats.rejected++;
        log.warn({ remote, mn: a.mn, cn: packet.cn, qn: packet.qn }, 'hj212 data upload without DataTime; refused');
        return;
      }
      const record: IngestRecord = {
        stationId: a.stationId,
        mn: a.mn,
        cn: packet.cn,
        qn: packet.qn,
        dataTime: packet.cp.dataTime,
        backfill: packet.rf === '1',
        factors: packet.cp.factors,
        receivedAt: new Date().toISOString(),
      };
      stats.records++;
      track(opts.queue.enqueue([record]), answer);
    }

    socket.on('data', (chunk: Buffer) => {
      const out = framer.push(chunk);
      for (const e of out.errors) {
        stats.rejected++;
        log.warn({ remote, mn: auth?.mn, code: e.code, offset: e.offset, length: e.length, reason: e.reason }, 'hj212 bytes refused (no answer, hj212.md §6)');
      }
      for (const frame of out.frames) chain = chain.then(() => onFrame(frame)).catch((err) => log.error({ err, remote }, 'hj212 frame handling failed'));
    });
    socket.on('timeout', () => {
      log.info({ remote, mn: auth?.mn, idleMs }, 'hj212 connection idle; closed');
      socket.destroy();
    });
    socket.on('error', (err) => log.debug({ remote, err: err.message }, 'hj212 socket error'));
    socket.on('close', () => {
      closed = true;
      sockets.delete(socket);
      stats.connections--;
      if (auth) {
        const list = byMn.get(auth.mn);
        const i = list?.indexOf(socket) ?? -1;
        if (list && i >= 0) list.splice(i, 1);
        if (list && !list.length) byMn.delete(auth.mn);
      }
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      log.info({ host: opts.host, port }, 'hj212 gateway listening');
      resolve({
        port,
        server,
        stats,
        async close() {
          await new Promise<void>((r) => {
            server.close(() => r());
            for (const s of sockets) s.end();
            setTimeout(() => {
              for (const s of sockets) s.destroy();
            }, 2000).unref();
          });
        },
      });
    });
  });
}

/**
 * What `npm start` runs for HJ 212: the gateway on HJ212_PORT and, with NATS_URL, a JetStream queue plus one writer
 * in this process (more writers: `ecer hj212 writer`); without it, the in-process queue.
 */
export async function startHj212Services(opts: {
  db: import('../db/client').Db;
  log: Hj212GatewayOptions['log'];
  host: string;
  port: number;
  idleMs: number;
  natsUrl: string | null;
}): Promise<{ gateway: Hj212Gateway; stop(): Promise<void> }> {
  const { createJetStreamQueue, createLocalQueue, startJetStreamWriter } = await import('./hj212-queue');
  const { createStationDirectory } = await import('../modules/monitoring/ingest.service');
  const writer = opts.natsUrl ? startJetStreamWriter({ url: opts.natsUrl, db: opts.db, log: opts.log }) : null;
  const queue = opts.natsUrl ? await createJetStreamQueue({ url: opts.natsUrl, log: opts.log }) : createLocalQueue({ db: opts.db, log: opts.log });
  writer?.ready.catch((err) => opts.log.error({ err }, 'hj212 writer could not start'));
  const gateway = await startHj212Gateway({ host: opts.host, port: opts.port, idleMs: opts.idleMs, directory: createStationDirectory(opts.db), queue, log: opts.log });
  return {
    gateway,
    async stop() {
      // stop taking packets, then let the queue finish what was taken (answers for it are lost with the sockets,
      // so the stations resend), then the writer
      await gateway.close();
      await queue.close();
      await writer?.stop();
    },
  };
}
