/**
 * HJ 212 gateway (issue #8): 2,000 concurrent simulated stations (`ecer simulate stations`, a separate process)
 * through the gateway of `ecer serve` (another process) into a fresh PostgreSQL database, all on this machine.
 * Each station sends a real-time packet every INTERVAL_S (6 factors from a sewage outlet, 9 from a stack: 7.5 on
 * average, so 0.28 s offers ~53,500 values/s) plus its minute data at each minute; EXCEED and FAULT are the
 * fractions of values over their limit or flagged. The stations' clock runs SPEEDUP times faster so that every
 * real-time packet carries a new DataTime (a DAS sending its backlog after an outage).
 * Reports factor values stored per second over the steady window, p50/p99 ack latency (write → 9014, measured by
 * the stations; p99 also per 10 s of the run), the server's peak memory (VmHWM) and the CPU of the server, the
 * simulator and PostgreSQL over the window.
 *   npx tsx bench/gateway.ts        (BENCH_PG_URL, STATIONS=2000, INTERVAL_S=0.28, SPEEDUP=4, DURATION_S=40,
 *                                    EXCEED=0.05, FAULT=0.02; SERVER_CPU_PROF=dir writes the server's CPU profile)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { registerSimulatedStations, type SimulateStationsOptions } from '../src/cli/simulate-stations';
import { openDatabase } from '../src/db/client';
import { loadReferenceData } from '../src/server/boot';
import { loadConfig } from '../src/server/config';

const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const STATIONS = Number(process.env.STATIONS ?? 2000);
const INTERVAL_S = Number(process.env.INTERVAL_S ?? 0.28);
const SPEEDUP = Number(process.env.SPEEDUP ?? 4);
const DURATION_S = Number(process.env.DURATION_S ?? 40);
const EXCEED = Number(process.env.EXCEED ?? 0.05);
const FAULT = Number(process.env.FAULT ?? 0.02);
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/ecer.mjs');
const name = `ecer_bench_gateway_${process.pid}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux) */
const CLOCK_TICKS = 100;
/** CPU ticks (user + system) of each pid, then of all postgres processes together, from /proc. */
function cpuTicks(pids: number[]): number[] {
  const ticks = (pid: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
    } catch {
      return 0; // gone
    }
  };
  const postgres = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d) && fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres');
  return [...pids.map(ticks), postgres.reduce((sum, d) => sum + ticks(Number(d)), 0)];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const admin = new pg.Client({ connectionString: PG });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(PG);
url.pathname = `/${name}`;
let server: ChildProcess | null = null;
try {
  const config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  await loadReferenceData(database, config.referenceDir);
  await database.close();
  const port = await freePort();
  const o: SimulateStationsOptions = { count: STATIONS, interval: INTERVAL_S, host: '127.0.0.1', port, mnPrefix: 'BENCH', edition: '2017', encryptKey: null, pw: '123456', exceed: 0.05, fault: 0.02, duration: DURATION_S, speedup: SPEEDUP };
  let t0 = performance.now();
  await registerSimulatedStations(config, o);
  console.error(`registered ${STATIONS} stations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { NATS_URL: _n, ...env } = process.env;
  const profile = process.env.SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : [];
  server = spawn(process.execPath, [...profile, bin, 'serve'], { env: { ...env, DATABASE_URL: url.toString(), PORT: '0', HOST: '127.0.0.1', HJ212_PORT: String(port), HJ212_HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('HJ 212 在线监测接入')) resolve();
    });
    server!.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const readings = async () => Number((await db.query('SELECT count(*)::int AS n FROM reading')).rows[0].n);
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();

  const args = ['simulate', 'stations', '--count', String(STATIONS), '--interval', String(INTERVAL_S), '--port', String(port), '--mn-prefix', 'BENCH', '--speedup', String(SPEEDUP), '--duration', String(DURATION_S), '--exceed', String(EXCEED), '--fault', String(FAULT)];
  const sim = spawn(process.execPath, [bin, ...args], { env: { ...env, DATABASE_URL: url.toString() }, stdio: ['ignore', 'pipe', 'inherit'] });
  let simOut = '';
  sim.stdout!.on('data', (d: Buffer) => (simOut += d.toString()));
  const simDone = new Promise((r) => sim.once('exit', r));
  // steady window: after the connections and a warm-up, to 3 s before the stations stop
  const warmUpS = Math.min(10, DURATION_S / 4) + 5;
  await sleep(warmUpS * 1000);
  const [n1, a1, c1] = [await readings(), performance.now(), cpuTicks([server.pid!, sim.pid!])];
  await sleep((DURATION_S - warmUpS - 3) * 1000);
  const [n2, a2, c2] = [await readings(), performance.now(), cpuTicks([server.pid!, sim.pid!])];
  // CPU use over the window, in % of one core (the machine has os.availableParallelism() cores)
  const cpu = (k: number) => Math.round((c2[k]! - c1[k]!) / CLOCK_TICKS / ((a2 - a1) / 1000) * 100);
  await simDone;
  t0 = performance.now();
  let last = -1;
  for (let n = await readings(); n !== last && performance.now() - t0 < 30_000; n = await readings()) {
    last = n;
    await sleep(1000);
  }
  const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]);
  const sim1 = JSON.parse(simOut.trim().split('\n').at(-1)!);
  const total = await readings();
  await db.end();
  const result = {
    stations: STATIONS,
    packetsSent: sim1.sent,
    answered: sim1.answered,
    valuesSent: sim1.values,
    valuesStored: total,
    valuesPerSecondStored: Math.round((n2 - n1) / ((a2 - a1) / 1000)),
    ackP50Ms: sim1.p50Ms,
    ackP99Ms: sim1.p99Ms,
    ackP99MsPer10s: sim1.p99MsPer10s,
    serverPeakMiB: Math.round(peakKiB / 1024),
    cpuPercentOfOneCore: { server: cpu(0), simulator: cpu(1), postgres: cpu(2), cores: os.availableParallelism() },
    reconnects: sim1.reconnects,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  server?.kill('SIGTERM');
  if (server) await new Promise((r) => server!.once('exit', r));
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
