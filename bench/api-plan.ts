// bench/api-plan: p50/p95 latency of the plan tree endpoint under 50 concurrent clients (autocannon),
// against a real server process on the embedded database. Target: p95 < 50 ms.
// Run: npx tsx bench/api-plan.ts   (DURATION=seconds, CONNECTIONS=n)
import { benchServerEnv, loadTest, startAndWait, stop } from './server-process';

const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const { env, base, cleanup } = benchServerEnv('api');

const server = await startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base);
try {
  const password = /密码:\s+(\S+)/.exec(server.stdout)?.[1];
  if (!password) throw new Error(`no admin password printed:\n${server.stdout}`);
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const changed = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ currentPassword: password, newPassword: 'Bench-password-2025' }),
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status}`);

  const url = `${base}/api/plan/plans/ganzhou-14fyp-ecer/tree`;
  const size = (await (await fetch(url, { headers: { cookie } })).text()).length;
  const { result, pct } = await loadTest(url, cookie, CONNECTIONS, DURATION);
  console.log(`GET /api/plan/plans/:code/tree (${(size / 1024).toFixed(0)} KiB JSON), ${CONNECTIONS} connections, ${DURATION} s`);
  console.log(`requests: ${result.requests.total}, non-2xx: ${result.non2xx}, errors: ${result.errors}, throughput: ${result.requests.average.toFixed(0)} req/s`);
  console.log(`latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`);
} finally {
  await stop(server.child);
  cleanup();
}
