// bench/assessment: computeMetrics + scoreAssessment for the 20 counties/zones, each of 5 years and the whole plan
// period, over 20 regions × 5 years of the data the metrics read: annual energy accounts 2020–2025 (approved, with
// their approval events), 1,000 key projects × 60 monthly dispatches (approved, with events) and the regions'
// reduction allocations, and the regions' annual indicator reports 2021–2025 (approved).
// By default the data set is the large demo city instead (issue #12: the generator of `npm run demo`, BENCH_DEMO_SIZE),
// whose counties differ as real ones do; BENCH_DATA=synthetic gives the uniform data set above.
// Run: npx tsx bench/assessment.ts   (BENCH_DATA=demo|synthetic; PROJECTS; BENCH_PG_URL for PostgreSQL (synthetic only), else embedded PGlite)
import { sql } from 'drizzle-orm';
import { type Db, openDatabase } from '../src/db/client';
import { energyAccount, energyAnnualTarget, energyTarget, indicator, reductionProject, region, targetAllocation } from '../src/db/schema/index';
import { AssessmentScheme } from '../src/domain/assessment/model';
import { scoreAssessment } from '../src/domain/assessment/score';
import { computeMetrics } from '../src/modules/assessment/metrics.service';
import { referenceAt } from '../src/modules/reference/service';
import { loadDemoCity } from '../test/helpers/demo';
import { benchDemoSize, demoCounts } from './demo-city';
import { benchServerEnv, startAndWait, stop } from './server-process';

const PROJECTS = Number(process.env.PROJECTS ?? 1000);
const pgUrl = process.env.BENCH_PG_URL ?? null;

const synthetic = process.env.BENCH_DATA === 'synthetic';

/** The synthetic data set: a first start creates, migrates and seeds the database (org, plan, reference data), then rows are written straight in. */
async function syntheticDatabase() {
  const { env, base, cleanup } = benchServerEnv('assessment');
  if (pgUrl) env.DATABASE_URL = pgUrl;
  await stop((await startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base)).child);
  const database = await openDatabase({ databaseUrl: pgUrl, dataDir: env.ECER_DATA_DIR! });
  await seedSynthetic(database.db, database.kind);
  return { database, cleanup };
}

/** The demo city in memory (the same generator, seed and as-of day as the tests). */
async function demoDatabase() {
  const city = await loadDemoCity(benchDemoSize);
  console.log(`data set: the demo city, size ${benchDemoSize}, generated in ${(city.ms / 1000).toFixed(1)} s`);
  console.log(`  ${(await demoCounts(city.database.db)).map(([t, n]) => `${n.toLocaleString('en')} ${t}`).join(', ')}`);
  return { database: city.database, cleanup: () => {} };
}

async function seedSynthetic(db: Db, kind: string) {
  const t0 = performance.now();
  const regions = (await db.select({ code: region.code, kind: region.kind }).from(region)).filter((r) => r.kind !== 'city').map((r) => r.code);
  const at = new Date('2026-01-15T00:00:00Z');
  const accounts: Array<typeof energyAccount.$inferInsert> = [];
  regions.forEach((regionCode, i) => {
    let annual = 300 + 20 * i;
    for (let year = 2020; year <= 2025; year++) {
      const growth = 0.04 + ((i + year) % 5) / 100;
      if (year > 2020) annual *= 1 + growth - 0.03 - (i % 3) / 100;
      accounts.push({ regionCode, revision: 1, status: 'approved', submittedBy: 1, submittedAt: new Date(`${year + 1}-02-15T00:00:00Z`), nonFossil: annual * 0.2, renewableElectricity: 10 + (year - 2020), feedstock: 5, periodKey: String(year), energy: annual, gdpCurrent: year === 2020 ? 800 + 10 * i : null, gdpGrowth: year === 2020 ? null : growth });
    }
  });
  await db.insert(energyAccount).values(accounts);
  await db.execute(sql`INSERT INTO energy_account_event (account_id, action, comment, actor_user_id, at) SELECT id, 'approve', NULL, 1, submitted_at FROM energy_account`);
  await db.insert(energyTarget).values(regions.map((regionCode) => ({ regionCode, baseYear: 2020, years: 5, basic: 0.125, incentive: 0.14, source: 'bench', updatedAt: at })));
  await db.insert(energyAnnualTarget).values(regions.flatMap((regionCode) => [2021, 2022, 2023, 2024, 2025].map((year) => ({ regionCode, year, plannedGdpGrowth: 0.06, intensityReduction: year % 2 ? 0.026 : null, updatedAt: at }))));
  const TYPES = [
    { measureType: 'sewage-plant', method: 'W1', pollutants: ['COD', 'NH3-N'] },
    { measureType: 'ultra-low-emission-cems', method: 'A1', pollutants: ['NOx'] },
    { measureType: 'vocs-end-of-pipe', method: 'V2', pollutants: ['VOCs'] },
  ] as const;
  const projects = Array.from({ length: PROJECTS }, (_, i) => {
    const regionCode = regions[i % regions.length]!;
    const t = TYPES[i % TYPES.length]!;
    return { code: `JP-${regionCode}-${String(i).padStart(5, '0')}`, regionCode, name: `基准测试工程 ${i + 1}`, measureType: t.measureType, method: t.method, pollutants: [...t.pollutants], facilityName: `设施 ${i + 1}`, uscc: '', outlet: `DW${String(i).padStart(5, '0')}`, params: {}, baseline: {}, planned: {}, registeredAt: at, status: 'verified', createdBy: 1, createdAt: at, updatedBy: 1, updatedAt: at };
  });
  for (let i = 0; i < projects.length; i += 1000) await db.insert(reductionProject).values(projects.slice(i, i + 1000));
  await db.execute(sql`
    INSERT INTO reduction_dispatch (project_id, month, revision, status, project_status, dates, progress_note, progress_pct, params, claimed, offsets,
      baseline_explanation, accounting, submitted_by, submitted_at)
    SELECT p.id, to_char(make_date(2021 + m / 12, m % 12 + 1, 1), 'YYYY-MM'), 1, 'approved',
      'operating', '{"eventDate":"2021-01-15"}'::jsonb, '稳定运行', 100, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, '',
      jsonb_build_object('year', 2021 + m / 12, 'pollutants', (SELECT jsonb_agg(jsonb_build_object('pollutant', x, 'reduction_t', (p.id % 50 + 5) * (m + 1) / 12.0, 'offset_t', 0,
          'countable_t', (p.id % 50 + 5) * (m + 1) / 12.0, 'rejection', null)) FROM jsonb_array_elements_text(p.pollutants) AS x)),
      1, make_date(2021 + m / 12, m % 12 + 1, 20)::timestamptz
    FROM ${reductionProject} p CROSS JOIN generate_series(0, 59) AS m`);
  await db.execute(sql`INSERT INTO reduction_dispatch_event (dispatch_id, action, comment, actor_user_id, at) SELECT id, 'approve', NULL, 1, submitted_at FROM reduction_dispatch`);
  const targets = await db.select({ id: indicator.id, target: indicator.target }).from(indicator).where(sql`${indicator.code} IN ('I03', 'I04', 'I05', 'I06')`);
  await db.insert(targetAllocation).values(targets.flatMap((t) => regions.map((regionCode) => ({ indicatorId: t.id, regionCode, target: Math.round(((t.target ?? 0) / regions.length) * 100) / 100, reason: '基准测试', updatedAt: at }))));
  // Every region's annual report on every indicator, 2021–2025, on time or 40 days late, approved.
  await db.execute(sql`
    INSERT INTO progress_report (indicator_id, period_key, region_code, revision, status, value, submitted_by, submitted_at)
    SELECT i.id, y::text, r.code, 1, 'approved', 1, 1, (make_date(y + 1, 1, 10) + ((i.id + y) % 3) * 20)::timestamptz
    FROM ${indicator} i CROSS JOIN ${region} r CROSS JOIN generate_series(2021, 2025) AS y WHERE r.kind <> 'city'`);
  await db.execute(sql`INSERT INTO report_event (report_id, action, comment, actor_user_id, at) SELECT id, 'approve', NULL, 1, submitted_at FROM progress_report WHERE submitted_by = 1 AND value = 1`);
  const counts = (await db.execute(sql`SELECT (SELECT count(*) FROM energy_account)::int AS a, (SELECT count(*) FROM reduction_dispatch)::int AS d, (SELECT count(*) FROM progress_report)::int AS r`)) as unknown as { rows: Array<{ a: number; d: number; r: number }> };
  const c = counts.rows[0]!;
  console.log(`data set (${kind}): ${regions.length} regions; ${c.a} approved annual accounts, ${PROJECTS} projects × 60 = ${c.d} approved dispatches, ${c.r} reports; seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const { database, cleanup } = synthetic ? await syntheticDatabase() : await demoDatabase();
const db = database.db;
try {
  const scheme = AssessmentScheme.parse((await referenceAt(db, 'assessment-schemes', '2026-03-31')).value.region);
  let peak = process.memoryUsage().rss;
  const run = async (period: string, cutoff: string) => {
    const s = performance.now();
    const subjects = await computeMetrics(db, 'region', period, cutoff);
    const m = performance.now();
    const results = subjects.map((x) => scoreAssessment(scheme, { metrics: x.metrics, reviewed: [], exemptions: [] }));
    const e = performance.now();
    peak = Math.max(peak, process.memoryUsage().rss);
    const rated = subjects.filter((x) => x.metrics['intensity-completion']?.value !== null).length;
    const tracked = subjects.filter((x) => x.metrics['indicators-on-track']?.value != null).length;
    console.log(`  ${period.padEnd(9)} cut-off ${cutoff}: ${subjects.length} regions (${rated} with intensity, ${tracked} with indicators on track), computeMetrics ${(m - s).toFixed(0)} ms, scoreAssessment ${(e - m).toFixed(1)} ms; ${results.length} scored`);
    return e - s;
  };
  const runs: number[] = [];
  // Cut-offs at the end of April: the counties' annual energy accounts are approved in April (the demo city's
  // calendar), so each year's assessment counts that year's intensity.
  for (let y = 2021; y <= 2025; y++) runs.push(await run(String(y), `${y + 1}-04-30`));
  runs.push(await run('2021-2025', '2026-04-30'));
  const total = runs.reduce((a, b) => a + b, 0);
  console.log(`all 6 runs: ${total.toFixed(0)} ms (per run: min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)} ms)`);
  console.log(`peak memory: rss ${(peak / 2 ** 20).toFixed(0)} MiB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await database.close();
  cleanup();
}
