// bench/dualcontrol-api: p95 of the dual-control evaluation through the API over 20 counties/zones × 6 years
// (2020–2025) × 12 monthly year-to-date accounts (plus each year's annual account), all approved.
// Measures GET /api/dualcontrol/barometer (annual) and /barometer/quarter (year to date). Target: p95 < 100 ms.
// Run: npx tsx bench/dualcontrol-api.ts   (DURATION, CONNECTIONS)
import { energyAccount, energyAnnualTarget, energyTarget, region } from '../src/db/schema/index';
import { loadTest, seededServer } from './server-process';

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const { base, cookie, close } = await seededServer('dualcontrol', async (db) => {
  const regions = (await db.select({ code: region.code, kind: region.kind }).from(region)).filter((r) => r.kind !== 'city').map((r) => r.code);
  const at = new Date('2026-01-01T00:00:00Z');
  const accounts: Array<typeof energyAccount.$inferInsert> = [];
  regions.forEach((regionCode, i) => {
    let annual = 300 + 20 * i;
    for (let year = 2020; year <= 2025; year++) {
      const growth = 0.04 + ((i + year) % 5) / 100;
      if (year > 2020) annual *= 1 + growth - 0.03;
      const common = { regionCode, revision: 1, status: 'approved', submittedBy: 1, submittedAt: at, nonFossil: annual * 0.2, renewableElectricity: 10 + (year - 2020), feedstock: 5 };
      accounts.push({ ...common, periodKey: String(year), energy: annual, gdpCurrent: year === 2020 ? 800 + 10 * i : null, gdpGrowth: year === 2020 ? null : growth });
      for (let m = 1; m <= 12; m++) accounts.push({ ...common, periodKey: `${year}-M${String(m).padStart(2, '0')}`, energy: (annual * m) / 12, gdpGrowth: growth, feedstock: (5 * m) / 12 });
    }
});
await db.insert(energyTarget).values(regions.map((regionCode) => ({ regionCode, baseYear: 2020, years: 5, basic: 0.125, incentive: 0.14, source: 'bench', updatedAt: at })));
await db.insert(energyAnnualTarget).values(regions.flatMap((regionCode) => [2021, 2022, 2023, 2024, 2025].map((year) => ({ regionCode, year, plannedGdpGrowth: 0.06, intensityReduction: null, updatedAt: at }))));
for (let i = 0; i < accounts.length; i += 1000) await db.insert(energyAccount).values(accounts.slice(i, i + 1000));
console.log(`data set: ${regions.length} regions × 6 years × (12 months + the year) = ${accounts.length} approved accounts`);
});

try {
  for (const path of ['/api/dualcontrol/barometer?year=2025', '/api/dualcontrol/barometer/quarter?year=2025&quarter=2']) {
    const url = `${base}${path}`;
    const check = await fetch(url, { headers: { cookie } });
    if (check.status !== 200) throw new Error(`${path} answered ${check.status}: ${await check.text()}`);
    const rated = ((await check.json()) as { regions: Array<{ notRated: string | null }> }).regions.filter((r) => r.notRated === null).length;
    const { result, pct } = await loadTest(url, cookie, CONNECTIONS, DURATION);
    console.log(`GET ${path} (${rated} regions rated), ${CONNECTIONS} connections, ${DURATION} s: ${result.requests.total} requests, non-2xx ${result.non2xx}`);
    console.log(`  latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`);
  }
} finally {
  await close();
}
