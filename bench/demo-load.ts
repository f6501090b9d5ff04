// bench/demo-load: how long the demo city (issue #12) takes to generate, per size, into a fresh in-memory PGlite
// (migrated, reference data and plan loaded first; that part is not counted), with each step's time and the rows made.
// Run: npx tsx bench/demo-load.ts   (LARGE=1 to add the large size, which takes minutes; SEED)
import { sql } from 'drizzle-orm';
import type { DemoSizeName } from '../src/demo/sizes';
import { loadDemoCity, rowsOf } from '../test/helpers/demo';

const sizes: DemoSizeName[] = process.env.LARGE ? ['small', 'standard', 'large'] : ['small', 'standard'];
const seed = Number(process.env.SEED ?? 2026);

for (const size of sizes) {
  const { database, result, ms } = await loadDemoCity(size, { seed });
  try {
    // Row count as the planner estimates it after ANALYZE (exact enough for a size, and fast at the large size).
    await database.db.execute(sql`ANALYZE`);
    const rows = await rowsOf<{ n: string }>(database.db, sql`
      SELECT sum(c.reltuples)::bigint AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples > 0`);
    const steps = Object.entries(result.ms).map(([name, t]) => `${name} ${(t / 1000).toFixed(1)} s`).join(', ');
    console.log(`${size.padEnd(8)} ${(ms / 1000).toFixed(1)} s, ~${Number(rows[0]?.n ?? 0).toLocaleString('en')} rows, ${result.city.enterprises.length} enterprises, ${result.users.length} accounts; ${steps}`);
    console.log(`         peak memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    await database.close();
  }
}
