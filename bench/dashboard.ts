// bench/dashboard: p95 of the city overview API (GET /api/reporting/overview). Target: p95 < 100 ms.
// Data set: the large demo city (issue #12; the generator of `npm run demo`, BENCH_DEMO_SIZE), or with
// BENCH_DATA=synthetic the earlier worst case: 5 years × 20 counties/zones + the city × all indicators × monthly
// approved reports, plus quarterly task reports of every county.
// Run: npx tsx bench/dashboard.ts  (DURATION, CONNECTIONS, BENCH_DATA=demo|synthetic)
import { indicator, progressReport, region, task } from '../src/db/schema/index';
import { demoServer } from './demo-city';
import { loadTest, seededServer } from './server-process';

const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const synthetic = process.env.BENCH_DATA === 'synthetic';
const { base, cookie, close } = !synthetic ? await demoServer('dashboard') : await seededServer('dashboard', async (db) => {
  const indicators = await db.select({ id: indicator.id }).from(indicator);
  const tasks = await db.select({ id: task.id }).from(task);
  const regions = (await db.select({ code: region.code }).from(region)).map((r) => r.code);
  const rows: Array<typeof progressReport.$inferInsert> = [];
  const at = new Date('2026-01-01T00:00:00Z');
  for (let year = 2021; year <= 2025; year++) {
    for (const regionCode of regions) {
      for (const x of indicators) {
        for (let m = 1; m <= 12; m++) {
          rows.push({ indicatorId: x.id, periodKey: `${year}-M${String(m).padStart(2, '0')}`, regionCode, revision: 1, status: 'approved', value: 1000 + m, submittedBy: 1, submittedAt: at });
        }
      }
      if (regionCode === '360700') continue;
      for (const t of tasks) {
        for (let q = 1; q <= 4; q++) {
          rows.push({ taskId: t.id, periodKey: `${year}-Q${q}`, regionCode, revision: 1, status: 'approved', taskStatus: 'on-track', percentComplete: 25 * q, submittedBy: 1, submittedAt: at });
        }
      }
    }
  }
  const t0 = performance.now();
  for (let i = 0; i < rows.length; i += 2000) await db.insert(progressReport).values(rows.slice(i, i + 2000));
  console.log(`data set: ${rows.length} approved reports written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});

try {
  const url = `${base}/api/reporting/overview?plan=ganzhou-14fyp-ecer&year=2025`;
  const c0 = performance.now();
  const check = await fetch(url, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`overview answered ${check.status}: ${await check.text()}`);
  console.log(`first request (computes the overview; later ones are served from the versioned cache): ${(performance.now() - c0).toFixed(0)} ms`);
  const { result, pct } = await loadTest(url, cookie, CONNECTIONS, DURATION);
  console.log(`GET /api/reporting/overview, ${CONNECTIONS} connections, ${DURATION} s: ${result.requests.total} requests, non-2xx ${result.non2xx}`);
  console.log(`latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`);
} finally {
  await close();
}
