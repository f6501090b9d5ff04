// bench/reduction-api: the reduction dashboard API over 5,000 registered projects × 60 monthly dispatches
// (2021-01 … 2025-12, each submitted then approved, 10 % of December 2025 still awaiting 核查), with the verified
// ledger those approvals wrote (each project-year from its latest approved month) and every region's shares.
// Measures GET /api/reduction/progress?year=2025 (target: p95 < 100 ms) and the dispatch table of one county-month.
// Run: npx tsx bench/reduction-api.ts   (DURATION, CONNECTIONS, PROJECTS)
import { sql } from 'drizzle-orm';
import { indicator, reductionProject, region, targetAllocation } from '../src/db/schema/index';
import { loadTest, seededServer } from './server-process';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const PROJECTS = Number(process.env.PROJECTS ?? 5000);
const TYPES = [
  { measureType: 'sewage-plant', method: 'W1', pollutants: ['COD', 'NH3-N'] },
  { measureType: 'ultra-low-emission-cems', method: 'A1', pollutants: ['NOx'] },
  { measureType: 'vocs-end-of-pipe', method: 'V2', pollutants: ['VOCs'] },
  { measureType: 'industrial-wastewater', method: 'G1', pollutants: ['COD', 'NH3-N'] },
] as const;

let seedMs = 0;
const { base, cookie, close } = await seededServer('reduction', async (db) => {
  const t0 = performance.now();
  const regions = (await db.select({ code: region.code, kind: region.kind }).from(region)).filter((r) => r.kind !== 'city').map((r) => r.code);
  const at = new Date('2026-01-15T00:00:00Z');
  const perRegion = new Map<string, number>();
  const projects = Array.from({ length: PROJECTS }, (_, i) => {
    const regionCode = regions[i % regions.length]!;
    const n = (perRegion.get(regionCode) ?? 0) + 1;
    perRegion.set(regionCode, n);
    const t = TYPES[i % TYPES.length]!;
    return {
      code: `JP-${regionCode}-${String(n).padStart(4, '0')}`,
      regionCode,
      name: `基准测试工程 ${i + 1}`,
      measureType: t.measureType,
      method: t.method,
      pollutants: [...t.pollutants],
      facilityName: `设施 ${i + 1}`,
      uscc: '',
      outlet: `DW${String(i).padStart(5, '0')}`,
      params: {},
      baseline: {},
      planned: Object.fromEntries(t.pollutants.map((p) => [p, 10 + (i % 40)])),
      registeredAt: at,
      status: 'verified',
      lastDispatchMonth: '2025-12',
      lastDispatchStatus: i % 10 === 0 ? 'submitted' : 'approved',
      verified: Object.fromEntries(t.pollutants.map((p) => [p, 5 + (i % 50)])),
      verifiedYear: 2025,
      createdBy: 1,
      createdAt: at,
      updatedBy: 1,
      updatedAt: at,
    };
  });
  for (let i = 0; i < projects.length; i += 1000) await db.insert(reductionProject).values(projects.slice(i, i + 1000));
  // 60 months per project, written by the database itself; the accounting is the engine's shape with a year figure.
  await db.execute(sql`
    INSERT INTO reduction_dispatch (project_id, month, revision, status, project_status, dates, progress_note, progress_pct, params, claimed, offsets,
      baseline_explanation, accounting, submitted_by, submitted_at)
    SELECT p.id, to_char(make_date(2021 + m / 12, m % 12 + 1, 1), 'YYYY-MM'), 1,
      CASE WHEN m = 59 AND p.id % 10 = 0 THEN 'submitted' ELSE 'approved' END,
      'operating', '{"eventDate":"2021-01-15"}'::jsonb, '稳定运行', 100, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, '',
      jsonb_build_object('year', 2021 + m / 12, 'method', p.method, 'countStart', '2021-02-01', 'countedDays', (m % 12 + 1) * 30, 'f', 1, 'rejection', null,
        'pollutants', (SELECT jsonb_agg(jsonb_build_object('pollutant', x, 'reduction_t', (p.id % 50 + 5) * (m % 12 + 1) / 12.0, 'offset_t', 0,
          'countable_t', (p.id % 50 + 5) * (m % 12 + 1) / 12.0, 'baseline_t', null, 'flags', '[]'::jsonb, 'rejection', null))
          FROM jsonb_array_elements_text(p.pollutants) AS x)),
      1, ${at}::timestamptz
    FROM ${reductionProject} p CROSS JOIN generate_series(0, 59) AS m`);
  await db.execute(sql`
    INSERT INTO reduction_dispatch_event (dispatch_id, action, comment, actor_user_id, at)
    SELECT id, 'submit', NULL, 1, submitted_at FROM reduction_dispatch
    UNION ALL SELECT id, 'approve', NULL, 1, submitted_at FROM reduction_dispatch WHERE status = 'approved'`);
  await db.execute(sql`
    INSERT INTO reduction_ledger (project_id, year, pollutant, region_code, measure_type, uscc, outlet, reduction_t, offset_t, countable_t, dispatch_id, month, updated_at)
    SELECT DISTINCT ON (d.project_id, substr(d.month, 1, 4), x ->> 'pollutant')
      d.project_id, substr(d.month, 1, 4)::int, x ->> 'pollutant', p.region_code, p.measure_type, p.uscc, p.outlet,
      (x ->> 'reduction_t')::numeric, 0, (x ->> 'countable_t')::numeric, d.id, d.month, ${at}::timestamptz
    FROM reduction_dispatch d JOIN ${reductionProject} p ON p.id = d.project_id
    CROSS JOIN LATERAL jsonb_array_elements(d.accounting -> 'pollutants') AS x
    WHERE d.status = 'approved'
    ORDER BY d.project_id, substr(d.month, 1, 4), x ->> 'pollutant', d.month DESC`);
  const targets = await db.select({ id: indicator.id, target: indicator.target }).from(indicator).where(sql`${indicator.code} IN ('I03', 'I04', 'I05', 'I06')`);
  await db.insert(targetAllocation).values(targets.flatMap((t) => regions.map((regionCode) => ({ indicatorId: t.id, regionCode, target: Math.round(((t.target ?? 0) / regions.length) * 100) / 100, reason: '按减排潜力（基准测试）', updatedAt: at }))));
  // db.execute answers { rows } with both drivers; its type does not say so.
  const counts = (await db.execute(sql`SELECT (SELECT count(*) FROM reduction_dispatch)::int AS d, (SELECT count(*) FROM reduction_ledger)::int AS l`)) as unknown as { rows: Array<{ d: number; l: number }> };
  seedMs = performance.now() - t0;
  console.log(`data set: ${PROJECTS} projects in ${regions.length} regions, ${counts.rows[0]!.d} dispatches, ${counts.rows[0]!.l} ledger rows; seeded in ${(seedMs / 1000).toFixed(1)} s`);
});

try {
  for (const path of ['/api/reduction/progress?year=2025', '/api/reduction/dispatch?month=2025-12&regionCode=360722']) {
    const url = `${base}${path}`;
    const t0 = performance.now();
    const check = await fetch(url, { headers: { cookie } });
    const firstMs = performance.now() - t0;
    if (check.status !== 200) throw new Error(`${path} answered ${check.status}: ${await check.text()}`);
    const body = (await check.json()) as { pollutants?: Array<{ pollutant: string; verified_t: number }>; rows?: unknown[] };
    const what = body.pollutants ? body.pollutants.map((p) => `${p.pollutant} ${p.verified_t.toFixed(0)} t`).join(', ') : `${body.rows!.length} rows`;
    const { result, pct } = await loadTest(url, cookie, CONNECTIONS, DURATION);
    console.log(`GET ${path} (${what}), ${CONNECTIONS} connections, ${DURATION} s: ${result.requests.total} requests (${result.requests.average.toFixed(0)}/s), non-2xx ${result.non2xx}`);
    console.log(`  first (uncached) ${firstMs.toFixed(1)} ms; latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`);
  }
} finally {
  await close();
}
