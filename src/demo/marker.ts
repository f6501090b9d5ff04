import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { appUser, demoDataset, enterprise } from '../db/schema/index';

export type DemoMarker = { seed: number; size: string; asOf: string; generator: string; loadedAt: Date };

/** The demo dataset's marker, or null when the database holds no demo data. */
export async function readDemoMarker(db: Db): Promise<DemoMarker | null> {
  const [row] = await db.select().from(demoDataset);
  return row ? { seed: row.seed, size: row.size, asOf: row.asOf, generator: row.generator, loadedAt: row.loadedAt } : null;
}

export class DemoRefusedError extends Error {}

/**
 * Demo data goes only into a database of its own (issue #12: nothing of it may be mixed into real data). Refuses a
 * database that holds users or enterprises and no demo marker, and one that already holds the demo (reload with --reset).
 */
export async function assertDemoLoadable(db: Db, where: string): Promise<void> {
  const marker = await readDemoMarker(db);
  if (marker) {
    throw new DemoRefusedError(
      `${where} 已载入演示数据（种子 ${marker.seed}，规模 ${marker.size}，截至 ${marker.asOf}）。要重新生成，请加 --reset（会清空这个演示数据库）。`,
    );
  }
  const [[users], [enterprises]] = await Promise.all([db.select({ n: count() }).from(appUser), db.select({ n: count() }).from(enterprise)]);
  if ((users?.n ?? 0) > 0 || (enterprises?.n ?? 0) > 0) {
    throw new DemoRefusedError(
      `拒绝载入演示数据：${where} 已有真实数据（${users?.n ?? 0} 个用户，${enterprises?.n ?? 0} 家企业），演示数据不能与真实数据混在一起。` +
        '请载入单独的演示数据目录：npm run demo（默认 .ecer/demo），或 npx ecer demo load --data-dir 另一个目录。',
    );
  }
}

export async function writeDemoMarker(db: Db, m: DemoMarker): Promise<void> {
  await db.insert(demoDataset).values({ id: 1, ...m });
}
