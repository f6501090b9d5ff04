import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { type Database, type Db, openDatabase } from '../../src/db/client';
import { beijing } from '../../src/demo/context';
import { type DemoLoadResult, loadDemo } from '../../src/demo/load';
import { DEMO_SIZES, type DemoSizeName } from '../../src/demo/sizes';
import { loadReferenceData } from '../../src/server/boot';

/**
 * The demo city the tests and benchmarks share (issue #12: "what a demo shows is what the tests exercise"): the same
 * generator as `npm run demo`, with a fixed seed and as-of day so every run sees the same city.
 */
export const DEMO_TEST_SEED = 2026;
export const DEMO_TEST_AS_OF = '2026-11-20';

const referenceDir = path.resolve(import.meta.dirname, '../../data');

export type LoadedDemoCity = { database: Database; result: DemoLoadResult; /** load time of the demo steps (not the reference data), ms */ ms: number };

/**
 * Loads the demo city of `size` into a fresh in-memory PGlite (migrated, reference data and plan loaded) — or into
 * `database` when one is given (a copy of the tests' seeded snapshot, which saves loading the plan again).
 */
export async function loadDemoCity(size: DemoSizeName, o: { seed?: number; database?: Database; log?: (line: string) => void; /** only these steps after the org step (see DemoLoadOptions.only) */ only?: string[] } = {}): Promise<LoadedDemoCity> {
  let database = o.database;
  if (!database) {
    database = await openDatabase({ databaseUrl: null });
    await loadReferenceData(database, referenceDir);
  }
  const t = performance.now();
  const result = await loadDemo(database, {
    seed: o.seed ?? DEMO_TEST_SEED,
    size: DEMO_SIZES[size],
    asOf: beijing(DEMO_TEST_AS_OF),
    where: `演示数据库（${size}）`,
    log: o.log ?? (() => {}),
    ...(o.only ? { only: o.only } : {}),
  });
  return { database, result, ms: performance.now() - t };
}

const snapshots = new Map<string, Promise<Blob>>();

/**
 * A fresh copy of the demo city of `size`: generated once per process and kept as a PGlite snapshot, so a benchmark
 * or test that needs several databases with the same city does not generate it again.
 */
export async function openDemoCity(size: DemoSizeName, seed = DEMO_TEST_SEED): Promise<Database> {
  const key = `${size}/${seed}`;
  if (!snapshots.has(key)) {
    snapshots.set(
      key,
      loadDemoCity(size, { seed }).then(async ({ database }) => {
        const blob = await database.snapshot!();
        await database.close();
        return blob;
      }),
    );
  }
  return openDatabase({ databaseUrl: null, snapshot: await snapshots.get(key)! });
}

/** The rows of a raw query (Db.execute is typed loosely over both drivers; both answer `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
