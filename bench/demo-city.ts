// The demo city (issue #12) as a benchmark's data set: the same generator as `npm run demo` and the browser tests, at
// the large size by default (BENCH_DEMO_SIZE), so what a demo shows is what the benchmarks measure.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { demoLoad } from '../src/cli/demo';
import { type Db, openDatabase } from '../src/db/client';
import { DEMO_PASSWORD } from '../src/demo/ids';
import type { DemoSizeName } from '../src/demo/sizes';
import { loadConfig } from '../src/server/config';
import { DEMO_TEST_AS_OF, DEMO_TEST_SEED, rowsOf } from '../test/helpers/demo';
import { benchServerEnv, served, sessionCookie, startAndWait } from './server-process';

export const benchDemoSize = (process.env.BENCH_DEMO_SIZE ?? 'large') as DemoSizeName;

/** Generates the demo city into a fresh data folder, serves it (`ecer serve`) and signs in as demo-admin. */
export async function demoServer(name: string, size: DemoSizeName = benchDemoSize) {
  const { env, base, cleanup } = benchServerEnv(name);
  const dataDir = path.join(path.dirname(env.ECER_DATA_DIR!), 'demo');
  const t0 = performance.now();
  await demoLoad(loadConfig(env), { size, seed: DEMO_TEST_SEED, asOf: DEMO_TEST_AS_OF, dataDir, reset: true }, () => {});
  console.log(`data set: the demo city, size ${size}, seed ${DEMO_TEST_SEED}, as of ${DEMO_TEST_AS_OF}, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const database = await openDatabase({ databaseUrl: null, dataDir });
  try {
    console.log(`  ${(await demoCounts(database.db)).map(([t, n]) => `${n.toLocaleString('en')} ${t}`).join(', ')}`);
  } finally {
    await database.close();
  }
  env.ECER_DATA_DIR = dataDir;
  const server = await startAndWait(process.execPath, ['bin/ecer.mjs', 'serve'], env, base);
  return served(base, env, await sessionCookie(base, 'demo-admin', DEMO_PASSWORD), server, cleanup);
}

/** Rows of the main tables the benchmarks read, to print beside their figures. */
export async function demoCounts(db: Db) {
  const tables = ['enterprise', 'progress_report', 'energy_account', 'energy_report', 'reduction_project', 'reduction_dispatch', 'station', 'reading', 'meter_hour', 'inspection', 'assessment'];
  const out: Array<[string, number]> = [];
  // Table names are the constants above.
  for (const t of tables) out.push([t, Number((await rowsOf<{ n: string }>(db, sql.raw(`SELECT count(*) AS n FROM ${t}`)))[0]!.n)]);
  return out;
}
