import { createHash } from 'node:crypto';
import { beijingDate } from '../domain/reporting/calendar';
import fs from 'node:fs/promises';
import path from 'node:path';
import { asc, like, sql } from 'drizzle-orm';
import { appUser } from '../db/schema/index';
import { type Database, openDatabase } from '../db/client';
import type { DemoUser } from '../demo/context';
import { DEMO_MQTT_PREFIX, DEMO_PASSWORD } from '../demo/ids';
import { type DemoLoadResult, loadDemo } from '../demo/load';
import { DemoRefusedError, readDemoMarker } from '../demo/marker';
import { DEMO_SIZES, DEMO_SIZE_NAMES, type DemoSizeName } from '../demo/sizes';
import { startDemoStreams } from '../demo/stream';
import { loadReferenceData } from '../server/boot';
import type { Config } from '../server/config';
import { ensureWebBuilt } from './build-web';
import { serve } from './serve';

export type DemoOptions = { size: string; seed: number; asOf?: string; dataDir?: string; databaseUrl?: string; reset: boolean };

/** Where the demo goes: its own PGlite folder (default ECER_DEMO_DIR), or a PostgreSQL database named explicitly. */
const targetOf = (config: Config, o: DemoOptions) =>
  o.databaseUrl ? { databaseUrl: o.databaseUrl, dataDir: config.demoDir, where: `数据库 ${new URL(o.databaseUrl).pathname.slice(1) || o.databaseUrl}` } : { databaseUrl: null, dataDir: path.resolve(o.dataDir ?? config.demoDir), where: `数据目录 ${path.resolve(o.dataDir ?? config.demoDir)}` };

function parseSize(name: string) {
  if (!(DEMO_SIZE_NAMES as readonly string[]).includes(name)) throw new DemoRefusedError(`--size 只能是 ${DEMO_SIZE_NAMES.join(' | ')}，收到 ${name}`);
  return DEMO_SIZES[name as DemoSizeName];
}

/** The as-of day as Beijing midnight; default today (Beijing). */
function parseAsOf(asOf: string | undefined): Date {
  const day = asOf ?? beijingDate(new Date());
  const d = new Date(`${day}T00:00:00+08:00`);
  if (!/^\d{4}-\d\d-\d\d$/.test(day) || Number.isNaN(d.getTime())) throw new DemoRefusedError(`--as-of 须为 YYYY-MM-DD，收到 ${asOf}`);
  if (d.getUTCFullYear() < 2026) throw new DemoRefusedError(`--as-of 须不早于 2026-01-01（演示数据覆盖整个"十四五"时期），收到 ${day}`);
  return d;
}

/** --reset: empties the demo database, but only one that holds the demo (never real data). */
async function resetDemo(target: ReturnType<typeof targetOf>) {
  const database = await openDatabase(target);
  try {
    const marker = await readDemoMarker(database.db);
    const empty = (await database.db.select({ id: appUser.id }).from(appUser).limit(1)).length === 0;
    if (!marker && !empty) throw new DemoRefusedError(`拒绝清空：${target.where} 不是演示数据库（没有演示标记，且已有用户）。`);
    if (target.databaseUrl) {
      await database.db.execute(sql`drop schema public cascade`);
      await database.db.execute(sql`create schema public`);
      await database.db.execute(sql`drop schema if exists drizzle cascade`);
    }
  } finally {
    await database.close();
  }
  if (!target.databaseUrl) await fs.rm(target.dataDir, { recursive: true, force: true });
}

/** Loads the demo city into its own database; refuses one with real data or one already loaded (unless --reset). */
export async function demoLoad(config: Config, o: DemoOptions, log: (line: string) => void = console.error): Promise<DemoLoadResult> {
  const size = parseSize(o.size);
  const asOf = parseAsOf(o.asOf);
  const target = targetOf(config, o);
  // The platform's own database stays free of demo data even while it is still empty (npm start would use it).
  if (target.databaseUrl ? target.databaseUrl === config.databaseUrl : target.dataDir === config.dataDir) {
    throw new DemoRefusedError(`拒绝载入演示数据：${target.where} 是平台的正式数据库（${target.databaseUrl ? 'DATABASE_URL' : 'ECER_DATA_DIR'}）。演示数据请用单独的目录：npm run demo（默认 .ecer/demo）。`);
  }
  if (o.reset) await resetDemo(target);
  const database = await openDatabase(target);
  try {
    log(`载入演示数据到 ${target.where}（规模 ${size.name}，种子 ${o.seed}，截至 ${o.asOf ?? '今天'}）…`);
    await loadReferenceData(database, config.referenceDir);
    const t = performance.now();
    const result = await loadDemo(database, { seed: o.seed, size, asOf, where: target.where, log, ...(config.demoOnly ? { only: config.demoOnly } : {}) });
    log(`演示数据已载入，用时 ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return result;
  } finally {
    await database.close();
  }
}

/** The accounts to print: every role, a few of each scope, all with the one demo password. */
export function accountLines(users: DemoUser[]): string[] {
  const byRole = (role: DemoUser['role'], n: number) => users.filter((u) => u.role === role).slice(0, n);
  const shown = [...byRole('admin', 1), ...byRole('steering', 1), ...byRole('department', 3), ...byRole('county', 3), ...byRole('enterprise', 3)];
  return [
    `  演示账号（共 ${users.length} 个，密码都是 ${DEMO_PASSWORD}）:`,
    ...shown.map((u) => `    ${u.username.padEnd(16)} ${u.role.padEnd(10)} ${u.displayName}`),
    '    …其余：demo-<部门代码>（如 demo-sthjj）、demo-<地区代码>（如 demo-360702）、demo-e<企业编号>；完整名单：npx ecer demo accounts',
  ];
}

/** `npm run demo`: loads the demo city when its folder holds none yet, then serves it with live meters and stations. */
export async function demoStart(config: Config, o: DemoOptions) {
  const target = targetOf(config, o);
  let loaded: Database | null = await openDatabase(target);
  const marker = await readDemoMarker(loaded.db);
  await loaded.close();
  loaded = null;
  let users: DemoUser[] | null = null;
  if (!marker || o.reset) users = (await demoLoad(config, o)).users;
  ensureWebBuilt(config.webDir);
  const mqttUrl = config.mqttUrl ?? 'mqtt://127.0.0.1:1883';
  // A session of its own per demo database: two demos on one broker would otherwise take each other's session.
  const mqttClientId = config.mqttClientId ?? `${DEMO_MQTT_PREFIX}-${createHash('sha256').update(target.databaseUrl ?? target.dataDir).digest('hex').slice(0, 12)}`;
  const started = await serve({ ...config, dataDir: target.dataDir, databaseUrl: target.databaseUrl, mqttUrl, mqttTopicPrefix: DEMO_MQTT_PREFIX, mqttClientId }, { demo: true });
  const current = (await readDemoMarker(started.database.db))!;
  const hj212 = started.hj212 ? { host: '127.0.0.1', port: started.hj212.gateway.port } : null;
  const streams = await startDemoStreams({ db: started.database.db, marker: current, mqttUrl, hj212, log: (l) => started.app.log.info(l) });
  const lines = ['  ★ 演示数据：以下内容均为程序生成的演示数据，不是官方数据。', ...streams.describe.map((d) => `  实时数据：${d}`)];
  lines.push(...accountLines(users ?? (await demoAccounts(started.database))));
  console.log(`${lines.join('\n')}\n`);
  return started;
}

/** Every demo account (for `ecer demo accounts` and a restarted demo). */
export async function demoAccounts(database: Database): Promise<DemoUser[]> {
  const rows = await database.db
    .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName, role: appUser.role, regionCode: appUser.regionCode, departmentId: appUser.departmentId, enterpriseId: appUser.enterpriseId })
    .from(appUser)
    .where(like(appUser.username, 'demo-%'))
    .orderBy(asc(appUser.id));
  return rows.map((r) => ({ ...r, role: r.role as DemoUser['role'] }));
}
