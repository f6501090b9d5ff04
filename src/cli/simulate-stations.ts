import net from 'node:net';
import pino from 'pino';
import { type Database, openDatabase } from '../db/client';
import { Hj212Framer, type FactorValues, type Packet, decodeFrame, encodePacket, makeFlag, parseSm4Key } from '../domain/hj212/index';
import * as monitoringRepo from '../modules/monitoring/repo';
import { StationBody } from '../modules/monitoring/schemas';
import { createStation, setStationSecrets } from '../modules/monitoring/stations.service';
import { listRegions } from '../modules/org/service';
import { loadReferenceData, systemCtx } from '../server/boot';
import type { Config } from '../server/config';

/**
 * `ecer simulate stations`: N DAS clients over TCP, each one station (MN = prefix + index), sending 2011 real-time
 * data every interval, 2051 minute data each minute and 2061 hour data each hour, with a fraction of values over the
 * usual limits and a fraction flagged D/C/M (HJ 212 Table 3 flags; hj212.md §4), the answer bit set; answers counted
 * and their latency measured. `speedup` > 1 runs the stations' clock faster than the wall clock (load tests: every
 * packet a new DataTime, as a DAS sending its backlog after an outage does).
 */
export type SimulateStationsOptions = {
  count: number;
  interval: number;
  host: string;
  port: number;
  mnPrefix: string;
  edition: '2017' | '2025';
  /** SM4 key (16 ASCII characters) for 2025 stations' CP areas; null: plaintext. */
  encryptKey: string | null;
  pw: string;
  exceed: number;
  fault: number;
  duration: number | null;
  speedup: number;
  /** First index (several simulator processes can share the MN space). */
  first?: number;
  /** A sewage outlet (true) or a stack (false) for every station of the run; default: by the index's parity. */
  water?: boolean;
  /** Called for each 9014 received (tests: what was acknowledged). */
  onAnswer?: (a: { mn: string; cn: string; dataTime: string; latencyMs: number }) => void;
};

export type SimulatorStats = {
  connected: number;
  sent: number;
  answered: number;
  refused: number;
  values: number;
  reconnects: number;
  latencies: number[];
  /** When each latency's packet was sent (ms since startedAt), for latency over time. */
  sentAt: number[];
  startedAt: number;
};

export const stationMn = (prefix: string, i: number) => `${prefix}${String(i).padStart(Math.max(1, 14 - prefix.length), '0')}`;
export const isWaterStation = (i: number) => i % 2 === 1;

export type FactorSpec = { code: string; typical: number; spread: number; limit: number | null; lower?: number; cou?: boolean };
// What a typical outlet's analysers report (Appendix B codes): a sewage plant's COD, NH3-N, TP, TN, pH and flow; a
// boiler stack's SO2, NOx, particulates, O2, flue-gas velocity, temperature, pressure, humidity and flow. Typical
// concentrations well inside GB 18918 / GB 13223-style limits; flows for the totals (-Cou).
const WATER: FactorSpec[] = [
  { code: 'w01018', typical: 28, spread: 6, limit: 50 },
  { code: 'w21003', typical: 2.2, spread: 0.8, limit: 5 },
  { code: 'w21011', typical: 0.3, spread: 0.08, limit: 0.5 },
  { code: 'w21001', typical: 9.5, spread: 2.5, limit: 15 },
  { code: 'w01001', typical: 7.2, spread: 0.4, limit: 9, lower: 6 },
  { code: 'w00000', typical: 35, spread: 8, limit: null, cou: true },
];
const AIR: FactorSpec[] = [
  { code: 'a21026', typical: 18, spread: 5, limit: 35 },
  { code: 'a21002', typical: 32, spread: 8, limit: 50 },
  { code: 'a34013', typical: 4.5, spread: 1.5, limit: 10 },
  { code: 'a19001', typical: 9.5, spread: 1, limit: null },
  { code: 'a01011', typical: 12, spread: 2, limit: null },
  { code: 'a01012', typical: 65, spread: 6, limit: null },
  { code: 'a01013', typical: 0.4, spread: 0.1, limit: null },
  { code: 'a01014', typical: 8, spread: 1.2, limit: null },
  { code: 'a00000', typical: 120, spread: 15, limit: null, cou: true },
];
export const factorSpecs = (water: boolean): readonly FactorSpec[] => (water ? WATER : AIR);
export const factorsOf = (i: number) => factorSpecs(isWaterStation(i));

/** Beijing time as YYYYMMDDhhmmss (and milliseconds for QN). */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace(/[-T:.Z]/g, '');
/** An HJ 212 DataTime (Beijing time, YYYYMMDDhhmmss). */
export const dataTime = (ms: number) => beijing(ms).slice(0, 14);

function value(spec: FactorSpec, o: Pick<SimulateStationsOptions, 'exceed' | 'fault'>): { v: number; flag: string } {
  let v = spec.typical + (Math.random() * 2 - 1) * spec.spread;
  if (spec.limit !== null && Math.random() < o.exceed) v = spec.limit * (1.1 + Math.random() * 0.5);
  const r = Math.random();
  const flag = r < o.fault ? (['D', 'C', 'M'] as const)[Math.floor(Math.random() * 3)]! : 'N';
  return { v: Math.max(0, v), flag };
}

class Station {
  private socket: net.Socket | null = null;
  private readonly framer = new Hj212Framer();
  private readonly pending = new Map<string, { sent: number; cn: string; dataTime: string }>();
  private lastQn = 0;
  private stopped = false;
  constructor(
    readonly mn: string,
    private readonly index: number,
    private readonly o: SimulateStationsOptions,
    private readonly stats: SimulatorStats,
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve) => {
      const s = net.connect({ host: this.o.host, port: this.o.port });
      s.setNoDelay(true);
      s.once('connect', () => {
        this.socket = s;
        this.stats.connected++;
        resolve();
      });
      s.on('data', (chunk) => this.onData(chunk));
      s.on('error', () => undefined);
      s.once('close', () => {
        if (this.socket === s) {
          this.socket = null;
          this.stats.connected--;
        } else resolve();
        this.pending.clear();
        if (!this.stopped) setTimeout(() => (this.stats.reconnects++, void this.connect()), 1000 + Math.random() * 1000).unref();
      });
    });
  }

  private onData(chunk: Buffer) {
    for (const frame of this.framer.push(chunk).frames) {
      const d = decodeFrame(frame);
      if (!d.ok || !d.packet.qn) continue;
      const sent = this.pending.get(d.packet.qn);
      if (d.packet.cn === '9011' && d.packet.cp.params.QnRtn !== '1') this.stats.refused++;
      if (sent === undefined) continue;
      this.pending.delete(d.packet.qn);
      if (d.packet.cn === '9014') {
        const latencyMs = performance.now() - sent.sent;
        this.stats.answered++;
        if (this.stats.latencies.length < 1_000_000) {
          this.stats.latencies.push(latencyMs);
          this.stats.sentAt.push(sent.sent - this.stats.startedAt);
        }
        this.o.onAnswer?.({ mn: this.mn, cn: sent.cn, dataTime: sent.dataTime, latencyMs });
      }
    }
  }

  private qn(): string {
    // QN: YYYYMMDDhhmmsszzz, unique per station
    const now = Math.max(Date.now(), this.lastQn + 1);
    this.lastQn = now;
    return beijing(now).slice(0, 17);
  }

  /** One upload; false when the socket is gone or backed up. */
  send(cn: '2011' | '2051' | '2061', at: number): boolean {
    const s = this.socket;
    if (!s || s.writableLength > 64 * 1024) return false;
    const water = this.o.water ?? isWaterStation(this.index);
    const factors: FactorValues[] = factorSpecs(water).map((spec) => {
      const { v, flag } = value(spec, this.o);
      if (cn === '2011') return { code: spec.code, rtd: v.toFixed(2), flag, other: {} };
      const spanS = cn === '2051' ? 60 : 3600;
      const f: FactorValues = { code: spec.code, min: (v * 0.9).toFixed(2), avg: v.toFixed(2), max: (v * 1.1).toFixed(2), flag, other: {} };
      // flows: L/s or m³/s over the interval → m³
      if (spec.cou) f.cou = ((v * spanS) / (spec.code === 'w00000' ? 1000 : 1)).toFixed(2);
      return f;
    });
    const version = this.o.edition === '2025' ? 2 : 1;
    const packet: Packet = {
      qn: this.qn(),
      st: water ? '32' : '31',
      cn,
      pw: this.o.pw,
      mn: this.mn,
      flag: makeFlag(version, { answer: true }),
      pnum: null,
      pno: null,
      rf: null,
      cp: { dataTime: dataTime(at), params: {}, factors },
    };
    const key = this.o.encryptKey ? parseSm4Key(this.o.encryptKey) : null;
    const bytes = encodePacket(packet, key ? { encryptKey: key } : {});
    this.pending.set(packet.qn!, { sent: performance.now(), cn, dataTime: packet.cp.dataTime! });
    s.write(bytes);
    this.stats.sent++;
    this.stats.values += factors.length;
    return true;
  }

  stop() {
    this.stopped = true;
    this.socket?.destroy();
  }
}

export type SimulatorRun = { stats: SimulatorStats; stations: Station[]; ready: Promise<void>; stop(): void; done: Promise<void> };

/** Connects the stations (staggered) and runs their clocks; `done` settles after `duration` or stop(). */
export function runSimulatedStations(o: SimulateStationsOptions): SimulatorRun {
  const stats: SimulatorStats = { connected: 0, sent: 0, answered: 0, refused: 0, values: 0, reconnects: 0, latencies: [], sentAt: [], startedAt: performance.now() };
  const first = o.first ?? 1;
  const stations = Array.from({ length: o.count }, (_, k) => new Station(stationMn(o.mnPrefix, first + k), first + k, o, stats));
  const timers: NodeJS.Timeout[] = [];
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const stop = () => {
    for (const t of timers) clearInterval(t);
    for (const s of stations) s.stop();
    finish();
  };
  const ready = (async () => {
    for (let k = 0; k < stations.length; k += 200) await Promise.all(stations.slice(k, k + 200).map((s) => s.connect()));
  })();
  void ready.then(() => {
    const start = Date.now();
    // the stations' clock: the wall clock, or faster (speedup) from now on
    const clock = () => start + (Date.now() - start) * o.speedup;
    stations.forEach((station, k) => {
      let lastMinute = Math.floor(clock() / 60_000);
      let lastHour = Math.floor(clock() / 3_600_000);
      // each station on its own phase within the interval, as real DAS are
      const t = setTimeout(() => {
        const tick = () => {
          const now = clock();
          station.send('2011', now);
          const minute = Math.floor(now / 60_000);
          if (minute !== lastMinute) {
            station.send('2051', (minute - 1) * 60_000);
            lastMinute = minute;
          }
          const hour = Math.floor(now / 3_600_000);
          if (hour !== lastHour) {
            station.send('2061', (hour - 1) * 3_600_000);
            lastHour = hour;
          }
        };
        tick();
        timers.push(setInterval(tick, o.interval * 1000));
      }, ((k * o.interval * 1000) / stations.length) % (o.interval * 1000));
      timers.push(t);
    });
    if (o.duration !== null) setTimeout(stop, o.duration * 1000);
  });
  return { stats, stations, ready, stop, done };
}

/**
 * `--register`: creates the simulated stations in the registry (the city's system actor, audited), with their PW
 * and SM4 key and limits that the simulator's exceedances cross; existing MNs are left as they are. Not with PGlite
 * held by a running server (stop it, or use PostgreSQL).
 */
export async function registerSimulatedStations(config: Config, o: SimulateStationsOptions): Promise<{ created: number; existing: number }> {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await loadReferenceData(database, config.referenceDir);
    const ctx = { ...systemCtx('simulate'), db: database.db, log: pino({ level: 'silent' }), locale: 'zh-CN' as const };
    const counties = (await listRegions(ctx)).filter((r) => r.kind !== 'city');
    let created = 0;
    const first = o.first ?? 1;
    for (let i = first; i < first + o.count; i++) {
      const mn = stationMn(o.mnPrefix, i);
      if (await monitoringRepo.findStationByMn(database.db, mn)) continue;
      const water = isWaterStation(i);
      const s = await createStation(
        ctx,
        StationBody.parse({
          mn,
          name: `演示${water ? '污水' : '废气'}排口${i}`,
          regionCode: counties[i % counties.length]!.code,
          medium: water ? 'water' : 'air',
          st: water ? '32' : '31',
          outlet: water ? `DW${String(i % 1000).padStart(3, '0')}` : `DA${String(i % 1000).padStart(3, '0')}`,
          factors: factorsOf(i).map((f) => ({ code: f.code, upper: f.limit, ...(f.lower === undefined ? {} : { lower: f.lower }) })),
          o2Reference: water ? null : 6,
          rtdIntervalS: Math.max(30, Math.min(3600, Math.round(o.interval))),
          minIntervalMin: 1,
          edition: o.edition,
        }),
      );
      await setStationSecrets(ctx, s.id, { pw: o.pw, ...(o.encryptKey ? { sm4Keys: [o.encryptKey] } : {}) });
      created++;
    }
    return { created, existing: o.count - created };
  } finally {
    await database.close();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The CLI: register when asked, run, print a line of counts every 10 s and a summary at the end. */
export async function simulateStations(config: Config, o: SimulateStationsOptions & { register: boolean }) {
  if (o.register) {
    const r = await registerSimulatedStations(config, o);
    console.error(`监测站点：新建 ${r.created} 个，已有 ${r.existing} 个（MN ${stationMn(o.mnPrefix, o.first ?? 1)} 起，PW ${o.pw}）`);
  } else {
    console.error(`模拟 ${o.count} 个站点，MN ${stationMn(o.mnPrefix, o.first ?? 1)} … ${stationMn(o.mnPrefix, (o.first ?? 1) + o.count - 1)}，PW ${o.pw}（未登记的站点会被拒收：先用 --register 登记）`);
  }
  const run = runSimulatedStations(o);
  console.error(`连接 ${o.host}:${o.port}，每 ${o.interval} 秒一包实时数据${o.duration ? `，共 ${o.duration} 秒` : '（Ctrl-C 停止）'}`);
  const report = setInterval(() => {
    const s = run.stats;
    console.error(`已连接 ${s.connected}，已发送 ${s.sent} 包（${s.values} 个因子值），已应答 ${s.answered}，被拒 ${s.refused}，重连 ${s.reconnects}`);
  }, 10_000);
  process.once('SIGINT', run.stop);
  await run.done;
  clearInterval(report);
  const { latencies, sentAt, startedAt: _, ...counts } = run.stats;
  const p = (xs: number[], q: number) => Math.round(percentile(xs.toSorted((a, b) => a - b), q) * 10) / 10;
  // p99 of the packets sent in each 10 s: where in the run the slow answers were
  const windows: number[][] = [];
  latencies.forEach((ms, k) => (windows[Math.floor(sentAt[k]! / 10_000)] ??= []).push(ms));
  console.log(JSON.stringify({ ...counts, p50Ms: p(latencies, 50), p99Ms: p(latencies, 99), p99MsPer10s: Array.from(windows, (w) => (w ? p(w, 99) : null)) }));
}
