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
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ECER_DATA_DIR: path.join(dataDir, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  return { env, base: `http://127.0.0.1:${port}`, cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}
