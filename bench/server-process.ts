import autocannon from 'autocannon';
import { type Db, openDatabase } from '../src/db/client';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export type Started = { child: ChildProcess; stdout: string; ms: number };

/** Spawns a command and resolves when GET url/api/health answers 200, with the time it took. */
export async function startAndWait(cmd: string, args: string[], env: NodeJS.ProcessEnv, baseUrl: string, timeoutMs = 120_000): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); if (process.env.BENCH_ECHO) process.stderr.write(d); });
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited before it was healthy:\n${stdout}`);
    if (performance.now() - t0 > timeoutMs) throw new Error('server did not become healthy in time');
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return { child, stdout, ms: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Stops the whole process group (npm → node). */
export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await done;
}

/** A fresh embedded data folder and a free-ish port for one benchmark's server. */
export function benchServerEnv(name: string) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ecer-bench-${name}-`));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', HJ212_PORT: 'off', ECER_DATA_DIR: path.join(dataDir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return { env, base: `http://127.0.0.1:${port}`, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export const BENCH_PASSWORD = 'Bench-password-2025';

/**
 * A server for a benchmark: a fresh data folder, created and migrated by a first start; `seed` then writes the data
 * set straight into the stopped database; the server is started again and the admin signed in (the one-time
 * password changed). `close` stops it and removes the folder.
 */
export async function seededServer(name: string, seed?: (db: Db) => Promise<void>) {
  const { env, base, cleanup } = benchServerEnv(name);
  const first = await startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base);
  const password = /密码:\s+(\S+)/.exec(first.stdout)?.[1];
  if (!password) throw new Error(`no admin password printed:\n${first.stdout}`);
  await stop(first.child);
  if (seed) {
    const database = await openDatabase({ databaseUrl: null, dataDir: env.ECER_DATA_DIR! });
    try {
      await seed(database.db);
    } finally {
      await database.close();
    }
  }
  const server = await startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base);
  const cookie = await sessionCookie(base, 'admin', password);
  const changed = await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ currentPassword: password, newPassword: BENCH_PASSWORD }) });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status}`);
  return served(base, env, cookie, server, cleanup);
}

/** Logs in; the session cookie to send with the benchmark's requests. */
export async function sessionCookie(base: string, username: string, password: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`${username} login failed: ${login.status}`);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** A started benchmark server: where it is, its session, and how to stop it and remove its data. */
export function served(base: string, env: NodeJS.ProcessEnv, cookie: string, server: Started, cleanup: () => void) {
  return {
    base,
    env,
    cookie,
    server,
    close: async () => {
      await stop(server.child);
      cleanup();
    },
  };
}

/** autocannon on one URL with a session cookie: its result, and percentiles over every response's latency (ms). */
export async function loadTest(url: string, cookie: string, connections: number, duration: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers: { cookie } }, (err, r) => (err ? reject(err) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { result, pct };
}
