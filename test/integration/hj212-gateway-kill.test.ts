import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerSimulatedStations, runSimulatedStations, type SimulateStationsOptions } from '../../src/cli/simulate-stations';
import { loadConfig } from '../../src/server/config';

const bin = path.resolve(import.meta.dirname, '../../bin/ecer.mjs');
const KINDS: Record<string, string> = { '2011': 'rtd', '2051': 'min', '2061': 'hour' };
const instant = (dt: string) => Date.UTC(+dt.slice(0, 4), +dt.slice(4, 6) - 1, +dt.slice(6, 8), +dt.slice(8, 10) - 8, +dt.slice(10, 12), +dt.slice(12, 14));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function startServer(databaseUrl: string, hj212Port: number): Promise<ChildProcess> {
  // the in-process queue: no NATS_URL
  const { NATS_URL: _nats, ...env } = process.env;
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', HJ212_PORT: String(hj212Port), HJ212_HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('HJ 212 在线监测接入')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const tpl = inject('pgTemplate');
const maybe = tpl ? describe : describe.skip;

maybe(`hj212 gateway: kill -9 mid-load, restart${tpl ? '' : ' — SKIPPED: PostgreSQL not reachable'}`, () => {
  const name = `ecer_hj212_kill_${process.pid}`;
  let url = '';
  let server: ChildProcess | null = null;
  afterAll(async () => {
    server?.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: tpl!.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('every packet answered with 9014 before the kill is in the database after it', async () => {
    const admin = new pg.Client({ connectionString: tpl!.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${tpl!.template}"`);
    await admin.end();
    const u = new URL(tpl!.adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    const port = await freePort();
    const acked: Array<{ mn: string; cn: string; dataTime: string }> = [];
    const o: SimulateStationsOptions = {
      count: 40,
      interval: 0.05,
      host: '127.0.0.1',
      port,
      mnPrefix: 'KILL',
      edition: '2017',
      encryptKey: null,
      pw: '123456',
      exceed: 0.05,
      fault: 0.02,
      duration: null,
      // one simulated second per packet: every packet a new DataTime
      speedup: 20,
      onAnswer: (a) => acked.push(a),
    };
    await registerSimulatedStations(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), o);
    server = await startServer(url, port);
    const run = runSimulatedStations(o);
    await run.ready;
    const until = Date.now() + 10_000;
    while (acked.length < 400 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    // what was answered up to the kill (answers arriving later cannot exist)
    const answered = acked.slice();
    run.stop();
    expect(answered.length).toBeGreaterThan(100);

    server = await startServer(url, port);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ mn: string; kind: string; at: Date }>('SELECT DISTINCT s.mn, r.kind, r.at FROM reading r JOIN station s ON s.id = r.station_id');
    await db.end();
    const stored = new Set(rows.map((r) => `${r.mn}/${r.kind}/${r.at.getTime()}`));
    const missing = answered.filter((a) => !stored.has(`${a.mn}/${KINDS[a.cn]}/${instant(a.dataTime)}`));
    expect(missing).toEqual([]);
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    server = null;
  }, 90_000);
});
